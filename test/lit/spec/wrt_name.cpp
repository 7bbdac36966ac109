// wrt(...) picks the parameters and their order follows the function's
// (a warning says so when wrt lists them in another order); name(...)
// renames the generated functions; int parameters are passive.
// RUN: %gradc %s -o %t.grad.h 2> %t.err
// RUN: FileCheck %s --check-prefix=WARN < %t.err
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out
// CHECK-NOT: FAIL
// CHECK: ALL OK
#include <gradc/gradc.h>

#include <cmath>

// The pullback returns the value, and the gradient calls it with a seed of 1.
// TEXT: inline double affine_pullback(double w, double x, double b, int n, double dout,
// TEXT-NEXT: double &dw, double &db) {
// TEXT-NEXT: double affine = n * (w * x + b);
// TEXT: double prod = n * dout;
// TEXT-NEXT: db += prod;
// TEXT-NEXT: dw += x * prod;
// TEXT-NEXT: return affine;
// TEXT: inline double affine_grad(double w, double x, double b, int n, double &dw,
// TEXT-NEXT: double &db) {
// TEXT-NEXT: return affine_pullback(w, x, b, n, 1, dw, db);
// WARN: wrt_name.cpp:[[@LINE+1]]:22: warning: wrt(...) lists the parameters in another order than the function does; the generated functions take their adjoints in the function's order (dw, db): pass them in that order, or list them so in wrt(...)
GRADC_DIFF("grad wrt(b, w)")
double affine(double w, double x, double b, int n) {
  return n * (w * x + b);
}

// TEXT: inline float fl_pullback(float x, const double &y, long double z, float dout,
// TEXT-NEXT: float &dx, double &dy, long double &dz) {
// A long statement is cut in its note rather than wrapped.
// TEXT: // wrt_name.cpp:{{[0-9]+}}: return x * static_cast<float>(y) + ...
// TEXT-NEXT: dz += 2 * z * static_cast<long double>(dout);
// TEXT-NEXT: dx += static_cast<float>(y) * dout;
// TEXT-NEXT: dy += static_cast<double>(x * dout);
// TEXT: inline float fl_grad(float x, const double &y, long double z, float &dx,
// TEXT-NEXT: double &dy, long double &dz) {
GRADC_DIFF("name(fl)")
float floats(float x, const double &y, long double z) {
  return x * static_cast<float>(y) + static_cast<float>(z * z);
}

// The adjoint of x is dx unless dx is taken: then d_x. The seed of the
// pullback is dout unless taken: then d_out.
// TEXT: inline double clash_pullback(double x, double dx, double dout, double d_out,
// TEXT-NEXT: double &d_x, double &ddx, double &ddout) {
// TEXT: inline double clash_grad(double x, double dx, double dout, double &d_x,
// TEXT-NEXT: double &ddx, double &ddout) {
GRADC_DIFF("grad")
double clash(double x, double dx, double dout) { return x * dx + dout; }

namespace ml::detail {
// TEXT: namespace ml {
// TEXT-NEXT: namespace detail {
// TEXT: inline double scaled_pullback(double x, double dout, double &dx) {
// TEXT: inline double scaled_grad(double x, double &dx) {
GRADC_DIFF("grad")
double scaled(double x) { return 0.5 * x * x; }
} // namespace ml::detail

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Vec;

int main() {
  gradc_check::check(
      "affine", [](const Vec &p) { return affine(p[0], 2.0, p[1], 3); },
      [](const Vec &p, Vec &d) {
        return affine_grad(p[0], 2.0, p[1], 3, d[0], d[1]);
      },
      [](const Vec &p, double s, Vec &d) {
        affine_pullback(p[0], 2.0, p[1], 3, s, d[0], d[1]);
      },
      {1.5, -0.5});
  // float arithmetic: finite differences in float are coarse.
  gradc_check::check(
      "floats",
      [](const Vec &p) {
        return static_cast<double>(
            floats(static_cast<float>(p[0]), p[1], p[2]));
      },
      [](const Vec &p, Vec &d) {
        float dx = static_cast<float>(d[0]);
        long double dz = d[2];
        double v = fl_grad(static_cast<float>(p[0]), p[1], p[2], dx, d[1], dz);
        d[0] = dx;
        d[2] = static_cast<double>(dz);
        return v;
      },
      [](const Vec &p, double s, Vec &d) {
        float dx = static_cast<float>(d[0]);
        long double dz = d[2];
        fl_pullback(static_cast<float>(p[0]), p[1], p[2],
                    static_cast<float>(s), dx, d[1], dz);
        d[0] = dx;
        d[2] = static_cast<double>(dz);
      },
      {1.5, -0.5, 0.25}, 1e-2);
  gradc_check::check(
      "clash", [](const Vec &p) { return clash(p[0], p[1], p[2]); },
      [](const Vec &p, Vec &d) {
        return clash_grad(p[0], p[1], p[2], d[0], d[1], d[2]);
      },
      [](const Vec &p, double s, Vec &d) {
        clash_pullback(p[0], p[1], p[2], s, d[0], d[1], d[2]);
      },
      {1.5, -0.5, 2.0});
  gradc_check::check(
      "scaled", [](const Vec &p) { return ml::detail::scaled(p[0]); },
      [](const Vec &p, Vec &d) { return ml::detail::scaled_grad(p[0], d[0]); },
      [](const Vec &p, double s, Vec &d) {
        ml::detail::scaled_pullback(p[0], s, d[0]);
      },
      {1.5});
  return gradc_check::finish();
}
#endif
