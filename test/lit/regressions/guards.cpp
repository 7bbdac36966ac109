// '?:', '&&' and '||' run an operand only when C++ does, in the forward and
// the backward sweep: a guarded sqrt of a negative number gives no NaN
// derivative, a guarded read past the end is never made (the test runs
// under AddressSanitizer, with arrays exactly as long as they are).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -fsanitize=address,undefined -fno-sanitize-recover=all -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK:      guard: at -1
// CHECK-NEXT: guard: f = -2
// CHECK-NEXT: guard: d[0] = 2 (
// CHECK:      guard: at 4
// CHECK-NEXT: guard: f = 2
// CHECK-NEXT: guard: d[0] = 0.25 (
// s = w0 w1 + w1 w2 + w2.
// CHECK:      shifted: at w=[1,2,3],n=[3]
// CHECK-NEXT: shifted: f = 11
// CHECK-NEXT: shifted: d(w[0]) = 2 (
// CHECK-NEXT: shifted: d(w[1]) = 4 (
// CHECK-NEXT: shifted: d(w[2]) = 3 (
// Positive entries from the front, stopping at the first other one or at
// the end: 2 * 1 + 2 * 3 = 8 (the loop reads w[3] only if i < n).
// CHECK:      positive_prefix: at w=[1,3,-1],x=[2],n=[3]
// CHECK-NEXT: positive_prefix: f = 8
// CHECK-NEXT: positive_prefix: d(w[0]) = 2 (
// CHECK-NEXT: positive_prefix: d(w[1]) = 2 (
// CHECK-NEXT: positive_prefix: d(w[2]) = 0 (
// CHECK-NEXT: positive_prefix: d(x[0]) = 4 (
// CHECK:      positive_prefix: at w=[1,3],x=[2],n=[2]
// CHECK-NEXT: positive_prefix: f = 8
// sin(x) / x where x is not 0 (its limit 1 at 0, derivative 0 there),
// then log(x) only where x > 0.25 (big or not).
// CHECK:      sinc_log: at 0
// CHECK-NEXT: sinc_log: f = 1
// CHECK-NEXT: sinc_log: d[0] = 0 (
// CHECK:      sinc_log: at 2
// CHECK-NEXT: sinc_log: f = 1.14779589397278
// CHECK-NEXT: sinc_log: d[0] = 0.0646022250200
// CHECK:      sinc_log: at -0.5
// CHECK-NEXT: sinc_log: f = 0.958851077208406
// CHECK-NEXT: sinc_log: d[0] = 0.162537030636066
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 8 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

GRADC_DIFF("grad")
double guard(double x) { return x > 0 ? std::sqrt(x) : 2 * x; }
// Each arm, and its derivative, in its own branch.
// TEXT-LABEL: inline double guard_pullback(double x, double dout, double &dx) {
// TEXT:          if ([[C:[a-z_]+]]) {
// TEXT-NEXT:       chosen = std::sqrt(x);
// TEXT-NEXT:     } else {
// TEXT-NEXT:       chosen = 2 * x;
// TEXT-NEXT:     }
// TEXT:          if ([[C]]) {
// TEXT-NEXT:       dx += dchosen / (2 * chosen);
// TEXT-NEXT:     } else {
// TEXT-NEXT:       dx += 2 * dchosen;
// TEXT-NEXT:     }

GRADC_DIFF("grad wrt(w)")
double shifted(const double *w, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += w[i] * (i + 1 < n ? w[i + 1] : 1.0);
  return s;
}
// TEXT-LABEL: inline double shifted_pullback(const double *w, int n, double dout,
// TEXT:          for (int i = 0; i < n; ++i) {
// TEXT-NEXT:       bool cond = i + 1 < n;
// TEXT:            double dchosen = w[i] * ds;
// TEXT-NEXT:       if (cond) {
// TEXT-NEXT:         dw[i + 1] += dchosen;
// TEXT-NEXT:       }

GRADC_DIFF("grad wrt(w, x)")
double positive_prefix(const double *w, double x, int n) {
  double s = 0;
  int i = 0;
  while (i < n && w[i] > 0) {
    s += x * w[i];
    i += 1;
  }
  return s;
}

GRADC_DIFF("grad")
double sinc_log(double x) {
  double r = std::fabs(x) > 1e-9 ? std::sin(x) / x : 1.0;
  bool big = x > 1e300 || std::log(x) > 0;
  if (x > 0.25 && (big || std::log(x) < 1))
    r += std::log(x);
  return r;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

#include <memory>

int main() {
  for (double x : {-1.0, 4.0})
    GRADC_CHECK_1(guard, x);
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "shifted", {{"w", {1, 2, 3}}}, {{"n", {3}}},
      [](const Arrays &p) { return shifted(p[0].data(), 3); },
      [](const Arrays &p, Arrays &d) {
        return shifted_grad(p[0].data(), 3, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        shifted_pullback(p[0].data(), 3, s, d[0].data());
      });
  for (std::vector<double> w :
       {std::vector<double>{1, 3, -1}, std::vector<double>{1, 3}}) {
    int n = static_cast<int>(w.size());
    gradc_check::check_arrays(
        "positive_prefix", {{"w", w}, {"x", {2}}}, {{"n", {double(n)}}},
        [n](const Arrays &p) {
          return positive_prefix(p[0].data(), p[1][0], n);
        },
        [n](const Arrays &p, Arrays &d) {
          return positive_prefix_grad(p[0].data(), p[1][0], n, d[0].data(),
                                      d[1][0]);
        },
        [n](const Arrays &p, double s, Arrays &d) {
          positive_prefix_pullback(p[0].data(), p[1][0], n, s, d[0].data(),
                                   d[1][0]);
        });
  }
  for (double x : {0.0, 2.0, -0.5})
    GRADC_CHECK_1(sinc_log, x);
  return gradc_check::finish();
}
#endif
