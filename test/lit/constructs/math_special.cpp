// The <cmath> functions added to exp ... erf (exp2, fma, the inverse
// hyperbolic functions, three-argument hypot, erfc, lgamma and tgamma),
// checked against central finite differences, adjoint accumulation, the
// pullback and gradc's interpreter, at points away from poles.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out
// RUN: %clangxx -DGRADC_OUT='"%t.grad.h"' %s -o %t.clang && %t.clang
// CHECK-NOT: FAIL
// CHECK: ALL OK
// The local derivatives, as they read:
// TEXT-LABEL: inline double f_exp2_pullback(double x, double dout, double &dx) {
// TEXT: dx += 0.6931471805599453 * f_exp2 * dout;
// TEXT-LABEL: inline double f_exp2_grad(double x, double &dx) {
// TEXT-NEXT: return f_exp2_pullback(x, 1, dx);
// TEXT-LABEL: inline double f_asinh_pullback(
// TEXT: dx += dout / std::hypot(x, 1.0);
// TEXT-LABEL: inline double f_acosh_pullback(
// TEXT: dx += dout / (std::sqrt(x - 1) * std::sqrt(x + 1));
// TEXT-LABEL: inline double f_atanh_pullback(
// TEXT: dx += dout / ((1 - x) * (1 + x));
// TEXT-LABEL: inline double f_erfc_pullback(
// TEXT: dx -= 1.1283791670955126 * std::exp(-(x * x)) * dout;
// TEXT-LABEL: inline double f_lgamma_pullback(
// TEXT: dx += gradc::digamma(x) * dout;
// TEXT-LABEL: inline double f_tgamma_pullback(
// TEXT: dx += f_tgamma * gradc::digamma(x) * dout;
// TEXT-LABEL: inline double f_tgamma_grad(double x, double &dx) {
// TEXT-NEXT: return f_tgamma_pullback(x, 1, dx);
// TEXT-LABEL: inline double h_fma_pullback(
// TEXT: dx += y * dout;
// TEXT-NEXT: dy += x * dout;
// TEXT-NEXT: dz += dout;
// TEXT-LABEL: inline double h_hypot_pullback(
// TEXT: double h_hypot = std::hypot(x, y, z);
// TEXT: dx += x / h_hypot * dout;
// TEXT-NEXT: dy += y / h_hypot * dout;
// TEXT-NEXT: dz += z / h_hypot * dout;
#include <gradc/gradc.h>

#include <cmath>

#define UNARY(name, expr)                                                      \
  GRADC_DIFF("grad") double name(double x) { return expr; }

UNARY(f_exp2, std::exp2(x))
UNARY(f_asinh, std::asinh(x))
UNARY(f_acosh, acosh(x))
UNARY(f_atanh, std::atanh(x))
UNARY(f_erfc, std::erfc(x))
UNARY(f_lgamma, std::lgamma(x))
UNARY(f_tgamma, tgamma(x))
// The same functions, composed, as in a log-likelihood.
UNARY(f_lbeta, std::lgamma(x) + std::lgamma(2 * x) - std::lgamma(3 * x))

#define TERNARY(name, expr)                                                    \
  GRADC_DIFF("grad") double name(double x, double y, double z) { return expr; }

TERNARY(h_fma, std::fma(x, y, z))
TERNARY(h_hypot, std::hypot(x, y, z))
TERNARY(h_fma_nested, fma(x * y, std::exp2(z), std::hypot(x, z, y)))

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_1(f_exp2, 0.7);
  GRADC_CHECK_1(f_exp2, -3.2);
  GRADC_CHECK_1(f_asinh, 0.4);
  GRADC_CHECK_1(f_asinh, -2.5);
  GRADC_CHECK_1(f_acosh, 1.7);
  GRADC_CHECK_1(f_acosh, 12.0);
  GRADC_CHECK_1(f_acosh, 1.01);
  GRADC_CHECK_1(f_atanh, 0.4);
  GRADC_CHECK_1(f_atanh, -0.9);
  // Near the poles the derivative keeps its digits (against long double):
  // x * x - 1 would lose half of them to cancellation at 1 + 1e-8.
  {
    double X = 1 + 1e-8, D = 0;
    long double E = static_cast<long double>(X) - 1;
    f_acosh_grad(X, D);
    gradc_check::expect("acosh'(1 + 1e-8)", D,
                        static_cast<double>(1 / std::sqrt(E * (2 + E))));
    X = 1 - 1e-9, D = 0;
    E = 1 - static_cast<long double>(X);
    f_atanh_grad(X, D);
    gradc_check::expect("atanh'(1 - 1e-9)", D,
                        static_cast<double>(1 / (E * (2 - E))));
  }
  GRADC_CHECK_1(f_erfc, 0.4);
  GRADC_CHECK_1(f_erfc, -1.3);
  // lgamma on both sides of its minimum, near 0, and where gamma < 0;
  // digamma's series starts at 12, its reflection below 0.
  GRADC_CHECK_1(f_lgamma, 2.5);
  GRADC_CHECK_1(f_lgamma, 1.2);
  GRADC_CHECK_1(f_lgamma, 0.05);
  GRADC_CHECK_1(f_lgamma, 11.5);
  GRADC_CHECK_1(f_lgamma, 40.25);
  GRADC_CHECK_1(f_lgamma, -1.5);
  GRADC_CHECK_1(f_lgamma, -2.7);
  GRADC_CHECK_1(f_tgamma, 2.5);
  GRADC_CHECK_1(f_tgamma, 0.3);
  GRADC_CHECK_1(f_tgamma, 6.1);
  GRADC_CHECK_1(f_tgamma, -0.5);
  GRADC_CHECK_1(f_tgamma, -2.2);
  GRADC_CHECK_1(f_lbeta, 1.9);
  GRADC_CHECK_3(h_fma, 0.3, -1.2, 0.7);
  GRADC_CHECK_3(h_hypot, 0.5, -1.5, 2.0);
  GRADC_CHECK_3(h_hypot, -3.0, 0.25, 1e-3);
  GRADC_CHECK_3(h_fma_nested, 0.6, -0.8, 1.1);
  // digamma itself, against values known in closed form: psi(1) = -gamma,
  // psi(1/2) = -gamma - 2 ln 2, psi(x + 1) = psi(x) + 1 / x.
  const double EulerGamma = 0.57721566490153286061;
  gradc_check::expect("psi(1)", gradc::digamma(1.0), -EulerGamma);
  gradc_check::expect("psi(1/2)", gradc::digamma(0.5),
                      -EulerGamma - 2 * std::log(2.0));
  gradc_check::expect("psi(-1/2)", gradc::digamma(-0.5),
                      -EulerGamma - 2 * std::log(2.0) + 2);
  gradc_check::expect("psi(13) - psi(12)",
                      gradc::digamma(13.0) - gradc::digamma(12.0), 1 / 12.0);
  if (!gradc_check::close(gradc::digamma(1.0f), -EulerGamma, 1e-6))
    gradc_check::fail("psi(1) in float");
  gradc_check::expect("psi(1) in long double", gradc::digamma(1.0L),
                      -EulerGamma);
  if (!std::isnan(gradc::digamma(-2.0)) || !std::isnan(gradc::digamma(0.0)))
    gradc_check::fail("digamma at a pole is not NaN");
  return gradc_check::finish();
}
#endif
