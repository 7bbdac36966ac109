// What stays refused of helpers that change the size of a std::vector
// they are given (growing_helpers.cpp works): a vector that is not a
// local of the caller, a helper returning a value, returning early or
// calling itself, a number it reads by const reference and changes;
// each at its line with a way out, and no output.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <vector>

void add_feature(std::vector<double> &out, double v) { out.push_back(v * v); }

double add_ret(std::vector<double> &out, double v) {
  out.push_back(v);
  return v;
}

void add_early(std::vector<double> &out, double v) {
  if (v > 0)
    return;
  out.push_back(v);
}

void add_rec(std::vector<double> &out, double v, int n) {
  out.push_back(v);
  if (n > 0)
    add_rec(out, v, n - 1);
}

GRADC_DIFF("grad wrt(x)")
double on_param(std::vector<double> &f, double x) {
  // CHECK: growing_helpers_refused.cpp:[[@LINE+1]]:15: error: 'add_feature' changes the size of the std::vector given for its parameter 'out'; gradc follows the size of a local std::vector of 'on_param', passed by its name: copy 'f' into a local ('std::vector<double> u = f;'), pass that, and return or write back what you need
  add_feature(f, x);
  return f[0];
}

GRADC_DIFF("grad")
double non_void(double x) {
  std::vector<double> f;
  // CHECK: growing_helpers_refused.cpp:[[@LINE+1]]:14: error: 'add_ret' changes the size of a std::vector it is given, so gradc writes its body where it is called; it must return void: give what it computes back through a reference parameter ('double &out')
  double y = add_ret(f, x);
  return f[0] + y;
}

GRADC_DIFF("grad")
double early(double x) {
  std::vector<double> f;
  // CHECK: growing_helpers_refused.cpp:[[@LINE+1]]:3: error: 'add_early' changes the size of a std::vector it is given, so gradc writes its body where it is called; it must run to its end: put what follows an early 'return' in an 'else'
  add_early(f, x);
  return f.empty() ? x : f[0];
}

GRADC_DIFF("grad")
double rec(double x) {
  std::vector<double> f;
  add_rec(f, x, 2);
  return f[0];
}

// (Reported where the helper calls itself, after the calls above.)
// CHECK: growing_helpers_refused.cpp:{{[0-9]+}}:5: error: 'add_rec' changes the size of a std::vector it is given, so gradc writes its body where it is called; it calls itself: grow the vector in a loop instead

// A number given by const reference that the helper changes through
// another argument: C++ reads it after the change.
void add_scaled(std::vector<double> &out, const double &v, double &acc) {
  acc *= 2;
  out.push_back(v * acc);
}

GRADC_DIFF("grad")
double aliased(double x) {
  std::vector<double> f;
  double a = x;
  // CHECK: growing_helpers_refused.cpp:[[@LINE+1]]:3: error: 'add_scaled' changes the size of a std::vector it is given, so gradc writes its body where it is called; 'a' is given to it twice, once to change: pass a copy of what it reads ('double c = a;')
  add_scaled(f, a, a);
  return f[0] + a;
}
// CHECK: gradc: {{.*}}growing_helpers_refused.cpp: 5 errors; no output written
