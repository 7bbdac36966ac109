// What stays refused of std::pair and std::tuple: elements that are not
// numbers, std::get by type, a pair returned by the annotated function
// itself. Each at the line, with a way out; no header is written.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <string>
#include <tuple>
#include <utility>
#include <vector>

GRADC_DIFF("grad")
// CHECK: pairs_refused.cpp:[[@LINE+1]]:66: error: parameter 'p' cannot be differentiated or read: 'std::pair<double, std::vector<double>>' holds 'std::vector<double>'; gradc supports std::pair and std::tuple of numbers: keep other things in a struct of your own ('struct Item { double w; std::vector<double> xs; };') or pass them as parameters
double holdsVector(const std::pair<double, std::vector<double>> &p) {
  return p.first;
}

GRADC_DIFF("grad")
double holdsPointer(const double *w, double x) {
  // CHECK: pairs_refused.cpp:[[@LINE+1]]:37: error: gradc cannot hold this struct: 'std::pair<const double *, double>' holds 'const double *'; gradc supports std::pair and std::tuple of numbers
  std::pair<const double *, double> q{w, x};
  // CHECK-NOT: pairs_refused.cpp:[[@LINE+1]]
  return *q.first * q.second;
}

GRADC_DIFF("grad")
double nested(double x, double y) {
  // CHECK: pairs_refused.cpp:[[@LINE+1]]:49: error: gradc cannot hold this struct: 'std::tuple<std::pair<double, double>, double>' holds 'std::pair<double, double>'
  std::tuple<std::pair<double, double>, double> t{{x, y}, x};
  // CHECK-NOT: pairs_refused.cpp:[[@LINE+1]]
  return std::get<1>(t);
}

GRADC_DIFF("grad")
double byType(double x, int n) {
  std::pair<double, int> p{x, n};
  // CHECK: pairs_refused.cpp:[[@LINE+1]]:10: error: std::get by type is not supported; name the element by its index ('std::get<0>(t)')
  return std::get<double>(p) * n;
}

// CHECK: pairs_refused.cpp:[[@LINE+2]]:27: error: 'both' must return a floating-point value; helpers may return 'std::pair<double, double>', and an annotated function writes such results through an output parameter ('void both(..., std::pair<double, double> &out)')
GRADC_DIFF("grad")
std::pair<double, double> both(double x, double y) { return {x * y, x + y}; }
