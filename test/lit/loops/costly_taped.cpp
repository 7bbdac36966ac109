// In a loop, what calls exp (or any function dearer than a load) is taped
// in the forward sweep and popped in the backward one, not computed again;
// what calls fabs, floor or max is computed again.
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

GRADC_DIFF("grad wrt(x)")
double lse(const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += std::exp(x[i]);
  return std::log(s);
}
// TEXT-LABEL: inline double lse_pullback(
// TEXT:         gradc::tape<double> exp_tape;
// TEXT:         double exp_v = std::exp(x[i]);
// TEXT-NEXT:    exp_tape.push_reserved(exp_v);
// TEXT-NEXT:    s += exp_v;
// TEXT:         double exp_v = exp_tape.pop();
// TEXT-NEXT:    dx[i] += exp_v * ds;
// TEXT-LABEL: inline double lse_grad(
// TEXT-NEXT:    return lse_pullback(x, n, 1, dx);

GRADC_DIFF("grad wrt(x)")
double absdot(const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += std::fabs(x[i]) * std::floor(x[i] + 0.5) * x[i];
  return s * s; // the loop runs backward on its own
}
// TEXT-LABEL: inline double absdot_pullback(
// TEXT-NOT:     gradc::tape
// TEXT:         for (int i = n - 1; i >= 0; --i) {
// TEXT:           std::fabs(x[i])
// TEXT-LABEL: inline double absdot_grad(
// TEXT-NEXT:    return absdot_pullback(x, n, 1, dx);

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

int main() {
  gradc_check::check_arrays(
      "lse", {{"x", {0.9, -0.7, 0.5, 1.1}}}, {{"n", {4}}},
      [&](const Arrays &p) { return lse(p[0].data(), 4); },
      [&](const Arrays &p, Arrays &d) {
        return lse_grad(p[0].data(), 4, d[0].data());
      },
      [&](const Arrays &p, double s, Arrays &d) {
        lse_pullback(p[0].data(), 4, s, d[0].data());
      });
  gradc_check::check_arrays(
      "absdot", {{"x", {0.9, -0.7, 0.3, 1.1}}}, {{"n", {4}}},
      [&](const Arrays &p) { return absdot(p[0].data(), 4); },
      [&](const Arrays &p, Arrays &d) {
        return absdot_grad(p[0].data(), 4, d[0].data());
      },
      [&](const Arrays &p, double s, Arrays &d) {
        absdot_pullback(p[0].data(), 4, s, d[0].data());
      });
  return gradc_check::finish();
}
#endif
