// std::pow where its partials meet 0 * inf: the base's partial for an
// exponent that is 0 (`c[k] * std::pow(x, k)` at x = 0, k = 0) and the
// exponent's where the base is 0 (a p-norm with a learned p at an element
// that is 0) are 0, not NaN.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function poly --check --at 'c=[1,2,3],deg=2,x=0' | FileCheck %s --check-prefix=CHECK-POLY
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
// CHECK-POLY: ok: all 4 entries agree with finite differences
#include <gradc/gradc.h>

#include <cmath>

GRADC_DIFF("grad")
double poly(const double *c, int deg, double x) {
  double y = 0;
  for (int k = 0; k <= deg; ++k)
    y += c[k] * std::pow(x, k);
  return y;
}
// TEXT-LABEL: inline double poly_pullback(
// TEXT:         (conv == 0 ? 0.0 : conv * std::pow(x, conv - 1))

GRADC_DIFF("grad")
double pnorm(const double *x, int n, double p) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += std::pow(x[i] * x[i] + 0.5, p) + std::pow(x[i] * x[i], p);
  return std::pow(s, 1.0 / p);
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

int main() {
  for (double X : {0.0, 0.5}) {
    gradc_check::check_arrays(
        "poly", {{"c", {1, 2, 3}}, {"x", {X}}}, {{"deg", {2}}},
        [](const Arrays &p) { return poly(p[0].data(), 2, p[1][0]); },
        [](const Arrays &p, Arrays &d) {
          return poly_grad(p[0].data(), 2, p[1][0], d[0].data(), d[1][0]);
        },
        [](const Arrays &p, double s, Arrays &d) {
          poly_pullback(p[0].data(), 2, p[1][0], s, d[0].data(), d[1][0]);
        });
  }
  // x[1] = 0: pow(x * x, p) is 0 there, with a partial in p of 0. (Finite
  // differences in x[1] are taken around 0, where x * x is smooth.)
  gradc_check::check_arrays(
      "pnorm", {{"x", {0.5, 0, -2}}, {"p", {1.5}}}, {{"n", {3}}},
      [](const Arrays &p) { return pnorm(p[0].data(), 3, p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return pnorm_grad(p[0].data(), 3, p[1][0], d[0].data(), d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        pnorm_pullback(p[0].data(), 3, p[1][0], s, d[0].data(), d[1][0]);
      });
  return gradc_check::finish();
}
#endif
