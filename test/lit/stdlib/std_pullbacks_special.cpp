// gradc's own custom pullbacks (<gradc/std_pullbacks.h>) of C++17's
// special functions with a derivative in closed form: the exponential
// integral (Ei' = e^x / x), the beta function (through digamma, in both
// arguments) and the complete elliptic integrals of the first and second
// kind (in k, flat at k = 0), in double, float and long double. Checked
// compiled against finite differences.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %clangxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t.clang && %t.clang
// CHECK-NOT: FAIL
// CHECK: ALL OK
// TEXT-LABEL: inline double expint_double_pullback(double x, double dout, double &dx) {
// TEXT: double expint_x = std::expint(x);
// TEXT: gradc::expint_pullback(x, x * dout, dx);
// TEXT-LABEL: inline double beta_double_pullback(double a, double b, double dout, double &da,
// TEXT: gradc::beta_pullback(a, b, dout, da, db);
#include <gradc/gradc.h>
#include <gradc/std_pullbacks.h>

#include <cmath>

GRADC_DIFF("grad")
double expint_double(double x) { return std::expint(x) * x; }

GRADC_DIFF("grad")
double expint_long(double x) {
  long double u = x;
  return static_cast<double>(std::expint(u * u));
}

GRADC_DIFF("grad")
double beta_double(double a, double b) { return std::beta(a, b); }

GRADC_DIFF("grad")
double beta_long(double a, double b) {
  long double u = a, v = b;
  return static_cast<double>(std::beta(u * v, v));
}

GRADC_DIFF("grad")
double ellint(double k) {
  long double l = k;
  return std::comp_ellint_1(k) * k + std::comp_ellint_2(k) +
         static_cast<double>(std::comp_ellint_1(l) - std::comp_ellint_2(l));
}

GRADC_DIFF("grad")
double all_float(double x) {
  float u = static_cast<float>(x);
  return std::expint(u) + std::beta(u, 2.0f) + std::comp_ellint_1(u / 2) +
         std::comp_ellint_2(u / 2);
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  for (double X : {0.3, 0.75, 1.6}) {
    GRADC_CHECK_1(expint_double, X);
    GRADC_CHECK_1(expint_long, X);
    GRADC_CHECK_2(beta_double, X, 1.4);
    GRADC_CHECK_2(beta_long, 2.1, X);
    GRADC_CHECK_1(ellint, X / 2);
    GRADC_CHECK_1_TOL(all_float, X, 1e-2);
  }
  // K and E are flat at k = 0.
  GRADC_CHECK_1(ellint, 0.0);
  return gradc_check::finish();
}
#endif
