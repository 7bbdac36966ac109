// Found by an adversarial pass: a temporary of a reversed loop's body took
// the name of the loop's counter (`int t = t % 2;` inside `for (int t =
// 2; t >= 0; --t)`), which does not compile: what a loop's init declares
// was free again before its body was named.
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

static void step(int m, double *h, const double *in) {
  for (int i = 0; i < m; ++i)
    h[i] = std::tanh(h[i] + in[i]);
}

GRADC_DIFF("grad wrt(x)")
double f(const double *x, int n) {
  double s[6];
  for (int i = 0; i < 6; ++i)
    s[i] = x[i % n];
  for (int t = 0; t < 3; ++t)
    step(2, s + t % 2, s + 3 + t % 2);
  return s[0] + s[1] + s[2];
}
// TEXT-LABEL: inline double f_pullback(
// TEXT:         for (int t = 2; t >= 0; --t) {
// TEXT-NOT:       int t =
// TEXT:           int t_2 = t % 2;

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

int main() {
  gradc_check::check_arrays(
      "f", {{"x", {0.45, -1.1, 0.3}}}, {{"n", {3}}},
      [&](const Arrays &p) { return f(p[0].data(), 3); },
      [&](const Arrays &p, Arrays &d) {
        return f_grad(p[0].data(), 3, d[0].data());
      },
      [&](const Arrays &p, double s, Arrays &d) {
        f_pullback(p[0].data(), 3, s, d[0].data());
      });
  return gradc_check::finish();
}
#endif
