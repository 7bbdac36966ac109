// std::vector of std::array (issue 14) as a local variable: points the
// function computes (`std::vector<std::array<double, 3>> pts(n);`,
// `pts[i][0] = x[i] * w;`), read pts[i][j], range-based for over the rows,
// passed whole to a helper that reads or writes it, copied from a
// parameter, rows assigned (`pts[i] = r;`), grown with push_back({a, b, c})
// and emplace_back(), shrunk with pop_back, declared in a loop, and visited
// with std::for_each(pts.begin(), pts.end(), lambda) (over a parameter of
// that type too). It is n * 3 numbers with row subscripts, as such a
// parameter is; its adjoint likewise. Checked against finite differences
// and the interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function pushed --check --at 'x=[0.5,-1,2],w=0.75' | FileCheck %s --check-prefix=AT
// AT: ok: all 4 entries agree with finite differences
// CHECK: ranged: at
// CHECK: pushed: at
// CHECK: copied: at
// CHECK: filled: at
// CHECK: ends: at
// CHECK: inplace: at
// CHECK: scoped: at
// CHECK: regrown: at
// CHECK: assigned: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 9 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <vector>

using Row = std::array<double, 3>;
using Points = std::vector<Row>;

static double sumsq(const Points &q) {
  double s = 0;
  for (const auto &r : q)
    for (double v : r)
      s += v * v;
  return s;
}

// Rows computed from x, read by index and by a range-based for, passed to
// a helper; its adjoint is a vector of rows of the same size.
GRADC_DIFF("grad")
double ranged(const std::vector<double> &x, double w) {
  std::vector<std::array<double, 3>> pts(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    pts[i][0] = x[i] * w;
    pts[i][1] = std::sin(x[i]);
    pts[i][2] = w;
  }
  double s = 0;
  for (const auto &p : pts)
    s += p[0] * p[1] + p[2] * p[0];
  for (std::size_t i = 0; i < pts.size(); ++i)
    for (std::size_t j = 0; j < 3; ++j)
      s += 0.5 * pts[i][j] * pts[i][(j + 1) % 3];
  return s + 0.1 * sumsq(pts);
}
// TEXT-LABEL: inline double ranged_pullback(
// TEXT: std::vector<std::array<double, 3>> pts(size);
// TEXT: pts[i][0] = x[i] * w;
// TEXT: std::vector<std::array<double, 3>> dpts(size);
// TEXT: sumsq_pullback(pts, 0.1 * dout, dpts);
// TEXT: dpts[i][0] += pts[i][2] * ds + pts[i][1] * ds;

// Grown: push_back of a list and of a row variable, emplace_back().
GRADC_DIFF("grad")
double pushed(const std::vector<double> &x, double w) {
  Points pts;
  for (std::size_t i = 0; i + 1 < x.size(); ++i)
    pts.push_back({x[i] * w, x[i + 1], x[i] - w});
  Row last = {w, w * w, 1};
  pts.push_back(last);
  pts.emplace_back();
  pts[pts.size() - 1][1] = w;
  double s = 0;
  for (std::size_t i = 0; i < pts.size(); ++i)
    for (std::size_t j = 0; j < 3; ++j)
      s += pts[i][j] * pts[i][(j + 1) % 3];
  return s;
}
// TEXT-LABEL: inline double pushed_pullback(
// TEXT: Points pts;
// TEXT: pts.emplace_back();
// TEXT: pts[pts.size() - 1][0] = x[i] * w;
// TEXT: Points dpts(pts.size());

// A copy of a parameter changed, then visited with std::for_each, as the
// parameter is; a reference to the copy.
GRADC_DIFF("grad")
double copied(const Points &pts, double k) {
  Points q = pts;
  for (auto &r : q)
    r[0] *= k;
  double s = 0;
  std::for_each(q.begin(), q.end(),
                [&](const Row &p) { s += p[0] * p[1] * p[2]; });
  std::for_each(pts.begin(), pts.end(),
                [&](const auto &p) { s += k * std::exp(p[2]); });
  const Points &view = q; // another name for q
  return s + view[1][0] * view.back()[2];
}
// TEXT-LABEL: inline double copied_pullback(
// TEXT: Points q(size);
// TEXT: const std::array<double, 3> &p = pts[i];
// TEXT: copied_lambda2(p, s, k);

