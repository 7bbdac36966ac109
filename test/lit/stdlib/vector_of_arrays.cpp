// std::vector of std::array (issue 14) as a parameter: rows of a length the
// type gives (`const std::vector<std::array<double, 2>> &pts`), indexed
// pts[i][j] as an array of arrays is, bounded by pts.size(). Range-based
// for over the rows and over a row, a reference to a row, pts.empty(), the
// whole vector passed to a helper and captured by a lambda, and one changed
// in place (in/out). The adjoint is of the parameter's type, sized as it by
// the caller. Checked against finite differences and the interpreter
// (`--at` takes rows or the numbers one after another).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function perimeter --check --at 'pts=[[0,0],[1,0.5],[0.25,2]]' | FileCheck %s --check-prefix=AT
// RUN: %gradc %s --function perimeter --check --at 'pts=[0,0,1,0.5,0.25,2]' | FileCheck %s --check-prefix=AT
// RUN: not %gradc %s --function perimeter --at 'pts=[[0,0,1],[0.5,0.25,2]]' 2>&1 | FileCheck %s --check-prefix=ROWLEN
// AT: ok: all 6 entries agree with finite differences
// ROWLEN: --at: 'pts' takes one list of numbers or rows of 2
// CHECK: perimeter: at
// CHECK: fit: at
// CHECK: captured: at
// CHECK: rowcopy: at
// CHECK: relax: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 5 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <array>
#include <cmath>
#include <cstddef>
#include <vector>

using Points = std::vector<std::array<double, 2>>;

// Lambdas are defined first.
// TEXT-LABEL: inline double captured_dist(std::size_t i, const Points &pts) {
// TEXT-NEXT: return std::hypot(pts[i][0], pts[i][1]);

// A closed polygon's perimeter: rows read by index, pts.size() the bound.
GRADC_DIFF("grad")
double perimeter(const std::vector<std::array<double, 2>> &pts) {
  double p = 0;
  for (std::size_t i = 0; i < pts.size(); ++i) {
    std::size_t j = (i + 1) % pts.size();
    p += std::hypot(pts[j][0] - pts[i][0], pts[j][1] - pts[i][1]);
  }
  return p;
}
// TEXT-LABEL: inline double perimeter_pullback(const std::vector<std::array<double, 2>> &pts,
// TEXT-NEXT: double dout,
// TEXT-NEXT: std::vector<std::array<double, 2>> &dpts) {
// TEXT: dpts[j][0] += prod;

// A helper reading the whole vector, range-for over rows and a row.
static double sumsq(const Points &q) {
  double s = 0;
  for (const auto &row : q)
    for (double v : row)
      s += v * v;
  return s;
}

static double norm2(const std::array<double, 2> &q) {
  return q[0] * q[0] + q[1] * q[1];
}

// A line fitted to points through references to rows; the points passive,
// a and b differentiated.
GRADC_DIFF("grad wrt(a, b)")
double fit(const Points &pts, double a, double b) {
  if (pts.empty())
    return 0;
  double L = 0;
  for (const auto &q : pts) {
    double r = a * q[0] + b - q[1];
    L += r * r;
  }
  return L + 0.01 * sumsq(pts) * a * b + 0.1 * b * norm2(pts[1]);
}
// TEXT-LABEL: inline double fit_pullback(const Points &pts, double a, double b,
// TEXT: for (int i = 0; i < static_cast<int>(pts.size()); ++i) {

// Captured by a lambda, by reference.
GRADC_DIFF("grad")
double captured(const Points &pts, double t) {
  auto dist = [&](std::size_t i) { return std::hypot(pts[i][0], pts[i][1]); };
  return std::sin(dist(0) * t) * dist(pts.size() - 1);
}

// Changed in place: dpts holds the seed of pts's final contents on entry,
// the gradient with respect to pts as it came in on return.
GRADC_DIFF("grad")
void relax(Points &pts, double k) {
  for (auto &row : pts)
    for (double &v : row)
      v = std::tanh(v * k);
}
// TEXT-LABEL: inline void relax_pullback(Points &pts, double k, Points &dpts, double &dk) {

