// Structured bindings of structs of numbers and std::array, also of a row
// of a container or array of them (`auto [u, v] = p.back();`): by reference
// each name is its member or element (read and written there), of a copy
// each name is the value its member had. Checked against finite
// differences and the interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 5 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <array>
#include <cmath>
#include <vector>

struct P {
  double a, b;
};
struct V3 {
  double x, y, z;
  double w[2];
};

GRADC_DIFF("grad")
double by_value(const P &p, double t) {
  auto [a, b] = p;
  return a * t + std::sin(b);
}

// A reference names the members themselves, an array member included.
GRADC_DIFF("grad")
double by_reference(const V3 &v, double t) {
  const auto &[x, y, z, w] = v;
  return x * y * t + z * w[1];
}
// TEXT-LABEL: inline double by_reference_pullback(
// TEXT-NEXT:                                        double &dt) {
// TEXT-NEXT:    double prod = v.x * v.y;
// TEXT-NEXT:    double by_reference = prod * t + v.z * v.w[1];
// TEXT-LABEL: inline double by_reference_grad(
// TEXT-NEXT:    return by_reference_pullback(v, t, 1, dv, dt);

GRADC_DIFF("grad")
double of_array(const std::array<double, 3> &q, double t) {
  const auto &[p0, p1, p2] = q;
  auto [c0, c1, c2] = q;
  return p0 * t + p1 * p2 + c0 * c1 * c2;
}

// Written through the bindings.
GRADC_DIFF("grad")
double writes(double t) {
  P s{t, 2 * t};
  auto &[a, b] = s;
  a += b * t;
  b = a * a;
  return s.a + s.b;
}

// A path built from its last point; rows of a vector and of a std::array
// of std::array, by value and by reference.
GRADC_DIFF("grad")
double of_rows(double th, double len) {
  std::vector<std::array<double, 2>> p;
  p.push_back({0.0, 0.0});
  for (int i = 0; i < 4; ++i) {
    auto [u, v] = p.back();
    p.push_back({u + len * std::cos(th * i), v + len * std::sin(th * i)});
  }
  const auto &[fx, fy] = p[2];
  std::array<std::array<double, 2>, 2> m{{{th, len}, {len * th, 1.5}}};
  auto [m0, m1] = m[1];
  auto [ex, ey] = p.back();
  return ex * ex + ey * ey + fx * fy + m0 * m1;
}
// TEXT-LABEL: inline double of_rows_pullback(
// Each copied name is a value of its own, named as the user named it.
// TEXT:           double u = p[diff][0];
// TEXT-NEXT:      double v = p[diff][1];
// TEXT:           p[p.size() - 1][0] = u + len * cos_v;
// TEXT:         double m0 = m[1][0];
// TEXT:         double ex = p[diff][0];

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "by_value", {{"p", {0.5, 0.7}}, {"t", {0.3}}}, {},
      [](const Arrays &p) { return by_value(P{p[0][0], p[0][1]}, p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        P dp{0, 0};
        double v = by_value_grad(P{p[0][0], p[0][1]}, p[1][0], dp, d[1][0]);
        d[0][0] += dp.a;
        d[0][1] += dp.b;
        return v;
      },
      [](const Arrays &p, double s, Arrays &d) {
        P dp{0, 0};
        by_value_pullback(P{p[0][0], p[0][1]}, p[1][0], s, dp, d[1][0]);
        d[0][0] += dp.a;
        d[0][1] += dp.b;
      });
  gradc_check::check_arrays(
      "by_reference", {{"v", {0.5, 0.7, 0.2, 0.1, 0.9}}, {"t", {0.3}}}, {},
      [](const Arrays &p) {
        V3 v{p[0][0], p[0][1], p[0][2], {p[0][3], p[0][4]}};
        return by_reference(v, p[1][0]);
      },
      [](const Arrays &p, Arrays &d) {
        V3 v{p[0][0], p[0][1], p[0][2], {p[0][3], p[0][4]}}, dv{};
        double r = by_reference_grad(v, p[1][0], dv, d[1][0]);
        const double g[5] = {dv.x, dv.y, dv.z, dv.w[0], dv.w[1]};
        for (int i = 0; i < 5; ++i)
          d[0][i] += g[i];
        return r;
      },
      [](const Arrays &p, double s, Arrays &d) {
        V3 v{p[0][0], p[0][1], p[0][2], {p[0][3], p[0][4]}}, dv{};
        by_reference_pullback(v, p[1][0], s, dv, d[1][0]);
        const double g[5] = {dv.x, dv.y, dv.z, dv.w[0], dv.w[1]};
        for (int i = 0; i < 5; ++i)
          d[0][i] += g[i];
      });
  gradc_check::check_arrays(
      "of_array", {{"q", {0.5, 0.7, 0.2}}, {"t", {0.3}}}, {},
      [](const Arrays &p) {
        return of_array({p[0][0], p[0][1], p[0][2]}, p[1][0]);
      },
      [](const Arrays &p, Arrays &d) {
        std::array<double, 3> dq{};
        double r = of_array_grad({p[0][0], p[0][1], p[0][2]}, p[1][0], dq,
                                 d[1][0]);
        for (int i = 0; i < 3; ++i)
          d[0][i] += dq[i];
        return r;
      },
      [](const Arrays &p, double s, Arrays &d) {
        std::array<double, 3> dq{};
        of_array_pullback({p[0][0], p[0][1], p[0][2]}, p[1][0], s, dq, d[1][0]);
        for (int i = 0; i < 3; ++i)
          d[0][i] += dq[i];
      });
  GRADC_CHECK_1(writes, 0.3);
  GRADC_CHECK_2(of_rows, 0.3, 1.2);
  return gradc_check::finish();
}
#endif
