// A user's custom pullback of a std:: function is accepted for the overload
// the code calls, matched by its signature: `std::ldexp(float, int)` (an
// overload <cmath> declares in std), `std::ldexp(long double, int)`, and
// `std::beta(double, double)` and `std::expint(double)`, which
// libstdc++ declares as templates (the call names the instance
// `std::expint<double>`). The pullbacks live at namespace scope, since
// nothing may be added to std. No <gradc/std_pullbacks.h> here.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// CHECK-NOT: FAIL
// CHECK: ALL OK
// TEXT-NOT: std_pullbacks.h
// TEXT-LABEL: inline double scaled_pullback(double x, double dout, double &dx) {
// TEXT: ldexp_pullback(l, -2,
// TEXT: ldexp_pullback(u, 3,
// TEXT-LABEL: inline double special_pullback(double x, double dout, double &dx) {
// The adjoint of the constant 1.5 is a scratch variable.
// TEXT: double db_beta = 0;
// TEXT-NEXT: beta_pullback(x, 1.5, dout, dx, db_beta);
// TEXT: expint_pullback(x, x * dout, dx);
#include <gradc/gradc.h>

#include <cmath>

GRADC_DIFF("custom")
void ldexp_pullback(float, int e, float dout, float &dx) {
  dx += std::ldexp(dout, e);
}

GRADC_DIFF("custom")
void ldexp_pullback(long double, int e, long double dout, long double &dx) {
  dx += std::ldexp(dout, e);
}

GRADC_DIFF("custom")
void expint_pullback(double x, double dout, double &dx) {
  dx += dout * std::exp(x) / x;
}

// d/da B(a, b) = B(a, b) (psi(a) - psi(a + b)), psi = gradc::digamma.
GRADC_DIFF("custom")
void beta_pullback(double a, double b, double dout, double &da, double &db) {
  double g = dout * std::beta(a, b), s = gradc::digamma(a + b);
  da += g * (gradc::digamma(a) - s);
  db += g * (gradc::digamma(b) - s);
}

GRADC_DIFF("grad")
double scaled(double x) {
  float u = static_cast<float>(x);
  long double l = x;
  return std::ldexp(u, 3) + static_cast<double>(std::ldexp(l, -2) * l);
}

GRADC_DIFF("grad")
double special(double x) {
  return std::expint(x) * x + std::beta(x, 1.5);
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  for (double X : {0.5, 1.25, 2.5}) {
    GRADC_CHECK_1(special, X);
    // ldexp of a float is exact: the float's rounding of x is all there is.
    GRADC_CHECK_1_TOL(scaled, X, 1e-2);
  }
  return gradc_check::finish();
}
#endif
