// Local derivatives are written from the values the forward sweep already
// holds, as a person writes them: the gradient never calls exp, tanh or
// sqrt again.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out
// CHECK-NOT: FAIL
// CHECK: ALL OK
#include <gradc/gradc.h>

#include <cmath>

// TEXT-LABEL: inline double forms_pullback(double x, double y, double dout, double &dx,
// TEXT: double e = std::exp(x);
// TEXT-NEXT: double t = std::tanh(y);
// TEXT-NEXT: double r = std::sqrt(x * y);
// TEXT-NEXT: double s = 1.0 / (1.0 + std::exp(-y));
// TEXT-NEXT: double inv = 1.0 / x;
// TEXT: double forms = prod_3 * s;
// TEXT: double prod_4 = s * dout;
// TEXT-NEXT: double ds = prod_3 * dout;
// 1/u: -r * r, no second division.
// TEXT: dx -= inv * inv * dinv;
// sigmoid: (1 - s) * s.
// TEXT: dy += (1 - s) * s * ds;
// sqrt: g / (2 * r).
// TEXT: double quot = dr / (2 * r);
// tanh: 1 - t * t.
// TEXT: dy += (1 - t * t) * dt;
// exp: the result itself.
// TEXT: dx += e * de;
// TEXT-NOT: std::exp
// TEXT-NOT: std::tanh
// TEXT-NOT: std::sqrt
// TEXT-LABEL: inline double forms_grad(double x, double y, double &dx, double &dy) {
// TEXT-NEXT: return forms_pullback(x, y, 1, dx, dy);
GRADC_DIFF("grad")
double forms(double x, double y) {
  double e = std::exp(x);
  double t = std::tanh(y);
  double r = std::sqrt(x * y);
  double s = 1.0 / (1.0 + std::exp(-y));
  double inv = 1.0 / x;
  return inv * e * t * r * s;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Vec;

int main() {
  gradc_check::check(
      "forms", [](const Vec &p) { return forms(p[0], p[1]); },
      [](const Vec &p, Vec &d) { return forms_grad(p[0], p[1], d[0], d[1]); },
      [](const Vec &p, double s, Vec &d) {
        forms_pullback(p[0], p[1], s, d[0], d[1]);
      },
      {0.8, 1.3});
  return gradc_check::finish();
}
#endif
