// A helper reads an array that the caller changes after the call, at
// places gradc cannot count (a loop of n elements): the helper's pullback
// would read the changed array. Refused at the call, with advice that can
// be followed; the advice's rewrite (a copy passed instead) is checked
// against finite differences in the interpreter.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h -- -DREFUSED 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
// RUN: %gradc %s --check --at 'x=[0.5,-1,2],n=3' --function copied | FileCheck %s --check-prefix=COPY
#include <gradc/gradc.h>

#include <vector>

static double total(const double *a, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += a[i] * a[i];
  return s;
}

#ifdef REFUSED
GRADC_DIFF("grad")
double changed(double *x, int n) {
  // CHECK: changed_after_call_refused.cpp:[[@LINE+1]]:14: error: 'x' changes after this call to total, whose pullback reads it at places gradc cannot count; copy it into a local array or std::vector before the call and pass the copy
  double s = total(x, n);
  x[0] = s * 2;
  return x[0] + s;
}
// CHECK: no output written
#endif

// COPY: ok: all 3 entries agree with finite differences
GRADC_DIFF("grad")
double copied(double *x, int n) {
  std::vector<double> c(n);
  for (int i = 0; i < n; ++i)
    c[i] = x[i];
  double s = total(c.data(), n);
  x[0] = s * 2;
  return x[0] + s;
}
