// A floating variable given an integer literal (`double c = 3;`) is a
// constant gradc writes where it is read: as a floating literal wherever
// the integer would change the meaning. `c / 2` was printed `3 / 2`, an
// integer division (a wrong value and gradient, with --check agreeing);
// a template given `lo` deduced int, an overload chose its int version.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
#include <gradc/gradc.h>

#include <algorithm>
#include <cstddef>
#include <vector>

GRADC_DIFF("grad")
double halves(double x) {
  double c = 3;
  return x * (c / 2);
}
// TEXT-LABEL: inline double halves_pullback(
// TEXT:         double quot = 3.0 / 2.0;

GRADC_DIFF("grad")
double inverse(double x) {
  double n = 2;
  double w = 1 / n;
  double c(3), d{2};
  float f = 1;
  return x * w + x * (c / d) + x * (f / 2);
}

template <class T> T mean2(T a, T b) { return (a + b) / 2; }
template <class T> T clampT(T v, T lo, T hi) {
  return v < lo ? lo : (v > hi ? hi : v);
}
[[maybe_unused]] static int half(int v) { return v / 2; }
static double half(double v) { return v / 2; }

GRADC_DIFF("grad")
double chosen(double x) {
  double lo = 0, hi = 1, c = 3;
  return x * mean2(lo, hi) + clampT(x, lo, hi) * x + x * half(c);
}
// TEXT-LABEL: inline double chosen_pullback(
// TEXT:         mean2(0.0, 1.0)
// TEXT:         clampT(x, 0.0, 1.0)
// TEXT:         half(3.0)

// A std::size_t local is written std::size_t (what .size() returns), and
// a constant given to std::max beside one has its type.
GRADC_DIFF("grad")
double sized(const std::vector<double> &v, double x) {
  std::size_t k = 2;
  std::size_t n = v.size();
  std::size_t m = std::max(k, v.size()) + std::min(n, v.size() - 1);
  return x * static_cast<double>(m) + v[0];
}
// TEXT-LABEL: inline double sized_pullback(
// TEXT:         std::size_t n = v.size();
// TEXT:         std::max(static_cast<std::size_t>(2), v.size())

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_1(halves, 2.0);
  GRADC_CHECK_1(inverse, 2.0);
  GRADC_CHECK_1(chosen, 0.5);
  GRADC_CHECK_1(chosen, 1.5);
  gradc_check::check_arrays(
      "sized", {{"v", {0.5, 1.5, -2}}, {"x", {0.75}}}, {},
      [](const gradc_check::Arrays &p) { return sized(p[0], p[1][0]); },
      [](const gradc_check::Arrays &p, gradc_check::Arrays &d) {
        return sized_grad(p[0], p[1][0], d[0], d[1][0]);
      },
      [](const gradc_check::Arrays &p, double s, gradc_check::Arrays &d) {
        sized_pullback(p[0], p[1][0], s, d[0], d[1][0]);
      });
  return gradc_check::finish();
}
#endif
