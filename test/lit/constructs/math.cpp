// Every <cmath> function of this version, with and without std::, checked
// against central finite differences, adjoint accumulation and the pullback.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out
// RUN: %clangxx -DGRADC_OUT='"%t.grad.h"' %s -o %t.clang && %t.clang
// CHECK-NOT: FAIL
// CHECK: ALL OK
// The local derivatives, as they read:
// TEXT-LABEL: inline double f_exp_pullback(double x, double dout, double &dx) {
// TEXT: dx += f_exp * dout;
// TEXT-LABEL: inline double f_exp_grad(double x, double &dx) {
// TEXT-NEXT: return f_exp_pullback(x, 1, dx);
// TEXT-LABEL: inline double f_log_pullback(
// TEXT: dx += dout / x;
// TEXT-LABEL: inline double f_log10_pullback(
// TEXT: dx += dout / (2.302585092994046 * x);
// TEXT-LABEL: inline double f_expm1_pullback(
// TEXT: dx += (f_expm1 + 1) * dout;
// TEXT-LABEL: inline double f_sqrt_pullback(
// TEXT: dx += dout / (2 * f_sqrt);
// TEXT-LABEL: inline double f_cos_pullback(
// TEXT: dx -= std::sin(x) * dout;
// TEXT-LABEL: inline double f_tan_pullback(
// TEXT: dx += (1 + f_tan * f_tan) * dout;
// TEXT-LABEL: inline double f_acos_pullback(
// TEXT: dx -= dout / std::sqrt(1 - x * x);
// TEXT-LABEL: inline double f_tanh_pullback(
// TEXT: dx += (1 - f_tanh * f_tanh) * dout;
// TEXT-LABEL: inline double f_fabs_pullback(
// TEXT: dx += x < 0 ? -dout : dout;
// TEXT-LABEL: inline double f_pow3_pullback(
// TEXT: dx += 3 * std::pow(x, 2.0) * dout;
// TEXT-LABEL: inline double f_pow2_pullback(
// TEXT: dx += 2 * x * dout;
// TEXT-LABEL: inline double g_pow_pullback(
// TEXT: dx += (y == 0 ? 0.0 : y * std::pow(x, y - 1)) * dout;
// TEXT-NEXT: dy += (x == 0 ? 0.0 : g_pow * std::log(x)) * dout;
// TEXT-LABEL: inline double g_pow_grad(double x, double y, double &dx, double &dy) {
// TEXT-NEXT: return g_pow_pullback(x, y, 1, dx, dy);
// TEXT-LABEL: inline double g_atan2_pullback(
// TEXT: double hypot_y = std::hypot(y, x);
// TEXT-NEXT: dx += y / hypot_y / hypot_y * dout;
// TEXT-NEXT: dy -= x / hypot_y / hypot_y * dout;
// TEXT-LABEL: inline double g_max_pullback(
// TEXT: bool x_lt_y = x < y;
// TEXT-NEXT: dx += x_lt_y ? 0.0 : dout;
// TEXT-NEXT: dy += x_lt_y ? dout : 0.0;
// TEXT-LABEL: inline double g_max_grad(double x, double y, double &dx, double &dy) {
// TEXT-NEXT: return g_max_pullback(x, y, 1, dx, dy);
// TEXT-LABEL: inline double g_min_pullback(
// TEXT: bool y_lt_x = y < x;
#include <gradc/gradc.h>

#include <algorithm>
#include <cmath>

#define UNARY(name, expr)                                                      \
  GRADC_DIFF("grad") double name(double x) { return expr; }

UNARY(f_exp, std::exp(x))
UNARY(f_log, log(x))
UNARY(f_log10, std::log10(x))
UNARY(f_log2, std::log2(x))
UNARY(f_log1p, std::log1p(x))
UNARY(f_expm1, std::expm1(x))
UNARY(f_sqrt, std::sqrt(x))
UNARY(f_cbrt, std::cbrt(x))
UNARY(f_sin, std::sin(x))
UNARY(f_cos, cos(x))
UNARY(f_tan, std::tan(x))
UNARY(f_asin, std::asin(x))
UNARY(f_acos, std::acos(x))
UNARY(f_atan, std::atan(x))
UNARY(f_sinh, std::sinh(x))
UNARY(f_cosh, std::cosh(x))
UNARY(f_tanh, std::tanh(x))
UNARY(f_fabs, std::fabs(x))
UNARY(f_abs, std::abs(x))
UNARY(f_erf, std::erf(x))
UNARY(f_pow3, std::pow(x, 3))
UNARY(f_pow2, std::pow(x, 2))
UNARY(f_powhalf, std::pow(x, 0.5))

#define BINARY(name, expr)                                                     \
  GRADC_DIFF("grad") double name(double x, double y) { return expr; }

BINARY(g_pow, std::pow(x, y))
BINARY(g_atan2, std::atan2(x, y))
BINARY(g_hypot, std::hypot(x, y))
BINARY(g_fmax, std::fmax(x, y))
BINARY(g_fmin, fmin(x, y))
BINARY(g_max, std::max(x, y))
BINARY(g_min, std::min(x, y))

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_1(f_exp, 0.7);
  GRADC_CHECK_1(f_log, 2.5);
  GRADC_CHECK_1(f_log10, 2.5);
  GRADC_CHECK_1(f_log2, 2.5);
  GRADC_CHECK_1(f_log1p, 0.3);
  GRADC_CHECK_1(f_expm1, 0.3);
  GRADC_CHECK_1(f_sqrt, 2.0);
  GRADC_CHECK_1(f_cbrt, 2.0);
  GRADC_CHECK_1(f_sin, 0.4);
  GRADC_CHECK_1(f_cos, 0.4);
  GRADC_CHECK_1(f_tan, 0.4);
  GRADC_CHECK_1(f_asin, 0.4);
  GRADC_CHECK_1(f_acos, 0.4);
  GRADC_CHECK_1(f_atan, 0.4);
  GRADC_CHECK_1(f_sinh, 0.4);
  GRADC_CHECK_1(f_cosh, 0.4);
  GRADC_CHECK_1(f_tanh, 0.4);
  // Both sides of every kink.
  GRADC_CHECK_1(f_fabs, 0.4);
  GRADC_CHECK_1(f_fabs, -0.4);
  GRADC_CHECK_1(f_abs, -1.5);
  GRADC_CHECK_1(f_abs, 1.5);
  GRADC_CHECK_1(f_erf, 0.4);
  GRADC_CHECK_1(f_pow3, 1.7);
  GRADC_CHECK_1(f_pow2, -1.7);
  GRADC_CHECK_1(f_powhalf, 1.7);
  GRADC_CHECK_2(g_pow, 1.7, 2.3);
  GRADC_CHECK_2(g_atan2, 0.5, -1.5);
  GRADC_CHECK_2(g_hypot, 0.5, -1.5);
  GRADC_CHECK_2(g_fmax, 0.5, -1.5);
  GRADC_CHECK_2(g_fmax, -0.5, 1.5);
  GRADC_CHECK_2(g_fmin, 0.5, -1.5);
  GRADC_CHECK_2(g_fmin, -0.5, 1.5);
  GRADC_CHECK_2(g_max, 0.5, -1.5);
  GRADC_CHECK_2(g_max, -0.5, 1.5);
  GRADC_CHECK_2(g_min, 0.5, -1.5);
  GRADC_CHECK_2(g_min, -0.5, 1.5);
  return gradc_check::finish();
}
#endif
