// A loop bound `k + 2` was reversed from `k - 1` instead of `k + 1`: the
// builder folded (n + c1) - c2 as n - (c1 - c2). The reversed loop must
// visit every iteration.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
// TEXT: for (int i = k + 1; i >= 0; --i) {
// TEXT: for (int i = k + 2; i >= 0; --i) {
#include <gradc/gradc.h>

#include <vector>

GRADC_DIFF("grad")
double plus_two(const double *x, int k) {
  double s = 0;
  for (int i = 0; i < k + 2; ++i)
    s += x[i] * x[i];
  return s * s; // the loop runs backward on its own
}

GRADC_DIFF("grad")
double plus_three(const double *x, int k) {
  double s = 0;
  for (int i = 0; i < k + 3; ++i)
    s += x[i] * x[i];
  return s * s; // the loop runs backward on its own
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  const std::vector<double> X = {0.5, -1.5, 2, 0.25, 1.5};
  gradc_check::check_arrays(
      "plus_two", {{"x", X}}, {{"k", {2}}},
      [](const Arrays &p) { return plus_two(p[0].data(), 2); },
      [](const Arrays &p, Arrays &d) {
        return plus_two_grad(p[0].data(), 2, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        plus_two_pullback(p[0].data(), 2, s, d[0].data());
      });
  gradc_check::check_arrays(
      "plus_three", {{"x", X}}, {{"k", {2}}},
      [](const Arrays &p) { return plus_three(p[0].data(), 2); },
      [](const Arrays &p, Arrays &d) {
        return plus_three_grad(p[0].data(), 2, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        plus_three_pullback(p[0].data(), 2, s, d[0].data());
      });
  return gradc_check::finish();
}
#endif
