// Arguments into one array at constant offsets, for a helper whose loops
// run to a parameter the call gives a constant: gradc counts how far the
// helper reaches (`n` elements, 2 here) and accepts the call when the
// arguments are that far apart. (`shift(3, s, s + 1)`, which overlaps, is
// refused: overlap_refused.cpp.)
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

/// A cell's state h, c of n elements each (no sin/exp: it stays a call).
static void step(int n, const double *w, double *h, double *c) {
  for (int i = 0; i < n; ++i) {
    c[i] = c[i] * w[i] + 0.5 * h[i];
    h[i] = c[i] * c[i] * w[n + i];
  }
}

/// As an LSTM keeps its state: h then c, in one array.
GRADC_DIFF("grad")
double run(const double *w, double x) {
  double s[4] = {x, x * x, 0.5, 0.25};
  for (int t = 0; t < 3; ++t)
    step(2, w, s, s + 2);
  return s[0] * s[1] + s[2] * s[3];
}
// TEXT-LABEL: inline double run_pullback(
// TEXT:         step(2, w, s, ptr);
// TEXT:         step_pullback(2, w, s_2, ptr, dw, ds, ptr_2);

/// An inline helper (it calls tanh), reaching n + 1 elements.
static void smooth(int n, const double *in, double *out) {
  for (int i = 0; i <= n; ++i)
    out[i] = std::tanh(in[i]) * 0.5 + out[i];
}

GRADC_DIFF("grad")
double smoothed(const double *w) {
  double s[6] = {w[0], w[1], w[2], 0, 0, 0};
  smooth(2, s, s + 3);
  return s[3] * s[4] + s[5];
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

int main() {
  gradc_check::check_arrays(
      "run", {{"w", {0.9, 0.7, -0.5, 1.1}}, {"x", {0.3}}}, {},
      [](const Arrays &p) { return run(p[0].data(), p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return run_grad(p[0].data(), p[1][0], d[0].data(), d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        run_pullback(p[0].data(), p[1][0], s, d[0].data(), d[1][0]);
      });
  gradc_check::check_arrays(
      "smoothed", {{"w", {0.9, 0.7, -0.5}}}, {},
      [](const Arrays &p) { return smoothed(p[0].data()); },
      [](const Arrays &p, Arrays &d) {
        return smoothed_grad(p[0].data(), d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        smoothed_pullback(p[0].data(), s, d[0].data());
      });
  return gradc_check::finish();
}
#endif
