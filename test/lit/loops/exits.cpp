// Early return, continue and break in code that carries derivatives. An
// 'if' whose branch leaves takes the statements after it into its other
// branch, so each exit ends its path; a loop that may break counts the
// iterations it began and runs backward from the last. Every path is taken
// by some point, checked against finite differences and the interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// Quadratic inside [-delta, delta]: x^2 / 2, dx = x.
// CHECK:      huber: at 0.5 2
// CHECK-NEXT: huber: f = 0.125
// CHECK-NEXT: huber: d[0] = 0.5 (
// CHECK-NEXT: huber: d[1] = 0 (
// Linear outside: delta * (|x| - delta / 2), dx = -delta, ddelta = |x| - delta.
// CHECK:      huber: at -3 2
// CHECK-NEXT: huber: f = 4
// CHECK-NEXT: huber: d[0] = -2 (
// CHECK-NEXT: huber: d[1] = 1 (
// CHECK:      piecewise: at -2
// CHECK-NEXT: piecewise: f = 2
// CHECK-NEXT: piecewise: d[0] = -1 (
// CHECK:      piecewise: at 0.5
// CHECK-NEXT: piecewise: f = 0.25
// CHECK-NEXT: piecewise: d[0] = 1 (
// CHECK:      piecewise: at 3
// CHECK-NEXT: piecewise: f = 5
// CHECK-NEXT: piecewise: d[0] = 2 (
// Newton's iteration for sqrt(a) stops early: f = sqrt(2), d = 1 / (2 sqrt(2)).
// CHECK:      newton_stop: at 2
// CHECK-NEXT: newton_stop: f = 1.41421356237309
// CHECK-NEXT: newton_stop: d[0] = 0.353553390593273
// Negative entries are skipped; the first entry above tol = 2 stops the sum
// after adding tol * x: 1 + 0 + 2.25 + 2 * 3 = 9.25.
// CHECK:      clipped_sum: at x=[1,-4,1.5,3,5],tol=[2],n=[5]
// CHECK-NEXT: clipped_sum: f = 9.25
// CHECK-NEXT: clipped_sum: d(x[0]) = 2 (
// CHECK-NEXT: clipped_sum: d(x[1]) = 0 (
// CHECK-NEXT: clipped_sum: d(x[2]) = 3 (
// CHECK-NEXT: clipped_sum: d(x[3]) = 2 (
// CHECK-NEXT: clipped_sum: d(x[4]) = 0 (
// CHECK-NEXT: clipped_sum: d(tol[0]) = 3 (
// No entry above tol: the loop runs to its end.
// CHECK:      clipped_sum: at x=[1,-4,1.5],tol=[2],n=[3]
// CHECK-NEXT: clipped_sum: f = 3.25
// CHECK-NEXT: clipped_sum: d(x[0]) = 2 (
// CHECK-NEXT: clipped_sum: d(x[1]) = 0 (
// CHECK-NEXT: clipped_sum: d(x[2]) = 3 (
// CHECK-NEXT: clipped_sum: d(tol[0]) = 0 (
// Rows summed up to their first negative entry (a nested loop that breaks):
// 1 * 2 + 2 * 3, then 4 * 2 + 3 * 3, then 5 * 2 + 6 * 3 + 0.5 * 4. The sum is
// returned squared: 55 * 55, and each derivative times 2 * 55.
// CHECK:      row_prefix: at W=[1,2,-1,4,3,-2,5,6,0.5],x=[2,3,4],n=[3]
// CHECK-NEXT: row_prefix: f = 3025
// CHECK-NEXT: row_prefix: d(W[0]) = 220 (
// CHECK-NEXT: row_prefix: d(W[1]) = 330 (
// CHECK-NEXT: row_prefix: d(W[2]) = 0 (
// CHECK-NEXT: row_prefix: d(W[3]) = 220 (
// CHECK-NEXT: row_prefix: d(W[4]) = 330 (
// CHECK-NEXT: row_prefix: d(W[5]) = 0 (
// CHECK-NEXT: row_prefix: d(W[6]) = 220 (
// CHECK-NEXT: row_prefix: d(W[7]) = 330 (
// CHECK-NEXT: row_prefix: d(W[8]) = 440 (
// CHECK-NEXT: row_prefix: d(x[0]) = 1100 (
// CHECK-NEXT: row_prefix: d(x[1]) = 1210 (
// CHECK-NEXT: row_prefix: d(x[2]) = 55 (
// Doubling until the sum passes the limit: 0.75, then 0.75 + 1.5 = 2.25.
// CHECK:      grow: at 0.75 2
// CHECK-NEXT: grow: f = 2.25
// CHECK-NEXT: grow: d[0] = 3 (
// CHECK-NEXT: grow: d[1] = 0 (
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 10 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

