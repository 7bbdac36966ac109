// Recursion: a recursive helper gets a recursive pullback, which runs the
// helper's forward sweep again at each level (calling the user's function)
// and then calls itself for the level below. Direct recursion through `?:`
// and through early returns, recursion over an array, mutual recursion
// (the header declares a pullback before the one that calls it), and an
// annotated function that calls itself.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// A recursion that does not end is an error of --at, not a crash.
// RUN: not %gradc %s --function spiral --at x=0.5,n=-1 2>&1 | FileCheck %s --check-prefix=DEEP
// x^3 + fact + sum of squares * x at x = 1.5, a = (1, 2, 3).
// CHECK:      f: at x=[1.5],a=[1,2,3]
// CHECK-NEXT: f: f = 48
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 5 checked against the interpreter, 0 mismatches
// DEEP: recursion.cpp:{{[0-9]+}}:{{[0-9]+}}: in spiral: calls spiral with 10000 calls in progress; does its recursion end?
#include <gradc/gradc.h>

#include <cmath>

// The sum of squares of a[0..n), from the last element down.
double sumsq(const double *a, int n) {
  if (n == 0)
    return 0.0;
  return a[n - 1] * a[n - 1] + sumsq(a, n - 1);
}
// TEXT-LABEL: inline void sumsq_pullback(const double *a, int n, double dout, double *da) {
// TEXT:         sumsq_pullback(a, n - 1, dresult, da);
// TEXT-NEXT:    int diff = n - 1;
// TEXT-NEXT:    da[diff] += 2 * a[diff] * dresult;

// (x + 2)(x + 3)...(x + n) x, with an early return.
double rising(double x, int n) {
  if (n <= 1)
    return x;
  return rising(x, n - 1) * (x + n);
}
// TEXT-LABEL: inline void rising_pullback(double x, int n, double dout, double &dx) {
// TEXT:         rising_pullback(x, n - 1, (x + n) * dresult, dx);

// x^n.
double power(double x, int n) { return n == 0 ? 1.0 : x * power(x, n - 1); }
// TEXT-LABEL: inline void power_pullback(double x, int n, double dout, double &dx) {
// TEXT-NEXT:    bool cond = n == 0;
// TEXT-NEXT:    double power_x = 0;
// TEXT-NEXT:    if (!cond) {
// TEXT-NEXT:      power_x = power(x, n - 1);
// TEXT-NEXT:    }
// TEXT-EMPTY:
// TEXT-NEXT:    // recursion.cpp:[[#@LINE-8]]: return n == 0 ? 1.0 : x * power(x, n - 1);
// TEXT-NEXT:    double dchosen = dout;
// TEXT-NEXT:    if (!cond) {
// TEXT-NEXT:      dx += power_x * dchosen;
// TEXT-NEXT:      power_pullback(x, n - 1, x * dchosen, dx);
// TEXT-NEXT:    }
// TEXT-NEXT:  }

GRADC_DIFF("grad")
double f(double x, const double *a) {
  return power(x, 3) + rising(x, 3) + sumsq(a, 3) * x;
}

// Mutual recursion: ping's pullback is declared before pong's, which
// calls it.
double pong(double x, int n);
double ping(double x, int n) { return n == 0 ? x : std::sin(pong(x, n - 1)); }
double pong(double x, int n) { return n == 0 ? x * x : ping(x, n - 1) * x; }
// TEXT:       inline void ping_pullback(double x, int n, double dout, double &dx);
// TEXT-LABEL: inline void pong_pullback(double x, int n, double dout, double &dx) {
// TEXT:         ping_pullback(x, n - 1, x * dchosen, dx);
// TEXT-LABEL: inline void ping_pullback(double x, int n, double dout, double &dx) {
// TEXT:         pong_pullback(x, n - 1, std::cos(pong_x) * dchosen, dx);

GRADC_DIFF("grad")
double g(double x) { return ping(x, 5); }

// The annotated function calls itself: its pullback calls itself, and its
// gradient calls the pullback, which is defined once.
GRADC_DIFF("grad")
double spiral(double x, int n) {
  if (n == 0)
    return x;
  return std::sin(spiral(x, n - 1)) + 0.5 * x;
}
// TEXT-LABEL: inline double spiral_pullback(double x, int n, double dout, double &dx) {
// TEXT:         double dresult = dout;
// TEXT:         spiral_pullback(x, n - 1, std::cos(spiral_x) * dresult, dx);
// TEXT:         return spiral_2;
// TEXT-LABEL: inline double spiral_grad(double x, int n, double &dx) {
// TEXT-NEXT:    return spiral_pullback(x, n, 1, dx);
// TEXT-NOT:   spiral_pullback(double

// Depth from an argument, with a branch on the data: the recursion of a
// tree (two calls a level), as Fibonacci's.
double tree(double x, int n) {
  if (n < 2)
    return n == 0 ? x : x * x;
  double l = tree(x, n - 1), r = tree(x, n - 2);
  return l > r ? l - 0.25 * r : std::sqrt(l * l + r * r);
}

GRADC_DIFF("grad")
double h(double x, double y) { return tree(x, 6) * y + tree(y, 4); }

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "f", {{"x", {1.5}}, {"a", {1, 2, 3}}}, {},
      [](const Arrays &p) { return f(p[0][0], p[1].data()); },
      [](const Arrays &p, Arrays &d) {
        return f_grad(p[0][0], p[1].data(), d[0][0], d[1].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        f_pullback(p[0][0], p[1].data(), s, d[0][0], d[1].data());
      });
  GRADC_CHECK_1(g, 0.6);
  for (int n : {0, 4}) {
    gradc_check::check_arrays(
        "spiral", {{"x", {0.7}}}, {{"n", {double(n)}}},
        [n](const Arrays &p) { return spiral(p[0][0], n); },
        [n](const Arrays &p, Arrays &d) {
          return spiral_grad(p[0][0], n, d[0][0]);
        },
        [n](const Arrays &p, double s, Arrays &d) {
          spiral_pullback(p[0][0], n, s, d[0][0]);
        });
  }
  GRADC_CHECK_2(h, 1.25, 0.75);
  return gradc_check::finish();
}
#endif
