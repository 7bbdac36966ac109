// gradc's own custom pullbacks (<gradc/std_pullbacks.h>) of the spherical
// Bessel and Neumann functions with respect to x (j_n' = (n / x) j_n -
// j_{n+1}, y_n alike; j_n'(0) is 1/3 for n = 1, else 0), in double, float
// and long double. The order n is an integer: no derivative. Checked
// compiled against finite differences.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %clangxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t.clang && %t.clang
// CHECK-NOT: FAIL
// CHECK: ALL OK
// TEXT-LABEL: inline double spherical_pullback(double x, double dout, double &dx) {
// TEXT: gradc::sph_neumann_pullback(1, x,
// TEXT: gradc::sph_bessel_pullback(2, x,
#include <gradc/gradc.h>
#include <gradc/std_pullbacks.h>

#include <cmath>

GRADC_DIFF("grad")
double spherical(double x) {
  long double l = x;
  return std::sph_bessel(2, x) * x + std::sph_bessel(0, x) +
         std::sph_neumann(1, x) +
         static_cast<double>(std::sph_bessel(3, l) + std::sph_neumann(0, l));
}

GRADC_DIFF("grad")
double at_zero(double x) {
  return std::sph_bessel(0, x) + std::sph_bessel(1, x) + std::sph_bessel(2, x);
}

GRADC_DIFF("grad")
double all_float(double x) {
  float u = static_cast<float>(x);
  return std::sph_bessel(1, u) + std::sph_neumann(2, u);
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  for (double X : {0.4, 1.3, 5.2}) {
    GRADC_CHECK_1(spherical, X);
    GRADC_CHECK_1(at_zero, X);
    GRADC_CHECK_1_TOL(all_float, X, 1e-2);
  }
  // x = 0, where n / x would divide by zero (and j_n is not defined for
  // x < 0, so no central difference): j_0'(0) + j_1'(0) + j_2'(0) = 1/3.
  double D = 0;
  at_zero_grad(0.0, D);
  gradc_check::expect("at_zero'(0)", D, 1.0 / 3);
  return gradc_check::finish();
}
#endif
