// One argument's adjoint passed twice by reference through nested calls
// (`h3(x, x, k, k)`): compiled code adds into dx as each pullback runs,
// the interpreter adds its copies when the call returns. The two orders
// round differently in the last place; vs_interpreter.py allows that
// much and no more.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
#include <gradc/gradc.h>

#include <cmath>

static double scale(double t, double k) { return k * t; }
static double twice(double t, double k) { return scale(scale(t, k), k); }
static double mix(double t, double x, double k, double kk) {
  return std::sin(twice(t, k)) + scale(x, kk);
}

GRADC_DIFF("grad")
double f(double x, double k) { return mix(x, x, k, k) * k; }

// TEXT: mix_pullback(x, x, k, k, k * dout, dx, dx, dk, dk);

// CHECK: ALL OK
// INTERP: 2 checked against the interpreter, 0 mismatches

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"
int main() {
  GRADC_CHECK_2(f, 0.4, 1.7);
  GRADC_CHECK_2(f, -1.1, 0.3);
  return gradc_check::finish();
}
#endif
