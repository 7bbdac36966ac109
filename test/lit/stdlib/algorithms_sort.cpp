// std::sort, std::stable_sort, std::partial_sort and std::nth_element of a
// local copy of numbers, with and without a comparison, then read: a
// median, a trimmed mean, sums in sorted order. Each is an insertion sort
// on the values; the derivative of a sorted element flows back to the
// element it came from. Checked against central finite differences, the
// pullback and gradc's interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function median --at 'x=[3,-1,2,0.5,7]' | FileCheck %s --check-prefix=AT
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
// AT: median(x = [3, -1, 2, 0.5, 7])
// AT: param  x[0]{{ +}}3{{ +}}0
// AT: param  x[2]{{ +}}2{{ +}}1
#include <gradc/gradc.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

// TEXT-LABEL: inline double median_pullback(const std::vector<double> &x, double dout,
// TEXT: for (int i = 1; i < {{.*}}; ++i) {
// TEXT-NEXT: double key = y[i];
// TEXT-NEXT: int j = i;
// TEXT: while (j > 0 && key < y[j - 1]) {
// TEXT: y[j] = y[{{diff.*}}];
// TEXT: y[j] = key;
// TEXT: // algorithms_sort.cpp:{{[0-9]+}}: std::sort(y.begin(), y.end());
// TEXT: for (int i = conv_2 - 1; i >= 1; --i) {
// TEXT: dy[j_old_2 - 1] += dy[j_old_2];
// TEXT-NEXT: dy[j_old_2] = 0;
GRADC_DIFF("grad")
double median(const std::vector<double> &x) {
  std::vector<double> y = x;
  std::sort(y.begin(), y.end());
  return y[y.size() / 2];
}

// A trimmed mean of a local array, sorted by std::greater<>().
// TEXT-LABEL: inline double trimmed_pullback(
// TEXT: while (j > 0 && key > a[j - 1]) {
GRADC_DIFF("grad")
double trimmed(const double *x) {
  double a[5];
  std::copy(x, x + 5, a);
  std::sort(a, a + 5, std::greater<>());
  return (a[1] + a[2] + a[3]) / 3;
}

// Sums weighted by rank, sorted by a lambda of the values' magnitudes.
// TEXT-LABEL: inline double ranked_pullback(
// TEXT: while (j > 0) {
// TEXT: bool cond = !ranked_lambda(key, y[j - 1]);
// TEXT: if (cond) {
// TEXT-NEXT: break;
GRADC_DIFF("grad")
double ranked(const std::vector<double> &x, double w) {
  std::vector<double> y(x.size());
  for (size_t i = 0; i < x.size(); ++i)
    y[i] = w * x[i];
  std::stable_sort(y.begin(), y.end(),
                   [](double a, double b) { return std::abs(a) < std::abs(b); });
  double s = 0;
  for (size_t i = 0; i < y.size(); ++i)
    s += (i + 1) * y[i] * y[i];
  return s;
}

// Part of an array sorted in place, in a loop.
// TEXT-LABEL: inline double partly_pullback(
GRADC_DIFF("grad")
double partly(const double *x, int n) {
  double s = 0;
  for (int r = 0; r < 2; ++r) {
    double a[6];
    for (int i = 0; i < n; ++i)
      a[i] = std::sin(x[i] + r);
    std::sort(a + 1, a + n);
    s += a[1] * a[n - 1] + a[0];
  }
  return s;
}

// An in/out array sorted in place: its adjoint on exit is the gradient
// with respect to its incoming contents, each sent back where it was.
// TEXT-LABEL: inline void in_place_pullback(double *x, int n, double *dx) {
GRADC_DIFF("grad")
void in_place(double *x, int n) {
  std::sort(x, x + n);
  x[0] *= 2;
}

// A vector taken by value, sorted, then searched with a comparison; and
// the largest read in an expression that also reads the array.
GRADC_DIFF("grad")
double by_value(std::vector<double> v) {
  std::sort(v.begin(), v.end(), std::greater<double>());
  return v[0] - *std::min_element(v.begin(), v.end(),
                                  [](double a, double b) { return a * a < b * b; });
}

