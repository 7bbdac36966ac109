// Printing as a statement (`printf`, `fprintf(stderr, ...)`, `puts`,
// `std::cout << ...`, `std::cerr << ... << std::endl`) carries no
// derivative: the generated functions leave it out, with a warning at each
// statement; the function itself still prints. A helper that prints
// prints where the forward sweep calls it (it is your own function), not
// in its pullback, which the caller's backward sweep runs.
// RUN: %gradc %s -o %t.grad.h 2> %t.err
// RUN: FileCheck %s --check-prefix=WARN < %t.err
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out 2> /dev/null
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --check --at x=0.5,y=-1.25 2> /dev/null | FileCheck %s --check-prefix=FD
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 1 checked against the interpreter, 0 mismatches
// FD: ok: all 2 entries agree with finite differences
// TEXT-NOT: printf
// TEXT-NOT: puts
// TEXT-NOT: std::cout
// TEXT-NOT: std::cerr
#include <gradc/gradc.h>

#include <cmath>
#include <cstdio>
#include <iostream>

double logged_square(double t) {
  double s = t * t;
  // WARN-DAG: printing.cpp:[[@LINE+1]]:3: warning: the generated functions leave this printing out: it carries no derivative ('logged_square' itself still prints); to silence this, put it under '#ifndef __GRADC__'
  std::fprintf(stderr, "square of %g is %g\n", t, s);
  return s;
}

GRADC_DIFF("grad")
double traced(double x, double y) {
  double p = x * std::sin(y);
  // WARN-DAG: printing.cpp:[[@LINE+1]]:3: warning: the generated functions leave this printing out: it carries no derivative ('traced' itself still prints)
  printf("p = %g\n", p);
  // WARN-DAG: printing.cpp:[[@LINE+1]]:3: warning: the generated functions leave this printing out
  std::cerr << "x " << x << ", y " << y << std::endl;
  if (p > 10) {
    // WARN-DAG: printing.cpp:[[@LINE+1]]:5: warning: the generated functions leave this printing out
    puts("large");
  }
  for (int i = 0; i < 2; ++i) {
    p = p + logged_square(p) * 0.1;
    // WARN-DAG: printing.cpp:[[@LINE+1]]:5: warning: the generated functions leave this printing out
    std::cerr << i << ": " << p << '\n';
  }
  // WARN-DAG: printing.cpp:[[@LINE+1]]:3: warning: the generated functions leave this printing out
  (void)std::printf("done\n");
  return p * y;
}
// TEXT-LABEL: inline double traced_pullback(
// TEXT:         double p = x * sin_y;
// TEXT-NEXT:    for (int i = 0; i < 2; ++i) {

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_2(traced, 0.5, -1.25);
  return gradc_check::finish();
}
#endif
