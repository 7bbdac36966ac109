// std::tuple of numbers is a struct whose members generated code reaches
// through `std::get<I>(t)`: locals from braces and `std::make_tuple`,
// elements read and written, structured bindings, `std::tie(a, b) = f(...)`
// (also of a pair, and with `std::ignore`), helpers returning a tuple,
// tuple parameters (the adjoint is a tuple of the same type).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function weighted --at 't=[1.5,-2,3],s=0.5' | FileCheck %s --check-prefix=AT
// CHECK: locals: at
// CHECK: ties: at
// CHECK: spread: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 3 checked against the interpreter, 0 mismatches
// AT:      weighted(t = [1.5, -2, 3], s = 0.5) = -5.25
// AT:      param  t.get<0>  1.5  0.5
// AT-NEXT: param  t.get<1>  -2  3
// AT-NEXT: param  t.get<2>  3  (passive)
#include <gradc/gradc.h>

#include <cmath>
#include <tuple>
#include <utility>

static std::tuple<double, double, int> stats(double a, double b) {
  if (a > b)
    return {a + b, a * b, 1};
  return std::make_tuple(a - b, a / b, 2);
}

static std::pair<double, double> split(double v) {
  return {v * v, std::sin(v)};
}

// TEXT-LABEL: inline double locals_pullback(double x, double y, double dout, double &dx,
GRADC_DIFF("grad")
double locals(double x, double y) {
  std::tuple<double, double, int> t{x, y, 2};
  auto u = std::make_tuple(x * y, 1.5, x);
  // TEXT: std::get<0>(t) = std::get<0>(t) * std::get<1>(u);
  std::get<0>(t) = std::get<0>(t) * std::get<1>(u);
  std::get<1>(u) += std::get<2>(u) * y;
  std::tuple<double, double, int> c = t;
  std::get<1>(c) *= x;
  auto [a, b, n] = stats(x, y);
  const auto &[p, q, r] = u;
  return std::get<0>(t) * std::get<1>(t) + a * b * n + p * q * r +
         std::get<1>(c) * std::get<2>(t);
}

GRADC_DIFF("grad")
double ties(double x, double y) {
  double s = 0, c = 0;
  int k = 0;
  std::tie(s, c, k) = stats(x, y);
  double lo = 0, hi = 0;
  // TEXT: std::pair<double, double> split_result = split(x);
  // TEXT-NEXT: lo = split_result.first;
  // TEXT-NEXT: hi = split_result.second;
  std::tie(lo, hi) = split(x);
  double only = 0;
  std::tie(std::ignore, only) = split(y);
  for (int i = 0; i < 2; ++i)
    std::tie(lo, hi) = std::make_pair(hi, lo * y);
  return s * c * k + lo * hi + only;
}

// Tuple parameters: the adjoint is a tuple; an int element is passive.
// TEXT: inline double weighted_grad(const std::tuple<double, double, int> &t, double s,
// TEXT-NEXT: std::tuple<double, double, int> &dt, double &ds) {
GRADC_DIFF("grad")
double weighted(const std::tuple<double, double, int> &t, double s) {
  return std::get<0>(t) * s + std::get<1>(t) * std::get<2>(t);
}

GRADC_DIFF("grad")
double spread(std::tuple<double, double> t, double s) {
  std::tuple<double, double> u = t;
  std::get<0>(u) *= s;
  auto [a, b] = u;
  return a * b + std::get<1>(t) * s;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"
#include <cstdio>

using T3 = std::tuple<double, double, int>;

int main() {
  using V = gradc_check::Vec;
  for (auto [name, fn, gr, pb] :
       {std::tuple{"locals", &locals, &locals_grad, &locals_pullback},
        std::tuple{"ties", &ties, &ties_grad, &ties_pullback}})
    gradc_check::check(
        name, [fn = fn](const V &p) { return fn(p[0], p[1]); },
        [gr = gr](const V &p, V &d) { return gr(p[0], p[1], d[0], d[1]); },
        [pb = pb](const V &p, double s, V &d) { pb(p[0], p[1], s, d[0], d[1]); },
        {0.5, -1.25});
  using gradc_check::Arrays;
  using T2 = std::tuple<double, double>;
  gradc_check::check_arrays(
      "spread", {{"t", {1.5, -2}}, {"s", {0.5}}}, {},
      [](const Arrays &p) { return spread({p[0][0], p[0][1]}, p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        T2 dt{d[0][0], d[0][1]};
        double f = spread_grad({p[0][0], p[0][1]}, p[1][0], dt, d[1][0]);
        d[0] = {std::get<0>(dt), std::get<1>(dt)};
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        T2 dt{d[0][0], d[0][1]};
        spread_pullback({p[0][0], p[0][1]}, p[1][0], s, dt, d[1][0]);
        d[0] = {std::get<0>(dt), std::get<1>(dt)};
      });
  T3 t{1.5, -2, 3}, dt{};
  double ds = 0;
  gradc_check::expect("weighted", weighted_grad(t, 0.5, dt, ds), 0.75 - 6);
  gradc_check::expect("d weighted/dt0", std::get<0>(dt), 0.5);
  gradc_check::expect("d weighted/dt1", std::get<1>(dt), 3);
  gradc_check::expect("d weighted/ds", ds, 1.5);
  return gradc_check::finish();
}
#endif
