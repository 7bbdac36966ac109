// A local struct of arrays made in each iteration, written in an inner loop
// and passed to a helper: the backward sweep pops the struct's copy and
// reads its members back from it (`g.b[1]` for the `acc` that was stored
// there) where the reversed loop body needs them, before the inner
// backward loop. The member of the popped copy was taken inside the inner
// loop's body and read before it (an internal error: "used before it is
// defined").
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --check --at 'w=[0.3,-0.2,0.5],z=0.7,n=3' | FileCheck %s --check-prefix=CHECK-FD
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
// CHECK-FD: ok: all 4 entries agree with finite differences
#include <gradc/gradc.h>

#include <cmath>

struct Rows {
  double W[4];
  double A[4];
  double b[2];
};

static double row(const double *p) { return p[0] - 0.5 * p[1]; }

GRADC_DIFF("grad")
double f(const double *w, double z, int n) {
  double s = n, acc = z;
  for (int i = 0; i < n; ++i) {
    double t = w[i] * acc + z;
    Rows g{};
    for (int a = 0; a < 2; ++a)
      g.A[a * 2 + 1] = g.W[2 + a] * t;
    g.b[1] = acc;
    t += row(g.b);
    s += t;
    acc += std::sin(s);
  }
  return acc;
}
// TEXT-LABEL: inline double f_pullback(
// TEXT:         Rows g = g_tape.pop();
// TEXT:         double t = w[i] * g.b[1] + z;
// TEXT-NEXT:    for (int a = 1; a >= 0; --a) {

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

int main() {
  gradc_check::check_arrays(
      "f", {{"w", {0.3, -0.2, 0.5}}, {"z", {0.7}}}, {{"n", {3}}},
      [](const Arrays &p) { return f(p[0].data(), p[1][0], 3); },
      [](const Arrays &p, Arrays &d) {
        return f_grad(p[0].data(), p[1][0], 3, d[0].data(), d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        f_pullback(p[0].data(), p[1][0], 3, s, d[0].data(), d[1][0]);
      });
  return gradc_check::finish();
}
#endif
