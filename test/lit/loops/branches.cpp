// ReLU and leaky ReLU (seed 003) as branches and as ternaries, an else-if
// chain on && || !, and a branch inside a loop; every side of every branch
// is taken by some point, checked against finite differences and the
// interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK:      relu_if: at 1.5
// CHECK-NEXT: relu_if: f = 1.5
// CHECK-NEXT: relu_if: d[0] = 1 (
// CHECK:      relu_if: at -2
// CHECK-NEXT: relu_if: f = 0
// CHECK-NEXT: relu_if: d[0] = 0 (
// CHECK:      leaky_if: at 1.5
// CHECK-NEXT: leaky_if: f = 1.5
// CHECK-NEXT: leaky_if: d[0] = 1 (
// CHECK:      leaky_if: at -2
// CHECK-NEXT: leaky_if: f = -0.02
// CHECK-NEXT: leaky_if: d[0] = 0.01 (
// CHECK:      relu_ternary: at 1.5
// CHECK-NEXT: relu_ternary: f = 1.5
// CHECK-NEXT: relu_ternary: d[0] = 1 (
// CHECK:      relu_ternary: at -2
// CHECK-NEXT: relu_ternary: f = 0
// CHECK-NEXT: relu_ternary: d[0] = 0 (
// CHECK:      leaky_ternary: at 1.5
// CHECK-NEXT: leaky_ternary: f = 1.5
// CHECK-NEXT: leaky_ternary: d[0] = 1 (
// CHECK:      leaky_ternary: at -2
// CHECK-NEXT: leaky_ternary: f = -0.02
// CHECK-NEXT: leaky_ternary: d[0] = 0.01 (
// x > 0 && y > 0: x * y
// CHECK:      chain: at 2 3
// CHECK-NEXT: chain: f = 6
// CHECK-NEXT: chain: d[0] = 3 (
// CHECK-NEXT: chain: d[1] = 2 (
// x < -1: x + 2 * y
// CHECK:      chain: at -2 3
// CHECK-NEXT: chain: f = 4
// CHECK-NEXT: chain: d[0] = 1 (
// CHECK-NEXT: chain: d[1] = 2 (
// y <= 0, x >= -1, !(y < -1): x + 2 * y
// CHECK:      chain: at 0.5 -0.5
// CHECK-NEXT: chain: f = -0.5
// CHECK-NEXT: chain: d[0] = 1 (
// CHECK-NEXT: chain: d[1] = 2 (
// y < -1, x >= -1: exp(x) * y
// CHECK:      chain: at 0.5 -2
// CHECK-NEXT: chain: f = -3.2974425414002564
// CHECK-NEXT: chain: d[0] = -3.2974425414002564 (
// CHECK-NEXT: chain: d[1] = 1.6487212707001282 (
// CHECK:      relu_sum: at w=[1.5,-2,0.25,-0.5],n=[4]
// CHECK-NEXT: relu_sum: f = 1.0625
// CHECK-NEXT: relu_sum: d(w[0]) = 3 (
// CHECK-NEXT: relu_sum: d(w[1]) = 0.5 (
// CHECK-NEXT: relu_sum: d(w[2]) = 0.5 (
// CHECK-NEXT: relu_sum: d(w[3]) = 0.5 (
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 13 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

GRADC_DIFF("grad")
double relu_if(double x) {
  double y;
  if (x > 0)
    y = x;
  else
    y = 0;
  return y;
}
// The condition is on a parameter, which nothing changes: computed once,
// kept in a local, never taped.
// TEXT-LABEL: inline double relu_if_pullback(double x, double dout, double &dx) {
// TEXT-NOT: tape
// TEXT:        bool [[C:[a-z_0-9]+]] = x > 0;
// TEXT:        // branches.cpp:[[#@LINE-11]]: if (x > 0)
// TEXT-NEXT:   if ([[C]]) {
// TEXT-NEXT:     // branches.cpp:[[#@LINE-12]]: y = x;
// TEXT-NEXT:     dx += dy;
// TEXT-NEXT:   }
// TEXT-NEXT:   return relu_if;
// TEXT-LABEL: inline double relu_if_grad(double x, double &dx) {
// TEXT-NEXT:    return relu_if_pullback(x, 1, dx);

