// An unnamed parameter (kept for a signature, unused) is named by its
// place, `arg2`, with its adjoint `darg2`: the gradient passes it on to the
// pullback. (The header had `f_pullback(x, , 1, dx, d)`.)
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %gradc %s --function unused --check --at 'x=1.5,arg2=2' | FileCheck %s --check-prefix=CHECK-AT
// CHECK-NOT: FAIL
// CHECK: ALL OK
// CHECK-AT: ok: all 2 entries agree with finite differences
#include <gradc/gradc.h>

GRADC_DIFF("grad")
double unused(double x, double) { return x * x; }
// TEXT-LABEL: inline double unused_grad(double x, double arg2, double &dx, double &darg2) {
// TEXT-NEXT:    return unused_pullback(x, arg2, 1, dx, darg2);

GRADC_DIFF("grad")
double callback(double x, int, const double *) { return 3 * x; }
// TEXT-LABEL: inline double callback_grad(double x, int arg2, const double *arg3, double &dx,
// TEXT-NEXT:    double *darg3) {
// TEXT-NEXT:    return callback_pullback(x, arg2, arg3, 1, dx, darg3);

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  double dx = 0, darg2 = 0;
  double v = unused_grad(1.5, 2.0, dx, darg2);
  gradc_check::expect("unused", v, 2.25);
  gradc_check::expect("unused: dx", dx, 3.0);
  gradc_check::expect("unused: darg2", darg2, 0.0);
  double w[1] = {0}, dw[1] = {0};
  dx = 0;
  double c = callback_grad(2.0, 7, w, dx, dw);
  gradc_check::expect("callback", c, 6.0);
  gradc_check::expect("callback: dx", dx, 3.0);
  return gradc_check::finish();
}
#endif
