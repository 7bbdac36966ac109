// Loops become Loop ops with init, cond, body and step regions; counters
// live in memory; break is an op; `if (c) continue; rest` is if/else.
// RUN: %gradc %s --emit=ir -o - | FileCheck %s
#include <gradc/gradc.h>

GRADC_DIFF("grad")
double dot(const double *w, const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += w[i] * x[i];
  return s;
}

GRADC_DIFF("grad")
double sumsq(const double w[], int n) {
  double s = 0;
  for (int i = 0; i < n; i++)
    s += w[i] * w[i];
  return s;
}

GRADC_DIFF("grad")
double horner(double x, const double *c, int n) {
  double p = 0;
  for (int i = n - 1; i >= 0; --i)
    p = p * x + c[i];
  return p;
}

GRADC_DIFF("grad")
void matmul(const double *W, const double *X, double *D, int n, int k,
            int m) {
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < m; ++j) {
      double acc = 0;
      for (int l = 0; l < k; ++l)
        acc += W[i * k + l] * X[l * m + j];
      D[i * m + j] = acc;
    }
}

GRADC_DIFF("grad")
double loops(double x, int n) {
  double s = 0;
  int k = 0;
  while (k < n) {
    k += 2;
    if (k == 6)
      continue;
    s += x;
  }
  do {
    s *= x;
    if (s > 100)
      break;
  } while (s < 10);
  for (;;)
    break;
  return s;
}