GRADC_DIFF("grad")
double huber(double x, double delta) {
  double a = std::fabs(x);
  if (a <= delta)
    return 0.5 * x * x;
  double lin = delta * (a - 0.5 * delta);
  return lin;
}
// The return inside the branch leaves its value in `result`; the code after
// the branch becomes its else.
// TEXT-LABEL: inline double huber_pullback(double x, double delta, double dout, double &dx,
// TEXT:          double result;
// TEXT:          if ([[C:[a-z_]+]]) {
// TEXT-NEXT:       result = 0.5 * x * x;
// TEXT-NEXT:     } else {
// TEXT-NEXT:       double lin = delta * (a - 0.5 * delta);
// TEXT-NEXT:       result = lin;
// TEXT-NEXT:     }
// TEXT:          // exits.cpp:[[#@LINE-15]]: if (a <= delta)
// TEXT-NEXT:     if ([[C]]) {
// TEXT-NEXT:       // exits.cpp:[[#@LINE-16]]: return 0.5 * x * x;
// TEXT:          } else {
// TEXT-NEXT:       // exits.cpp:[[#@LINE-16]]: return lin;
// TEXT-LABEL: inline double huber_grad(double x, double delta, double &dx, double &ddelta) {
// TEXT-NEXT:    return huber_pullback(x, delta, 1, dx, ddelta);

GRADC_DIFF("grad")
double piecewise(double x) {
  if (x < -1)
    return -x;
  else if (x < 1)
    return x * x;
  return 2 * x - 1;
}
// TEXT-LABEL: inline double piecewise_pullback(double x, double dout, double &dx) {
// TEXT:          if ({{.*}}) {
// TEXT-NEXT:       result = -x;
// TEXT-NEXT:     } else if ({{.*}}) {
// TEXT-NEXT:       result = x * x;
// TEXT-NEXT:     } else {
// TEXT-NEXT:       result = 2 * x - 1;
// TEXT-NEXT:     }
// TEXT-LABEL: inline double piecewise_grad(double x, double &dx) {
// TEXT-NEXT:    return piecewise_pullback(x, 1, dx);

GRADC_DIFF("grad")
double newton_stop(double a) {
  double y = a;
  for (int k = 0; k < 50; ++k) {
    double step = (y * y - a) / (2 * y);
    y -= step;
    if (std::fabs(step) < 1e-15 * y)
      break;
  }
  return y;
}
// A counted loop that may break: it counts the iterations begun and runs
// backward from the last; the loop-carried y is taped, on a tape of the
// 50 values it holds at most.
// TEXT-LABEL: inline double newton_stop_pullback(double a, double dout, double &da) {
// TEXT-NEXT:     gradc::fixed_tape<double, 50> y_tape;
// TEXT:          int iters = 0;
// TEXT-NEXT:     for (int k = 0; k < 50; ++k) {
// TEXT-NEXT:       ++iters;
// TEXT:              break;
// TEXT:          for (int k = iters - 1; k >= 0; --k) {
// TEXT-LABEL: inline double newton_stop_grad(double a, double &da) {
// TEXT-NEXT:    return newton_stop_pullback(a, 1, da);

