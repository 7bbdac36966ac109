// The <cmath> functions made of pieces: rounding to an integral value (flat
// between jumps), fmod and remainder (slope 1 in x, minus the quotient in
// y), copysign and fdim. Checked against central finite differences,
// adjoint accumulation, the pullback and gradc's interpreter, on both sides
// of every kink but never at one.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out
// RUN: %clangxx -DGRADC_OUT='"%t.grad.h"' %s -o %t.clang && %t.clang
// CHECK-NOT: FAIL
// CHECK: ALL OK
// A flat function contributes nothing: its adjoint is not even a parameter
// the gradient reads.
// TEXT-LABEL: inline double f_floor_pullback(double x, double /*dout*/, double & /*dx*/) {
// TEXT-NEXT: double f_floor = std::floor(x);
// TEXT-NEXT: return f_floor;
// TEXT-LABEL: inline double f_floor_grad(double x, double &dx) {
// TEXT-NEXT: return f_floor_pullback(x, 1, dx);
// TEXT-LABEL: inline double f_floor_times_pullback(
// TEXT: dx += floor_x * dout;
// TEXT-NOT: dx
// TEXT: return
// TEXT-LABEL: inline double g_fmod_pullback(
// TEXT: dx += dout;
// TEXT-NEXT: dy += (g_fmod - x) / y * dout;
// TEXT-LABEL: inline double g_remainder_pullback(
// TEXT: dx += dout;
// TEXT-NEXT: dy += (g_remainder - x) / y * dout;
// TEXT-LABEL: inline double g_remainder_grad(double x, double y, double &dx, double &dy) {
// TEXT-NEXT: return g_remainder_pullback(x, y, 1, dx, dy);
// TEXT-LABEL: inline double g_copysign_pullback(double x, double y, double dout, double &dx,
// TEXT-NEXT: double & /*dy*/) {
// TEXT: dx += std::copysign(1.0, g_copysign) * std::copysign(1.0, x) * dout;
// TEXT-LABEL: inline double g_fdim_pullback(
// TEXT: bool y_lt_x = y < x;
// TEXT-NEXT: dx += y_lt_x ? dout : 0.0;
// TEXT-NEXT: dy += y_lt_x ? -dout : 0.0;
#include <gradc/gradc.h>

#include <cmath>

#define UNARY(name, expr)                                                      \
  GRADC_DIFF("grad") double name(double x) { return expr; }

UNARY(f_floor, std::floor(x))
UNARY(f_ceil, std::ceil(x))
UNARY(f_trunc, trunc(x))
UNARY(f_round, std::round(x))
UNARY(f_nearbyint, std::nearbyint(x))
UNARY(f_rint, std::rint(x))
// Flat pieces times a slope: d/dx = floor(x), ...
UNARY(f_floor_times, std::floor(x) * x)
UNARY(f_ceil_times, x * std::ceil(x))
UNARY(f_trunc_times, std::trunc(x) * x)
UNARY(f_round_times, std::round(x) * x + std::exp(x))
UNARY(f_nearbyint_times, std::nearbyint(x) * x)
UNARY(f_rint_times, std::rint(2 * x) * std::sin(x))
// The fractional part, whose slope is 1 between the jumps.
UNARY(f_frac, x - std::floor(x))

#define BINARY(name, expr)                                                     \
  GRADC_DIFF("grad") double name(double x, double y) { return expr; }

BINARY(g_fmod, std::fmod(x, y))
BINARY(g_remainder, std::remainder(x, y))
BINARY(g_copysign, std::copysign(x, y))
BINARY(g_fdim, fdim(x, y))
BINARY(g_mixed, std::fmod(x * y, 0.75) + std::copysign(x * x, y - x))

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  for (double X : {1.3, -1.3, 2.7, -2.7, 0.2}) {
    GRADC_CHECK_1(f_floor, X);
    GRADC_CHECK_1(f_ceil, X);
    GRADC_CHECK_1(f_trunc, X);
    GRADC_CHECK_1(f_round, X);
    GRADC_CHECK_1(f_nearbyint, X);
    GRADC_CHECK_1(f_rint, X);
    GRADC_CHECK_1(f_floor_times, X);
    GRADC_CHECK_1(f_ceil_times, X);
    GRADC_CHECK_1(f_trunc_times, X);
    GRADC_CHECK_1(f_round_times, X);
    GRADC_CHECK_1(f_nearbyint_times, X);
    GRADC_CHECK_1(f_rint_times, X);
    GRADC_CHECK_1(f_frac, X);
  }
  // fmod truncates the quotient, remainder rounds it to nearest: 5.3 / 1.7
  // is 3.1 (both 3), 5.0 / 1.7 is 2.9 (2 and 3); signs of both.
  for (double X : {5.3, 5.0, -5.3, -5.0, 0.4})
    for (double Y : {1.7, -1.7, 0.3}) {
      GRADC_CHECK_2(g_fmod, X, Y);
      GRADC_CHECK_2(g_remainder, X, Y);
    }
  // copysign: every sign of x and y.
  for (double X : {0.7, -0.7})
    for (double Y : {1.2, -1.2}) {
      GRADC_CHECK_2(g_copysign, X, Y);
      GRADC_CHECK_2(g_copysign, Y, X);
    }
  GRADC_CHECK_2(g_fdim, 1.5, 0.5);
  GRADC_CHECK_2(g_fdim, 0.5, 1.5);
  GRADC_CHECK_2(g_fdim, -0.5, -1.5);
  GRADC_CHECK_2(g_mixed, 0.9, 1.3);
  GRADC_CHECK_2(g_mixed, 1.4, -0.6);
  return gradc_check::finish();
}
#endif
