// Pointer, array and reference parameters are memory: reads are loads (with
// the index in its own integer type), interior pointers are offsets.
// RUN: %gradc %s --emit=ir -o - | FileCheck %s
#include <gradc/gradc.h>

#include <cstddef>

GRADC_DIFF("grad")
double first(const double *w, double v[], const double (&a)[3], float f[2]) {
  return *w + v[1] + a[2] + f[0];
}

GRADC_DIFF("grad")
double indices(const double *w, int i, std::size_t j, long k, const int *idx) {
  return w[i] + w[j] + w[k] + w[idx[i]];
}

GRADC_DIFF("grad")
double interior(const double *w, int k, int n) {
  const double *row = w + k * n;
  const double *col = &w[k];
  const double *back = w - k;
  const double *same = w;
  return row[0] + *col + back[1] + (k + w)[2] + same[3] + *(row + 1);
}

// CHECK-LABEL: func @first(%w: ptr const f64, %v: ptr f64, %a: ptr const f64, %f: ptr f32) -> f64 {
// CHECK-NEXT:   %0 = load %w : f64                     ; 10:10
// CHECK-NEXT:   %1 = load %v, 1 : f64                  ; 10:15
// CHECK-NEXT:   %2 = add %0, %1 : f64                  ; 10:10
// CHECK-NEXT:   %3 = load %a, 2 : f64                  ; 10:22
// CHECK-NEXT:   %4 = add %2, %3 : f64                  ; 10:10
// CHECK-NEXT:   %5 = load %f, 0 : f32                  ; 10:29
// CHECK-NEXT:   %6 = cast implicit %5 : f64            ; 10:29
// CHECK-NEXT:   %7 = add %4, %6 : f64                  ; 10:10
// CHECK-NEXT:   return %7                              ; 10:3
// CHECK-NEXT: }
// CHECK-LABEL: func @indices(%w: ptr const f64, %i: i32, %j: u64, %k: i64(long), %idx: ptr const i32) -> f64 {
// CHECK-NEXT:   %0 = load %w, %i : f64                 ; 15:10
// CHECK-NEXT:   %1 = load %w, %j : f64                 ; 15:17
// CHECK-NEXT:   %2 = add %0, %1 : f64                  ; 15:10
// CHECK-NEXT:   %3 = load %w, %k : f64                 ; 15:24
// CHECK-NEXT:   %4 = add %2, %3 : f64                  ; 15:10
// CHECK-NEXT:   %5 = load %idx, %i : i32               ; 15:33
// CHECK-NEXT:   %6 = load %w, %5 : f64                 ; 15:31
// CHECK-NEXT:   %7 = add %4, %6 : f64                  ; 15:10
// CHECK-NEXT:   return %7                              ; 15:3
// CHECK-NEXT: }
// CHECK-LABEL: func @interior(%w: ptr const f64, %k: i32, %n: i32) -> f64 {
// CHECK-NEXT:   %0 = mul %k, %n : i32                  ; 20:27
// CHECK-NEXT:   %row = offset %w, %0 : ptr const f64   ; 20:23
// CHECK-NEXT:   %col = offset %w, %k : ptr const f64   ; 21:23
// CHECK-NEXT:   %1 = neg %k : i32                      ; 22:24
// CHECK-NEXT:   %back = offset %w, %1 : ptr const f64  ; 22:24
// CHECK-NEXT:   %2 = load %row, 0 : f64                ; 24:10
// CHECK-NEXT:   %3 = load %col : f64                   ; 24:19
// CHECK-NEXT:   %4 = add %2, %3 : f64                  ; 24:10
// CHECK-NEXT:   %5 = load %back, 1 : f64               ; 24:26
// CHECK-NEXT:   %6 = add %4, %5 : f64                  ; 24:10
// CHECK-NEXT:   %7 = offset %w, %k : ptr const f64     ; 24:37
// CHECK-NEXT:   %8 = load %7, 2 : f64                  ; 24:36
// CHECK-NEXT:   %9 = add %6, %8 : f64                  ; 24:10
// CHECK-NEXT:   %10 = load %w, 3 : f64                 ; 24:49
// CHECK-NEXT:   %11 = add %9, %10 : f64                ; 24:10
// CHECK-NEXT:   %12 = offset %row, 1 : ptr const f64   ; 24:61
// CHECK-NEXT:   %13 = load %12 : f64                   ; 24:59
// CHECK-NEXT:   %14 = add %11, %13 : f64               ; 24:10
// CHECK-NEXT:   return %14                             ; 24:3
// CHECK-NEXT: }
