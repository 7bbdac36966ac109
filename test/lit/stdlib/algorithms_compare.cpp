// std::max_element and std::min_element with a comparison of the user's (a
// lambda, std::greater<>()), dereferenced and used as a position
// (`it - v.begin()`, std::distance), and the algorithms whose results carry
// no derivative (std::count_if, std::any_of, std::all_of, std::none_of)
// beside std::clamp, std::fill, std::fill_n, std::copy, std::copy_n and
// std::iota on doubles. Checked against central finite differences, the
// pullback and gradc's interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function largest_magnitude --at 'v=[0.5,-2,1.5]' | FileCheck %s --check-prefix=AT
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
// AT: param  v[0]{{ +}}0.5{{ +}}0
// AT: param  v[1]{{ +}}-2{{ +}}1
// AT: param  v[2]{{ +}}1.5{{ +}}0
#include <gradc/gradc.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <iterator>
#include <numeric>
#include <vector>

// TEXT-LABEL: inline bool largest_magnitude_lambda(double a, double b) {
// TEXT-LABEL: inline double largest_magnitude_pullback(
// TEXT: int best = 0;
// TEXT-NEXT: for (int i = 0; i < static_cast<int>(v.size()); ++i) {
// TEXT-NEXT: if (largest_magnitude_lambda(v[best], v[i])) {
// TEXT-NEXT: best = i;
GRADC_DIFF("grad")
double largest_magnitude(const std::vector<double> &v) {
  return *std::max_element(v.begin(), v.end(), [](double a, double b) {
    return std::abs(a) < std::abs(b);
  });
}

// std::greater<>() makes min_element find the largest.
// TEXT-LABEL: inline double greatest_pullback(
// TEXT: if (x[i] > x[best]) {
GRADC_DIFF("grad")
double greatest(const double *x, int n) {
  return *std::min_element(x, x + n, std::greater<>()) * x[0];
}

// Positions: subtracted from the beginning, and std::distance.
// TEXT-LABEL: inline double positions_pullback(
// TEXT: if (positions_lambda(a[i], a[best], w)) {
// TEXT: if (a[best_2] < a[i]) {
// TEXT: long k = static_cast<long>(best);
GRADC_DIFF("grad")
double positions(const std::array<double, 4> &a, double w) {
  auto lo = std::min_element(a.begin(), a.end(),
                             [w](double p, double q) { return w * p < w * q; });
  auto hi = std::max_element(a.begin(), a.end(), std::less<double>());
  long k = lo - a.begin();
  long m = std::distance(a.begin(), hi);
  return *lo * k + *hi * m + a[k] * w;
}

// std::begin of a local array inside an expression that also reads the
// array changes nothing (campaign 142's f142103_6 was refused for it).
GRADC_DIFF("grad")
double begin_position(double x, double y) {
  double a[3] = {x, y * x, y};
  auto hi = std::max_element(std::begin(a), std::end(a));
  return *hi * a[1] + a[0] * double(hi - std::begin(a));
}

// Integer and boolean results carry no derivative, and gate the rest.
// TEXT-LABEL: inline double gated_pullback(
GRADC_DIFF("grad")
double gated(const std::vector<double> &x, double t) {
  long k = std::count_if(x.begin(), x.end(), [t](double a) { return a > t; });
  bool neg = std::any_of(x.begin(), x.end(), [](double a) { return a < 0; });
  bool small = std::all_of(x.begin(), x.end(),
                           [&t](double a) { return std::abs(a) < 8 * t; });
  bool none = std::none_of(x.begin(), x.end(), [](double a) { return a > 5; });
  double s = k * t;
  if (neg)
    s += x[0] * x[1];
  if (small && none)
    s *= std::clamp(x[2], -1.0, 1.0) + std::clamp(t, 0.0, 0.5);
  return s;
}

// Filling and copying into local arrays and vectors, and std::iota on
// doubles.
// TEXT-LABEL: inline double filled_pullback(
// TEXT: a[i] = x[i];
GRADC_DIFF("grad")
double filled(const std::vector<double> &x, double t) {
  std::vector<double> y(x.size());
  std::fill(y.begin(), y.end(), t);
  std::fill_n(y.begin() + 1, 2, 2 * t);
  double a[4];
  std::copy_n(x.begin(), 4, a);
  std::vector<double> z(4);
  std::copy(std::begin(a), std::end(a), z.begin());
  std::array<double, 3> r;
  std::iota(r.begin(), r.end(), t * t);
  return y[0] * z[1] + y[1] * a[3] + y[3] * r[2] + r[0] * z[3];
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  const std::vector<double> X = {0.5, -1.5, 2, 0.25};
  gradc_check::check_container("largest_magnitude", "v", largest_magnitude,
                               largest_magnitude_grad,
                               largest_magnitude_pullback, X);
  for (int N : {1, 3, 4})
    gradc_check::check_arrays(
        "greatest", {{"x", X}}, {{"n", {double(N)}}},
        [=](const Arrays &p) { return greatest(p[0].data(), N); },
        [=](const Arrays &p, Arrays &d) {
          return greatest_grad(p[0].data(), N, d[0].data());
        },
        [=](const Arrays &p, double s, Arrays &d) {
          greatest_pullback(p[0].data(), N, s, d[0].data());
        });
  auto A4 = [](const std::vector<double> &v) {
    return std::array<double, 4>{v[0], v[1], v[2], v[3]};
  };
  for (double W : {0.7, -0.7})
    gradc_check::check_arrays(
        "positions", {{"a", X}, {"w", {W}}}, {},
        [=](const Arrays &p) { return positions(A4(p[0]), p[1][0]); },
        [=](const Arrays &p, Arrays &d) {
          std::array<double, 4> DA{};
          double R = positions_grad(A4(p[0]), p[1][0], DA, d[1][0]);
          for (int I = 0; I < 4; ++I)
            d[0][I] += DA[I];
          return R;
        },
        [=](const Arrays &p, double s, Arrays &d) {
          std::array<double, 4> DA{};
          positions_pullback(A4(p[0]), p[1][0], s, DA, d[1][0]);
          for (int I = 0; I < 4; ++I)
            d[0][I] += DA[I];
        });
  for (double T : {0.3, 0.7})
    for (const std::vector<double> &P :
         {X, std::vector<double>{0.5, 1.5, 0.75, 3}})
      gradc_check::check_arrays(
          "gated", {{"x", P}, {"t", {T}}}, {},
          [](const Arrays &p) { return gated(p[0], p[1][0]); },
          [](const Arrays &p, Arrays &d) {
            return gated_grad(p[0], p[1][0], d[0], d[1][0]);
          },
          [](const Arrays &p, double s, Arrays &d) {
            gated_pullback(p[0], p[1][0], s, d[0], d[1][0]);
          });
  gradc_check::check_arrays(
      "filled", {{"x", X}, {"t", {0.3}}}, {},
      [](const Arrays &p) { return filled(p[0], p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return filled_grad(p[0], p[1][0], d[0], d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        filled_pullback(p[0], p[1][0], s, d[0], d[1][0]);
      });
  GRADC_CHECK_2(begin_position, 0.5, 1.5);
  return gradc_check::finish();
}
#endif
