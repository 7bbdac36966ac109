// The C++ people write with vectors of structs: a vector filled with a
// struct (`std::vector<Vec2> f(n, Vec2{0, 0});`), its ends (`v.back().y`,
// `v.front()`, `v.at(i)`), a free `Vec2 &operator+=(Vec2 &a, const Vec2
// &b)` applied to elements (`f[i] += g;`), `Vec2 operator*(double, Vec2)`,
// elements assigned from elements (`f[i] = pts[i];`), and range-based
// for loops copying each element (`for (Vec2 p : pts)`, `for (auto p :
// pts)`, `for (std::array<double, 3> r : rows)`).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function ends --at 'pts=[0.5,1.5,-2,1,0.25,0.75],k=0.5' -o - | FileCheck %s --check-prefix=AT
// CHECK: ends: at
// CHECK: forces: at
// CHECK: copies: at
// CHECK: rows: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 4 checked against the interpreter, 0 mismatches
// AT: ends(pts = [0.5, 1.5, -2, 1, 0.25, 0.75], k = 0.5)
// AT: param k 0.5
#include <gradc/gradc.h>

#include <array>
#include <cstddef>
#include <vector>

struct Vec2 {
  double x, y;
};

Vec2 &operator+=(Vec2 &a, const Vec2 &b) {
  a.x += b.x;
  a.y += b.y;
  return a;
}

Vec2 operator*(double s, Vec2 v) { return Vec2{s * v.x, s * v.y}; }

// Filled, then read and written at its ends.
GRADC_DIFF("grad")
double ends(const std::vector<Vec2> &pts, double k) {
  std::size_t n = pts.size();
  std::vector<Vec2> v(n, Vec2{0, 0});
  std::vector<Vec2> u(n, Vec2{k, 1.5});
  for (std::size_t i = 0; i < n; ++i)
    v[i].x = pts[i].x * u[i].x + pts[i].y;
  v.back().y = k * v.front().x;
  v.front() = pts.back();
  return v.back().y * v.at(0).x + v.front().y + u.back().y * pts.front().x;
}
// TEXT-LABEL: inline double ends_pullback(
// TEXT: std::vector<Vec2> v(n);
// TEXT: std::vector<Vec2> u(n);
// TEXT: Vec2 vec2;
// TEXT: u[i].x = vec2.x;
// TEXT: v[diff].y = k * x;

// Forces accumulated with the free operators.
GRADC_DIFF("grad")
double forces(const std::vector<Vec2> &pts, double k) {
  std::vector<Vec2> f(pts.size(), Vec2{0, 0});
  Vec2 g{k, 2 * k};
  for (std::size_t i = 0; i < pts.size(); ++i) {
    f[i] = pts[i];
    f[i] += g;
    f[i] += k * pts[i];
  }
  double s = 0;
  for (std::size_t i = 0; i < f.size(); ++i)
    s += f[i].x * f[i].y;
  return s;
}
// TEXT-LABEL: inline double forces_pullback(
// TEXT: f[i] += g;
// TEXT: Vec2 times_result = k * pts[i];
// TEXT: f[i] += times_result;
// TEXT: Vec2_plus_assign_pullback(f_2[i], times_result, df[i],
// TEXT: double_times_Vec2_pullback(k, pts[i], dtimes_result, dk_sum,

// Each element copied, and the copy changed: pts is not.
GRADC_DIFF("grad")
double copies(const std::vector<Vec2> &pts, double k) {
  double s = 0;
  for (Vec2 p : pts) {
    p.x *= k;
    s += p.x * p.y;
  }
  for (auto p : pts)
    s += p.y * k;
  return s;
}
// TEXT-LABEL: inline double copies_pullback(
// TEXT: Vec2 p;
// TEXT-NEXT: p.x = pts[i].x;
// TEXT-NEXT: p.y = pts[i].y;

// Rows copied.
GRADC_DIFF("grad")
double rows(const std::vector<std::array<double, 3>> &rs, double k) {
  double s = 0;
  for (std::array<double, 3> r : rs) {
    r[0] *= k;
    s += r[0] * r[1] + r[2];
  }
  for (auto r : rs)
    s += r[2] * k;
  return s;
}
// TEXT-LABEL: inline double rows_pullback(
// TEXT: std::array<double, 3> r;
// TEXT-NEXT: for (int j = 0; j < 3; ++j) {
// TEXT-NEXT: r[j] = rs[i][j];

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;
using gradc_check::as_array;
using gradc_check::back;
using Row = std::array<double, 3>;

int main() {
  const std::vector<double> Pts = {0.5, 1.5, -2, 1, 0.25, 0.75};
  auto check = [&](const char *Name, auto F, auto G, auto P) {
    gradc_check::check_arrays(
        Name, {{"pts", Pts}, {"k", {0.5}}}, {},
        [&](const Arrays &p) { return F(as_array<Vec2>(p[0]), p[1][0]); },
        [&](const Arrays &p, Arrays &d) {
          std::vector<Vec2> dp = as_array<Vec2>(d[0]);
          double f = G(as_array<Vec2>(p[0]), p[1][0], dp, d[1][0]);
          back(dp, d[0]);
          return f;
        },
        [&](const Arrays &p, double s, Arrays &d) {
          std::vector<Vec2> dp = as_array<Vec2>(d[0]);
          P(as_array<Vec2>(p[0]), p[1][0], s, dp, d[1][0]);
          back(dp, d[0]);
        });
  };
  check("ends", ends, ends_grad, ends_pullback);
  check("forces", forces, forces_grad, forces_pullback);
  check("copies", copies, copies_grad, copies_pullback);
  gradc_check::check_arrays(
      "rows", {{"rs", Pts}, {"k", {0.5}}}, {},
      [](const Arrays &p) { return rows(as_array<Row>(p[0]), p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        std::vector<Row> dr = as_array<Row>(d[0]);
        double f = rows_grad(as_array<Row>(p[0]), p[1][0], dr, d[1][0]);
        back(dr, d[0]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        std::vector<Row> dr = as_array<Row>(d[0]);
        rows_pullback(as_array<Row>(p[0]), p[1][0], s, dr, d[1][0]);
        back(dr, d[0]);
      });
  return gradc_check::finish();
}
#endif
