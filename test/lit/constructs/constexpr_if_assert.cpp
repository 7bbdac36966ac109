// `if constexpr` in a function template: each instance keeps the branch
// its condition chooses (the other is not instantiated, and not read).
// `assert(c);` is a check of the function's own: the generated functions
// leave it out (the primal, which the caller also runs, keeps it).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 3 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cassert>
#include <cmath>
#include <type_traits>

/// Squared for floating point, as is otherwise; a third branch nested.
template <typename T> T shape(T x) {
  if constexpr (std::is_floating_point_v<T>) {
    if constexpr (sizeof(T) == 4)
      return x;
    return x * x;
  } else {
    return x + 1;
  }
}

GRADC_DIFF("grad")
double squared(double x) { return shape(x) + shape(2) * x; }
// TEXT-LABEL: inline double squared_pullback(double x, double dout, double &dx) {
// TEXT-NOT:     sizeof
// TEXT:         dx += {{.*}}

template <int N> double power(double x) {
  double p = 1;
  for (int i = 0; i < N; ++i)
    p *= x;
  if constexpr (N > 2)
    p += std::sin(x);
  return p;
}

GRADC_DIFF("grad")
double powers(double x) { return power<2>(x) + power<3>(x); }

GRADC_DIFF("grad")
double sum_squares(const double *x, int n) {
  assert(n > 0);
  assert(x != nullptr && "x must point at n numbers");
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += x[i] * x[i];
  return s;
}
// TEXT-LABEL: inline double sum_squares_pullback(
// TEXT-NOT:     assert(
// TEXT:         s += x[i] * x[i];

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

int main() {
  GRADC_CHECK_1(squared, 0.7);
  GRADC_CHECK_1(powers, 0.9);
  gradc_check::check_arrays(
      "sum_squares", {{"x", {0.5, -1.5, 2.0}}}, {{"n", {3}}},
      [](const Arrays &p) { return sum_squares(p[0].data(), 3); },
      [](const Arrays &p, Arrays &d) {
        return sum_squares_grad(p[0].data(), 3, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        sum_squares_pullback(p[0].data(), 3, s, d[0].data());
      });
  return gradc_check::finish();
}
#endif
