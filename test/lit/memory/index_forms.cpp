// One element written in two spellings, `*a` and `a[0]`, and a scalar
// reached through a pointer as `p[0]`: one place each. The store's old
// value is gone, so its adjoint is assigned (`ds = 3 * ds`), not added
// into as if the two spellings were two places.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 2 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

GRADC_DIFF("grad")
double spelled(double x) {
  double a[2] = {x, x};
  double s = x;
  double *p = &s;
  *a = 2 * a[0];
  p[0] = s * 3;
  *p = *p + a[1];
  return s * a[0];
}
// TEXT-LABEL: inline double spelled_pullback(
// TEXT:         // index_forms.cpp:{{[0-9]+}}: p[0] = s * 3;
// TEXT-NEXT:    ds = 3 * ds;
// TEXT:         // index_forms.cpp:{{[0-9]+}}: *a = 2 * a[0];
// TEXT-NEXT:    da[0] = 2 * *da;

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_1(spelled, 0.7);
  GRADC_CHECK_1(spelled, -1.3);
  return gradc_check::finish();
}
#endif
