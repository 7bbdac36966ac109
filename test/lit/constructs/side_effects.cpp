// Side effects inside expressions: assignments and compound assignments
// used as values, ++ and -- used as values (in indices and in loop
// conditions), the comma operator. Each is lowered in C++'s order to the
// statements it means; checked against finite differences and the
// interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// x = 2, y = 0.5: a = b = 1, a = 1.5, c = 1.5, b = 2: 3.5;
// d/dx = y * xy + (xy + y) * y + 2y = 2.25, d/dy = (x + 1) xy + (xy + y) x + 2x = 10.
// CHECK:      chain: at 2 0.5
// CHECK-NEXT: chain: f = 3.5
// CHECK-NEXT: chain: d[0] = 2.25 (
// CHECK-NEXT: chain: d[1] = 10 (
// theta = [1, 2, 3, 4]: 1 * 2 + 3 * 4 = 14, d = [2, 1, 4, 3].
// CHECK:      pairs: at theta=[1,2,3,4],n=[4]
// CHECK-NEXT: pairs: f = 14
// CHECK-NEXT: pairs: d(theta[0]) = 2 (
// CHECK-NEXT: pairs: d(theta[1]) = 1 (
// CHECK-NEXT: pairs: d(theta[2]) = 4 (
// CHECK-NEXT: pairs: d(theta[3]) = 3 (
// w = [1, 2, 3]: w0 + w1 / 2 + w2 / 4 = 2.75, + 1 + 4 + 9 = 16.75;
// d = [1 + 2, 0.5 + 4, 0.25 + 6].
// CHECK:      countdown: at w=[1,2,3],n=[3]
// CHECK-NEXT: countdown: f = 16.75
// CHECK-NEXT: countdown: d(w[0]) = 3 (
// CHECK-NEXT: countdown: d(w[1]) = 4.5 (
// CHECK-NEXT: countdown: d(w[2]) = 6.25 (
// x = 0.5, w = [1, 2, 3]: s = x (w0 + w1 + w2) = 3; s = (3 + 1)^2 = 16;
// + w0 w2 = 19; ds/dx = 2 (4) (6) = 48, dw = 2 * 4 * 0.5 + (w2, 0, w0).
// CHECK:      commas: at w=[1,2,3],x=[0.5],n=[3]
// CHECK-NEXT: commas: f = 19
// CHECK-NEXT: commas: d(w[0]) = 7 (
// CHECK-NEXT: commas: d(w[1]) = 4 (
// CHECK-NEXT: commas: d(w[2]) = 5 (
// CHECK-NEXT: commas: d(x[0]) = 48 (
// x = 2, y = 3: h = [2, 6, 3]: 2 + 6 * 3 = 20; d/dx = 1 + 3y = 10, d/dy = 2 * x * y = 12.
// CHECK:      stores: at 2 3
// CHECK-NEXT: stores: f = 20
// CHECK-NEXT: stores: d[0] = 10 (
// CHECK-NEXT: stores: d[1] = 12 (
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 5 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

GRADC_DIFF("grad")
double chain(double x, double y) {
  double a, b;
  a = b = x * y;
  double c = (a += y) * b;
  return c + (b *= 2);
}
// The assignments come out in C++'s order, the inner one first.
// TEXT-LABEL: inline double chain_pullback(
// TEXT:          double b = x * y;
// TEXT-NEXT:     double a = b;
// TEXT-LABEL: inline double chain_grad(
// TEXT-NEXT:    return chain_pullback(x, y, 1, dx, dy);

GRADC_DIFF("grad wrt(theta)")
double pairs(const double *theta, int n) {
  double s = 0;
  int k = 0;
  while (k < n) {
    double a = theta[k++];
    double b = theta[k++];
    s += a * b;
  }
  return s;
}
// `theta[k++]` reads theta at k's old value.
// TEXT-LABEL: inline double pairs_pullback(
// TEXT:          int k_old = k;
// TEXT:          k = k_old + 1;
// TEXT-NEXT:     double a = theta[k_old];
// TEXT-LABEL: inline double pairs_grad(
// TEXT-NEXT:    return pairs_pullback(theta, n, 1, dtheta);

GRADC_DIFF("grad wrt(w)")
double countdown(const double *w, int n) {
  double s = 0;
  int m = n;
  while (m--)
    s = s * 0.5 + w[m];
  int i = -1;
  while (++i < n)
    s += w[i] * w[i];
  return s;
}
// A condition that changes m is tested at the top of the body.
// TEXT-LABEL: inline double countdown_pullback(
// TEXT:          while (true) {
// TEXT:            m = m_old - 1;
// TEXT-NEXT:       if (!m_old) {
// TEXT-NEXT:         break;
// TEXT-LABEL: inline double countdown_grad(
// TEXT-NEXT:    return countdown_pullback(w, n, 1, dw);

GRADC_DIFF("grad wrt(w, x)")
double commas(const double *w, double x, int n) {
  double s = 0;
  int j = 0;
  do
    s += w[j] * x;
  while (++j < n);
  double t = (s += 1, s * s);
  for (int i = 0, k = n - 1; i < k; ++i, --k)
    t += w[i] * w[k];
  return t;
}
// The step `++i, --k` stays in the loop's header; the header's two
// variables are declared before it.
// TEXT-LABEL: inline double commas_pullback(
// TEXT:          int k = n - 1;
// TEXT:          for (; i < k; ++i, --k) {
// TEXT-LABEL: inline double commas_grad(
// TEXT:         return commas_pullback(w, x, n, 1, dw, dx);

GRADC_DIFF("grad")
double stores(double x, double y) {
  double h[3];
  int k = 0;
  h[k++] = x;
  h[k++] = x * y;
  h[k++] = y;
  return h[0] + h[1] * h[2];
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_2(chain, 2.0, 0.5);
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "pairs", {{"theta", {1, 2, 3, 4}}}, {{"n", {4}}},
      [](const Arrays &p) { return pairs(p[0].data(), 4); },
      [](const Arrays &p, Arrays &d) {
        return pairs_grad(p[0].data(), 4, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        pairs_pullback(p[0].data(), 4, s, d[0].data());
      });
  gradc_check::check_arrays(
      "countdown", {{"w", {1, 2, 3}}}, {{"n", {3}}},
      [](const Arrays &p) { return countdown(p[0].data(), 3); },
      [](const Arrays &p, Arrays &d) {
        return countdown_grad(p[0].data(), 3, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        countdown_pullback(p[0].data(), 3, s, d[0].data());
      });
  gradc_check::check_arrays(
      "commas", {{"w", {1, 2, 3}}, {"x", {0.5}}}, {{"n", {3}}},
      [](const Arrays &p) { return commas(p[0].data(), p[1][0], 3); },
      [](const Arrays &p, Arrays &d) {
        return commas_grad(p[0].data(), p[1][0], 3, d[0].data(), d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        commas_pullback(p[0].data(), p[1][0], 3, s, d[0].data(), d[1][0]);
      });
  GRADC_CHECK_2(stores, 2.0, 3.0);
  return gradc_check::finish();
}
#endif
