// std::vector and std::array of structs as parameters: indexed
// (`pts[i].x`, read and written), measured (`pts.size()`), iterated with
// a reference (`for (const Point &p : pts)`), passed to helpers, their
// elements too (`norm2(pts[i])`). Their
// adjoints are containers of the same type and size, zeroed by the
// caller (`std::vector<Point> dpts(pts.size());`).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: FileCheck %s --check-prefix=HEAD < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK:      spread: at pts=
// CHECK:      corners: at c=
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 2 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <array>
#include <cmath>
#include <vector>

struct Point {
  double x, y;
};

struct Vec3 {
  double x, y, z;
};

static double norm2(const Point &p) { return p.x * p.x + p.y * p.y; }

static double mean_x(const std::vector<Point> &pts) {
  double s = 0;
  for (const Point &p : pts)
    s += p.x;
  return s / pts.size();
}

GRADC_DIFF("grad")
double spread(const std::vector<Point> &pts) {
  double m = mean_x(pts);
  double s = 0;
  for (size_t i = 0; i < pts.size(); ++i) {
    double d = pts[i].x - m;
    s += d * d + std::sin(pts[i].y) + norm2(pts[i]);
  }
  return s;
}
// TEXT-LABEL: inline void mean_x_pullback(const std::vector<Point> &pts, double dout,
// TEXT-NEXT:                              std::vector<Point> &dpts) {
// TEXT:           dpts[i].x += ds;
// TEXT-LABEL: inline double spread_pullback(const std::vector<Point> &pts,
// TEXT-NEXT:                            std::vector<Point> &dpts) {
// TEXT:           double d = pts[i].x - m;
// TEXT:           norm2_pullback(pts[i], ds, dpts[i]);

static double lift(const std::array<Vec3, 4> &c) {
  double h = 0;
  for (const Vec3 &p : c)
    h += p.z * p.z;
  return h;
}

GRADC_DIFF("grad")
double corners(const std::array<Vec3, 4> &c) {
  double a = lift(c);
  for (int i = 0; i < 4; ++i)
    a += c[i].x * c[(i + 1) % 4].y - c[(i + 1) % 4].x * c[i].y;
  return 0.5 * a;
}
// HEAD-LABEL: inline void lift_pullback(const std::array<Vec3, 4> &c, double dout,
// HEAD-NEXT:                          std::array<Vec3, 4> &dc) {
// HEAD:           dc[i].z += c[i].z * dh;
// TEXT-LABEL: inline double corners_pullback(const std::array<Vec3, 4> &c,
// TEXT-NEXT:                             std::array<Vec3, 4> &dc) {

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

static std::vector<Point> points(const std::vector<double> &v) {
  std::vector<Point> P(v.size() / 2);
  for (size_t i = 0; i < P.size(); ++i)
    P[i] = {v[2 * i], v[2 * i + 1]};
  return P;
}

static void back(const std::vector<Point> &P, std::vector<double> &v) {
  for (size_t i = 0; i < P.size(); ++i) {
    v[2 * i] = P[i].x;
    v[2 * i + 1] = P[i].y;
  }
}

int main() {
  const std::vector<double> Pts = {0.5, -1, 1.5, 0.25, -0.75, 2};
  gradc_check::check_arrays(
      "spread", {{"pts", Pts}}, {},
      [](const Arrays &p) { return spread(points(p[0])); },
      [](const Arrays &p, Arrays &d) {
        std::vector<Point> dp = points(d[0]);
        double f = spread_grad(points(p[0]), dp);
        back(dp, d[0]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        std::vector<Point> dp = points(d[0]);
        spread_pullback(points(p[0]), s, dp);
        back(dp, d[0]);
      });
  auto corners3 = [](const std::vector<double> &v) {
    std::array<Vec3, 4> c;
    for (int i = 0; i < 4; ++i)
      c[i] = {v[3 * i], v[3 * i + 1], v[3 * i + 2]};
    return c;
  };
  auto back3 = [](const std::array<Vec3, 4> &c, std::vector<double> &v) {
    for (int i = 0; i < 4; ++i) {
      v[3 * i] = c[i].x;
      v[3 * i + 1] = c[i].y;
      v[3 * i + 2] = c[i].z;
    }
  };
  gradc_check::check_arrays(
      "corners",
      {{"c", {0, 0, 0.5, 2, 0.25, -1, 2.5, 1.5, 0.75, -0.25, 1.75, 0.1}}}, {},
      [&](const Arrays &p) { return corners(corners3(p[0])); },
      [&](const Arrays &p, Arrays &d) {
        std::array<Vec3, 4> dc = corners3(d[0]);
        double f = corners_grad(corners3(p[0]), dc);
        back3(dc, d[0]);
        return f;
      },
      [&](const Arrays &p, double s, Arrays &d) {
        std::array<Vec3, 4> dc = corners3(d[0]);
        corners_pullback(corners3(p[0]), s, dc);
        back3(dc, d[0]);
      });
  return gradc_check::finish();
}
#endif
