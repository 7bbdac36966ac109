// An if's init-statement and a variable declared in its condition are
// lowered just before the if (they are the if's alone in C++): checked
// against finite differences and the interpreter on every path.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// t = x * y = 3 > 1: t - 1 + y = 3.5, d = (y, x + 1).
// CHECK:      split: at 2 1.5
// CHECK-NEXT: split: f = 3.5
// CHECK-NEXT: split: d[0] = 1.5 (
// CHECK-NEXT: split: d[1] = 3 (
// t = 0.25: r = x - y = -0.25, r * r = 0.0625, d = (2r, -2r).
// CHECK:      split: at 0.25 0.5
// CHECK-NEXT: split: f = 0.0625
// CHECK-NEXT: split: d[0] = -0.5 (
// CHECK-NEXT: split: d[1] = 0.5 (
// CHECK:      running: at w=[0.5,2,-1],n=[3]
// CHECK-NEXT: running: f = -0.5
// CHECK-NEXT: running: d(w[0]) = 1 (
// CHECK-NEXT: running: d(w[1]) = 0 (
// CHECK-NEXT: running: d(w[2]) = 1 (
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 3 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

GRADC_DIFF("grad")
double split(double x, double y) {
  if (double t = x * y; t > 1)
    return t - 1 + y;
  if (double r = x - y)
    return r * r;
  return y;
}
// The declarations run before their ifs; the comments quote them.
// TEXT-LABEL: inline double split_pullback(double x, double y, double dout, double &dx,
// TEXT:          double t = x * y;
// TEXT:          // if_declarations.cpp:[[#@LINE-9]]: if (double t = x * y; t > 1)
// TEXT-LABEL: inline double split_grad(double x, double y, double &dx, double &dy) {
// TEXT-NEXT:     return split_pullback(x, y, 1, dx, dy);

// Sums the entries, but an entry above 1 counts as 0 (its square is used
// as the threshold's witness in the init-statement).
GRADC_DIFF("grad wrt(w)")
double running(const double *w, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    if (double sq = w[i] * w[i]; sq > 1 && w[i] > 0)
      continue;
    s += w[i];
  }
  return s;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_2(split, 2.0, 1.5);
  GRADC_CHECK_2(split, 0.25, 0.5);
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "running", {{"w", {0.5, 2, -1}}}, {{"n", {3}}},
      [](const Arrays &p) { return running(p[0].data(), 3); },
      [](const Arrays &p, Arrays &d) {
        return running_grad(p[0].data(), 3, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        running_pullback(p[0].data(), 3, s, d[0].data());
      });
  return gradc_check::finish();
}
#endif
