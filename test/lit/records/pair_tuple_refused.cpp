// std::pair and std::tuple are not supported yet: refused at the line with
// a way out (a struct of your own, or a std::array); no header is written.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <tuple>
#include <utility>

static std::pair<double, double> minmax_soft(double a, double b) {
  return {a * b, a + b};
}

GRADC_DIFF("grad")
double bound(double x, double y) {
  // CHECK: pair_tuple_refused.cpp:[[@LINE+1]]:8: error: 'std::pair<double, double>': std::pair is not supported yet; use a struct of your own ('struct MinMax { double lo, hi; };', returned by value and read as 'r.lo') or a std::array<double, N>
  auto [lo, hi] = minmax_soft(x, y);
  return lo * hi;
}

GRADC_DIFF("grad")
double local(double x, double y) {
  // CHECK: pair_tuple_refused.cpp:[[@LINE+1]]:30: error: gradc cannot hold this struct: 'std::tuple<double, double>': std::tuple is not supported yet
  std::tuple<double, double> t{x, y};
  return std::get<0>(t) * y;
}

GRADC_DIFF("grad")
// CHECK: pair_tuple_refused.cpp:[[@LINE+1]]:47: error: parameter 'p' cannot be differentiated or read: 'std::pair<double, double>': std::pair is not supported yet
double param(const std::pair<double, double> &p) { return p.first; }
