// A std::array returned by the annotated function itself (its gradient
// returns one number), or by a function whose body gradc cannot see, is
// refused at its line with a way out; no header is written.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <array>

std::array<double, 3> unseen(double x); // defined elsewhere

GRADC_DIFF("grad")
// CHECK: array_returns_refused.cpp:[[@LINE+1]]:23: error: 'both' must return a floating-point value; helpers may return 'std::array<double, 2>', and an annotated function writes such results through an output parameter ('void both(..., std::array<double, 2> &out)')
std::array<double, 2> both(double a, double b) { return {a * b, a + b}; }

GRADC_DIFF("grad")
double user(double x) {
  // CHECK: array_returns_refused.cpp:[[@LINE+1]]:12: error: gradc cannot see the body of 'unseen', which returns a std::array; only functions defined in your own code can return one
  auto a = unseen(x);
  return a[0];
}
