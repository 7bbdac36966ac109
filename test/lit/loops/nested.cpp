// Nested loops, local arrays, and values that a later iteration overwrites:
// Horner's rule on each row (p taped inside the inner loop, and its final
// value for the outer loop), a hidden layer in a local array, a recurrence
// through array elements, an array smoothed in place, and log-sum-exp
// with max subtraction (the max's branch recorded).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK: row_horner: at a=[1,-2,0.5,3,0.25,-1],x=[1.5,-0.5],m=[2],n=[3]
// CHECK: hidden: at w=[0.5,-1,2,0.25,-0.75,1.5],x=[0.80000000000000004,-0.29999999999999999]
// CHECK: prefix: at w=[0.5,-1.5,2,0.75,-0.25],n=[5]
// CHECK: smooth: at x=[0.69999999999999996],n=[3]
// CHECK: logsumexp: at x=[0.5,3,-1,2.5],n=[4]
// CHECK: logsumexp: at x=[1000,1001,999],n=[3]
// CHECK-NEXT: logsumexp: f = 1001.4076059644444
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 6 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

// Row i of a (m×n) holds the coefficients of a polynomial, evaluated at x[i].
GRADC_DIFF("grad wrt(a, x)")
double row_horner(const double *a, const double *x, int m, int n) {
  double total = 0;
  for (int i = 0; i < m; ++i) {
    double p = 0;
    for (int j = 0; j < n; ++j)
      p = p * x[i] + a[i * n + j];
    total += p * p;
  }
  return total;
}
// TEXT-LABEL: inline double row_horner_pullback(
// TEXT:        for (int i = 0; i < m; ++i) {
// TEXT:          for (int j = n - 1; j >= 0; --j) {
// TEXT-NEXT:       // nested.cpp:[[#@LINE-8]]: p = p * x[i] + a[i * n + j];
// TEXT-NEXT:       da[i * n + j] += dp;
// TEXT-NEXT:       double [[OLD:p_old[_0-9]*]] = [[TAPE:p_tape[_0-9]*]].pop();
// TEXT-NEXT:       dx[i] += [[OLD]] * dp;
// TEXT-NEXT:       dp *= x[i];
// TEXT-LABEL: inline double row_horner_grad(
// TEXT:         return row_horner_pullback(a, x, m, n, 1, da, dx);

GRADC_DIFF("grad wrt(w)")
double hidden(const double *w, const double *x) {
  double h[3];
  for (int j = 0; j < 3; ++j) {
    double z = 0;
    for (int i = 0; i < 2; ++i)
      z += w[j * 2 + i] * x[i];
    h[j] = std::tanh(z);
  }
  double s = 0;
  for (int j = 0; j < 3; ++j)
    s += h[j] * h[j];
  return s;
}
// h is written once per element: read in place, not taped; its adjoint is a
// local array.
// TEXT-LABEL: inline double hidden_pullback(
// TEXT-NOT: tape
// TEXT:        double dh[3] = {};
// TEXT:          double dz = (1 - h[j] * h[j]) * dh[j];
// TEXT-NOT: tape
// TEXT-LABEL: inline double hidden_grad(
// TEXT-NEXT:    return hidden_pullback(w, x, 1, dw);

GRADC_DIFF("grad wrt(w)")
double prefix(const double *w, int n) {
  double c[8];
  c[0] = w[0];
  for (int i = 1; i < n; ++i)
    c[i] = c[i - 1] * w[i] + w[i];
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += c[i];
  return s;
}

GRADC_DIFF("grad wrt(x)")
double smooth(double x, int n) {
  double v[4] = {x, x, x, x};
  for (int t = 0; t < n; ++t)
    for (int i = 1; i < 4; ++i)
      v[i] = 0.5 * (v[i] + std::sin(v[i - 1]));
  return v[3];
}

GRADC_DIFF("grad wrt(x)")
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
// m changes after the comparison: the branch is not re-evaluated on the
// final m, but on what a tape recorded (the branch taken, or the old m).
// TEXT-LABEL: inline double logsumexp_pullback(const double *x, int n, double dout,
// TEXT-NEXT:                                  double *dx) {
// TEXT-NEXT:   gradc::tape<{{bool|double}}> [[TAPE:[a-z_]+]];
// TEXT:        for (int i = n - 1; i >= 1; --i) {
// TEXT-NEXT:     // nested.cpp:[[#@LINE-13]]: if (x[i] > m)
// TEXT-NEXT:     {{bool|double}} [[T:[a-z_]+]] = [[TAPE]].pop();
// TEXT-NEXT:     if ({{.*}}[[T]]) {
// TEXT-LABEL: inline double logsumexp_grad(const double *x, int n, double *dx) {
// TEXT-NEXT:    return logsumexp_pullback(x, n, 1, dx);

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

int main() {
  gradc_check::check_arrays(
      "row_horner", {{"a", {1, -2, 0.5, 3, 0.25, -1}}, {"x", {1.5, -0.5}}},
      {{"m", {2}}, {"n", {3}}},
      [](const Arrays &p) {
        return row_horner(p[0].data(), p[1].data(), 2, 3);
      },
      [](const Arrays &p, Arrays &d) {
        return row_horner_grad(p[0].data(), p[1].data(), 2, 3, d[0].data(),
                               d[1].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        row_horner_pullback(p[0].data(), p[1].data(), 2, 3, s, d[0].data(),
                            d[1].data());
      });
  static const double x[] = {0.8, -0.3};
  gradc_check::check_arrays(
      "hidden", {{"w", {0.5, -1, 2, 0.25, -0.75, 1.5}}}, {{"x", {0.8, -0.3}}},
      [](const Arrays &p) { return hidden(p[0].data(), x); },
      [](const Arrays &p, Arrays &d) {
        return hidden_grad(p[0].data(), x, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        hidden_pullback(p[0].data(), x, s, d[0].data());
      });
  gradc_check::check_arrays(
      "prefix", {{"w", {0.5, -1.5, 2, 0.75, -0.25}}}, {{"n", {5}}},
      [](const Arrays &p) { return prefix(p[0].data(), 5); },
      [](const Arrays &p, Arrays &d) {
        return prefix_grad(p[0].data(), 5, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        prefix_pullback(p[0].data(), 5, s, d[0].data());
      });
  gradc_check::check_arrays(
      "smooth", {{"x", {0.7}}}, {{"n", {3}}},
      [](const Arrays &p) { return smooth(p[0][0], 3); },
      [](const Arrays &p, Arrays &d) {
        return smooth_grad(p[0][0], 3, d[0][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        smooth_pullback(p[0][0], 3, s, d[0][0]);
      });
  // The max is x[1]; then values where exp without the shift overflows.
  for (const gradc_check::Vec &v :
       {gradc_check::Vec{0.5, 3, -1, 2.5}, gradc_check::Vec{1000, 1001, 999}}) {
    int n = int(v.size());
    gradc_check::check_arrays(
        "logsumexp", {{"x", v}}, {{"n", {double(n)}}},
        [=](const Arrays &p) { return logsumexp(p[0].data(), n); },
        [=](const Arrays &p, Arrays &d) {
          return logsumexp_grad(p[0].data(), n, d[0].data());
        },
        [=](const Arrays &p, double s, Arrays &d) {
          logsumexp_pullback(p[0].data(), n, s, d[0].data());
        });
  }
  return gradc_check::finish();
}
#endif