GRADC_DIFF("grad")
double leaky_if(double x) {
  double y = x;
  if (x < 0)
    y = 0.01 * x;
  return y;
}

GRADC_DIFF("grad")
double relu_ternary(double x) { return x > 0 ? x : 0.0; }

GRADC_DIFF("grad")
double leaky_ternary(double x) { return x > 0 ? x : 0.01 * x; }

GRADC_DIFF("grad")
double chain(double x, double y) {
  double r;
  if (x > 0 && y > 0)
    r = x * y;
  else if (x < -1 || !(y < -1))
    r = x + 2 * y;
  else
    r = std::exp(x) * y;
  return r;
}
// The backward sweep keeps the shape of the chain.
// TEXT-LABEL: inline double chain_pullback(
// TEXT:        // branches.cpp:[[#@LINE-10]]: if (x > 0 && y > 0)
// TEXT-NEXT:   if ({{.*}}) {
// TEXT:        } else {
// TEXT-NEXT:     // branches.cpp:[[#@LINE-11]]: if (x < -1 || !(y < -1))
// TEXT-NEXT:     if ({{.*}}) {
// TEXT:          } else {
// TEXT-NEXT:       // branches.cpp:[[#@LINE-11]]: r = std::exp(x) * y;
// TEXT-LABEL: inline double chain_grad(
// TEXT-NEXT:    return chain_pullback(x, y, 1, dx, dy);

GRADC_DIFF("grad wrt(w)")
double relu_sum(const double *w, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    if (w[i] > 0)
      s += w[i] * w[i];
    else
      s += 0.5 * w[i];
  }
  return s;
}
// The iterations are independent: each one's backward sweep runs at its
// end and reads the condition it took.
// TEXT-LABEL: inline double relu_sum_pullback(const double *w, int n, double dout,
// TEXT-NEXT:                                   double *dw) {
// TEXT-NOT: tape
// TEXT:        for (int i = 0; i < n; ++i) {
// TEXT-NEXT:     bool cond = w[i] > 0;
// TEXT-NEXT:     if (cond) {
// TEXT-NEXT:       s += w[i] * w[i];
// TEXT-NEXT:     } else {
// TEXT-NEXT:       s += 0.5 * w[i];
// TEXT-NEXT:     }
// TEXT-EMPTY:
// TEXT-NEXT:     // branches.cpp:[[#@LINE-20]]: if (w[i] > 0)
// TEXT-NEXT:     if (cond) {
// TEXT-NEXT:       // branches.cpp:[[#@LINE-21]]: s += w[i] * w[i];
// TEXT-NEXT:       dw[i] += 2 * w[i] * ds;
// TEXT-NEXT:     } else {
// TEXT-NEXT:       // branches.cpp:[[#@LINE-22]]: s += 0.5 * w[i];
// TEXT-NEXT:       dw[i] += 0.5 * ds;
// TEXT-NEXT:     }
// TEXT-NEXT:   }
// TEXT-LABEL: inline double relu_sum_grad(const double *w, int n, double *dw) {
// TEXT-NEXT:    return relu_sum_pullback(w, n, 1, dw);

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  // Both sides of each branch.
  for (double x : {1.5, -2.0})
    GRADC_CHECK_1(relu_if, x);
  for (double x : {1.5, -2.0})
    GRADC_CHECK_1(leaky_if, x);
  for (double x : {1.5, -2.0})
    GRADC_CHECK_1(relu_ternary, x);
  for (double x : {1.5, -2.0})
    GRADC_CHECK_1(leaky_ternary, x);
  GRADC_CHECK_2(chain, 2.0, 3.0);
  GRADC_CHECK_2(chain, -2.0, 3.0);
  GRADC_CHECK_2(chain, 0.5, -0.5);
  GRADC_CHECK_2(chain, 0.5, -2.0);
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "relu_sum", {{"w", {1.5, -2, 0.25, -0.5}}}, {{"n", {4}}},
      [](const Arrays &p) { return relu_sum(p[0].data(), 4); },
      [](const Arrays &p, Arrays &d) {
        return relu_sum_grad(p[0].data(), 4, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        relu_sum_pullback(p[0].data(), 4, s, d[0].data());
      });
  return gradc_check::finish();
}
#endif
