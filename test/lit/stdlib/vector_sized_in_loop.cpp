// A std::vector declared in a loop, sized from the function's parameters
// (`3 * n`, `w.size() + 1`): its size is computed once before the loop, and
// the vector is an ordinary local of the loop's body, as long each time,
// so a helper may write it (one whose size changes may not be passed so).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 2 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <vector>

/// Writes h and c (n each) from in; reads them too.
static void mix(int n, const double *w, double *h, double *c,
                const double *in) {
  for (int i = 0; i < n; ++i) {
    c[i] = c[i] * w[i] + in[i] * h[i];
    h[i] = c[i] * c[i] * w[n + i];
  }
}

GRADC_DIFF("grad wrt(w)")
double layers(const double *w, int n, int steps) {
  double total = 0;
  for (int t = 0; t < steps; ++t) {
    std::vector<double> s(3 * n);
    for (int i = 0; i < 3 * n; ++i)
      s[i] = 0.1 * (i + t) - 0.2;
    mix(n, w, s.data(), s.data() + n, s.data() + 2 * n);
    total += s[0] + s[n + 1];
  }
  return total;
}
// TEXT-LABEL: inline double layers_pullback(
// TEXT:         int prod = 3 * n;
// TEXT:         for (int t = 0; t < steps; ++t) {
// TEXT-NEXT:      std::vector<double> s(prod);

/// Squares and halves the first m elements of v.
static void square_half(double *v, int m) {
  for (int i = 0; i < m; ++i)
    v[i] = 0.5 * v[i] * v[i];
}

GRADC_DIFF("grad wrt(w)")
double scaled(const std::vector<double> &w, int steps) {
  double total = 0;
  for (int t = 0; t < steps; ++t) {
    std::vector<double> u(w.size() + 1);
    for (size_t i = 0; i < w.size(); ++i)
      u[i + 1] = w[i] * (t + 1);
    square_half(u.data(), 2);
    total += u[0] * u[1];
  }
  return total;
}
// TEXT-LABEL: inline double scaled_pullback(
// TEXT-NOT:     made anew

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

int main() {
  gradc_check::check_arrays(
      "layers", {{"w", {0.9, 0.7, -0.5, 1.1, 0.3, -0.8}}},
      {{"n", {3}}, {"steps", {2}}},
      [&](const Arrays &p) { return layers(p[0].data(), 3, 2); },
      [&](const Arrays &p, Arrays &d) {
        return layers_grad(p[0].data(), 3, 2, d[0].data());
      },
      [&](const Arrays &p, double s, Arrays &d) {
        layers_pullback(p[0].data(), 3, 2, s, d[0].data());
      });
  gradc_check::check_arrays(
      "scaled", {{"w", {0.4, -0.6, 0.8}}}, {{"steps", {3}}},
      [&](const Arrays &p) { return scaled(p[0], 3); },
      [&](const Arrays &p, Arrays &d) { return scaled_grad(p[0], 3, d[0]); },
      [&](const Arrays &p, double s, Arrays &d) {
        scaled_pullback(p[0], 3, s, d[0]);
      });
  return gradc_check::finish();
}
#endif
