// Lambdas: stored in a variable and called, called where they are written,
// generic (auto parameters), capturing by value and by reference (also
// implicitly, [=] and [&]), and passed to a function template of the
// user's. A lambda's body becomes a function of its own, defined in the
// header and named after the function and the variable (f_sq for sq in f;
// f_lambda for one that has no variable), whose parameters are the
// lambda's followed by what it captures: by value, and by reference when
// it only reads them, as values; by reference when it changes them, as
// references; arrays and pointers as pointers. A template instance that
// takes a lambda is one too (apply_through_sq), its lambda's captures
// taking the lambda's place.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// x^2 + c x + sin(c x) + c x^2 at (1.5, 2): 2.25 + 3 + sin(3) + 4.5.
// CHECK:      direct: at 1.5 2
// CHECK-NEXT: direct: f = 9.89112000805986
// CHECK:      accumulate: at w=[1,2,3],b=[0.5],n=[3]
// CHECK-NEXT: accumulate: f = 5
// CHECK-NEXT: accumulate: d(w[0]) = 0 (
// CHECK-NEXT: accumulate: d(w[1]) = 0.25 (
// CHECK-NEXT: accumulate: d(w[2]) = 0.5 (
// CHECK-NEXT: accumulate: d(b[0]) = 14 (
// CHECK:      through: at 1.5 2
// CHECK:      in_helper: at 0.5 3
// CHECK:      held: at x=[0.5],u=[1,2],p=[3,4],w=[5,6]
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 5 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <array>
#include <cmath>
#include <vector>

// The lambdas' functions come first (as they are written), with the
// template instances that take them; an array captured by reference and
// written is a pointer.
// TEXT:      inline double direct_sq(double t) { return t * t; }
// TEXT:      inline double direct_scale(double t, double c) { return c * t; }
// TEXT:      inline double direct_wave(double t, double c) { return std::sin(c * t); }
// TEXT:      inline double direct_lambda(double u, double c, double x) { return u * c * x; }
// TEXT:      inline void direct_add(double t, double &s) { s += t; }
// TEXT:      inline void accumulate_put(int i, double v, double *acc, const double *w) {
// TEXT:      inline void accumulate_sh(double v, double &total, int i) { total += v * i; }
// TEXT:      inline double apply_through_sq(double x, double c) {
// TEXT-NEXT:   return through_sq(x, c) + through_sq(2 * x, c);
// TEXT:      inline double twice_through_lambda(double x, double c) {
// TEXT:      inline double apply_held_lambda(double x, double x_,
// TEXT-NEXT:    const std::vector<double> &u, const Pair &p,
// TEXT-NEXT:    const std::array<double, 2> &q,
// TEXT-NEXT:    const double *w) {
// TEXT-NEXT:    double held_lambda_x = held_lambda(x, x_, u, p, q, w);
GRADC_DIFF("grad")
double direct(double x, double c) {
  auto sq = [](double t) { return t * t; };
  auto scale = [c](double t) { return c * t; };
  auto wave = [&](auto t) { return std::sin(c * t); }; // generic
  double s = sq(x) + scale(x) + wave(x);
  auto add = [&s](double t) { s += t; };
  add([=](double u) { return u * c * x; }(x));
  return s;
}
// TEXT-LABEL: inline double direct_pullback(double x, double c, double dout, double &dx,
// TEXT:         double s = direct_sq(x) + direct_scale(x, c) + direct_wave(x, c);
// TEXT:         double direct_lambda_x = direct_lambda(x, c, x);
// TEXT:         direct_add(direct_lambda_x, s);
// TEXT:         direct_lambda_pullback(x, c, x, dt_direct_add, dx, dc, dx);
// TEXT-LABEL: inline double direct_grad(double x, double c, double &dx, double &dc) {
// TEXT-NEXT:    return direct_pullback(x, c, 1, dx, dc);

