// What stays refused around std::min, std::max and std::swap: an error at
// the user's line saying what to write instead, and no output.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <algorithm>
#include <utility>
#include <vector>

GRADC_DIFF("grad")
double ref_then_written(double a, double b) {
  // CHECK: minmax_swap_refused.cpp:[[@LINE+1]]:17: error: 'm' names an argument of 'std::max' that this function also writes, which gradc does not follow; declare 'm' as a value ('double m = ...;')
  const double &m = std::max(a, b);
  a = 2 * b;
  return m * a;
}

GRADC_DIFF("grad")
double ref_element_written(double *x, double y) {
  // CHECK: minmax_swap_refused.cpp:[[@LINE+1]]:17: error: 'm' names an argument of 'std::min' that this function also writes
  const double &m = std::min(x[0], x[1]);
  double *p = x;
  p[1] = y;
  return m;
}

GRADC_DIFF("grad")
double minmax_then_written(double x, double y) {
  // CHECK: minmax_swap_refused.cpp:[[@LINE+1]]:8: error: these bindings name an argument of 'std::minmax' that this function also writes, which gradc does not follow; bind copies ('double a = x, b = y;', then 'std::minmax(a, b)')
  auto [lo, hi] = std::minmax(x, y);
  x = 2 * y;
  return lo * hi + x;
}

GRADC_DIFF("grad")
double ref_to_temporary(double a, double b) {
  // CHECK: minmax_swap_refused.cpp:[[@LINE+1]]:17: error: 'm' may name 'a * b', a temporary that 'std::max' returns a reference to and that ends with this statement (undefined behaviour); declare 'm' as a value ('double m = ...;')
  const double &m = std::max(a * b, b);
  return m * a;
}

GRADC_DIFF("grad")
double minmax_temporary(double x, double y) {
  // CHECK: minmax_swap_refused.cpp:[[@LINE+1]]:31: error: std::minmax returns references to its arguments, and 'x * y' is a temporary that ends with this statement (undefined behaviour); store it in a variable first
  auto [lo, hi] = std::minmax(x * y, y);
  return lo * hi;
}

GRADC_DIFF("grad")
double swap_vectors(double a) {
  std::vector<double> u(2), v(3);
  u[0] = a;
  // CHECK: minmax_swap_refused.cpp:[[@LINE+1]]:3: error: swapping these 'std::vector<double>' is not supported: gradc swaps two std::vectors of one size, and cannot prove these are ('std::vector<double> a(n), b(n);')
  std::swap(u, v);
  return u[0] * v[0];
}

GRADC_DIFF("grad")
double int_comparator(double a, int i, int n) {
  // CHECK: minmax_swap_refused.cpp:[[@LINE+1]]:11: error: call to 'std::max' with 3 arguments is not supported
  int k = std::max(i, n, [](int l, int r) { return l < r; });
  return a * k;
}
