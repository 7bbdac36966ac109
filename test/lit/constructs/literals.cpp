// Literals keep the user's spelling where it means the same number, and the
// generated code computes exactly the primal's value: a double literal in a
// long double function stays a double literal (0.1L is another number).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out
// CHECK-NOT: FAIL
// CHECK: ALL OK
#include <gradc/gradc.h>

#include <cmath>

// TEXT-LABEL: inline long double ld_pullback(long double y, long double dout,
// TEXT: long double ld = y * 0.3 + std::pow(y, 0.1);
// TEXT: dy += 0.1 * std::pow(y, -0.9) * dout;
// TEXT-NEXT: dy += 0.3 * dout;
// TEXT-NOT: L;
// TEXT-LABEL: inline long double ld_grad(long double y, long double &dy) {
// TEXT-NEXT: return ld_pullback(y, 1, dy);
GRADC_DIFF("grad")
long double ld(long double y) { return y * 0.3 + std::pow(y, 0.1); }

// Whole numbers print as such; negative literals are constants.
// TEXT-LABEL: inline double big_pullback(double x, double dout, double &dx) {
// TEXT: double big = 300 * x + std::pow(x, -2.0);
// TEXT: dx -= 2 * std::pow(x, -3.0) * dout;
// TEXT-NEXT: dx += 300 * dout;
// TEXT-LABEL: inline double big_grad(double x, double &dx) { return big_pullback(x, 1, dx); }
GRADC_DIFF("grad")
double big(double x) { return 300 * x + std::pow(x, -2); }

// A float literal beside a double widens exactly: it stays 0.1f.
// TEXT-LABEL: inline float fl_pullback(float z, double x, float dout, float &dz, double &dx) {
// TEXT: z *= 2;
// TEXT-LABEL: inline float fl_grad(float z, double x, float &dz, double &dx) {
// TEXT-NEXT: return fl_pullback(z, x, 1, dz, dx);
GRADC_DIFF("grad")
float fl(float z, double x) {
  z *= 2;
  return static_cast<float>(0.1f + x) * z;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Vec;

int main() {
  long double dy = 0;
  long double v = ld_grad(1.7L, dy);
  if (v != ld(1.7L))
    gradc_check::fail("ld_grad must return exactly ld");
  gradc_check::check(
      "ld", [](const Vec &p) { return static_cast<double>(ld(p[0])); },
      [](const Vec &p, Vec &d) {
        long double g = 0;
        double r = static_cast<double>(ld_grad(p[0], g));
        d[0] += static_cast<double>(g);
        return r;
      },
      [](const Vec &p, double s, Vec &d) {
        long double g = 0;
        ld_pullback(p[0], s, g);
        d[0] += static_cast<double>(g);
      },
      {1.7});
  gradc_check::check(
      "big", [](const Vec &p) { return big(p[0]); },
      [](const Vec &p, Vec &d) { return big_grad(p[0], d[0]); },
      [](const Vec &p, double s, Vec &d) { big_pullback(p[0], s, d[0]); },
      {1.3});
  return gradc_check::finish();
}
#endif
