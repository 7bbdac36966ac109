// Reductions over arrays: a dot product and a sum of squares read their
// inputs only, so their backward sweep is the reversed loop with no tape;
// Horner's rule carries p from one iteration to the next and tapes it.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK: dot: at w=[2,-3,-3],x=[-1,-2,0.5],n=[3]
// CHECK-NEXT: dot: f = 2.5
// CHECK-NEXT: dot: d(w[0]) = -1 (finite difference
// CHECK-NEXT: dot: d(w[1]) = -2 (finite difference
// CHECK-NEXT: dot: d(w[2]) = 0.5 (finite difference
// CHECK: sumsq: f = 14.0625
// CHECK-NEXT: sumsq: d(w[0]) = 4 (finite difference
// CHECK-NEXT: sumsq: d(w[1]) = -6 (finite difference
// CHECK: horner: at a=[1,-2,3,0.5],x=[1.5],n=[4]
// p(x) = 1 - 2x + 3x^2 + 0.5x^3 at 1.5: 1 - 3 + 6.75 + 1.6875
// CHECK-NEXT: horner: f = 6.4375
// CHECK-NEXT: horner: d(a[0]) = 1 (finite difference
// CHECK-NEXT: horner: d(a[1]) = 1.5 (finite difference
// CHECK-NEXT: horner: d(a[2]) = 2.25 (finite difference
// CHECK-NEXT: horner: d(a[3]) = 3.375 (finite difference
// p'(x) = -2 + 6x + 1.5x^2
// CHECK-NEXT: horner: d(x[0]) = 10.375 (finite difference
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 4 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

GRADC_DIFF("grad wrt(w)")
double dot(const double *w, const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += w[i] * x[i];
  return s;
}
// TEXT-LABEL: inline double dot_pullback(const double *w, const double *x, int n, double dout,
// TEXT-NEXT:                           double *dw) {
// TEXT-NOT: tape
// TEXT:        // reductions.cpp:[[#@LINE-5]]: return s;
// TEXT-NEXT:   double ds = dout;
// TEXT-NEXT:   for (int i = 0; i < n; ++i) {
// TEXT-NEXT:     s += w[i] * x[i];
// TEXT-EMPTY:
// TEXT-NEXT:     // reductions.cpp:[[#@LINE-11]]: s += w[i] * x[i];
// TEXT-NEXT:     dw[i] += x[i] * ds;
// TEXT-NEXT:   }
// TEXT-NEXT:   double dot = s;
// TEXT-NEXT:   return dot;
// TEXT-NEXT: }
// TEXT-LABEL: inline double dot_grad(const double *w, const double *x, int n, double *dw) {
// TEXT-NEXT:   return dot_pullback(w, x, n, 1, dw);
// TEXT-NEXT: }

GRADC_DIFF("grad")
double sumsq(const double *w, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += w[i] * w[i];
  return s;
}
// TEXT-LABEL: inline double sumsq_pullback(const double *w, int n, double dout, double *dw) {
// TEXT-NOT: tape
// TEXT:        for (int i = 0; i < n; ++i) {
// TEXT-NEXT:     s += w[i] * w[i];
// TEXT-EMPTY:
// TEXT-NEXT:     // reductions.cpp:[[#@LINE-8]]: s += w[i] * w[i];
// TEXT-NEXT:     dw[i] += 2 * w[i] * ds;
// TEXT-NEXT:   }
// TEXT-NEXT:   double sumsq = s;
// TEXT-NEXT:   return sumsq;
// TEXT-LABEL: inline double sumsq_grad(const double *w, int n, double *dw) {
// TEXT-NEXT:    return sumsq_pullback(w, n, 1, dw);

GRADC_DIFF("grad wrt(a, x)")
double horner(const double *a, int n, double x) {
  double p = 0;
  for (int i = n - 1; i >= 0; --i)
    p = p * x + a[i];
  return p;
}
// The old p is overwritten before the backward sweep needs it: taped, in
// room reserved for the loop's n iterations.
// TEXT-LABEL: inline double horner_pullback(const double *a, int n, double x, double dout,
// TEXT-NEXT:                               double *da, double &dx) {
// TEXT-NEXT:   gradc::tape<double> p_tape;
// TEXT-NEXT:   double p = 0;
// TEXT-NEXT:   p_tape.reserve(n);
// TEXT-NEXT:   for (int i = n - 1; i >= 0; --i) {
// TEXT-NEXT:     p_tape.push_reserved(p);
// TEXT-NEXT:     p = p * x + a[i];
// TEXT-NEXT:   }
// TEXT:        for (int i = 0; i <= n - 1; ++i) {
// TEXT-NEXT:     // reductions.cpp:[[#@LINE-15]]: p = p * x + a[i];
// TEXT-NEXT:     da[i] += dp;
// TEXT-NEXT:     double p_old = p_tape.pop();
// TEXT-NEXT:     dx_sum += p_old * dp;
// TEXT-NEXT:     dp *= x;
// TEXT-NEXT:   }
// TEXT-NEXT:   dx += dx_sum;
// TEXT-LABEL: inline double horner_grad(const double *a, int n, double x, double *da,
// TEXT-NEXT:                           double &dx) {
// TEXT-NEXT:    return horner_pullback(a, n, x, 1, da, dx);

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "dot", {{"w", {2, -3, -3}}}, {{"x", {-1, -2, 0.5}}, {"n", {3}}},
      [](const Arrays &p) {
        const double x[] = {-1, -2, 0.5};
        return dot(p[0].data(), x, 3);
      },
      [](const Arrays &p, Arrays &d) {
        const double x[] = {-1, -2, 0.5};
        return dot_grad(p[0].data(), x, 3, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        const double x[] = {-1, -2, 0.5};
        dot_pullback(p[0].data(), x, 3, s, d[0].data());
      });
  gradc_check::check_arrays(
      "sumsq", {{"w", {2, -3, 0.25, 1}}}, {{"n", {4}}},
      [](const Arrays &p) { return sumsq(p[0].data(), 4); },
      [](const Arrays &p, Arrays &d) {
        return sumsq_grad(p[0].data(), 4, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        sumsq_pullback(p[0].data(), 4, s, d[0].data());
      });
  // n = 1 and n = 0: the loops run once and never.
  gradc_check::check_arrays(
      "sumsq", {{"w", {-0.5}}}, {{"n", {1}}},
      [](const Arrays &p) { return sumsq(p[0].data(), 1); },
      [](const Arrays &p, Arrays &d) {
        return sumsq_grad(p[0].data(), 1, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        sumsq_pullback(p[0].data(), 1, s, d[0].data());
      });
  gradc_check::check_arrays(
      "horner", {{"a", {1, -2, 3, 0.5}}, {"x", {1.5}}}, {{"n", {4}}},
      [](const Arrays &p) { return horner(p[0].data(), 4, p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return horner_grad(p[0].data(), 4, p[1][0], d[0].data(), d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        horner_pullback(p[0].data(), 4, p[1][0], s, d[0].data(), d[1][0]);
      });
  double dx = 0;
  if (horner_grad(nullptr, 0, 2.0, nullptr, dx) != 0 || dx != 0)
    gradc_check::fail("horner with n = 0");
  return gradc_check::finish();
}
#endif
