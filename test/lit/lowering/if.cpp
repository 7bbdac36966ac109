// if / else if / else become If ops; conditions use cmp, and, or, not; the
// conditional operator is a select.
// RUN: %gradc %s --emit=ir -o - | FileCheck %s
#include <gradc/gradc.h>

#include <cmath>

GRADC_DIFF("grad")
double relu(double x) {
  double y = 0;
  if (x > 0)
    y = x;
  return y;
}

GRADC_DIFF("grad")
double relu_ternary(double x) { return x > 0 ? x : 0.0; }

GRADC_DIFF("grad")
double leaky(double x, double a) { return x >= 0 ? x : a * x; }

GRADC_DIFF("grad")
double chain(double x, double y) {
  double r;
  if (x > 0 && y > 0)
    r = x * y;
  else if (x < 0 || !(y < 1))
    r = x;
  else
    r = -y;
  return r;
}

GRADC_DIFF("grad")
double logsumexp(const double *x, int n) {
  double m = x[0];
  for (int i = 1; i < n; ++i)
    if (x[i] > m)
      m = x[i];
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += std::exp(x[i] - m);
  return m + std::log(s);
}

// CHECK-LABEL: func @relu(%x: f64) -> f64 {
// CHECK-NEXT:   %y = local : ptr f64                   ; 10:10
// CHECK-NEXT:   store %y, 0                            ; 10:14
// CHECK-NEXT:   %0 = cmp gt %x, 0 : i1                 ; 11:7
// CHECK-NEXT:   if %0                                  ; 11:3
// CHECK-NEXT:   then {
// CHECK-NEXT:     store %y, %x                         ; 12:5
// CHECK-NEXT:   }
// CHECK-NEXT:   %1 = load %y : f64                     ; 13:10
// CHECK-NEXT:   return %1                              ; 13:3
// CHECK-NEXT: }
// CHECK-LABEL: func @relu_ternary(%x: f64) -> f64 {
// CHECK-NEXT:   %0 = cmp gt %x, 0 : i1                 ; 17:40
// CHECK-NEXT:   %1 = select %0, %x, 0.0 : f64          ; 17:40
// CHECK-NEXT:   return %1                              ; 17:33
// CHECK-NEXT: }
// CHECK-LABEL: func @leaky(%x: f64, %a: f64) -> f64 {
// CHECK-NEXT:   %0 = cmp ge %x, 0 : i1                 ; 20:43
// CHECK-NEXT:   %1 = mul %a, %x : f64                  ; 20:56
// CHECK-NEXT:   %2 = select %0, %x, %1 : f64           ; 20:43
// CHECK-NEXT:   return %2                              ; 20:36
// CHECK-NEXT: }
// CHECK-LABEL: func @chain(%x: f64, %y: f64) -> f64 {
// CHECK-NEXT:   %r = local : ptr f64                   ; 24:10
// CHECK-NEXT:   %0 = cmp gt %x, 0 : i1                 ; 25:7
// CHECK-NEXT:   %1 = cmp gt %y, 0 : i1                 ; 25:16
// CHECK-NEXT:   %2 = and %0, %1 : i1                   ; 25:7
// CHECK-NEXT:   if %2                                  ; 25:3
// CHECK-NEXT:   then {
// CHECK-NEXT:     %3 = mul %x, %y : f64                ; 26:9
// CHECK-NEXT:     store %r, %3                         ; 26:5
// CHECK-NEXT:   }
// CHECK-NEXT:   else {
// CHECK-NEXT:     %4 = cmp lt %x, 0 : i1               ; 27:12
// CHECK-NEXT:     %5 = cmp lt %y, 1 : i1               ; 27:23
// CHECK-NEXT:     %6 = not %5 : i1                     ; 27:21
// CHECK-NEXT:     %7 = or %4, %6 : i1                  ; 27:12
// CHECK-NEXT:     if %7                                ; 27:8
// CHECK-NEXT:     then {
// CHECK-NEXT:       store %r, %x                       ; 28:5
// CHECK-NEXT:     }
// CHECK-NEXT:     else {
// CHECK-NEXT:       %8 = neg %y : f64                  ; 30:9
// CHECK-NEXT:       store %r, %8                       ; 30:5
// CHECK-NEXT:     }
// CHECK-NEXT:   }
// CHECK-NEXT:   %9 = load %r : f64                     ; 31:10
// CHECK-NEXT:   return %9                              ; 31:3
// CHECK-NEXT: }
// CHECK-LABEL: func @logsumexp(%x: ptr const f64, %n: i32) -> f64 {
// CHECK-NEXT:   %m = local : ptr f64                   ; 36:10
// CHECK-NEXT:   %0 = load %x, 0 : f64                  ; 36:14
// CHECK-NEXT:   store %m, %0                           ; 36:14
// CHECK-NEXT:   loop for                               ; 37:3
// CHECK-NEXT:   init {
// CHECK-NEXT:     %i = local : ptr i32                 ; 37:12
// CHECK-NEXT:     store %i, 1                          ; 37:16
// CHECK-NEXT:   }
// CHECK-NEXT:   cond {
// CHECK-NEXT:     %1 = load %i : i32                   ; 37:19
// CHECK-NEXT:     %2 = cmp lt %1, %n : i1              ; 37:19
// CHECK-NEXT:     yield %2                             ; 37:19
// CHECK-NEXT:   }
// CHECK-NEXT:   body {
// CHECK-NEXT:     %3 = load %i : i32                   ; 38:11
// CHECK-NEXT:     %4 = load %x, %3 : f64               ; 38:9
// CHECK-NEXT:     %5 = load %m : f64                   ; 38:16
// CHECK-NEXT:     %6 = cmp gt %4, %5 : i1              ; 38:9
// CHECK-NEXT:     if %6                                ; 38:5
// CHECK-NEXT:     then {
// CHECK-NEXT:       %7 = load %i : i32                 ; 39:13
// CHECK-NEXT:       %8 = load %x, %7 : f64             ; 39:11
// CHECK-NEXT:       store %m, %8                       ; 39:7
// CHECK-NEXT:     }
// CHECK-NEXT:   }
// CHECK-NEXT:   step {
// CHECK-NEXT:     %9 = load %i : i32                   ; 37:28
// CHECK-NEXT:     %10 = add %9, 1 : i32                ; 37:26
// CHECK-NEXT:     store %i, %10                        ; 37:26
// CHECK-NEXT:   }
// CHECK-NEXT:   %s = local : ptr f64                   ; 40:10
// CHECK-NEXT:   store %s, 0                            ; 40:14
// CHECK-NEXT:   loop for                               ; 41:3
// CHECK-NEXT:   init {
// CHECK-NEXT:     %i.1 = local : ptr i32               ; 41:12
// CHECK-NEXT:     store %i.1, 0                        ; 41:16
// CHECK-NEXT:   }
// CHECK-NEXT:   cond {
// CHECK-NEXT:     %11 = load %i.1 : i32                ; 41:19
// CHECK-NEXT:     %12 = cmp lt %11, %n : i1            ; 41:19
// CHECK-NEXT:     yield %12                            ; 41:19
// CHECK-NEXT:   }
// CHECK-NEXT:   body {
// CHECK-NEXT:     %13 = load %s : f64                  ; 42:5
// CHECK-NEXT:     %14 = load %i.1 : i32                ; 42:21
// CHECK-NEXT:     %15 = load %x, %14 : f64             ; 42:19
// CHECK-NEXT:     %16 = load %m : f64                  ; 42:26
// CHECK-NEXT:     %17 = sub %15, %16 : f64             ; 42:19
// CHECK-NEXT:     %18 = call exp %17 : f64             ; 42:10
// CHECK-NEXT:     %19 = add %13, %18 : f64             ; 42:5
// CHECK-NEXT:     store %s, %19                        ; 42:5
// CHECK-NEXT:   }
// CHECK-NEXT:   step {
// CHECK-NEXT:     %20 = load %i.1 : i32                ; 41:28
// CHECK-NEXT:     %21 = add %20, 1 : i32               ; 41:26
// CHECK-NEXT:     store %i.1, %21                      ; 41:26
// CHECK-NEXT:   }
// CHECK-NEXT:   %22 = load %m : f64                    ; 43:10
// CHECK-NEXT:   %23 = load %s : f64                    ; 43:23
// CHECK-NEXT:   %24 = call log %23 : f64               ; 43:14
// CHECK-NEXT:   %25 = add %22, %24 : f64               ; 43:10
// CHECK-NEXT:   return %25                             ; 43:3
// CHECK-NEXT: }