static void fill(Points &q, double w) {
  for (std::size_t i = 0; i < q.size(); ++i) {
    q[i][0] = w * i;
    q[i][1] = std::cos(w + i);
    q[i][2] = q[i][0] * q[i][1];
  }
}

// Written by a helper it is passed to.
GRADC_DIFF("grad")
double filled(double w) {
  Points pts(4);
  fill(pts, w);
  double s = 0;
  for (const auto &p : pts)
    s += p[0] * p[1] - p[2] * p[2];
  return s;
}
// TEXT-LABEL: inline double filled_pullback(double w, double dout, double &dw) {
// TEXT: Points dpts(4);
// TEXT: dpts[i_2][1] += pts_old * dpts_old;

// Declared in a loop, of a size computed outside it.
GRADC_DIFF("grad")
double scoped(const std::vector<double> &x, double w) {
  double s = 0;
  for (int k = 0; k < 3; ++k) {
    Points pts(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
      pts[i][0] = x[i] * w + s;
      pts[i][1] = x[i] * k;
      pts[i][2] = std::tanh(pts[i][0]);
    }
    for (std::size_t i = 0; i < pts.size(); ++i)
      s += 0.1 * pts[i][0] * pts[i][1] + pts[i][2];
  }
  return s;
}

// Declared empty in a loop, grown, shrunk and measured there.
GRADC_DIFF("grad")
double regrown(const std::vector<double> &x, double w) {
  double s = 0;
  for (int k = 0; k < 2; ++k) {
    Points pts;
    for (std::size_t i = 0; i < x.size(); ++i)
      if (x[i] > 0)
        pts.push_back({x[i] * w, s});
    for (const auto &p : pts)
      s += p[0] * p[1] + p[0];
    // (Each row given whole: the pullback's is the row of a copy of pts
    // from a tape, `pts_2[i_old]`; the random tester found `pts_2.data()
    // + prod` there, which did not compile.)
    std::for_each(pts.begin(), pts.end(),
                  [&](const Row &p) { s += 0.1 * p[0] * p[1]; });
    if (!pts.empty())
      pts.pop_back();
    pts.push_back({w});
    s += pts.size() * pts.back()[0];
  }
  return s;
}
// TEXT-LABEL: inline double regrown_pullback(
// TEXT: &row = pts_2[i_old];

// The ends of containers of rows: front(), back(), at(i), of a parameter
// std::array of std::array and of a local copy of it.
GRADC_DIFF("grad")
double ends(const std::array<std::array<double, 3>, 2> &m, double w) {
  std::vector<std::array<double, 3>> v = {m.front(), m.back()};
  v.back()[1] *= w;
  v.at(0)[2] += m.at(1)[0];
  return v.front()[0] * v.at(1)[1] + m.back()[2] * v[0][2];
}

// A whole vector of rows assigned: a parameter changed in place through a
// copy, which std::for_each changes row by row.
GRADC_DIFF("grad")
void inplace(Points &pts, double k) {
  Points copy = pts;
  std::for_each(copy.begin(), copy.end(),
                [&](Row &p) { p[0] = p[0] * p[1] * k; });
  pts = copy;
}
// TEXT-LABEL: inline void inplace_pullback(
// TEXT: pts[i][j] = copy[i][j];

// Rows assigned whole, then changed through a reference to each.
GRADC_DIFF("grad")
double assigned(const std::vector<double> &x, double w) {
  Points pts(x.size());
  Row r = {w, 2 * w, 0.5};
  for (std::size_t i = 0; i < x.size(); ++i) {
    pts[i] = r;
    pts[i][1] *= x[i];
  }
  double s = 0;
  for (auto &p : pts) {
    p[0] = p[0] * p[1];
    s += p[0] + p[2];
  }
  return s;
}
// TEXT-LABEL: inline double assigned_pullback(

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

