// Defects found by random programs (dead stores, values of an outer body
// read in a nested loop or branch, parameters assigned before they are
// read), each reduced; checked against finite differences and the
// interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// t = 2 * y overwrites t = x: x has no say in the result (it had one).
// CHECK:      dead_store: at x=[3],y=[0.5],c=[1]
// CHECK-NEXT: dead_store: f = 3
// CHECK-NEXT: dead_store: d(x[0]) = 0 (
// CHECK-NEXT: dead_store: d(y[0]) = 6 (
// CHECK:      dead_store_loop: at x=[3],y=[0.5],w=[1,2],n=[2]
// CHECK-NEXT: dead_store_loop: f = 1.5
// CHECK-NEXT: dead_store_loop: d(x[0]) = 0 (
// CHECK-NEXT: dead_store_loop: d(y[0]) = 3 (
// CHECK-NEXT: dead_store_loop: d(w[0]) = 0.5 (
// CHECK-NEXT: dead_store_loop: d(w[1]) = 0.5 (
// s = sum_j sum_i x[i] * 0.5 * x[j] = 0.5 * (x0 + x1 + x2)^2 = 0.5 * 36.
// CHECK:      outer_value: at x=[1,2,3],n=[3]
// CHECK-NEXT: outer_value: f = 18
// CHECK-NEXT: outer_value: d(x[0]) = 6 (
// CHECK-NEXT: outer_value: d(x[1]) = 6 (
// CHECK-NEXT: outer_value: d(x[2]) = 6 (
// CHECK:      outer_branch: at x=[1.5],c=[2]
// CHECK-NEXT: outer_branch: f = 9
// CHECK-NEXT: outer_branch: d(x[0]) = 6 (
// CHECK:      outer_branch: at x=[1.5],c=[0.5]
// CHECK-NEXT: outer_branch: f = 2
// CHECK-NEXT: outer_branch: d(x[0]) = 0 (
// w0^2 / (1 + w0) + w1^2 / (1 + w0) + w2^2 / (1 + w1) + w3^2 / (1 + w1).
// CHECK:      row_offset: at w=[1,2,3,4],n=[4]
// CHECK-NEXT: row_offset: f = 10.8333333333
// CHECK:      assigned_param: at 1.5 7
// CHECK-NEXT: assigned_param: f = 3
// CHECK-NEXT: assigned_param: d[0] = 2 (
// CHECK-NEXT: assigned_param: d[1] = 0 (
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 7 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

GRADC_DIFF("grad wrt(x, y)")
double dead_store(double x, double y, double c) {
  double t = x;
  t = 2.0 * y;
  if (c > 0)
    t *= 3.0;
  return t;
}
// The overwritten t passes nothing to x, and no `dt = 0; dx += dt;`.
// TEXT-LABEL: inline double dead_store_pullback(
// TEXT-NEXT:     double & /*dx*/,
// TEXT:          dy += 2.0 * dt;
// TEXT-NEXT:     return dead_store;

GRADC_DIFF("grad wrt(x, y, w)")
double dead_store_loop(double x, double y, const double *w, int n) {
  double t = x * y;
  t = 0.0;
  for (int i = 0; i < n; ++i)
    t += w[i] * y;
  return t;
}

GRADC_DIFF("grad")
double outer_value(const double *x, int n) {
  double s = 0;
  for (int j = 0; j < n; ++j) {
    double h = 0.5 * x[j];
    for (int i = 0; i < n; i++)
      s += x[i] * h;
  }
  return s;
}

GRADC_DIFF("grad wrt(x)")
double outer_branch(double x, double c) {
  double s = 2.0;
  if (c > 0) {
    double u = c * 3.0;
    if (c > 1)
      s = u * x;
  }
  return s;
}

GRADC_DIFF("grad")
double row_offset(const double *w, int n) {
  double s = 0;
  for (int j = 0; j < n / 2; ++j) {
    int o = 2 * j;
    const double *row = &w[2 * j];
    for (int i = 0; i < 2; ++i)
      s += row[i] * w[o + i] / (1.0 + w[j]);
  }
  return s;
}

GRADC_DIFF("grad")
double assigned_param(double x, double y) {
  y = 2 * x;
  return y;
}
// y is assigned, so it keeps its name.
// TEXT-LABEL: inline double assigned_param_pullback(double x, double y,

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "dead_store", {{"x", {3}}, {"y", {0.5}}}, {{"c", {1}}},
      [](const Arrays &p) { return dead_store(p[0][0], p[1][0], 1); },
      [](const Arrays &p, Arrays &d) {
        return dead_store_grad(p[0][0], p[1][0], 1, d[0][0], d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        dead_store_pullback(p[0][0], p[1][0], 1, s, d[0][0], d[1][0]);
      });
  gradc_check::check_arrays(
      "dead_store_loop", {{"x", {3}}, {"y", {0.5}}, {"w", {1, 2}}},
      {{"n", {2}}},
      [](const Arrays &p) {
        return dead_store_loop(p[0][0], p[1][0], p[2].data(), 2);
      },
      [](const Arrays &p, Arrays &d) {
        return dead_store_loop_grad(p[0][0], p[1][0], p[2].data(), 2, d[0][0],
                                    d[1][0], d[2].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        dead_store_loop_pullback(p[0][0], p[1][0], p[2].data(), 2, s, d[0][0],
                                 d[1][0], d[2].data());
      });
  gradc_check::check_arrays(
      "outer_value", {{"x", {1, 2, 3}}}, {{"n", {3}}},
      [](const Arrays &p) { return outer_value(p[0].data(), 3); },
      [](const Arrays &p, Arrays &d) {
        return outer_value_grad(p[0].data(), 3, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        outer_value_pullback(p[0].data(), 3, s, d[0].data());
      });
  for (double c : {2.0, 0.5})
    gradc_check::check_arrays(
        "outer_branch", {{"x", {1.5}}}, {{"c", {c}}},
        [c](const Arrays &p) { return outer_branch(p[0][0], c); },
        [c](const Arrays &p, Arrays &d) {
          return outer_branch_grad(p[0][0], c, d[0][0]);
        },
        [c](const Arrays &p, double s, Arrays &d) {
          outer_branch_pullback(p[0][0], c, s, d[0][0]);
        });
  gradc_check::check_arrays(
      "row_offset", {{"w", {1, 2, 3, 4}}}, {{"n", {4}}},
      [](const Arrays &p) { return row_offset(p[0].data(), 4); },
      [](const Arrays &p, Arrays &d) {
        return row_offset_grad(p[0].data(), 4, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        row_offset_pullback(p[0].data(), 4, s, d[0].data());
      });
  GRADC_CHECK_2(assigned_param, 1.5, 7.0);
  return gradc_check::finish();
}
#endif
