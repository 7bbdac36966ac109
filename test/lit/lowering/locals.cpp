// A local assigned only in its own block stays SSA; one assigned in a nested
// loop or branch lives in memory. Local arrays are Local ops with a size.
// RUN: %gradc %s --emit=ir -o - | FileCheck %s
#include <gradc/gradc.h>

GRADC_DIFF("grad")
double ssa(double x) {
  double y = x * x;
  y += x;
  return y;
}

GRADC_DIFF("grad")
double inbranch(double x) {
  double y = x;
  double z;
  if (x > 1) {
    double t = x * 2;
    t = t + 1;
    y = t;
    z = y;
  } else {
    z = 0;
  }
  return y + z;
}

constexpr int N = 4;

GRADC_DIFF("grad")
double arrays(double x) {
  double h[N];
  double z[8] = {};
  double o[3] = {0};
  double c[3] = {1.0, 0, x};
  h[0] = x;
  h[1] = h[0] * c[2];
  h[1] *= 2;
  z[1] += h[1];
  return z[1] + o[0] + c[0];
}

GRADC_DIFF("grad")
void refs(double x, double &y) {
  y = x;
  y *= x;
  y++;
}

// CHECK-LABEL: func @ssa(%x: f64) -> f64 {
// CHECK-NEXT:   %y = mul %x, %x : f64                  ; 8:14
// CHECK-NEXT:   %y.1 = add %y, %x : f64                ; 9:3
// CHECK-NEXT:   return %y.1                            ; 10:3
// CHECK-NEXT: }
// CHECK-LABEL: func @inbranch(%x: f64) -> f64 {
// CHECK-NEXT:   %y = local : ptr f64                   ; 15:10
// CHECK-NEXT:   store %y, %x                           ; 15:14
// CHECK-NEXT:   %z = local : ptr f64                   ; 16:10
// CHECK-NEXT:   %0 = cmp gt %x, 1 : i1                 ; 17:7
// CHECK-NEXT:   if %0                                  ; 17:3
// CHECK-NEXT:   then {
// CHECK-NEXT:     %t = mul %x, 2 : f64                 ; 18:16
// CHECK-NEXT:     %t.1 = add %t, 1 : f64               ; 19:9
// CHECK-NEXT:     store %y, %t.1                       ; 20:5
// CHECK-NEXT:     %1 = load %y : f64                   ; 21:9
// CHECK-NEXT:     store %z, %1                         ; 21:5
// CHECK-NEXT:   }
// CHECK-NEXT:   else {
// CHECK-NEXT:     store %z, 0                          ; 23:5
// CHECK-NEXT:   }
// CHECK-NEXT:   %2 = load %y : f64                     ; 25:10
// CHECK-NEXT:   %3 = load %z : f64                     ; 25:14
// CHECK-NEXT:   %4 = add %2, %3 : f64                  ; 25:10
// CHECK-NEXT:   return %4                              ; 25:3
// CHECK-NEXT: }
// CHECK-LABEL: func @arrays(%x: f64) -> f64 {
// CHECK-NEXT:   %h = local[4] : ptr f64                ; 32:10
// CHECK-NEXT:   %z = local[8] zeroed : ptr f64         ; 33:10
// CHECK-NEXT:   %o = local[3] zeroed : ptr f64         ; 34:10
// CHECK-NEXT:   %c = local[3] zeroed : ptr f64         ; 35:10
// CHECK-NEXT:   store %c, 1.0, 0                       ; 35:18
// CHECK-NEXT:   store %c, %x, 2                        ; 35:26
// CHECK-NEXT:   store %h, %x, 0                        ; 36:3
// CHECK-NEXT:   %0 = load %h, 0 : f64                  ; 37:10
// CHECK-NEXT:   %1 = load %c, 2 : f64                  ; 37:17
// CHECK-NEXT:   %2 = mul %0, %1 : f64                  ; 37:10
// CHECK-NEXT:   store %h, %2, 1                        ; 37:3
// CHECK-NEXT:   %3 = load %h, 1 : f64                  ; 38:3
// CHECK-NEXT:   %4 = mul %3, 2 : f64                   ; 38:3
// CHECK-NEXT:   store %h, %4, 1                        ; 38:3
// CHECK-NEXT:   %5 = load %z, 1 : f64                  ; 39:3
// CHECK-NEXT:   %6 = load %h, 1 : f64                  ; 39:11
// CHECK-NEXT:   %7 = add %5, %6 : f64                  ; 39:3
// CHECK-NEXT:   store %z, %7, 1                        ; 39:3
// CHECK-NEXT:   %8 = load %z, 1 : f64                  ; 40:10
// CHECK-NEXT:   %9 = load %o, 0 : f64                  ; 40:17
// CHECK-NEXT:   %10 = add %8, %9 : f64                 ; 40:10
// CHECK-NEXT:   %11 = load %c, 0 : f64                 ; 40:24
// CHECK-NEXT:   %12 = add %10, %11 : f64               ; 40:10
// CHECK-NEXT:   return %12                             ; 40:3
// CHECK-NEXT: }
// CHECK-LABEL: func @refs(%x: f64, %y: ref f64) -> void {
// CHECK-NEXT:   store %y, %x                           ; 45:3
// CHECK-NEXT:   %0 = load %y : f64                     ; 46:3
// CHECK-NEXT:   %1 = mul %0, %x : f64                  ; 46:3
// CHECK-NEXT:   store %y, %1                           ; 46:3
// CHECK-NEXT:   %2 = load %y : f64                     ; 47:3
// CHECK-NEXT:   %3 = add %2, 1 : f64                   ; 47:3
// CHECK-NEXT:   store %y, %3                           ; 47:3
// CHECK-NEXT:   return                                 ; 48:1
// CHECK-NEXT: }
