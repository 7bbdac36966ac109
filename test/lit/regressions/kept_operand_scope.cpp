// Found by the random tester (seed 97033, function 9, reduced): the
// backward sweep reads `neg = -g(r4)`, kept from the branch, and the
// builder looked through it, reading `g(r4)`, which is out of scope there
// (an internal error: the generated function was invalid). A kept value is
// opaque to the builder's rules.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
// TEXT-LABEL: inline double f_pullback(
// TEXT: neg = -g(elem);
// TEXT: double dr4 = neg * dt6 + dt_g;
#include <gradc/gradc.h>

static void set(double a, double &r) { r = a; }
static double g(double t) { return t * t; }

GRADC_DIFF("grad")
double f(double z, double x) {
  double s0 = x;
  if (x > -0.5) {
    double r4;
    set(z, r4);
    double t6 = -g(r4) * r4;
    s0 += t6;
  }
  return z * s0;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Vec;
  for (double X : {1.5, -2.0})
    gradc_check::check(
        "f", [](const Vec &p) { return f(p[0], p[1]); },
        [](const Vec &p, Vec &d) { return f_grad(p[0], p[1], d[0], d[1]); },
        [](const Vec &p, double s, Vec &d) {
          f_pullback(p[0], p[1], s, d[0], d[1]);
        },
        {0.75, X});
  return gradc_check::finish();
}
#endif
