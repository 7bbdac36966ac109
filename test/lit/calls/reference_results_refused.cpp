// What stays refused of helpers returning a reference: writing through one
// of two places chosen by a condition, through a helper that returns
// before its end or assigns a parameter, and a reference to the helper's
// own local (undefined behaviour), and a write in a loop's header, where
// the helper's body cannot be written. An error at the user's line saying
// what to write instead, and no output.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: FileCheck %s --check-prefix=LOCAL < %t.err
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

double &larger(double &a, double &b) { return a > b ? a : b; }

double &first_positive(double *a, int n) {
  for (int i = 0; i < n; ++i)
    if (a[i] > 0)
      return a[i];
  return a[0];
}

double &wrapped(double *a, int k) {
  k = k % 4;
  return a[k];
}

double &biggest(double *a, int n) {
  int k = 0;
  for (int i = 1; i < n; ++i)
    if (a[i] > a[k])
      k = i;
  return a[k];
}

double &dangling(double x) {
  double t = 2 * x;
  // LOCAL: reference_results_refused.cpp:[[@LINE+1]]:10: error: 'dangling' returns a reference to its local variable 't', which ends with the call (undefined behaviour); return by value, or a reference to memory the caller gives
  return t;
}

GRADC_DIFF("grad")
double choice(double x, double y) {
  double u = x, v = y;
  // CHECK: reference_results_refused.cpp:[[@LINE+1]]:3: error: 'larger' returns one of two places chosen by a condition (line 14); gradc reads such a result, but does not write through it yet: write each place in a branch ('if (c) a = v; else b = v;')
  larger(u, v) = 0;
  return u + v;
}

GRADC_DIFF("grad")
double early(double *a, int n) {
  // CHECK: reference_results_refused.cpp:[[@LINE+1]]:3: error: 'first_positive' returns a reference, and its result is written here: gradc names the place it returns when its one 'return' ends its body; return once, at the end
  first_positive(a, n) *= 2;
  return a[0] + a[1];
}

GRADC_DIFF("grad")
double param(double *a, int k) {
  // CHECK: reference_results_refused.cpp:[[@LINE+1]]:3: error: 'wrapped' returns a reference, and its result is written here: it assigns its parameter 'k'; copy it into a local variable of the helper
  wrapped(a, k) += 1;
  return a[0] * a[1];
}

GRADC_DIFF("grad")
double in_header(double *a, int n) {
  double s = 0;
  // CHECK: reference_results_refused.cpp:[[@LINE+1]]:31: error: 'biggest' returns a reference, and its result is written here: gradc writes its body where it is called, which cannot be in a loop's header; write through it in the loop's body
  for (int i = 0; i < 3; ++i, biggest(a, n) *= 0.5)
    s += a[i];
  return s;
}

GRADC_DIFF("grad")
double local(double x) { return dangling(x) * x; }

// CHECK: gradc: {{.*}}reference_results_refused.cpp: 5 errors; no output written