// A row copied into a local std::array in a loop: its adjoint's row is a
// reference to the row of dpts the tape's index names (the adversarial
// tester found `&dpts[k / 2][k % 2]` there, which did not compile).
GRADC_DIFF("grad")
double rowcopy(const Points &pts) {
  double s = 0;
  for (std::size_t i = 0; i < pts.size(); ++i) {
    std::array<double, 2> p = pts[i];
    s += p[0] * p[1] * s + p[1];
  }
  return s;
}
// TEXT-LABEL: inline double rowcopy_pullback(
// TEXT: std::array<double, 2> &row = dpts[{{.*}} / 2];

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

static Points rows(const std::vector<double> &v) {
  Points m(v.size() / 2);
  for (std::size_t i = 0; i < v.size(); ++i)
    m[i / 2][i % 2] = v[i];
  return m;
}
static void back(const Points &m, std::vector<double> &v) {
  v.clear();
  for (const auto &row : m)
    v.insert(v.end(), row.begin(), row.end());
}

int main() {
  using gradc_check::Arrays;
  using gradc_check::Role;
  const std::vector<double> Ps = {0.1, -0.2, 1, 0.5, 0.25, 2, -0.5, 1.25};
  gradc_check::check_arrays(
      "perimeter", {{"pts", Ps}}, {},
      [](const Arrays &p) { return perimeter(rows(p[0])); },
      [](const Arrays &p, Arrays &d) {
        Points dP = rows(d[0]);
        double f = perimeter_grad(rows(p[0]), dP);
        back(dP, d[0]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        Points dP = rows(d[0]);
        perimeter_pullback(rows(p[0]), s, dP);
        back(dP, d[0]);
      });
  gradc_check::check_arrays(
      "fit", {{"a", {0.7}}, {"b", {-0.3}}}, {{"pts", Ps}},
      [&](const Arrays &p) { return fit(rows(Ps), p[0][0], p[1][0]); },
      [&](const Arrays &p, Arrays &d) {
        return fit_grad(rows(Ps), p[0][0], p[1][0], d[0][0], d[1][0]);
      },
      [&](const Arrays &p, double s, Arrays &d) {
        fit_pullback(rows(Ps), p[0][0], p[1][0], s, d[0][0], d[1][0]);
      });
  gradc_check::check_arrays(
      "captured", {{"pts", Ps}, {"t", {0.8}}}, {},
      [](const Arrays &p) { return captured(rows(p[0]), p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        Points dP = rows(d[0]);
        double f = captured_grad(rows(p[0]), p[1][0], dP, d[1][0]);
        back(dP, d[0]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        Points dP = rows(d[0]);
        captured_pullback(rows(p[0]), p[1][0], s, dP, d[1][0]);
        back(dP, d[0]);
      });
  gradc_check::check_arrays(
      "rowcopy", {{"pts", Ps}}, {},
      [](const Arrays &p) { return rowcopy(rows(p[0])); },
      [](const Arrays &p, Arrays &d) {
        Points dP = rows(d[0]);
        double f = rowcopy_grad(rows(p[0]), dP);
        back(dP, d[0]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        Points dP = rows(d[0]);
        rowcopy_pullback(rows(p[0]), s, dP);
        back(dP, d[0]);
      });
  const std::vector<double> Gs = {0.5, -0.25, 1, 0.75, -1.5, 0.25, 0.125, 0.5};
  gradc_check::check_vjp(
      "relax", true, {{"pts", Gs, Role::InOut}, {"k", {0.6}, Role::In}}, {},
      [](Arrays &p) {
        Points P = rows(p[0]);
        relax(P, p[1][0]);
        back(P, p[0]);
        return 0.0;
      },
      [](Arrays &p, double, Arrays &d) {
        Points P = rows(p[0]), dP = rows(d[0]);
        relax_pullback(P, p[1][0], dP, d[1][0]);
        back(P, p[0]);
        back(dP, d[0]);
      });
  return gradc_check::finish();
}
#endif
