// std::minmax_element bound by name (`auto [lo, hi] = std::minmax_element(b,
// e);`), with and without a comparison: each name is a position, the first
// smallest element and, as the library says, the LAST largest (where
// std::max_element finds the first). Ties are checked through the value:
// `ties` returns the positions, so a wrong one differs from the primal.
// Checked against central finite differences, the pullback and gradc's
// interpreter; other uses are refused at the call.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function ties --at 'v=[1,3,1,3]' | FileCheck %s --check-prefix=AT
// RUN: not %gradc %s -o %t.refused.h -- -DREFUSED 2>&1 | FileCheck %s --check-prefix=REFUSED
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
// The last 3 is the largest, the first 1 the smallest.
// AT: ties(v = [1, 3, 1, 3]) = 37
// AT: param  v[0]{{ +}}1{{ +}}1
// AT: param  v[1]{{ +}}3{{ +}}0
// AT: param  v[2]{{ +}}1{{ +}}0
// AT: param  v[3]{{ +}}3{{ +}}2
#include <gradc/gradc.h>

#include <algorithm>
#include <cmath>
#include <vector>

// Scaled into [0, 1] in place, then the sum of squares.
GRADC_DIFF("grad")
double minmax_scaled(std::vector<double> v) {
  auto [mn, mx] = std::minmax_element(v.begin(), v.end());
  double lo = *mn, hi = *mx;
  for (double &e : v)
    e = (e - lo) / (hi - lo);
  double s = 0;
  for (double e : v)
    s += e * e;
  return s;
}
// TEXT-LABEL: inline double minmax_scaled_pullback(
// The first smallest, then the last largest:
// TEXT:         if ([[V:v[_0-9]*]][i] < [[V]][best]) {
// TEXT:         if (!([[V]][i] < [[V]][best_2])) {
// TEXT:         double lo = [[V]][best];
// TEXT-NEXT:    double hi = [[V]][best_2];

GRADC_DIFF("grad")
double ties(const std::vector<double> &v) {
  const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
  return 10 * (hi - v.begin()) + (lo - v.begin()) + 2 * *hi + *lo;
}

// By magnitude, over a pointer range.
GRADC_DIFF("grad")
double spread(const double *x, int n) {
  auto [a, b] = std::minmax_element(
      x, x + n, [](double p, double q) { return std::fabs(p) < std::fabs(q); });
  return *b * *b - *a * std::sin(*a);
}

#ifdef REFUSED
// REFUSED: minmax_element.cpp:[[# @LINE + 3]]:8: error: gradc cannot hold this struct: '{{.*}}' holds positions in a range (what std::minmax_element returns); gradc follows them bound by name ('auto [lo, hi] = std::minmax_element(b, e);')
GRADC_DIFF("grad")
double kept(const std::vector<double> &v) {
  auto mm = std::minmax_element(v.begin(), v.end());
  return *mm.first + *mm.second;
}
#endif

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  const std::vector<double> X = {0.5, -1.5, 2, 0.25, -2.5};
  gradc_check::check_arrays(
      "minmax_scaled", {{"v", X}}, {},
      [](const Arrays &p) { return minmax_scaled(p[0]); },
      [](const Arrays &p, Arrays &d) { return minmax_scaled_grad(p[0], d[0]); },
      [](const Arrays &p, double s, Arrays &d) {
        minmax_scaled_pullback(p[0], s, d[0]);
      });
  gradc_check::check_container("ties", "v", ties, ties_grad, ties_pullback, X);
  // At ties the positions jump (no finite differences there): the value,
  // which holds both positions, must be the primal's.
  for (const std::vector<double> &T :
       {std::vector<double>{1, 3, 1, 3}, std::vector<double>{2, 2, 2}}) {
    std::vector<double> D(T.size());
    if (ties_grad(T, D) != ties(T))
      gradc_check::fail("ties: a position at a tie differs from the library's");
  }
  for (int N : {1, 3, 5})
    gradc_check::check_arrays(
        "spread", {{"x", X}}, {{"n", {double(N)}}},
        [=](const Arrays &p) { return spread(p[0].data(), N); },
        [=](const Arrays &p, Arrays &d) {
          return spread_grad(p[0].data(), N, d[0].data());
        },
        [=](const Arrays &p, double s, Arrays &d) {
          spread_pullback(p[0].data(), N, s, d[0].data());
        });
  return gradc_check::finish();
}
#endif
