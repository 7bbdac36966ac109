// A void function writes its results through out parameters; their default
// is every non-const floating-point pointer or reference parameter.
// RUN: %gradc %s --emit=ir -o - | FileCheck %s
#include <gradc/gradc.h>

GRADC_DIFF("grad")
void residuals(const double *theta, int n, double *err) {
  for (int i = 0; i < n; ++i)
    err[i] = theta[i] * theta[i] - 1;
}

GRADC_DIFF("grad out(loss) wrt(x)")
void loss(double x, double y, double &loss) {
  double d = x - y;
  loss = d * d;
  return;
}

// CHECK-LABEL: func @residuals(%theta: ptr const f64, %n: i32, %err: ptr f64) -> void {
// CHECK-NEXT:   loop for                               ; 8:3
// CHECK-NEXT:   init {
// CHECK-NEXT:     %i = local : ptr i32                 ; 8:12
// CHECK-NEXT:     store %i, 0                          ; 8:16
// CHECK-NEXT:   }
// CHECK-NEXT:   cond {
// CHECK-NEXT:     %0 = load %i : i32                   ; 8:19
// CHECK-NEXT:     %1 = cmp lt %0, %n : i1              ; 8:19
// CHECK-NEXT:     yield %1                             ; 8:19
// CHECK-NEXT:   }
// CHECK-NEXT:   body {
// CHECK-NEXT:     %2 = load %i : i32                   ; 9:9
// CHECK-NEXT:     %3 = load %theta, %2 : f64           ; 9:14
// CHECK-NEXT:     %4 = mul %3, %3 : f64                ; 9:14
// CHECK-NEXT:     %5 = sub %4, 1 : f64                 ; 9:14
// CHECK-NEXT:     store %err, %5, %2                   ; 9:5
// CHECK-NEXT:   }
// CHECK-NEXT:   step {
// CHECK-NEXT:     %6 = load %i : i32                   ; 8:28
// CHECK-NEXT:     %7 = add %6, 1 : i32                 ; 8:26
// CHECK-NEXT:     store %i, %7                         ; 8:26
// CHECK-NEXT:   }
// CHECK-NEXT:   return                                 ; 10:1
// CHECK-NEXT: }
// CHECK-LABEL: func @loss(%x: f64, %y: f64, %loss: ref f64) -> void {
// CHECK-NEXT:   %d = sub %x, %y : f64                  ; 14:14
// CHECK-NEXT:   %0 = mul %d, %d : f64                  ; 15:10
// CHECK-NEXT:   store %loss, %0                        ; 15:3
// CHECK-NEXT:   return                                 ; 16:3
// CHECK-NEXT: }
