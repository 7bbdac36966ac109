// Arithmetic, unary minus, compound assignment and reassignment of locals
// and parameters; the text shows reuse of variables and `-=`.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out
// CHECK-NOT: FAIL
// CHECK: ALL OK
#include <gradc/gradc.h>

// TEXT-LABEL: inline double arith_pullback(double x, double y, double dout, double &dx,
// TEXT: double quot = x / y;
// TEXT-NEXT: double q = quot - -x;
// TEXT: dy -= 3.0 * dout;
// TEXT: double quot_2 = dq / y;
// TEXT-NEXT: dx += quot_2;
// TEXT-NEXT: dy -= quot * quot_2;
// TEXT-NEXT: return arith;
// TEXT-LABEL: inline double arith_grad(double x, double y, double &dx, double &dy) {
// TEXT-NEXT: return arith_pullback(x, y, 1, dx, dy);
GRADC_DIFF("grad")
double arith(double x, double y) {
  double q = x / y - -x;
  return q * (x - y) + 3.0 * -y;
}

// TEXT-LABEL: inline double compound_pullback(double x, double y, double dout, double &dx,
// TEXT: double s = x * y;
// TEXT-NEXT: s += x;
// TEXT-NEXT: s -= 0.5 * y;
// The old s is needed by the backward sweep: s *= s gets a new variable.
// TEXT-NEXT: double s_2 = s * s;
// TEXT: ds *= 2 * s;
// TEXT-EMPTY:
// TEXT-NEXT: // arithmetic.cpp:[[#@LINE+8]]: s -= 0.5 * y;
// TEXT-NEXT: dy -= 0.5 * ds;
// TEXT-LABEL: inline double compound_grad(double x, double y, double &dx, double &dy) {
// TEXT-NEXT: return compound_pullback(x, y, 1, dx, dy);
GRADC_DIFF("grad")
double compound(double x, double y) {
  double s = x * y;
  s += x;
  s -= 0.5 * y;
  s *= s;
  s /= y;
  return s;
}

// Reassigned parameters: the old value of x is still needed by the
// backward sweep, so the new one gets a variable of its own.
// TEXT-LABEL: inline double reassign_pullback(double x, double y, double dout, double &dx,
// TEXT: double x_2 = x * x;
// TEXT: double dx_2 = y * dout;
// TEXT: dx_2 += dy_2;
// TEXT: dx += 2 * x * dx_2;
// TEXT-LABEL: inline double reassign_grad(double x, double y, double &dx, double &dy) {
// TEXT-NEXT: return reassign_pullback(x, y, 1, dx, dy);
GRADC_DIFF("grad")
double reassign(double x, double y) {
  x = x * x;
  y = y + x;
  ++y;
  return x * y;
}

// A wrt parameter that does not reach the result gets a zero gradient and
// its adjoint is not touched.
// TEXT-LABEL: inline double ignores_pullback(double x, double y, double dout, double &dx,
// TEXT-NEXT: double & /*dy*/) {
// TEXT: dx += 2 * dout;
// TEXT-LABEL: inline double ignores_grad(double x, double y, double &dx, double &dy) {
// TEXT-NEXT: return ignores_pullback(x, y, 1, dx, dy);
GRADC_DIFF("grad")
double ignores(double x, [[maybe_unused]] double y) { return 2 * x + 0 * y; }

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Vec;

int main() {
  GRADC_CHECK_2(arith, 1.3, -0.7);
  GRADC_CHECK_2(compound, 1.3, -0.7);
  GRADC_CHECK_2(reassign, 1.3, -0.7);
  Vec g = GRADC_CHECK_2(ignores, 1.3, -0.7);
  if (g[1] != 0)
    gradc_check::fail("ignores: dy must be exactly zero");
  return gradc_check::finish();
}
#endif
