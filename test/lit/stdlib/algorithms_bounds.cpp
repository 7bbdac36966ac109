// std::upper_bound and std::lower_bound over a sorted range (a knot vector,
// a std::array, a pointer range, with or without a comparison of the
// user's) become the library's binary search, the same comparisons in the
// same order; the position found is a passive index (`it - xs.begin()`,
// std::distance), and what is read through it is differentiated, a
// piecewise derivative as std::max_element's. Checked against central
// finite differences, the pullback and gradc's interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function interp --at 'xs=[0,1,2.5,4],ys=[1,-2,3,0.5],x=1.7' | FileCheck %s --check-prefix=AT
// CHECK: interp: at
// CHECK: below: at
// CHECK: falling: at
// CHECK: grid: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
// AT: param  ys[1]{{ +}}-2{{ +}}0.5333333333
// AT: param  x{{ +}}1.7{{ +}}3.333333333
#include <gradc/gradc.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <functional>
#include <iterator>
#include <vector>

// Piecewise-linear interpolation in the interval upper_bound finds.
GRADC_DIFF("grad wrt(ys, x)")
double interp(const std::vector<double> &xs, const std::vector<double> &ys,
              double x) {
  auto it = std::upper_bound(xs.begin(), xs.end(), x);
  std::size_t i = static_cast<std::size_t>(it - xs.begin()) - 1;
  double t = (x - xs[i]) / (xs[i + 1] - xs[i]);
  return ys[i] * (1 - t) + ys[i + 1] * t;
}
// TEXT-LABEL: inline double interp_pullback(
// TEXT:         while (count > 0) {
// TEXT:           if (!(x < xs[first + half])) {
// TEXT:         dys[i] += diff_2 * dout;

// The first knot not below x, counted with std::distance.
GRADC_DIFF("grad wrt(w, x)")
double below(const std::array<double, 5> &w, double x) {
  const std::array<double, 5> knots = {0.0, 0.5, 1.0, 2.0, 4.0};
  auto it = std::lower_bound(knots.begin(), knots.end(), x);
  long k = std::distance(knots.begin(), it);
  return w[k] * x * x;
}
// TEXT-LABEL: inline double below_pullback(
// TEXT:           if (knots[first + half] < x) {

// A range sorted in falling order, searched with std::greater<>.
GRADC_DIFF("grad wrt(c)")
double falling(const double *c, const double *levels, int n, double x) {
  const double *p = std::upper_bound(levels, levels + n, x, std::greater<>());
  int k = static_cast<int>(p - levels);
  return c[k] * levels[k];
}

// Integer knots, a double value: compared as doubles, as C++ does.
GRADC_DIFF("grad wrt(v)")
double grid(const std::vector<double> &v, double x) {
  const int ticks[4] = {1, 2, 4, 8};
  const int *p = std::lower_bound(ticks, ticks + 4, x,
                                  [](int a, double b) { return a < b; });
  int q = static_cast<int>(std::upper_bound(ticks, ticks + 4, x) - ticks);
  return v[p - ticks] * v[q];
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  const std::vector<double> Xs = {0, 1, 2.5, 4};
  for (double X : {0.3, 1.3, 1.7, 3.2})
    gradc_check::check_arrays(
        "interp", {{"ys", {1, -2, 3, 0.5}}, {"x", {X}}}, {{"xs", Xs}},
        [=](const Arrays &p) { return interp(Xs, p[0], p[1][0]); },
        [=](const Arrays &p, Arrays &d) {
          return interp_grad(Xs, p[0], p[1][0], d[0], d[1][0]);
        },
        [=](const Arrays &p, double s, Arrays &d) {
          interp_pullback(Xs, p[0], p[1][0], s, d[0], d[1][0]);
        });
  auto A5 = [](const std::vector<double> &v) {
    return std::array<double, 5>{v[0], v[1], v[2], v[3], v[4]};
  };
  for (double X : {-0.5, 0.7, 1.9, 3.0})
    gradc_check::check_arrays(
        "below", {{"w", {0.5, -1, 2, 1.5, -0.25}}, {"x", {X}}}, {},
        [=](const Arrays &p) { return below(A5(p[0]), p[1][0]); },
        [=](const Arrays &p, Arrays &d) {
          std::array<double, 5> DW{};
          double R = below_grad(A5(p[0]), p[1][0], DW, d[1][0]);
          for (int I = 0; I < 5; ++I)
            d[0][I] += DW[I];
          return R;
        },
        [=](const Arrays &p, double s, Arrays &d) {
          std::array<double, 5> DW{};
          below_pullback(A5(p[0]), p[1][0], s, DW, d[1][0]);
          for (int I = 0; I < 5; ++I)
            d[0][I] += DW[I];
        });
  const std::vector<double> Levels = {9, 7, 4, 2, 1};
  for (double X : {8.0, 4.0, 3.0, 1.5})
    gradc_check::check_arrays(
        "falling", {{"c", {0.5, -1, 2, 1.5, -0.25, 3}}},
        {{"levels", Levels}, {"n", {5}}, {"x", {X}}},
        [=](const Arrays &p) {
          return falling(p[0].data(), Levels.data(), 5, X);
        },
        [=](const Arrays &p, Arrays &d) {
          return falling_grad(p[0].data(), Levels.data(), 5, X, d[0].data());
        },
        [=](const Arrays &p, double s, Arrays &d) {
          falling_pullback(p[0].data(), Levels.data(), 5, X, s, d[0].data());
        });
  for (double X : {0.5, 2.0, 2.5, 7.9})
    gradc_check::check_arrays(
        "grid", {{"v", {0.5, -1, 2, 1.5, -0.25}}}, {{"x", {X}}},
        [=](const Arrays &p) { return grid(p[0], X); },
        [=](const Arrays &p, Arrays &d) { return grid_grad(p[0], X, d[0]); },
        [=](const Arrays &p, double s, Arrays &d) {
          grid_pullback(p[0], X, s, d[0]);
        });
  return gradc_check::finish();
}
#endif
