// Pointer variables that are reassigned or incremented, within one array:
// lowered as the array plus an integer offset (p_off). `*p` is x[p_off],
// pointers into the same array compare (and subtract) as their offsets.
// Checked against finite differences and the interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK:      squares: at x=[0.5,-1.5,2,0.25],n=[4]
// CHECK-NEXT: squares: f = 6.5625
// CHECK-NEXT: squares: d(x[0]) = 1 (
// CHECK-NEXT: squares: d(x[1]) = -3 (
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 5 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

GRADC_DIFF("grad wrt(x)")
double squares(const double *x, int n) {
  const double *p = x;
  double s = 0;
  for (int i = 0; i < n; ++i) {
    s += *p * *p;
    ++p;
  }
  return s;
}
// TEXT-LABEL: inline double squares_pullback(
// TEXT:         int p_off = 0;
// TEXT:         s += x[p_off] * x[p_off];
// TEXT-NEXT:    ++p_off;
// TEXT-LABEL: inline double squares_grad(const double *x, int n, double *dx) {
// TEXT-NEXT:    return squares_pullback(x, n, 1, dx);

// `while (p != end)` and `*p++`.
GRADC_DIFF("grad wrt(x)")
double until_end(const double *x, int n) {
  const double *p = x;
  const double *end = x + n;
  double s = 0;
  while (p != end)
    s += std::sin(*p++);
  return s;
}
// TEXT-LABEL: inline double until_end_pullback(
// TEXT:         while (p_off != n) {
// TEXT-LABEL: inline double until_end_grad(const double *x, int n, double *dx) {
// TEXT-NEXT:    return until_end_pullback(x, n, 1, dx);

// A stride, `p[i]` after moves, `p < x + n`, and `end - p`.
GRADC_DIFF("grad wrt(x)")
double strided(const double *x, int n) {
  double s = 0;
  const double *end = x + n;
  for (const double *p = x; p + 1 < x + n; p += 2)
    s += p[0] * p[1] + (end - p);
  return s;
}

// A pointer parameter that moves, and a pointer reassigned from another.
GRADC_DIFF("grad wrt(x)")
double param_moves(const double *x, int n) {
  double s = 0;
  const double *mid = x + n / 2;
  for (; n > 1; --n) {
    s += x[0] * x[1];
    ++x;
  }
  x = mid;
  return s + *x;
}

// Written through a moving pointer: `*q++ = ...`.
GRADC_DIFF("grad")
void prefix_sums(const double *x, int n, double *out) {
  double *q = out;
  double run = 0;
  for (const double *p = x; p < x + n; ++p) {
    run += *p * *p;
    *q++ = run;
  }
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  using gradc_check::Role;
  const std::vector<double> X = {0.5, -1.5, 2, 0.25};
  gradc_check::check_arrays(
      "squares", {{"x", X}}, {{"n", {4}}},
      [](const Arrays &p) { return squares(p[0].data(), 4); },
      [](const Arrays &p, Arrays &d) {
        return squares_grad(p[0].data(), 4, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        squares_pullback(p[0].data(), 4, s, d[0].data());
      });
  gradc_check::check_arrays(
      "until_end", {{"x", X}}, {{"n", {4}}},
      [](const Arrays &p) { return until_end(p[0].data(), 4); },
      [](const Arrays &p, Arrays &d) {
        return until_end_grad(p[0].data(), 4, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        until_end_pullback(p[0].data(), 4, s, d[0].data());
      });
  gradc_check::check_arrays(
      "strided", {{"x", {0.5, -1.5, 2, 0.25, 3}}}, {{"n", {5}}},
      [](const Arrays &p) { return strided(p[0].data(), 5); },
      [](const Arrays &p, Arrays &d) {
        return strided_grad(p[0].data(), 5, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        strided_pullback(p[0].data(), 5, s, d[0].data());
      });
  gradc_check::check_arrays(
      "param_moves", {{"x", X}}, {{"n", {4}}},
      [](const Arrays &p) { return param_moves(p[0].data(), 4); },
      [](const Arrays &p, Arrays &d) {
        return param_moves_grad(p[0].data(), 4, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        param_moves_pullback(p[0].data(), 4, s, d[0].data());
      });
  gradc_check::check_vjp(
      "prefix_sums", true,
      {{"x", X, Role::In}, {"out", {0, 0, 0, 0}, Role::Out}}, {{"n", {4}}},
      [](Arrays &p) {
        prefix_sums(p[0].data(), 4, p[1].data());
        return 0.0;
      },
      [](Arrays &p, double, Arrays &d) {
        prefix_sums_pullback(p[0].data(), 4, p[1].data(), d[1].data(),
                             d[0].data());
      });
  return gradc_check::finish();
}
#endif
