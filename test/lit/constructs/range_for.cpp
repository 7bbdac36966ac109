// Range-based for over an array, a std::array and a std::vector: a counted
// loop over an index; a reference loop variable (`double &v`,
// `const double &v`) names the element itself. Checked against finite
// differences and the interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// x = 0.5, a = [x, 2x, x^2]: s = 5x^2 + x^4 = 1.3125; doubled, s += 2(3x +
// x^2) = 3.5: 4.8125; d = 10x + 4x^3 + 2(3 + 2x) = 13.5.
// CHECK:      squares: at 0.5
// CHECK-NEXT: squares: f = 4.8125
// CHECK-NEXT: squares: d[0] = 13.5 (
// w = [1, 2, 3]: s = (w0^2 + w1^2 + w2^2)(1 + w0)(1 + w1)(1 + w2) = 336;
// d = 2 w_i P + S P / (1 + w_i) with P = 24, S = 14.
// CHECK:      containers: at w=[1,2,3],n=[3]
// CHECK-NEXT: containers: f = 336
// CHECK-NEXT: containers: d(w[0]) = 216 (
// CHECK-NEXT: containers: d(w[1]) = 208 (
// CHECK-NEXT: containers: d(w[2]) = 228 (
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 2 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <array>
#include <vector>

GRADC_DIFF("grad")
double squares(double x) {
  double a[3] = {x, 2 * x, x * x};
  double s = 0;
  for (double v : a)
    s += v * v;
  for (double &v : a)
    v = v * 2;
  for (const double &v : a)
    s += v;
  return s;
}
// A copy is a local of the body; a reference is the element.
// TEXT-LABEL: inline double squares_pullback(double x, double dout, double &dx) {
// TEXT:          for (int i = 0; i < 3; ++i) {
// TEXT-NEXT:       double v = a[i];
// TEXT:          for (int i = 0; i < 3; ++i) {
// TEXT-NEXT:       a[i] *= 2;
// TEXT-LABEL: inline double squares_grad(double x, double &dx) {
// TEXT-NEXT:     return squares_pullback(x, 1, dx);

GRADC_DIFF("grad wrt(w)")
double containers(const double *w, int n) {
  std::vector<double> t(n);
  std::array<double, 3> c{};
  int k = 0;
  for (double &e : t) {
    e = w[k] * w[k];
    ++k;
  }
  k = 0;
  for (double &e : c)
    e = w[k++];
  double s = 0;
  for (double e : t)
    s += e;
  for (const double &e : c)
    s += e * s;
  return s;
}
// TEXT-LABEL: inline double containers_pullback(
// TEXT:          for (int i = 0; i < n; ++i) {
// TEXT-LABEL: inline double containers_grad(const double *w, int n, double *dw) {
// TEXT-NEXT:     return containers_pullback(w, n, 1, dw);

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_1(squares, 0.5);
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "containers", {{"w", {1, 2, 3}}}, {{"n", {3}}},
      [](const Arrays &p) { return containers(p[0].data(), 3); },
      [](const Arrays &p, Arrays &d) {
        return containers_grad(p[0].data(), 3, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        containers_pullback(p[0].data(), 3, s, d[0].data());
      });
  return gradc_check::finish();
}
#endif
