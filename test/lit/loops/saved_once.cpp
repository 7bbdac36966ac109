// A value a loop reads but does not change is saved once, before the loop,
// and found once, before the reversed loop (not pushed every iteration);
// an element of memory that does not change (`w[k]` of an input) is read
// again at its saved index rather than taped beside it.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

GRADC_DIFF("grad wrt(w)")
double three(const double *w, int n) {
  double c = 0.5, s = 0;
  for (int i = 0; i < n; ++i) {
    c = std::tanh(c * w[i] + 0.91);
    s += c;
  }
  for (int i = 0; i < n; ++i)
    s += std::sin(w[i] * c);
  int k = 0;
  while (s < 100 && k < n) {
    c = c * w[k] + s * 0.01;
    s += c;
    ++k;
  }
  return s + c;
}
// TEXT-LABEL: inline double three_pullback(
// TEXT:         gradc::fixed_tape<double, 1> c_tape_2;
// TEXT-NOT:     w_tape
// TEXT:         c_tape_2.push(c);
// TEXT-NEXT:    for (int i = 0; i < n; ++i) {
// TEXT-NEXT:      s += std::sin(w[i] * c);
// TEXT:         dc *= w[k_old];
// TEXT:         // saved_once.cpp:24: for (int i = 0; i < n; ++i)
// TEXT-NEXT:    double c_old = c_tape_2.pop();
// TEXT-NEXT:    for (int i = n - 1; i >= 0; --i) {
// TEXT-NEXT:      // saved_once.cpp:25: s += std::sin(w[i] * c);
// TEXT-NEXT:      double prod = std::cos(w[i] * c_old) * ds;
// TEXT-LABEL: inline double three_grad(const double *w, int n, double *dw) {
// TEXT-NEXT:    return three_pullback(w, n, 1, dw);

/// c changes in the outer loop and stays as it is in the inner one: saved
/// once per outer iteration.
GRADC_DIFF("grad wrt(w)")
double nested(const double *w, int n) {
  double c = 1, s = 0;
  for (int j = 0; j < n; ++j) {
    c = std::sin(c + w[j]);
    for (int i = 0; i < n; ++i)
      s += w[i] * c * c;
  }
  return s;
}
// TEXT-LABEL: inline double nested_pullback(
// TEXT:         for (int j = 0; j < n; ++j) {
// TEXT:           c = std::sin(c + w[j]);
// TEXT-NEXT:      c_tape.push_reserved(c);
// TEXT-NEXT:      for (int i = 0; i < n; ++i) {
// TEXT:         // saved_once.cpp:[[#@LINE-10]]: for (int i = 0; i < n; ++i)
// TEXT-NEXT:      double c_old = c_tape.pop();
// TEXT-NEXT:      for (int i = n - 1; i >= 0; --i) {
// TEXT-LABEL: inline double nested_grad(const double *w, int n, double *dw) {
// TEXT-NEXT:    return nested_pullback(w, n, 1, dw);

/// A loop that may not run at all (m = 0) still saves its value once.
GRADC_DIFF("grad wrt(w)")
double skipped(const double *w, int n, int m) {
  double c = w[0], s = 0;
  for (int i = 0; i < m; ++i)
    s += c * w[i];
  c = c * c;
  for (int i = 0; i < n; ++i)
    s += c * w[i];
  int k = 0;
  while (k < n) {
    if (w[k] > 2)
      break;
    s += std::exp(c * w[k]);
    ++k;
  }
  c = s * c;
  return s + c;
}

/// t might hold no value before the loop (c <= 0): it is not read there,
/// but pushed where the loop reads it.
GRADC_DIFF("grad wrt(w)")
double maybe(const double *w, int n, int c) {
  double t;
  double s = 0;
  if (c > 0)
    t = w[0] * w[0];
  for (int i = 0; i < n; ++i)
    if (c > 0)
      s += std::sin(t * w[i]);
  t = s;
  return s * t + w[0];
}
// TEXT-LABEL: inline double maybe_pullback(
// TEXT:         gradc::tape<double> t_tape;
// TEXT:         for (int i = 0; i < n; ++i) {
// TEXT-NEXT:      if (c > 0) {
// TEXT-NEXT:        t_tape.push_reserved(t);
// TEXT-LABEL: inline double maybe_grad(const double *w, int n, int c, double *dw) {
// TEXT-NEXT:    return maybe_pullback(w, n, c, 1, dw);

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

static void checkSkipped(gradc_check::Vec W, int N, int M) {
  gradc_check::check_arrays(
      "skipped", {{"w", W}}, {{"n", {double(N)}}, {"m", {double(M)}}},
      [&](const Arrays &p) { return skipped(p[0].data(), N, M); },
      [&](const Arrays &p, Arrays &d) {
        return skipped_grad(p[0].data(), N, M, d[0].data());
      },
      [&](const Arrays &p, double s, Arrays &d) {
        skipped_pullback(p[0].data(), N, M, s, d[0].data());
      });
}

static void checkMaybe(gradc_check::Vec W, int N, int C) {
  gradc_check::check_arrays(
      "maybe", {{"w", W}}, {{"n", {double(N)}}, {"c", {double(C)}}},
      [&](const Arrays &p) { return maybe(p[0].data(), N, C); },
      [&](const Arrays &p, Arrays &d) {
        return maybe_grad(p[0].data(), N, C, d[0].data());
      },
      [&](const Arrays &p, double s, Arrays &d) {
        maybe_pullback(p[0].data(), N, C, s, d[0].data());
      });
}

int main() {
  gradc_check::check_pointer("three", "w", "n", three, three_grad, three_pullback, {0.3, -0.7, 1.1, 0.4},
          4);
  gradc_check::check_pointer("three", "w", "n", three, three_grad, three_pullback, {0.3}, 1);
  gradc_check::check_pointer("nested", "w", "n", nested, nested_grad, nested_pullback, {0.3, -0.7, 1.1}, 3);
  checkSkipped({0.5, 1.5, 2.5}, 3, 0);
  checkSkipped({0.5, 1.5, 0.25}, 3, 2);
  checkMaybe({0.5, 1.5, 0.25}, 3, 0);
  checkMaybe({0.5, 1.5, 0.25}, 3, 1);
  return gradc_check::finish();
}
#endif
