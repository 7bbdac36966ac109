// Variadic templates and fold expressions over + - * and ','. The
// parameters of an expanded pack are named after it and their place in it
// (`v0`, `v1`), and so are their adjoints (`dv0`, `dv1`): one name each.
// Checked against finite differences and the interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 2 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

template <class... T> double sum(T... v) { return (v + ...); }
template <class... T> double prod(T... v) { return (v * ...); }
template <class... T> double minus(T... v) { return (... - v); }
template <class... T> double squares(T... v) {
  double acc = 0;
  ((acc += v * v), ...);
  return acc;
}

GRADC_DIFF("grad")
double f(double x, double y) {
  return sum(x, y) + prod(x, y, 1.5) + minus(x, y, 2.0) + squares(x, y);
}
// TEXT-LABEL: inline void prod_wrt_v0_v1_pullback(double v0, double v1, double v2,
// TEXT-LABEL: inline void sum_pullback(double /*v0*/, double /*v1*/, double dout, double &dv0,
// TEXT-NEXT:                           double &dv1) {
// TEXT-NEXT:    // variadic.cpp:17: return (v + ...);
// TEXT-NEXT:    dv0 += dout;
// TEXT-NEXT:    dv1 += dout;

// A pack of one, and an annotated variadic instance.
template <class... T> double norm2(T... v) { return std::sqrt(squares(v...)); }

GRADC_DIFF("grad")
double g(double x) { return norm2(x) + norm2(x, 2 * x, 3.0); }

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_2(f, 0.7, -0.4);
  GRADC_CHECK_1(g, 0.6);
  return gradc_check::finish();
}
#endif
