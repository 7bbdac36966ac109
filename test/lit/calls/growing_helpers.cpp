// Helpers of the user's that change the size of a std::vector they are
// given by reference (issue 14): `add_feature(f, v)` pushing onto the
// caller's local vector, in loops, a helper passing the vector on to
// another, `resize`, `assign` and `pop_back` in helpers, a vector of
// structs grown by a helper, a vector declared in a loop and grown there.
// Each call is written where it is called (its statements quoted `(in
// add_feature)`), the helper's parameter the caller's vector; the vector
// then grows as a local vector does.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function features --at 'x=0.75,w=[0.5,-0.25,1,0.75,-1,0.5]' -o - | FileCheck %s --check-prefix=AT
// CHECK: features: at
// CHECK: sized: at
// CHECK: nested: at
// CHECK: points: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 4 checked against the interpreter, 0 mismatches
// AT: features(x = 0.75, w = [0.5, -0.25, 1, 0.75, -1, 0.5])
// AT: param x 0.75
// AT: f[0] 0.68163876002333{{[0-9]*}} (at the end)
#include <gradc/gradc.h>

#include <cmath>
#include <vector>

void add_feature(std::vector<double> &out, double v) { out.push_back(v * v); }

static void add_powers(std::vector<double> &out, double x, int deg) {
  double p = 1;
  for (int k = 0; k < deg; ++k) {
    p *= x;
    out.push_back(std::sin(p));
  }
  add_feature(out, x);
}

static void drop_last(std::vector<double> &out) { out.pop_back(); }

static double dot(const std::vector<double> &a, const std::vector<double> &b) {
  double s = 0;
  for (size_t i = 0; i < a.size(); ++i)
    s += a[i] * b[i];
  return s;
}

GRADC_DIFF("grad wrt(x, w)")
double features(double x, const std::vector<double> &w) {
  std::vector<double> f;
  add_powers(f, x, 3);
  drop_last(f);
  for (int i = 0; i < 3; ++i)
    add_feature(f, x - i);
  return dot(f, w);
}
// TEXT-LABEL: inline double features_pullback(
// TEXT:         std::vector<double> f;
// TEXT:         for (int k = 0; k < 3; ++k) {
// TEXT:           f.push_back(std::sin(p));
// TEXT:         f.push_back(x * x);
// TEXT-NEXT:    f.pop_back();
// TEXT-NEXT:    for (int i = 0; i < 3; ++i) {
// TEXT-NEXT:      double v = x - i;
// TEXT:           f.push_back(v * v);
// TEXT:         double features = dot(f, w);
// TEXT:         // growing_helpers.cpp:{{[0-9]+}} (in add_feature): out.push_back(v * v);
// TEXT:         // growing_helpers.cpp:{{[0-9]+}}: add_feature(f, x - i);
// TEXT:         // growing_helpers.cpp:{{[0-9]+}} (in add_powers): out.push_back(std::sin(p));

// `resize` and `assign` in helpers, to sizes the caller gives.
static void fill_with(std::vector<double> &out, int n, double v) {
  out.assign(n, v);
}
static void grow(std::vector<double> &out, int n) { out.resize(n); }

GRADC_DIFF("grad")
double sized(double x, double y) {
  std::vector<double> f;
  fill_with(f, 3, x);
  grow(f, 5);
  f[4] = y * x;
  f[1] *= y;
  double s = 0;
  for (double e : f)
    s += e * e;
  return s;
}
// TEXT-LABEL: inline double sized_pullback(
// TEXT:         std::vector<double> f;
// TEXT-NEXT:    f.resize(3);
// TEXT:         f.resize(5);
// TEXT:         std::vector<double> df(f.capacity());

// A vector declared in a loop, grown there by a helper that its
// parameter's name makes `x_2` beside the caller's x.
GRADC_DIFF("grad")
double nested(double x) {
  double s = x;
  for (int r = 0; r < 3; ++r) {
    std::vector<double> g;
    add_powers(g, s * 0.5, r + 1);
    s += g.back() * static_cast<double>(g.size());
  }
  return s;
}
// TEXT-LABEL: inline double nested_pullback(
// TEXT:         std::vector<double> g;
// TEXT-NEXT:    for (int r = 0; r < 3; ++r) {
// TEXT-NEXT:      g.clear();
// TEXT:           double x_2 = s * 0.5;

// A vector of structs grown by a helper.
struct Pt {
  double a, b;
};

static void add_point(std::vector<Pt> &ps, double a, double b) {
  ps.push_back(Pt{a, b * a});
}

GRADC_DIFF("grad")
double points(double x, double y) {
  std::vector<Pt> ps;
  add_point(ps, x, y);
  for (int i = 0; i < 2; ++i)
    add_point(ps, y + i, ps.back().b);
  double s = 0;
  for (const Pt &p : ps)
    s += p.a * p.b;
  return s;
}
// TEXT-LABEL: inline double points_pullback(
// TEXT:         std::vector<Pt> ps;
// TEXT:         ps.emplace_back();

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "features", {{"x", {0.75}}, {"w", {0.5, -0.25, 1, 0.75, -1, 0.5}}}, {},
      [](const Arrays &p) { return features(p[0][0], p[1]); },
      [](const Arrays &p, Arrays &d) {
        return features_grad(p[0][0], p[1], d[0][0], d[1]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        features_pullback(p[0][0], p[1], s, d[0][0], d[1]);
      });
  GRADC_CHECK_2(sized, 0.3, -0.7);
  GRADC_CHECK_1(nested, 0.6);
  GRADC_CHECK_2(points, 0.4, 1.3);
  return gradc_check::finish();
}
#endif
