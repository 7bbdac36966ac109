// Calls of the user's own functions: static, in a namespace, a template
// instantiated at the call, one calling another, in a loop, a void helper
// writing through an output pointer (a cross product) and one writing
// through a reference. Each callee gets one pullback per set of arguments
// that carry a derivative, defined once in the header, before its callers.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// dist((1.5, 3), (1, 2)) + 1.5^2: sqrt(1.25) + 2.25.
// CHECK:      f: at 1.5 3
// CHECK-NEXT: f: f = 3.36803398874989
// CHECK-NEXT: f: d[0] = 3.44721359549995
// CHECK-NEXT: f: d[1] = 0.89442719099991
// |w|^2 |x|^2 = 5 * 25, d/dw = 2 w |x|^2.
// CHECK:      g: at w=[1,2],x=[3,4],n=[2]
// CHECK-NEXT: g: f = 125
// CHECK-NEXT: g: d(w[0]) = 50 (
// CHECK-NEXT: g: d(w[1]) = 100 (
// sum of sq(w[i] - c): 0.25 + 4 + 1.
// CHECK:      spread: at w=[1.5,3,0],c=[1],n=[3]
// CHECK-NEXT: spread: f = 5.25
// CHECK-NEXT: spread: d(w[0]) = 1 (
// CHECK-NEXT: spread: d(w[1]) = 4 (
// CHECK-NEXT: spread: d(w[2]) = -2 (
// CHECK-NEXT: spread: d(c[0]) = -3 (
// |a x b|^2 for a = (1, 2, 3), b = (4, 5, 6): c = a x b = (-3, 6, -3);
// d/da = 2 b x c = (-102, -12, 78), d/db = 2 c x a = (48, 12, -24).
// CHECK:      cross_norm: at a=[1,2,3],b=[4,5,6]
// CHECK-NEXT: cross_norm: f = 54
// CHECK-NEXT: cross_norm: d(a[0]) = -102 (
// CHECK-NEXT: cross_norm: d(a[1]) = -12 (
// CHECK-NEXT: cross_norm: d(a[2]) = 78 (
// CHECK-NEXT: cross_norm: d(b[0]) = 48 (
// CHECK-NEXT: cross_norm: d(b[1]) = 12 (
// CHECK-NEXT: cross_norm: d(b[2]) = -24 (
// polar(2, 0.5) through references: x = 2 cos 0.5, y = 2 sin 0.5; x + 3 y,
// d/dr = cos 0.5 + 3 sin 0.5, d/dt = -2 sin 0.5 + 6 cos 0.5.
// CHECK:      polar_sum: at 2 0.5
// CHECK-NEXT: polar_sum: f = 4.63171835540596
// CHECK-NEXT: polar_sum: d[0] = 2.31585917770298
// CHECK-NEXT: polar_sum: d[1] = 4.30664429413383
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 5 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

static double sq(double v) { return v * v; }

namespace geo {
inline double dist(double ax, double ay, double bx, double by) {
  return std::sqrt(sq(ax - bx) + sq(ay - by));
}
} // namespace geo

template <typename T> T sqnorm(const T *v, int n) {
  T s = 0;
  for (int i = 0; i < n; ++i)
    s += v[i] * v[i];
  return s;
}

GRADC_DIFF("grad")
double f(double x, double y) { return geo::dist(x, y, 1.0, 2.0) + sq(x); }
// Only ax and ay carry a derivative: that pullback is named after them, in
// the callee's namespace, after sq_pullback, which it calls. It is given
// the distance the caller computed (no sqrt again). The caller's own
// adjoints take the callee's additions directly.
// TEXT:        inline void sq_pullback(double v, double dout, double &dv) {
// TEXT:        namespace geo {
// TEXT:        inline void dist_wrt_ax_ay_result_pullback(double ax, double ay, double bx,
// TEXT-NEXT:                                             double by, double dist_value,
// TEXT:          double quot = dout / (2 * dist_value);
// TEXT:          sq_pullback(ay - by, quot, dv_sq);
// TEXT-LABEL:  inline double f_pullback(double x, double y, double dout, double &dx,
// TEXT-NEXT:                              double &dy) {
// TEXT-NEXT:     double dist_x = geo::dist(x, y, 1.0, 2.0);
// TEXT-NEXT:     double f = dist_x + sq(x);
// TEXT-EMPTY:
// TEXT-NEXT:     // helpers.cpp:[[#@LINE-16]]: return geo::dist(x, y, 1.0, 2.0) + sq(x);
// TEXT-NEXT:     sq_pullback(x, dout, dx);
// TEXT-NEXT:     geo::dist_wrt_ax_ay_result_pullback(x, y, 1.0, 2.0, dist_x, dout, dx, dy);
// TEXT-NEXT:     return f;
// TEXT-LABEL:  inline double f_grad(double x, double y, double &dx, double &dy) {
// TEXT-NEXT:     return f_pullback(x, y, 1, dx, dy);

