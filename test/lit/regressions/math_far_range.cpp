// Far from 1, the derivatives of asinh, acosh and atan2 stay finite and
// right: squaring the argument (x * x + 1, (x - 1) * (x + 1), x * x + y * y)
// overflows to inf beyond about 1e154, which made the gradient 0 (campaign
// 141's f141153_6: acosh(1.5 + s * s) with s near 1e80), and underflows to 0
// below 1e-154, which made atan2's inf.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out
// CHECK-NOT: FAIL
// CHECK: ALL OK
// TEXT-LABEL: inline double f_asinh_pullback(
// TEXT: dx += dout / std::hypot(x, 1.0);
// TEXT-LABEL: inline double f_acosh_pullback(
// TEXT: dx += dout / (std::sqrt(x - 1) * std::sqrt(x + 1));
// TEXT-LABEL: inline double f_atan2_pullback(
// TEXT: double hypot_y = std::hypot(y, x);
// TEXT-NEXT: dx += y / hypot_y / hypot_y * dout;
// TEXT-NEXT: dy -= x / hypot_y / hypot_y * dout;
#include <gradc/gradc.h>

#include <cmath>

GRADC_DIFF("grad") double f_asinh(double x) { return std::asinh(x); }
GRADC_DIFF("grad") double f_acosh(double x) { return std::acosh(x); }
GRADC_DIFF("grad") double f_atan2(double x, double y) {
  return std::atan2(x, y);
}
// campaign 141's shape: the argument squared on the way in.
GRADC_DIFF("grad") double f_acosh_sq(double s) { return acosh(1.5 + s * s); }

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  // Finite differences with a step relative to the point work this far out.
  GRADC_CHECK_1(f_asinh, 1e200);
  GRADC_CHECK_1(f_asinh, -3e170);
  GRADC_CHECK_1(f_acosh, 1e200);
  GRADC_CHECK_1(f_acosh, 2.5e160);
  GRADC_CHECK_2(f_atan2, 1e200, -3e199);
  GRADC_CHECK_1(f_acosh_sq, 1e80);
  // Near the range's ends, against the closed forms (a finite difference's
  // step would be larger than the point): asinh' = acosh' = 1 / x to
  // double's precision, d/dx atan2(x, y) = y / (x^2 + y^2),
  // 4e-200 / 2.5e-399 and -3e-200 / 2.5e-399.
  {
    double D = 0;
    f_asinh_grad(1e300, D);
    gradc_check::expect("asinh'(1e300)", D, 1e-300);
    D = 0;
    f_acosh_grad(1e300, D);
    gradc_check::expect("acosh'(1e300)", D, 1e-300);
    double Dx = 0, Dy = 0;
    f_atan2_grad(3e-200, 4e-200, Dx, Dy);
    gradc_check::expect("d/dx atan2(3e-200, 4e-200)", Dx, 1.6e199);
    gradc_check::expect("d/dy atan2(3e-200, 4e-200)", Dy, -1.2e199);
  }
  return gradc_check::finish();
}
#endif
