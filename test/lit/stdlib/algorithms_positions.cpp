// <numeric> and <algorithm> calls that take and return positions (issue
// 14): std::partial_sum and std::adjacent_difference (also in place, into a
// part of another vector, over pointers), std::find_if and
// std::find_if_not, whose position is dereferenced, compared with the end
// or subtracted. Each is the loop it means; checked against central finite
// differences and gradc's interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function sums --check --at 'x=[0.5,-1,2]' | FileCheck %s --check-prefix=AT
// AT: ok: all 3 entries agree with finite differences
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 7 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

GRADC_DIFF("grad")
double sums(const std::vector<double> &x) {
  std::vector<double> c(x.size());
  std::partial_sum(x.begin(), x.end(), c.begin());
  double s = 0;
  for (double v : c)
    s += v * v;
  return s;
}
// TEXT-LABEL: inline double sums_pullback(
// TEXT: double sum = 0;
// TEXT-NEXT: for (int i = 0; i < conv; ++i) {
// TEXT-NEXT: sum += x[i];
// TEXT-NEXT: c[i] = sum;

// In place, and what it returns kept.
GRADC_DIFF("grad")
double inPlace(const std::vector<double> &x) {
  std::vector<double> y = x;
  auto e = std::adjacent_difference(y.begin(), y.end(), y.begin());
  std::partial_sum(y.begin() + 1, e, y.begin() + 1);
  double s = 0;
  for (size_t i = 0; i < y.size(); ++i)
    s += y[i] * std::sin(y[i]) * static_cast<double>(i + 1);
  return s;
}

// Differences into a part of another vector, over pointers.
GRADC_DIFF("grad")
double diffs(const double *x, int n) {
  std::vector<double> d(n + 1);
  double *end = std::adjacent_difference(x, x + n, d.data() + 1);
  double s = 0;
  for (double *p = d.data(); p != end; ++p)
    s += *p * *p * *p;
  return s;
}

// The first element above a threshold, dereferenced and subtracted.
GRADC_DIFF("grad")
double firstAbove(const std::vector<double> &x, double t) {
  auto it = std::find_if(x.begin(), x.end(), [t](double v) { return v > t; });
  if (it == x.end())
    return t * t;
  return *it * std::exp(t) + static_cast<double>(it - x.begin());
}

// find_if_not over pointers, compared with the end.
GRADC_DIFF("grad")
double firstNotSmall(const double *x, int n) {
  const double *p =
      std::find_if_not(x, x + n, [](double v) { return std::fabs(v) < 1; });
  return p != x + n ? p[0] * x[0] : x[0];
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  const std::vector<double> X = {0.5, -1.25, 2, 0.25, -0.75};
  const std::vector<double> Small = {0.5, -0.25, 0.125};
  gradc_check::check_container("sums", "x", sums, sums_grad, sums_pullback, X);
  gradc_check::check_container("inPlace", "x", inPlace, inPlace_grad,
                               inPlace_pullback, X);
  gradc_check::check_arrays(
      "diffs", {{"x", X}}, {{"n", {5}}},
      [](const Arrays &p) { return diffs(p[0].data(), 5); },
      [](const Arrays &p, Arrays &d) {
        return diffs_grad(p[0].data(), 5, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        diffs_pullback(p[0].data(), 5, s, d[0].data());
      });
  for (double T : {0.3, 5.0})
    gradc_check::check_arrays(
        "firstAbove", {{"x", X}, {"t", {T}}}, {},
        [](const Arrays &p) { return firstAbove(p[0], p[1][0]); },
        [](const Arrays &p, Arrays &d) {
          return firstAbove_grad(p[0], p[1][0], d[0], d[1][0]);
        },
        [](const Arrays &p, double s, Arrays &d) {
          firstAbove_pullback(p[0], p[1][0], s, d[0], d[1][0]);
        });
  for (const std::vector<double> *At : {&X, &Small}) {
    int N = static_cast<int>(At->size());
    gradc_check::check_arrays(
        "firstNotSmall", {{"x", *At}}, {{"n", {static_cast<double>(N)}}},
        [N](const Arrays &p) { return firstNotSmall(p[0].data(), N); },
        [N](const Arrays &p, Arrays &d) {
          return firstNotSmall_grad(p[0].data(), N, d[0].data());
        },
        [N](const Arrays &p, double s, Arrays &d) {
          firstNotSmall_pullback(p[0].data(), N, s, d[0].data());
        });
  }
  return gradc_check::finish();
}
#endif