// CHECK-LABEL: func @dot(%w: ptr const f64, %x: ptr const f64, %n: i32) -> f64 {
// CHECK-NEXT:   %s = local : ptr f64                   ; 8:10
// CHECK-NEXT:   store %s, 0                            ; 8:14
// CHECK-NEXT:   loop for                               ; 9:3
// CHECK-NEXT:   init {
// CHECK-NEXT:     %i = local : ptr i32                 ; 9:12
// CHECK-NEXT:     store %i, 0                          ; 9:16
// CHECK-NEXT:   }
// CHECK-NEXT:   cond {
// CHECK-NEXT:     %0 = load %i : i32                   ; 9:19
// CHECK-NEXT:     %1 = cmp lt %0, %n : i1              ; 9:19
// CHECK-NEXT:     yield %1                             ; 9:19
// CHECK-NEXT:   }
// CHECK-NEXT:   body {
// CHECK-NEXT:     %2 = load %s : f64                   ; 10:5
// CHECK-NEXT:     %3 = load %i : i32                   ; 10:12
// CHECK-NEXT:     %4 = load %w, %3 : f64               ; 10:10
// CHECK-NEXT:     %5 = load %x, %3 : f64               ; 10:17
// CHECK-NEXT:     %6 = mul %4, %5 : f64                ; 10:10
// CHECK-NEXT:     %7 = add %2, %6 : f64                ; 10:5
// CHECK-NEXT:     store %s, %7                         ; 10:5
// CHECK-NEXT:   }
// CHECK-NEXT:   step {
// CHECK-NEXT:     %8 = load %i : i32                   ; 9:28
// CHECK-NEXT:     %9 = add %8, 1 : i32                 ; 9:26
// CHECK-NEXT:     store %i, %9                         ; 9:26
// CHECK-NEXT:   }
// CHECK-NEXT:   %10 = load %s : f64                    ; 11:10
// CHECK-NEXT:   return %10                             ; 11:3
// CHECK-NEXT: }
// CHECK-LABEL: func @sumsq(%w: ptr const f64, %n: i32) -> f64 {
// CHECK-NEXT:   %s = local : ptr f64                   ; 16:10
// CHECK-NEXT:   store %s, 0                            ; 16:14
// CHECK-NEXT:   loop for                               ; 17:3
// CHECK-NEXT:   init {
// CHECK-NEXT:     %i = local : ptr i32                 ; 17:12
// CHECK-NEXT:     store %i, 0                          ; 17:16
// CHECK-NEXT:   }
// CHECK-NEXT:   cond {
// CHECK-NEXT:     %0 = load %i : i32                   ; 17:19
// CHECK-NEXT:     %1 = cmp lt %0, %n : i1              ; 17:19
// CHECK-NEXT:     yield %1                             ; 17:19
// CHECK-NEXT:   }
// CHECK-NEXT:   body {
// CHECK-NEXT:     %2 = load %s : f64                   ; 18:5
// CHECK-NEXT:     %3 = load %i : i32                   ; 18:12
// CHECK-NEXT:     %4 = load %w, %3 : f64               ; 18:10
// CHECK-NEXT:     %5 = mul %4, %4 : f64                ; 18:10
// CHECK-NEXT:     %6 = add %2, %5 : f64                ; 18:5
// CHECK-NEXT:     store %s, %6                         ; 18:5
// CHECK-NEXT:   }
// CHECK-NEXT:   step {
// CHECK-NEXT:     %7 = load %i : i32                   ; 17:26
// CHECK-NEXT:     %8 = add %7, 1 : i32                 ; 17:26
// CHECK-NEXT:     store %i, %8                         ; 17:26
// CHECK-NEXT:   }
// CHECK-NEXT:   %9 = load %s : f64                     ; 19:10
// CHECK-NEXT:   return %9                              ; 19:3
// CHECK-NEXT: }
// CHECK-LABEL: func @horner(%x: f64, %c: ptr const f64, %n: i32) -> f64 {
// CHECK-NEXT:   %p = local : ptr f64                   ; 24:10
// CHECK-NEXT:   store %p, 0                            ; 24:14
// CHECK-NEXT:   loop for                               ; 25:3
// CHECK-NEXT:   init {
// CHECK-NEXT:     %i = local : ptr i32                 ; 25:12
// CHECK-NEXT:     %0 = sub %n, 1 : i32                 ; 25:16
// CHECK-NEXT:     store %i, %0                         ; 25:16
// CHECK-NEXT:   }
// CHECK-NEXT:   cond {
// CHECK-NEXT:     %1 = load %i : i32                   ; 25:23
// CHECK-NEXT:     %2 = cmp ge %1, 0 : i1               ; 25:23
// CHECK-NEXT:     yield %2                             ; 25:23
// CHECK-NEXT:   }
// CHECK-NEXT:   body {
// CHECK-NEXT:     %3 = load %p : f64                   ; 26:9
// CHECK-NEXT:     %4 = mul %3, %x : f64                ; 26:9
// CHECK-NEXT:     %5 = load %i : i32                   ; 26:19
// CHECK-NEXT:     %6 = load %c, %5 : f64               ; 26:17
// CHECK-NEXT:     %7 = add %4, %6 : f64                ; 26:9
// CHECK-NEXT:     store %p, %7                         ; 26:5
// CHECK-NEXT:   }
// CHECK-NEXT:   step {
// CHECK-NEXT:     %8 = load %i : i32                   ; 25:33
// CHECK-NEXT:     %9 = sub %8, 1 : i32                 ; 25:31
// CHECK-NEXT:     store %i, %9                         ; 25:31
// CHECK-NEXT:   }
// CHECK-NEXT:   %10 = load %p : f64                    ; 27:10
// CHECK-NEXT:   return %10                             ; 27:3
// CHECK-NEXT: }
// CHECK-LABEL: func @matmul(%W: ptr const f64, %X: ptr const f64, %D: ptr f64, %n: i32, %k: i32, %m: i32) -> void {
// CHECK-NEXT:   loop for                               ; 33:3
// CHECK-NEXT:   init {
// CHECK-NEXT:     %i = local : ptr i32                 ; 33:12
// CHECK-NEXT:     store %i, 0                          ; 33:16
// CHECK-NEXT:   }
// CHECK-NEXT:   cond {
// CHECK-NEXT:     %0 = load %i : i32                   ; 33:19
// CHECK-NEXT:     %1 = cmp lt %0, %n : i1              ; 33:19
// CHECK-NEXT:     yield %1                             ; 33:19
// CHECK-NEXT:   }
// CHECK-NEXT:   body {
// CHECK-NEXT:     loop for                             ; 34:5
// CHECK-NEXT:     init {
// CHECK-NEXT:       %j = local : ptr i32               ; 34:14
// CHECK-NEXT:       store %j, 0                        ; 34:18
// CHECK-NEXT:     }
// CHECK-NEXT:     cond {
// CHECK-NEXT:       %2 = load %j : i32                 ; 34:21
// CHECK-NEXT:       %3 = cmp lt %2, %m : i1            ; 34:21
// CHECK-NEXT:       yield %3                           ; 34:21
// CHECK-NEXT:     }
// CHECK-NEXT:     body {
// CHECK-NEXT:       %acc = local : ptr f64             ; 35:14
// CHECK-NEXT:       store %acc, 0                      ; 35:20
// CHECK-NEXT:       loop for                           ; 36:7
// CHECK-NEXT:       init {
// CHECK-NEXT:         %l = local : ptr i32             ; 36:16
// CHECK-NEXT:         store %l, 0                      ; 36:20
// CHECK-NEXT:       }
// CHECK-NEXT:       cond {
// CHECK-NEXT:         %4 = load %l : i32               ; 36:23
// CHECK-NEXT:         %5 = cmp lt %4, %k : i1          ; 36:23
// CHECK-NEXT:         yield %5                         ; 36:23
// CHECK-NEXT:       }
// CHECK-NEXT:       body {
// CHECK-NEXT:         %6 = load %acc : f64             ; 37:9
// CHECK-NEXT:         %7 = load %i : i32               ; 37:18
// CHECK-NEXT:         %8 = mul %7, %k : i32            ; 37:18
// CHECK-NEXT:         %9 = load %l : i32               ; 37:26
// CHECK-NEXT:         %10 = add %8, %9 : i32           ; 37:18
// CHECK-NEXT:         %11 = load %W, %10 : f64         ; 37:16
// CHECK-NEXT:         %12 = mul %9, %m : i32           ; 37:33
// CHECK-NEXT:         %13 = load %j : i32              ; 37:41
// CHECK-NEXT:         %14 = add %12, %13 : i32         ; 37:33
// CHECK-NEXT:         %15 = load %X, %14 : f64         ; 37:31
// CHECK-NEXT:         %16 = mul %11, %15 : f64         ; 37:16
// CHECK-NEXT:         %17 = add %6, %16 : f64          ; 37:9
// CHECK-NEXT:         store %acc, %17                  ; 37:9
// CHECK-NEXT:       }
// CHECK-NEXT:       step {
// CHECK-NEXT:         %18 = load %l : i32              ; 36:32
// CHECK-NEXT:         %19 = add %18, 1 : i32           ; 36:30
// CHECK-NEXT:         store %l, %19                    ; 36:30
// CHECK-NEXT:       }
// CHECK-NEXT:       %20 = load %i : i32                ; 38:9
// CHECK-NEXT:       %21 = mul %20, %m : i32            ; 38:9
// CHECK-NEXT:       %22 = load %j : i32                ; 38:17
// CHECK-NEXT:       %23 = add %21, %22 : i32           ; 38:9
// CHECK-NEXT:       %24 = load %acc : f64              ; 38:22
// CHECK-NEXT:       store %D, %24, %23                 ; 38:7
// CHECK-NEXT:     }
// CHECK-NEXT:     step {
// CHECK-NEXT:       %25 = load %j : i32                ; 34:30
// CHECK-NEXT:       %26 = add %25, 1 : i32             ; 34:28
// CHECK-NEXT:       store %j, %26                      ; 34:28
// CHECK-NEXT:     }
// CHECK-NEXT:   }
// CHECK-NEXT:   step {
// CHECK-NEXT:     %27 = load %i : i32                  ; 33:28
// CHECK-NEXT:     %28 = add %27, 1 : i32               ; 33:26
// CHECK-NEXT:     store %i, %28                        ; 33:26
// CHECK-NEXT:   }
// CHECK-NEXT:   return                                 ; 40:1
// CHECK-NEXT: }
// CHECK-LABEL: func @loops(%x: f64, %n: i32) -> f64 {
// CHECK-NEXT:   %s = local : ptr f64                   ; 44:10
// CHECK-NEXT:   store %s, 0                            ; 44:14
// CHECK-NEXT:   %k = local : ptr i32                   ; 45:7
// CHECK-NEXT:   store %k, 0                            ; 45:11
// CHECK-NEXT:   loop while                             ; 46:3
// CHECK-NEXT:   cond {
// CHECK-NEXT:     %0 = load %k : i32                   ; 46:10
// CHECK-NEXT:     %1 = cmp lt %0, %n : i1              ; 46:10
// CHECK-NEXT:     yield %1                             ; 46:10
// CHECK-NEXT:   }
// CHECK-NEXT:   body {
// CHECK-NEXT:     %2 = load %k : i32                   ; 47:5
// CHECK-NEXT:     %3 = add %2, 2 : i32                 ; 47:5
// CHECK-NEXT:     store %k, %3                         ; 47:5
// CHECK-NEXT:     %4 = load %k : i32                   ; 48:9
// CHECK-NEXT:     %5 = cmp eq %4, 6 : i1               ; 48:9
// 'if (k == 6) continue;' takes the rest of the body into its else.
// CHECK-NEXT:     if %5                                ; 48:5
// CHECK-NEXT:     else {
// CHECK-NEXT:       %6 = load %s : f64                 ; 50:5
// CHECK-NEXT:       %7 = add %6, %x : f64              ; 50:5
// CHECK-NEXT:       store %s, %7                       ; 50:5
// CHECK-NEXT:     }
// CHECK-NEXT:   }
// CHECK-NEXT:   loop do                                ; 52:3
// CHECK-NEXT:   cond {
// CHECK-NEXT:     %8 = load %s : f64                   ; 56:12
// CHECK-NEXT:     %9 = cmp lt %8, 10 : i1              ; 56:12
// CHECK-NEXT:     yield %9                             ; 56:12
// CHECK-NEXT:   }
// CHECK-NEXT:   body {
// CHECK-NEXT:     %10 = load %s : f64                  ; 53:5
// CHECK-NEXT:     %11 = mul %10, %x : f64              ; 53:5
// CHECK-NEXT:     store %s, %11                        ; 53:5
// CHECK-NEXT:     %12 = load %s : f64                  ; 54:9
// CHECK-NEXT:     %13 = cmp gt %12, 100 : i1           ; 54:9
// CHECK-NEXT:     if %13                               ; 54:5
// CHECK-NEXT:     then {
// CHECK-NEXT:       break                              ; 55:7
// CHECK-NEXT:     }
// CHECK-NEXT:   }
// CHECK-NEXT:   loop for                               ; 57:3
// CHECK-NEXT:   body {
// CHECK-NEXT:     break                                ; 58:5
// CHECK-NEXT:   }
// CHECK-NEXT:   %14 = load %s : f64                    ; 59:10
// CHECK-NEXT:   return %14                             ; 59:3
// CHECK-NEXT: }
