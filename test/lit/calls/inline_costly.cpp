// A void helper that calls sin, exp, ... and is called at the top level of
// a function is written inline in that function's pullback: its pullback
// would run it again to find its values, calling sin and cos a second
// time. The backward sweep's comments name the helper its statements come
// from. Calls in loops, calls of helpers without such calls and helpers
// returning a number (given their result) keep their pullbacks.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --at 'a=0.3, r=1.5' --function turned | FileCheck %s --check-prefix=AT
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 6 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

static void rotate(double a, const double *p, double *q) {
  double c = std::cos(a), s = std::sin(a);
  q[0] = c * p[0] - s * p[1];
  q[1] = s * p[0] + c * p[1];
}

// The helper's c and s are computed once; the caller has a c of its own,
// so the helper's is c_2 (and its adjoint dc_2).
GRADC_DIFF("grad")
double turned(double a, double r) {
  double p[2] = {r, 2 * r};
  double q[2];
  rotate(a, p, q);
  double c = q[0] * q[1];
  return c + q[0];
}
// TEXT-LABEL: inline double turned_pullback(double a, double r, double dout,
// TEXT-NOT:     rotate(
// TEXT:         double c_2 = std::cos(a);
// TEXT:         double s = std::sin(a);
// TEXT:         double c = q[0] * q[1];
// TEXT:         // inline_costly.cpp:{{[0-9]+}} (in rotate): q[1] = s * p[0] + c * p[1];
// TEXT-NEXT:    double dc_2 = p[1] * dq[1];
// TEXT:         da += c_2 * ds;
// TEXT-NEXT:    da -= s * dc_2;
// TEXT-NOT:     rotate_pullback
// TEXT-LABEL: inline double turned_grad(

// Called twice: each call is written inline.
GRADC_DIFF("grad")
double twice(double a, double r) {
  double p[2] = {r, r * r};
  double q[2], u[2];
  rotate(a, p, q);
  rotate(2 * a, q, u);
  return u[0] - 3 * u[1];
}
// TEXT-LABEL: inline double twice_pullback(
// TEXT:         double c = std::cos(a);
// TEXT:         double c_2 = std::cos(prod);
// TEXT-NOT:     rotate_pullback
// TEXT-LABEL: inline double twice_grad(

// In a loop whose iterations are independent, whose backward sweep runs
// inside it (loops/fused.cpp), the helper is written inline too.
GRADC_DIFF("grad")
double spun(double a, double r) {
  double p[2] = {r, 1.0};
  double total = 0;
  for (int k = 0; k < 3; ++k) {
    double q[2];
    rotate(a * k, p, q);
    total += q[0] * q[1];
  }
  return total;
}
// TEXT-LABEL: inline double spun_pullback(
// TEXT-NOT:     rotate_pullback
// TEXT:         for (int k = 0; k < 3; ++k) {
// TEXT-NEXT:      double q[2];
// TEXT:           double c = std::cos(prod);
// TEXT-NEXT:      double s = std::sin(prod);
// TEXT:           // inline_costly.cpp:{{[0-9]+}} (in rotate): q[1] = s * p[0] + c * p[1];
// TEXT-NEXT:      double dc = p[1] * dq[1];
// TEXT-NOT:     rotate_pullback
// TEXT:           da_sum += conv * (c * ds - s * dc);
// TEXT-NEXT:    }
// TEXT-NOT:     rotate_pullback
// TEXT-LABEL: inline double spun_grad(

static void scale(double k, const double *p, double *q) {
  q[0] = k * p[0];
  q[1] = k * p[1];
}

static double softplus(double x) { return std::log(1 + std::exp(x)); }

// A helper without such calls, and one returning a number, are called.
GRADC_DIFF("grad")
double plain(double a, double r) {
  double p[2] = {r, a};
  double q[2];
  scale(a, p, q);
  return softplus(q[0]) * q[1];
}
// TEXT-LABEL: inline double plain_pullback(
// TEXT:         scale(a, p, q);
// TEXT:         softplus_pullback(
// TEXT:         scale_pullback(

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_2(turned, 0.3, 1.5);
  GRADC_CHECK_2(twice, -0.7, 0.8);
  GRADC_CHECK_2(spun, 0.4, 1.2);
  GRADC_CHECK_2(plain, 0.5, -1.1);
  GRADC_CHECK_2(turned, 2.9, -0.4);
  GRADC_CHECK_2(twice, 1.3, 2.0);
  return gradc_check::finish();
}
#endif

// What --at shows are the function's own values; the helper's are not
// rows, as for a call.
// AT: param a 0.3 -13.96208743856
// AT: 31 q[0] 0.54644411370
// AT-NOT: {{^ *[0-9]+ +s }}
// AT: 33 c 1.80834191938
