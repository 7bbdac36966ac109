// A pointer into a local array, written through in a loop: the backward
// sweep zeroes the adjoint of `a[0]` before the contributions of the old
// value are added, even though each access builds its own pointer. (Once
// added to the adjoint and then zeroed, which lost them.)
// RUN: %gradc %s -o %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// sum * prod = (1.5 - 2 + 0.75) * (1.5 * -2 * 0.75) = 0.25 * -2.25;
// d/dw0 = prod + sum * prod / w0 = -2.25 - 0.375.
// CHECK:      rows: at w=[1.5,-2,0.75],n=[3]
// CHECK-NEXT: rows: f = -0.5625
// CHECK-NEXT: rows: d(w[0]) = -2.625 (
// CHECK-NEXT: rows: d(w[1]) = -1.96875 (
// CHECK-NEXT: rows: d(w[2]) = -3 (
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 1 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

GRADC_DIFF("grad wrt(w)")
double rows(const double *w, int n) {
  double acc[2] = {0, 1};
  double *a = acc + 1;
  for (int i = 0; i < n; ++i) {
    a[0] *= w[i];
    acc[0] += w[i];
  }
  return acc[0] * acc[1];
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "rows", {{"w", {1.5, -2, 0.75}}}, {{"n", {3}}},
      [](const Arrays &p) { return rows(p[0].data(), 3); },
      [](const Arrays &p, Arrays &d) {
        return rows_grad(p[0].data(), 3, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        rows_pullback(p[0].data(), 3, s, d[0].data());
      });
  return gradc_check::finish();
}
#endif
