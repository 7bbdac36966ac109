// Custom pullbacks of functions whose bodies gradc cannot see: a library
// function (`std::ldexp(double, int)`, which <cmath> declares as `::ldexp`,
// so its pullback is `ldexp_pullback` at namespace scope, for the overload
// the code calls) and a function of another file (declared here only).
// The generated code calls the function forward and the user's pullback
// backward; `--at` cannot run a function without its body, so these are
// checked compiled, against finite differences.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: not %gradc %s --at 'x=0.5' --function scaled 2>&1 | FileCheck %s --check-prefix=AT
// CHECK-NOT: FAIL
// CHECK: ALL OK
// TEXT-LABEL: inline double scaled_pullback(
// TEXT: double ldexp_x = std::ldexp(x, 3);
// TEXT: ldexp_pullback(x, 3, x * dout, dx);
// TEXT-LABEL: inline double scaled_grad(
// TEXT-NEXT: return scaled_pullback(x, 1, dx);
// TEXT-LABEL: inline double elsewhere_pullback(
// TEXT: cube_pullback(y, dout, dy);
// TEXT-LABEL: inline double elsewhere_grad(
// TEXT-NEXT: return elsewhere_pullback(y, 1, dy);
// AT: error: {{.*}}custom_unseen.cpp:{{[0-9]+}}:10: in scaled_grad: calls std::ldexp, whose body gradc cannot see
#include <gradc/gradc.h>

#include <cmath>

GRADC_DIFF("custom")
void ldexp_pullback(double, int e, double dout, double &dx) {
  dx += dout * std::ldexp(1.0, e);
}

double cube(double y); // defined in another file

GRADC_DIFF("custom")
void cube_pullback(double y, double dout, double &dy) {
  dy += dout * 3 * y * y;
}

GRADC_DIFF("grad")
double scaled(double x) {
  return std::ldexp(x, 3) * x;
}

GRADC_DIFF("grad")
double elsewhere(double y) {
  return cube(y) + y * y;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

double cube(double y) { return y * y * y; }

int main() {
  for (double X : {0.5, -1.25}) {
    GRADC_CHECK_1(scaled, X);
    GRADC_CHECK_1(elsewhere, X);
  }
  return gradc_check::finish();
}
#endif
