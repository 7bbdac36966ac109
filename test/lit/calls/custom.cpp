// Custom pullbacks: GRADC_DIFF("custom") on the user's own g_pullback makes
// gradc call it for g instead of differentiating g (PyTorch's
// torch.autograd.Function, seed 004). Its signature is checked against the
// one gradc would generate.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: not %gradc %s -o %t.bad.h -- -DMISMATCH 2>&1 | FileCheck %s --check-prefix=MISMATCH
// RUN: not %gradc %s -o %t.bad.h -- -DUNNAMED 2>&1 | FileCheck %s --check-prefix=UNNAMED
// RUN: not %gradc %s -o %t.bad.h -- -DTWICE 2>&1 | FileCheck %s --check-prefix=TWICE
// The seed's SquareFunction at x = 2: y = 4, dy/dx = 4.
// CHECK:      square_of: at 2
// CHECK-NEXT: square_of: f = 4
// CHECK-NEXT: square_of: d[0] = 4 (
// log(e^1 + e^2 + e^3) = 3.40760596444438; d/dx = softmax(x).
// CHECK:      lse_of: at x=[1,2,3],n=[3]
// CHECK-NEXT: lse_of: f = 3.4076059644443
// CHECK-NEXT: lse_of: d(x[0]) = 0.0900305731703
// CHECK-NEXT: lse_of: d(x[1]) = 0.244728471054
// CHECK-NEXT: lse_of: d(x[2]) = 0.665240955774
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 2 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

double square(double input) { return input * input; }

// save_for_backward(input) is the parameter itself: the pullback gets it.
GRADC_DIFF("custom")
void square_pullback(double input, double grad_output, double &grad_input) {
  grad_input += grad_output * 2 * input;
}

GRADC_DIFF("grad")
double square_of(double x) { return square(x); }
// TEXT-LABEL: inline double square_of_pullback(double x, double dout, double &dx) {
// TEXT-NEXT:    double square_of = square(x);
// TEXT-EMPTY:
// TEXT-NEXT:    // custom.cpp:[[#@LINE-4]]: return square(x);
// TEXT-NEXT:    square_pullback(x, dout, dx);
// TEXT-NEXT:    return square_of;
// TEXT-LABEL: inline double square_of_grad(double x, double &dx) {
// TEXT-NEXT:    return square_of_pullback(x, 1, dx);
// No pullback of square is generated: the user's stands for it.
// TEXT-NOT:   void square_pullback

// log-sum-exp with the largest element subtracted, and its derivative
// (softmax) written by hand from the saved result.
double lse(const double *x, int n) {
  double m = x[0];
  for (int i = 1; i < n; ++i)
    m = std::fmax(m, x[i]);
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += std::exp(x[i] - m);
  return m + std::log(s);
}

GRADC_DIFF("custom")
void lse_pullback(const double *x, int n, double dout, double *dx) {
  double l = lse(x, n);
  for (int i = 0; i < n; ++i)
    dx[i] += dout * std::exp(x[i] - l);
}

GRADC_DIFF("grad")
double lse_of(const double *x, int n) { return lse(x, n); }
// TEXT-LABEL: inline double lse_of_pullback(const double *x, int n, double dout, double *dx) {
// TEXT:         lse_pullback(x, n, dout, dx);
// TEXT-LABEL: inline double lse_of_grad(const double *x, int n, double *dx) {
// TEXT-NEXT:    return lse_of_pullback(x, n, 1, dx);

#ifdef MISMATCH
double cube(double x) { return x * x * x; }
// MISMATCH: custom.cpp:[[@LINE+2]]:6: error: 'cube_pullback' does not have the signature of a pullback of 'cube': expected 'void cube_pullback(double x, double dout, double &dx)'
GRADC_DIFF("custom")
void cube_pullback(double x, double &dx) { dx += 3 * x * x; }
#endif

#ifdef UNNAMED
// UNNAMED: custom.cpp:[[@LINE+2]]:6: error: a custom pullback is named after the function it differentiates: 'g_pullback' for 'g'
GRADC_DIFF("custom")
void derivative_of_square(double x, double dout, double &dx) {
  dx += dout * 2 * x;
}
#endif

#ifdef TWICE
// TWICE: custom.cpp:[[@LINE+2]]:8: error: 'half' has a custom pullback (line [[#@LINE+4]]); give this annotation another name(...), or remove one of them
GRADC_DIFF("grad")
double half(double x) { return x / 2; }
GRADC_DIFF("custom")
void half_pullback(double x, double dout, double &dx) { dx += dout / 2; }
#endif

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_1(square_of, 2.0);
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "lse_of", {{"x", {1, 2, 3}}}, {{"n", {3}}},
      [](const Arrays &p) { return lse_of(p[0].data(), 3); },
      [](const Arrays &p, Arrays &d) {
        return lse_of_grad(p[0].data(), 3, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        lse_of_pullback(p[0].data(), 3, s, d[0].data());
      });
  return gradc_check::finish();
}
#endif
