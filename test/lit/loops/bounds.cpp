// Counted loops whose bound is computed in the condition (`i < n - 1`,
// `2 * n`, `n / 2`, `(int)v.size() - 1`, counting down to `n - 3`): the
// backward loop computes its first index before it starts, where later
// reads find it. (This was an internal error, and wrong in `--at`.) Each
// returns s * s, so that the loop runs backward on its own (a sum returned
// as it is runs its backward sweep inside the forward loop: fused.cpp).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK:      below: at v=[1,2,3],n=[3]
// CHECK-NEXT: below: f = 9
// CHECK-NEXT: below: d(v[0]) = 6 (
// CHECK-NEXT: below: d(v[1]) = 6 (
// CHECK-NEXT: below: d(v[2]) = 0 (
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 6 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <vector>

GRADC_DIFF("grad wrt(v)")
double below(const double *v, int n) {
  double s = 0;
  for (int i = 0; i < n - 1; ++i)
    s += v[i];
  return s * s;
}
// TEXT-LABEL: inline double below_pullback(
// TEXT:         for (int i = n - 2; i >= 0; --i) {
// TEXT-LABEL: inline double below_grad(
// TEXT-NEXT:    return below_pullback(v, n, 1, dv);

GRADC_DIFF("grad wrt(v)")
double beyond(const double *v, int n) {
  double s = 0;
  for (int i = 0; i < n + 1; ++i)
    s += v[i] * v[i];
  return s * s;
}

GRADC_DIFF("grad wrt(v)")
double twice(const double *v, int n) {
  double s = 0;
  for (int i = 0; i < 2 * n; ++i)
    s += v[i] * i;
  return s * s;
}

GRADC_DIFF("grad wrt(v)")
double down(const double *v, int n) {
  double s = 0;
  for (int i = n - 1; i > n - 3; --i)
    s += v[i] * v[i];
  return s * s;
}

GRADC_DIFF("grad")
double pairs(const std::vector<double> &v) {
  double s = 0;
  for (int i = 0; i < static_cast<int>(v.size()) - 1; ++i)
    s += v[i] * v[i + 1];
  return s * s;
}

GRADC_DIFF("grad wrt(v)")
double half(const double *v, int n) {
  double s = 1;
  for (int i = 0; i <= n / 2; ++i)
    s *= v[i];
  return s;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

int main() {
  gradc_check::check_pointer("below", "v", "n", below, below_grad, below_pullback, {1, 2, 3}, 3);
  gradc_check::check_pointer("beyond", "v", "n", beyond, beyond_grad, beyond_pullback, {1, 2, 3}, 2);
  gradc_check::check_pointer("twice", "v", "n", twice, twice_grad, twice_pullback, {1, 2, 3, 4}, 2);
  gradc_check::check_pointer("down", "v", "n", down, down_grad, down_pullback, {1, 2, 3, 4}, 4);
  gradc_check::check_pointer("half", "v", "n", half, half_grad, half_pullback, {1, 2, 3, 4}, 4);
  gradc_check::check_arrays(
      "pairs", {{"v", {1, 2, 3}}}, {},
      [](const Arrays &p) { return pairs(p[0]); },
      [](const Arrays &p, Arrays &d) { return pairs_grad(p[0], d[0]); },
      [](const Arrays &p, double s, Arrays &d) { pairs_pullback(p[0], s, d[0]); });
  return gradc_check::finish();
}
#endif