static Points rows(const std::vector<double> &v) {
  Points m(v.size() / 3);
  for (std::size_t i = 0; i < v.size(); ++i)
    m[i / 3][i % 3] = v[i];
  return m;
}
static void back(const Points &m, std::vector<double> &v) {
  v.clear();
  for (const auto &row : m)
    v.insert(v.end(), row.begin(), row.end());
}

using gradc_check::Arrays;

/// Checks a function of (x, w).
#define CHECK_XW(F, X)                                                         \
  gradc_check::check_arrays(                                                   \
      #F, {{"x", X}, {"w", {0.75}}}, {},                                       \
      [](const Arrays &p) { return F(p[0], p[1][0]); },                        \
      [](const Arrays &p, Arrays &d) {                                         \
        return F##_grad(p[0], p[1][0], d[0], d[1][0]);                         \
      },                                                                       \
      [](const Arrays &p, double s, Arrays &d) {                               \
        F##_pullback(p[0], p[1][0], s, d[0], d[1][0]);                         \
      })

int main() {
  const std::vector<double> X = {0.5, -1, 2, 0.25};
  CHECK_XW(ranged, X);
  CHECK_XW(pushed, X);
  gradc_check::check_arrays(
      "copied", {{"pts", {0.1, -0.2, 1, 0.5, 0.25, 2}}, {"k", {0.6}}}, {},
      [](const Arrays &p) { return copied(rows(p[0]), p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        Points dP = rows(d[0]);
        double f = copied_grad(rows(p[0]), p[1][0], dP, d[1][0]);
        back(dP, d[0]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        Points dP = rows(d[0]);
        copied_pullback(rows(p[0]), p[1][0], s, dP, d[1][0]);
        back(dP, d[0]);
      });
  gradc_check::check_arrays(
      "filled", {{"w", {0.3}}}, {},
      [](const Arrays &p) { return filled(p[0][0]); },
      [](const Arrays &p, Arrays &d) { return filled_grad(p[0][0], d[0][0]); },
      [](const Arrays &p, double s, Arrays &d) {
        filled_pullback(p[0][0], s, d[0][0]);
      });
  gradc_check::check_arrays(
      "ends", {{"m", {0.1, -0.2, 1, 0.5, 0.25, 2}}, {"w", {0.6}}}, {},
      [](const Arrays &p) {
        std::array<std::array<double, 3>, 2> m;
        for (int i = 0; i < 6; ++i)
          m[i / 3][i % 3] = p[0][i];
        return ends(m, p[1][0]);
      },
      [](const Arrays &p, Arrays &d) {
        std::array<std::array<double, 3>, 2> m, dm{};
        for (int i = 0; i < 6; ++i)
          m[i / 3][i % 3] = p[0][i], dm[i / 3][i % 3] = d[0][i];
        double f = ends_grad(m, p[1][0], dm, d[1][0]);
        for (int i = 0; i < 6; ++i)
          d[0][i] = dm[i / 3][i % 3];
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        std::array<std::array<double, 3>, 2> m, dm{};
        for (int i = 0; i < 6; ++i)
          m[i / 3][i % 3] = p[0][i], dm[i / 3][i % 3] = d[0][i];
        ends_pullback(m, p[1][0], s, dm, d[1][0]);
        for (int i = 0; i < 6; ++i)
          d[0][i] = dm[i / 3][i % 3];
      });
  gradc_check::check_vjp(
      "inplace", true,
      {{"pts", {0.5, -0.25, 1, 0.75, -1.5, 0.25}, gradc_check::Role::InOut},
       {"k", {0.6}, gradc_check::Role::In}},
      {},
      [](Arrays &p) {
        Points P = rows(p[0]);
        inplace(P, p[1][0]);
        back(P, p[0]);
        return 0.0;
      },
      [](Arrays &p, double, Arrays &d) {
        Points P = rows(p[0]), dP = rows(d[0]);
        inplace_pullback(P, p[1][0], dP, d[1][0]);
        back(P, p[0]);
        back(dP, d[0]);
      });
  CHECK_XW(scoped, X);
  CHECK_XW(regrown, X);
  CHECK_XW(assigned, X);
  return gradc_check::finish();
}
#endif
