// Function objects gradc refuses, at the line, with advice; no header is
// written. Locals, calls and helper templates taking them are supported
// (functors.cpp).
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <algorithm>

struct Square {
  double operator()(double v) const { return v * v; }
};

GRADC_DIFF("grad")
double squared_all(const double *x) {
  double b[3];
  // CHECK: functors_refused.cpp:[[@LINE+1]]:31: error: gradc follows std::transform with a lambda, a function of your own or a <cmath> function as its operation; pass a lambda that does what this does
  std::transform(x, x + 3, b, Square{});
  return b[0] + b[2];
}
