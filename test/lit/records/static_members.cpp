// Static data members used as constants: `static constexpr double k`,
// public and private, and `static const double c[3]` defined out of the
// class, read in member functions and in annotated functions. Each is a
// constant of the generated code: a scalar as its value, an array as a
// local holding its elements.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function spring --at 'x=0.5,v=-0.25' -o - | FileCheck %s --check-prefix=AT
// CHECK: spring: at
// CHECK: table: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 2 checked against the interpreter, 0 mismatches
// AT: spring(x = 0.5, v = -0.25)
#include <gradc/gradc.h>

#include <cmath>

class Spring {
  static constexpr double k = 2.0;
  static const double c[3];

public:
  static constexpr double mass = 0.5;
  double damping = 0.25;
  double force(double x, double v) const {
    return -k * x - damping * v + c[1] * x * x;
  }
};
const double Spring::c[3] = {0.125, -0.5, 1.5};

struct Table {
  static constexpr double half = 0.5;
  static const double w[2];
};
const double Table::w[2] = {0.25, 0.75};

// A private constexpr member and a private array read by a member
// function; a public one read here.
GRADC_DIFF("grad")
double spring(double x, double v) {
  Spring s;
  s.damping = 0.25 * v;
  return s.force(x, v) / Spring::mass + Table::half * v;
}
// TEXT-LABEL: inline void Spring_force_pullback(
// TEXT: double c[3] = {};
// TEXT-NEXT: c[0] = 0.125;
// TEXT-NEXT: c[1] = -0.5;
// TEXT-NEXT: c[2] = 1.5;
// TEXT-LABEL: inline double spring_pullback(double x, double v, double dout, double &dx,
// TEXT: double spring = force_s / 0.5 + 0.5 * v;

// A class's static array read in a loop of an annotated function.
GRADC_DIFF("grad")
double table(double x, double y) {
  double s = 0;
  for (int i = 0; i < 2; ++i)
    s += Table::w[i] * std::sin(x * (i + 1)) + Table::half * y * y;
  return s;
}
// TEXT-LABEL: inline double table_pullback(double x, double y, double dout, double &dx,
// TEXT: double w[2] = {};
// TEXT-NEXT: w[0] = 0.25;
// TEXT-NEXT: w[1] = 0.75;

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_2(spring, 0.5, -0.25);
  GRADC_CHECK_2(table, 0.75, -1.5);
  return gradc_check::finish();
}
#endif
