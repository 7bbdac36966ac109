// An output whose seed the pullback uses as scratch (err[0] is read back
// after it is written) hands back, on return, the gradient with respect to
// what err held on entry: zero where the function overwrote it, the seed
// where it did not write. Found by the random tester: the first store over
// err[0] left the seed there.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %gradc %s --check --function overwrite --at 'w=[0.5,-1.5,2],err=[0.25,0.5,0.75],derr=[1.125,0.625,1.5]' | FileCheck %s --check-prefix=CHECK-AT
// CHECK-AT: err[0] 0 {{.*}} ok
// CHECK-AT-NEXT: err[1] 0 {{.*}} ok
// CHECK-AT-NEXT: err[2] 1.5 {{.*}} ok
// CHECK-AT: ok: all 6 entries agree with finite differences
#include <gradc/gradc.h>

#include <cmath>

GRADC_DIFF("grad wrt(w) out(err)")
void overwrite(const double *w, double *err) {
  err[0] = w[0] - w[1];
  err[1] = std::exp(-err[0] * err[0]);
  err[0] = w[2] * err[0] + err[1];
}
// TEXT-LABEL: inline void overwrite_pullback(
// TEXT-SAME: double *derr
// TEXT:        // overwritten_output.cpp:[[#@LINE-6]]: err[0] = w[0] - w[1];
// TEXT-NEXT:   dw[1] -= derr[0];
// TEXT-NEXT:   dw[0] += derr[0];
// TEXT:        derr[0] = 0;
// TEXT-NEXT: }
