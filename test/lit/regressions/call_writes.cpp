// A variable read before a call that writes it (through a reference or its
// address) is read again after the call: the call changed it. Found by the
// random tester (call_alias); each was computed with the value from before
// the call, in the primal as well as in the gradient.
// RUN: %gradc %s -o %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// s + t = (y + y^2) + 2y at y = 1.5: 6.75, d = 1 + 2y + 2 = 6.
// CHECK:      ref_read_before: at 1.5
// CHECK-NEXT: ref_read_before: f = 6.75
// CHECK-NEXT: ref_read_before: d[0] = 6 (
// CHECK:      addr_read_before: f = 3.75
// CHECK:      value_and_ref: f = 2.625
// CHECK:      same_twice: f = 4.5
// CHECK-NEXT: same_twice: d[0] = 3 (
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 4 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

static void add_sq(double &acc, double v) { acc += v * v; }
static void square_into(double a, double *o) { o[0] = a * a; }
static void scale_into(double a, double b, double *o) { o[0] = a + b; }
static void relax(double &acc, double v) { acc = 0.5 * acc + v; }

GRADC_DIFF("grad")
double ref_read_before(double y) {
  double s = y;
  double t = 2.0 * s;
  add_sq(s, y);
  return s + t;
}

GRADC_DIFF("grad")
double addr_read_before(double y) {
  double s0 = 0;
  double t = s0 + y;
  square_into(y, &s0);
  return s0 + t;
}

GRADC_DIFF("grad")
double value_and_ref(double x) {
  double v = x;
  scale_into(x, 0.75 * v, &v);
  return v;
}

GRADC_DIFF("grad")
double same_twice(double x) {
  double s0 = x * 2.0;
  relax(s0, s0);
  return s0;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_1(ref_read_before, 1.5);
  GRADC_CHECK_1(addr_read_before, 1.5);
  GRADC_CHECK_1(value_and_ref, 1.5);
  GRADC_CHECK_1(same_twice, 1.5);
  return gradc_check::finish();
}
#endif