GRADC_DIFF("grad wrt(w)")
double g(const double *w, const double *x, int n) {
  return sqnorm(w, n) * sqnorm(x, n);
}
// x is data: the template instance's pullback is called for w only.
// TEXT-LABEL:  inline double g_pullback(const double *w, const double *x, int n, double dout,
// TEXT:          sqnorm_pullback(w, n, sqnorm_x * dout, dw);
// TEXT-LABEL:  inline double g_grad(const double *w, const double *x, int n, double *dw) {
// TEXT-NEXT:     return g_pullback(w, x, n, 1, dw);

GRADC_DIFF("grad wrt(w, c)")
double spread(const double *w, double c, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += sq(w[i] - c);
  return s;
}
// TEXT-LABEL:  inline double spread_pullback(
// TEXT:          double ds = dout;
// TEXT:          for (int i = 0; i < n; ++i) {
// TEXT-NEXT:       double diff = w[i] - c;
// TEXT-NEXT:       s += sq(diff);
// TEXT:            sq_pullback(diff, ds, dv_sq);
// TEXT-LABEL:  inline double spread_grad(
// TEXT:          return spread_pullback(w, c, n, 1, dw, dc);

void cross(const double *a, const double *b, double *out) {
  out[0] = a[1] * b[2] - a[2] * b[1];
  out[1] = a[2] * b[0] - a[0] * b[2];
  out[2] = a[0] * b[1] - a[1] * b[0];
}

GRADC_DIFF("grad")
double cross_norm(const double (&a)[3], const double (&b)[3]) {
  double c[3];
  cross(a, b, c);
  return c[0] * c[0] + c[1] * c[1] + c[2] * c[2];
}
// The local c, written by the call alone, seeds the callee's outputs.
// TEXT-LABEL:  inline double cross_norm_pullback(
// TEXT:          cross(a, b, c);
// TEXT:          cross_pullback(a, b, c, dc, da, db);
// TEXT-LABEL:  inline double cross_norm_grad(
// TEXT:          return cross_norm_pullback(a, b, 1, da, db);

void polar(double r, double t, double &x, double &y) {
  x = r * std::cos(t);
  y = r * std::sin(t);
}

GRADC_DIFF("grad")
double polar_sum(double r, double t) {
  double x, y;
  polar(r, t, x, y);
  return x + 3 * y;
}
// polar calls cos and sin, which its pullback would call again: called at
// the top level, it is written inline, and the comments name it.
// TEXT-LABEL:  inline double polar_sum_pullback(double r, double t, double dout, double &dr,
// TEXT-NOT:      polar(
// TEXT:          double sin_t = std::sin(t);
// TEXT:          // helpers.cpp:{{[0-9]+}} (in polar): y = r * std::sin(t);
// TEXT-NEXT:     dr += sin_t * dy;
// TEXT-NOT:      polar_pullback
// TEXT-LABEL:  inline double polar_sum_grad(double r, double t, double &dr, double &dt) {
// TEXT-NEXT:     return polar_sum_pullback(r, t, 1, dr, dt);

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_2(f, 1.5, 3.0);
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "g", {{"w", {1, 2}}}, {{"x", {3, 4}}, {"n", {2}}},
      [](const Arrays &p) {
        const double x[] = {3, 4};
        return g(p[0].data(), x, 2);
      },
      [](const Arrays &p, Arrays &d) {
        const double x[] = {3, 4};
        return g_grad(p[0].data(), x, 2, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        const double x[] = {3, 4};
        g_pullback(p[0].data(), x, 2, s, d[0].data());
      });
  gradc_check::check_arrays(
      "spread", {{"w", {1.5, 3, 0}}, {"c", {1}}}, {{"n", {3}}},
      [](const Arrays &p) { return spread(p[0].data(), p[1][0], 3); },
      [](const Arrays &p, Arrays &d) {
        return spread_grad(p[0].data(), p[1][0], 3, d[0].data(), d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        spread_pullback(p[0].data(), p[1][0], 3, s, d[0].data(), d[1][0]);
      });
  using A3 = const double(&)[3];
  using D3 = double(&)[3];
  gradc_check::check_arrays(
      "cross_norm", {{"a", {1, 2, 3}}, {"b", {4, 5, 6}}}, {},
      [](const Arrays &p) {
        return cross_norm(reinterpret_cast<A3>(*p[0].data()),
                          reinterpret_cast<A3>(*p[1].data()));
      },
      [](const Arrays &p, Arrays &d) {
        return cross_norm_grad(reinterpret_cast<A3>(*p[0].data()),
                               reinterpret_cast<A3>(*p[1].data()),
                               d[0].data(), d[1].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        cross_norm_pullback(reinterpret_cast<A3>(*p[0].data()),
                            reinterpret_cast<A3>(*p[1].data()), s,
                            d[0].data(), d[1].data());
      });
  (void)sizeof(D3);
  GRADC_CHECK_2(polar_sum, 2.0, 0.5);
  return gradc_check::finish();
}
#endif
