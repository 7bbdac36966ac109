// Found by a helper: the adjoint of an unnamed value (`x * n`) summed over
// a loop that fills a vector with it was named `_` when `dt`, its usual
// name, was the vector's adjoint. It is `dt_` now.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 1 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <vector>

GRADC_DIFF("grad wrt(x)")
double filled(double x, int n) {
  std::vector<double> t(n, x * n);
  t[0] = x;
  return t[0] * t[n - 1];
}
// TEXT-LABEL: inline double filled_pullback(
// TEXT:         double dt_ = 0;
// TEXT:           dt_ += dt[i];
// TEXT:         dx += n * dt_;

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  gradc_check::check_arrays(
      "filled", {{"x", {0.7}}}, {{"n", {3}}},
      [](const gradc_check::Arrays &p) { return filled(p[0][0], 3); },
      [](const gradc_check::Arrays &p, gradc_check::Arrays &d) {
        return filled_grad(p[0][0], 3, d[0][0]);
      },
      [](const gradc_check::Arrays &p, double s, gradc_check::Arrays &d) {
        filled_pullback(p[0][0], 3, s, d[0][0]);
      });
  return gradc_check::finish();
}
#endif