GRADC_DIFF("grad wrt(x, tol)")
double clipped_sum(const double *x, int n, double tol) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    if (x[i] < 0)
      continue;
    if (x[i] > tol) {
      s += tol * x[i];
      break;
    }
    s += x[i] * x[i];
  }
  return s;
}
// x is read-only and i is known in the backward sweep: no tape at all.
// TEXT-LABEL: inline double clipped_sum_pullback(
// TEXT-NOT:      tape
// TEXT:          for (int i = 0; i < n; ++i) {
// TEXT-NEXT:       ++iters;
// TEXT-NEXT:       if (!(x[i] < 0)) {
// TEXT-NEXT:         if (x[i] > tol) {
// TEXT-NEXT:           s += tol * x[i];
// TEXT-NEXT:           break;
// TEXT-NEXT:         } else {
// TEXT-NEXT:           s += x[i] * x[i];
// TEXT-NEXT:         }
// TEXT-NEXT:       }
// TEXT-NEXT:     }
// TEXT:          for (int i = iters - 1; i >= 0; --i) {
// TEXT-NEXT:       // exits.cpp:[[#@LINE-25]]: if (x[i] < 0)
// TEXT-NEXT:       if (!(x[i] < 0)) {
// TEXT-NEXT:         // exits.cpp:[[#@LINE-25]]: if (x[i] > tol)
// TEXT-NEXT:         if (x[i] > tol) {
// TEXT-NEXT:           // exits.cpp:[[#@LINE-26]]: s += tol * x[i];
// TEXT-NEXT:           dtol_sum += x[i] * ds;
// TEXT-NEXT:           dx[i] += tol * ds;
// TEXT-NEXT:         } else {
// TEXT-NEXT:           // exits.cpp:[[#@LINE-27]]: s += x[i] * x[i];
// TEXT-NEXT:           dx[i] += 2 * x[i] * ds;
// TEXT-NEXT:         }
// TEXT-NEXT:       }
// TEXT-NEXT:     }
// TEXT-NOT:      tape
// TEXT-LABEL: inline double clipped_sum_grad(
// TEXT:         return clipped_sum_pullback(x, n, tol, 1, dx, dtol);

GRADC_DIFF("grad wrt(W, x)")
double row_prefix(const double *W, const double *x, int n) {
  double s = 0;
  for (int r = 0; r < n; ++r) {
    for (int c = 0; c < n; ++c) {
      if (W[r * n + c] < 0)
        break;
      s += W[r * n + c] * x[c];
    }
  }
  return s * s; // the outer loop runs backward on its own
}
// The inner loop's count differs per row: it is taped once per row.
// TEXT-LABEL: inline double row_prefix_pullback(
// TEXT:          gradc::tape<int> iters_tape;
// TEXT:          iters_tape.reserve(n);
// TEXT:          iters_tape.push_reserved(iters);
// TEXT:          int iters = iters_tape.pop();
// TEXT-NEXT:     for (int c = iters - 1; c >= 0; --c) {
// TEXT-LABEL: inline double row_prefix_grad(
// TEXT:         return row_prefix_pullback(W, x, n, 1, dW, dx);

GRADC_DIFF("grad")
double grow(double x, double limit) {
  double s = 0;
  double t = x;
  while (true) {
    s += t;
    if (s > limit)
      break;
    t *= 2;
  }
  return s;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_2(huber, 0.5, 2.0);
  GRADC_CHECK_2(huber, -3.0, 2.0);
  for (double x : {-2.0, 0.5, 3.0})
    GRADC_CHECK_1(piecewise, x);
  GRADC_CHECK_1(newton_stop, 2.0);
  using gradc_check::Arrays;
  for (std::vector<double> x :
       {std::vector<double>{1, -4, 1.5, 3, 5}, std::vector<double>{1, -4, 1.5}}) {
    int n = static_cast<int>(x.size());
    gradc_check::check_arrays(
        "clipped_sum", {{"x", x}, {"tol", {2}}}, {{"n", {double(n)}}},
        [n](const Arrays &p) { return clipped_sum(p[0].data(), n, p[1][0]); },
        [n](const Arrays &p, Arrays &d) {
          return clipped_sum_grad(p[0].data(), n, p[1][0], d[0].data(),
                                  d[1][0]);
        },
        [n](const Arrays &p, double s, Arrays &d) {
          clipped_sum_pullback(p[0].data(), n, p[1][0], s, d[0].data(),
                               d[1][0]);
        });
  }
  gradc_check::check_arrays(
      "row_prefix",
      {{"W", {1, 2, -1, 4, 3, -2, 5, 6, 0.5}}, {"x", {2, 3, 4}}},
      {{"n", {3}}},
      [](const Arrays &p) { return row_prefix(p[0].data(), p[1].data(), 3); },
      [](const Arrays &p, Arrays &d) {
        return row_prefix_grad(p[0].data(), p[1].data(), 3, d[0].data(),
                               d[1].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        row_prefix_pullback(p[0].data(), p[1].data(), 3, s, d[0].data(),
                            d[1].data());
      });
  GRADC_CHECK_2(grow, 0.75, 2.0);
  return gradc_check::finish();
}
#endif