GRADC_DIFF("grad")
double rounds(const double *x, int n) {
  double s = 0;
  for (int r = 0; r < 3; ++r) {
    double a[4];
    for (int i = 0; i < 4; ++i)
      a[i] = x[i] * (r + 1);
    std::stable_sort(a, a + 4, [r](double p, double q) { return (r + 1) * p < (r + 1) * q; });
    s += a[0] * *std::max_element(a, a + n, [](double p, double q) {
      return std::sin(p) < std::sin(q);
    });
  }
  return s;
}

// std::nth_element and std::partial_sort sort the whole range, which is
// what they promise where C++ says what they leave.
GRADC_DIFF("grad")
double partial(const std::vector<double> &x) {
  std::vector<double> y = x;
  std::nth_element(y.begin(), y.begin() + 2, y.end());
  std::vector<double> z = x;
  std::partial_sort(z.begin(), z.begin() + 2, z.end(), std::greater<>());
  return y[2] * (z[0] + z[1]);
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  const std::vector<double> X = {0.5, -1.5, 2, 0.25, 1.25};
  gradc_check::check_container("median", "x", median, median_grad,
                               median_pullback, X);
  gradc_check::check_container("median", "x", median, median_grad,
                               median_pullback, {3, 1, 2, -4});
  gradc_check::check_arrays(
      "trimmed", {{"x", X}}, {},
      [](const Arrays &p) { return trimmed(p[0].data()); },
      [](const Arrays &p, Arrays &d) {
        return trimmed_grad(p[0].data(), d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        trimmed_pullback(p[0].data(), s, d[0].data());
      });
  for (double W : {0.7, -1.3})
    gradc_check::check_arrays(
        "ranked", {{"x", X}, {"w", {W}}}, {},
        [](const Arrays &p) { return ranked(p[0], p[1][0]); },
        [](const Arrays &p, Arrays &d) {
          return ranked_grad(p[0], p[1][0], d[0], d[1][0]);
        },
        [](const Arrays &p, double s, Arrays &d) {
          ranked_pullback(p[0], p[1][0], s, d[0], d[1][0]);
        });
  for (int N : {2, 5})
    gradc_check::check_arrays(
        "partly", {{"x", X}}, {{"n", {double(N)}}},
        [=](const Arrays &p) { return partly(p[0].data(), N); },
        [=](const Arrays &p, Arrays &d) {
          return partly_grad(p[0].data(), N, d[0].data());
        },
        [=](const Arrays &p, double s, Arrays &d) {
          partly_pullback(p[0].data(), N, s, d[0].data());
        });
  using gradc_check::Role;
  for (int N : {1, 3, 5})
    gradc_check::check_vjp(
        "in_place", true, {{"x", X, Role::InOut}}, {{"n", {double(N)}}},
        [=](Arrays &p) {
          in_place(p[0].data(), N);
          return 0.0;
        },
        [=](Arrays &p, double, Arrays &d) {
          in_place_pullback(p[0].data(), N, d[0].data());
        });
  gradc_check::check_arrays(
      "by_value", {{"v", X}}, {}, [](const Arrays &p) { return by_value(p[0]); },
      [](const Arrays &p, Arrays &d) { return by_value_grad(p[0], d[0]); },
      [](const Arrays &p, double s, Arrays &d) {
        by_value_pullback(p[0], s, d[0]);
      });
  for (int N : {1, 4})
    gradc_check::check_arrays(
        "rounds", {{"x", X}}, {{"n", {double(N)}}},
        [=](const Arrays &p) { return rounds(p[0].data(), N); },
        [=](const Arrays &p, Arrays &d) {
          return rounds_grad(p[0].data(), N, d[0].data());
        },
        [=](const Arrays &p, double s, Arrays &d) {
          rounds_pullback(p[0].data(), N, s, d[0].data());
        });
  gradc_check::check_container("partial", "x", partial, partial_grad,
                               partial_pullback, X);
  return gradc_check::finish();
}
#endif
