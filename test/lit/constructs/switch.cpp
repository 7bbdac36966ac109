// switch on an integer: an if / else if chain, one branch per group of
// labels, the default last; fallthrough writes the statements it falls
// into again in its branch; break ends the branch. Also an
// init-statement, returns from the cases, and a switch in a loop with
// continue. Checked against finite differences and the interpreter on
// every path.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// k = 0: x; k = 1: x * x + sin(x), falling through; k = 3: sin(x);
// default: -x.
// CHECK:      piecewise: at x=[0.5],k=[0]
// CHECK-NEXT: piecewise: f = 0.5
// CHECK-NEXT: piecewise: d(x[0]) = 1 (
// CHECK:      piecewise: at x=[0.5],k=[1]
// CHECK-NEXT: piecewise: f = 0.729425538604203{{0*1?}}
// CHECK-NEXT: piecewise: d(x[0]) = 1.8775825618903728 (
// CHECK:      piecewise: at x=[0.5],k=[3]
// CHECK-NEXT: piecewise: f = 0.479425538604203{{0*1?}}
// CHECK-NEXT: piecewise: d(x[0]) = 0.877582561890372{{[0-9]*}} (
// CHECK:      piecewise: at x=[0.5],k=[7]
// CHECK-NEXT: piecewise: f = -0.5
// CHECK-NEXT: piecewise: d(x[0]) = -1 (
// k % 3 = 0: x^2; 1: sin(x) x^2; 2: x.
// CHECK:      pick: at x=[0.5],k=[3]
// CHECK-NEXT: pick: f = 0.25
// CHECK-NEXT: pick: d(x[0]) = 1 (
// CHECK:      pick: at x=[0.5],k=[4]
// CHECK-NEXT: pick: f = 0.11985638465105075
// CHECK-NEXT: pick: d(x[0]) = 0.698821179076796{{[0-9]}} (
// CHECK:      pick: at x=[0.5],k=[5]
// CHECK-NEXT: pick: f = 0.5
// CHECK-NEXT: pick: d(x[0]) = 1 (
// w = [1, 2, 3, 4]: s = ((0.5 + w0 + 0.5) w1 + 0.5 - w2^2) + 0.5 + w3 = 0;
// d = [w1, w0 + 1, -2 w2, 1].
// CHECK:      rounds: at w=[1,2,3,4],n=[4]
// CHECK-NEXT: rounds: f = 0
// CHECK-NEXT: rounds: d(w[0]) = 2 (
// CHECK-NEXT: rounds: d(w[1]) = 2 (
// CHECK-NEXT: rounds: d(w[2]) = -6 (
// CHECK-NEXT: rounds: d(w[3]) = 1 (
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 8 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

GRADC_DIFF("grad wrt(x)")
double piecewise(double x, int k) {
  double r = 0;
  switch (k) {
  case 0:
    r = x;
    break;
  case 1:
  case 2:
    r = x * x;
    [[fallthrough]];
  case 3: {
    double t = std::sin(x);
    r += t;
    break;
  }
  default:
    r = -x;
  }
  return r;
}
// The labels of a group are one test; case 1 runs case 3's statements too.
// TEXT-LABEL: inline double piecewise_pullback(
// TEXT:          } else if (k == 1 || k == 2) {
// TEXT-NEXT:       r = x * x;
// TEXT-NEXT:       double t = std::sin(x);
// TEXT-NEXT:       r += t;
// TEXT-NEXT:     } else if (k == 3) {
// TEXT-NEXT:       double t = std::sin(x);
// TEXT-NEXT:       r += t;
// TEXT-NEXT:     } else {
// TEXT-NEXT:       r = -x;
// TEXT-NEXT:     }
// TEXT-LABEL: inline double piecewise_grad(
// TEXT-NEXT:    return piecewise_pullback(x, k, 1, dx);

GRADC_DIFF("grad wrt(x)")
double pick(double x, int k) {
  double y = x * x;
  switch (int m = k % 3; m) {
  case 0:
    return y;
  case 1:
    return std::sin(x) * y;
  default:
    return x;
  }
}

GRADC_DIFF("grad wrt(w)")
double rounds(const double *w, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    s += 0.5;
    switch (i % 3) {
    case 0:
      s += w[i];
      break;
    case 1:
      s *= w[i];
      continue;
    default:
      s -= w[i] * w[i];
    }
  }
  return s;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  for (int k : {0, 1, 3, 7})
    gradc_check::check_arrays(
        "piecewise", {{"x", {0.5}}}, {{"k", {double(k)}}},
        [k](const Arrays &p) { return piecewise(p[0][0], k); },
        [k](const Arrays &p, Arrays &d) {
          return piecewise_grad(p[0][0], k, d[0][0]);
        },
        [k](const Arrays &p, double s, Arrays &d) {
          piecewise_pullback(p[0][0], k, s, d[0][0]);
        });
  for (int k : {3, 4, 5})
    gradc_check::check_arrays(
        "pick", {{"x", {0.5}}}, {{"k", {double(k)}}},
        [k](const Arrays &p) { return pick(p[0][0], k); },
        [k](const Arrays &p, Arrays &d) {
          return pick_grad(p[0][0], k, d[0][0]);
        },
        [k](const Arrays &p, double s, Arrays &d) {
          pick_pullback(p[0][0], k, s, d[0][0]);
        });
  gradc_check::check_arrays(
      "rounds", {{"w", {1, 2, 3, 4}}}, {{"n", {4}}},
      [](const Arrays &p) { return rounds(p[0].data(), 4); },
      [](const Arrays &p, Arrays &d) {
        return rounds_grad(p[0].data(), 4, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        rounds_pullback(p[0].data(), 4, s, d[0].data());
      });
  return gradc_check::finish();
}
#endif
