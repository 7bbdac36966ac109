// while and do-while loops are reversed by a trip count; Newton iterations
// of a fixed count as a for loop and as a while loop with a counter. The
// iterate is loop-carried and taped.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK:      power_while: at x=[1.5],n=[3]
// CHECK-NEXT: power_while: f = 3.375
// CHECK-NEXT: power_while: d(x[0]) = 6.75 (
// CHECK:      power_while: at x=[-2],n=[0]
// CHECK-NEXT: power_while: f = 1
// CHECK-NEXT: power_while: d(x[0]) = 0 (
// 0.7 + 0.35 + 0.175: three trips
// CHECK:      halve_do: at x=[0.69999999999999996]
// CHECK-NEXT: halve_do: f = 1.2249999999999999
// CHECK-NEXT: halve_do: d(x[0]) = 1.75 (
// the body runs once even though y <= 0.1 at once
// CHECK:      halve_do: at x=[0.050000000000000003]
// CHECK-NEXT: halve_do: f = 0.050000000000000003
// CHECK-NEXT: halve_do: d(x[0]) = 1 (
// d sqrt(a)/da = 1 / (2 sqrt(a)) = 0.25 at 4
// CHECK:      newton_sqrt: at 4
// CHECK-NEXT: newton_sqrt: f = 2
// CHECK-NEXT: newton_sqrt: d[0] = 0.25 (
// CHECK:      newton_while: at a=[2],iters=[6]
// CHECK-NEXT: newton_while: f = 1.41421356237309{{[0-9]*}}
// CHECK-NEXT: newton_while: d(a[0]) = 0.353553390593{{[0-9]*}} (
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 6 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

GRADC_DIFF("grad wrt(x)")
double power_while(double x, int n) {
  double p = 1;
  int i = 0;
  while (i < n) {
    p = p * x;
    i = i + 1;
  }
  return p;
}
// TEXT-LABEL: inline double power_while_pullback(double x, int n, double dout, double &dx) {
// TEXT-NEXT:   gradc::tape<double> p_tape;
// TEXT:        while (i < n) {
// TEXT:        double dx_sum = 0;
// TEXT-EMPTY:
// TEXT-NEXT:   // while.cpp:[[#@LINE-11]]: while (i < n)
// TEXT-NEXT:   for (long long [[IT:[a-z_]+]] = 0; [[IT]] < [[N:[a-z_]+]]; ++[[IT]]) {
// TEXT-NEXT:     // while.cpp:[[#@LINE-12]]: p = p * x;
// TEXT-NEXT:     double p_old = p_tape.pop();
// TEXT-NEXT:     dx_sum += p_old * dp;
// TEXT-NEXT:     dp *= x;
// TEXT-NEXT:   }
// TEXT-NEXT:   dx += dx_sum;
// TEXT-LABEL: inline double power_while_grad(double x, int n, double &dx) {
// TEXT-NEXT:    return power_while_pullback(x, n, 1, dx);

GRADC_DIFF("grad wrt(x)")
double halve_do(double x) {
  double y = x;
  double s = 0;
  do {
    s += y;
    y = 0.5 * y;
  } while (y > 0.1);
  return s;
}
// TEXT-LABEL: inline double halve_do_pullback(double x, double dout, double &dx) {
// TEXT:        // while.cpp:[[#@LINE-7]]: do ... while (y > 0.1)
// TEXT-LABEL: inline double halve_do_grad(double x, double &dx) {
// TEXT-NEXT:    return halve_do_pullback(x, 1, dx);

GRADC_DIFF("grad")
double newton_sqrt(double a) {
  double r = a;
  for (int k = 0; k < 6; ++k)
    r = 0.5 * (r + a / r);
  return r;
}
// TEXT-LABEL: inline double newton_sqrt_pullback(double a, double dout, double &da) {
// TEXT-NEXT:   gradc::fixed_tape<double, 6> r_tape;
// TEXT:        for (int k = 5; k >= 0; --k) {
// TEXT-NEXT:     // while.cpp:[[#@LINE-6]]: r = 0.5 * (r + a / r);
// TEXT-NEXT:     double prod = 0.5 * dr;
// TEXT-NEXT:     double r_old = r_tape.pop();
// TEXT-LABEL: inline double newton_sqrt_grad(double a, double &da) {
// TEXT-NEXT:    return newton_sqrt_pullback(a, 1, da);

GRADC_DIFF("grad wrt(a)")
double newton_while(double a, int iters) {
  double r = 1;
  int k = 0;
  while (k < iters) {
    r = r - (r * r - a) / (2 * r);
    ++k;
  }
  return r;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

int main() {
  for (int n : {3, 0}) {
    double x = n ? 1.5 : -2;
    gradc_check::check_arrays(
        "power_while", {{"x", {x}}}, {{"n", {double(n)}}},
        [=](const Arrays &p) { return power_while(p[0][0], n); },
        [=](const Arrays &p, Arrays &d) {
          return power_while_grad(p[0][0], n, d[0][0]);
        },
        [=](const Arrays &p, double s, Arrays &d) {
          power_while_pullback(p[0][0], n, s, d[0][0]);
        });
  }
  // Finite differences stay away from the point where the trip count
  // changes (y = 0.1 after a halving).
  for (double x : {0.7, 0.05})
    gradc_check::check_arrays(
        "halve_do", {{"x", {x}}}, {},
        [](const Arrays &p) { return halve_do(p[0][0]); },
        [](const Arrays &p, Arrays &d) {
          return halve_do_grad(p[0][0], d[0][0]);
        },
        [](const Arrays &p, double s, Arrays &d) {
          halve_do_pullback(p[0][0], s, d[0][0]);
        });
  GRADC_CHECK_1(newton_sqrt, 4.0);
  gradc_check::check_arrays(
      "newton_while", {{"a", {2}}}, {{"iters", {6}}},
      [](const Arrays &p) { return newton_while(p[0][0], 6); },
      [](const Arrays &p, Arrays &d) {
        return newton_while_grad(p[0][0], 6, d[0][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        newton_while_pullback(p[0][0], 6, s, d[0][0]);
      });
  return gradc_check::finish();
}
#endif