// A capture by value is the value when the lambda is made (k is b, not
// 2 b).
GRADC_DIFF("grad")
double accumulate(const double *w, double b, int n) {
  double acc[3] = {0, 0, 0};
  auto put = [&](int i, double v) { acc[i] += v * w[i]; };
  for (int i = 0; i < n; ++i)
    put(i, b);
  double k = b;
  auto byval = [k](double t) { return k * t; };
  k = 2 * b;
  double total = 0;
  for (int i = 0; i < n; ++i) {
    auto sh = [&total, i](double v) { total += v * i; };
    sh(byval(acc[i]) + k);
  }
  return total;
}

// Passed to a template: the instance is a function of its own, which
// passes the lambda's captures on (here to another template).
template <class F> double apply(F f, double x) { return f(x) + f(2 * x); }
template <class F> double twice(const F &f, double x) { return apply(f, x) * 2; }
GRADC_DIFF("grad")
double through(double x, double c) {
  auto sq = [c](double t) { return c * t * t; };
  return apply(sq, x) + twice([&](double t) { return std::exp(t * c); }, x);
}
// TEXT-LABEL: inline double through_pullback(double x, double c, double dout, double &dx,
// TEXT:         double through = apply_through_sq(x, c) + twice_through_lambda(x, c);
// TEXT-LABEL: inline double through_grad(double x, double c, double &dx, double &dc) {
// TEXT-NEXT:    return through_pullback(x, c, 1, dx, dc);

// Structs, containers and arrays are captured as references or pointers;
// by value only where the lambda is made at its call (nothing can change
// them in between). A capture named as the template's parameter (x) is x_.
struct Pair {
  double a, b;
};
GRADC_DIFF("grad")
double held(double x, const std::vector<double> &u, const Pair &p,
            const double *w) {
  std::array<double, 2> q = {x, 2 * x};
  double r = apply([=](double t) { return t * (x + u[0] + p.a + q[1] + w[1]); },
                   x);
  auto g = [&](double t) { return t * u[1] * p.b + q[0] * w[0] * u.size(); };
  return r + g(x);
}

// A lambda in a helper is the helper's.
inline double helper(double x, double y) {
  auto mix = [y](double t) { return t * y + t * t; };
  return mix(x) + mix(y);
}
GRADC_DIFF("grad")
double in_helper(double x, double y) { return helper(x, y) * x; }

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_2(direct, 1.5, 2.0);
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "accumulate", {{"w", {1, 2, 3}}, {"b", {0.5}}}, {{"n", {3}}},
      [](const Arrays &p) { return accumulate(p[0].data(), p[1][0], 3); },
      [](const Arrays &p, Arrays &d) {
        return accumulate_grad(p[0].data(), p[1][0], 3, d[0].data(), d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        accumulate_pullback(p[0].data(), p[1][0], 3, s, d[0].data(), d[1][0]);
      });
  GRADC_CHECK_2(through, 1.5, 2.0);
  GRADC_CHECK_2(in_helper, 0.5, 3.0);
  gradc_check::check_arrays(
      "held", {{"x", {0.5}}, {"u", {1, 2}}, {"p", {3, 4}}, {"w", {5, 6}}}, {},
      [](const Arrays &a) {
        std::vector<double> u(a[1]);
        return held(a[0][0], u, {a[2][0], a[2][1]}, a[3].data());
      },
      [](const Arrays &a, Arrays &d) {
        std::vector<double> u(a[1]), du(2);
        Pair dp{0, 0};
        double r = held_grad(a[0][0], u, {a[2][0], a[2][1]}, a[3].data(),
                             d[0][0], du, dp, d[3].data());
        d[1][0] += du[0], d[1][1] += du[1], d[2][0] += dp.a, d[2][1] += dp.b;
        return r;
      },
      [](const Arrays &a, double s, Arrays &d) {
        std::vector<double> u(a[1]), du(2);
        Pair dp{0, 0};
        held_pullback(a[0][0], u, {a[2][0], a[2][1]}, a[3].data(), s, d[0][0],
                      du, dp, d[3].data());
        d[1][0] += du[0], d[1][1] += du[1], d[2][0] += dp.a, d[2][1] += dp.b;
      });
  return gradc_check::finish();
}
#endif
