// Local std::vector of structs: sized where it is declared
// (`std::vector<Vec3> v(n);`, also in a loop with a size from outside it)
// or a copy of a parameter (`std::vector<Vec3> u = pts;`), indexed, read
// and written (`v[i].x = ...`), measured, iterated by reference, and
// passed to a helper that changes it (taped whole for the helper's
// pullback). Its adjoint is a vector of the same type and size,
// `std::vector<Vec3> dv(n);`.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK: copied: at
// CHECK: relaxed: at
// CHECK: layers: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 3 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>
#include <vector>

struct Vec3 {
  double x, y, z;
};

static double norm2(const Vec3 &a) { return a.x * a.x + a.y * a.y + a.z * a.z; }

static void relax(std::vector<Vec3> &p, double h) {
  for (size_t i = 0; i < p.size(); ++i)
    p[i].x = p[i].x * h + p[i].y;
}

GRADC_DIFF("grad")
double copied(const std::vector<Vec3> &pts, double w) {
  int n = pts.size();
  std::vector<Vec3> v(n);
  std::vector<Vec3> u = pts;
  for (int i = 0; i < n; ++i) {
    v[i].x = w * pts[i].x;
    v[i].y = u[i].y * u[i].y;
    u[i].z = 0;
  }
  double s = 0;
  for (const Vec3 &a : v)
    s += a.x * a.y;
  for (size_t i = 0; i < u.size(); ++i)
    s += norm2(u[i]);
  return s;
}
// TEXT-LABEL: inline double copied_pullback(const std::vector<Vec3> &pts, double w,
// TEXT:         std::vector<Vec3> v(n);
// TEXT:         std::vector<Vec3> u(size);
// TEXT-NEXT:    int conv = static_cast<int>(size);
// TEXT-NEXT:    for (int i = 0; i < conv; ++i) {
// TEXT-NEXT:      u[i].x = pts[i].x;
// TEXT:         std::vector<Vec3> du(size);
// TEXT:         std::vector<Vec3> dv(n);

GRADC_DIFF("grad")
double relaxed(double x, double y, int n) {
  std::vector<Vec3> p(n);
  for (int i = 0; i < n; ++i) {
    p[i].x = x + i;
    p[i].y = y * i;
  }
  relax(p, 0.5);
  relax(p, x);
  double s = 0;
  for (const Vec3 &v : p)
    s += v.x * v.x;
  return s;
}
// TEXT-LABEL: inline double relaxed_pullback(double x, double y, int n, double dout,
// TEXT:         gradc::tape<std::vector<Vec3>> p_tape;
// TEXT:         p_tape.push(p);
// TEXT-NEXT:    relax(p, x);
// TEXT:         std::vector<Vec3> p_2(n);
// TEXT-NEXT:    p_2 = p_tape.pop();
// TEXT-NEXT:    relax_pullback(p_2, x, dp, dx);

GRADC_DIFF("grad")
double layers(double x, int n) {
  double s = 0;
  for (int t = 0; t < 2; ++t) {
    std::vector<Vec3> v(n);
    for (int i = 0; i < n; ++i) {
      v[i].x = std::sin(x * (i + t));
      v[i].z = v[i].x * x;
    }
    s += v[n - 1].x * v[0].z;
  }
  return s;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

static std::vector<Vec3> points(const std::vector<double> &v) {
  std::vector<Vec3> P(v.size() / 3);
  for (size_t i = 0; i < P.size(); ++i)
    P[i] = {v[3 * i], v[3 * i + 1], v[3 * i + 2]};
  return P;
}

static void back(const std::vector<Vec3> &P, std::vector<double> &v) {
  for (size_t i = 0; i < P.size(); ++i) {
    v[3 * i] = P[i].x;
    v[3 * i + 1] = P[i].y;
    v[3 * i + 2] = P[i].z;
  }
}

int main() {
  const std::vector<double> Pts = {0.5, -1, 1.5, 0.25, -0.75, 2, 1, 0.5, -2};
  gradc_check::check_arrays(
      "copied", {{"pts", Pts}, {"w", {0.75}}}, {},
      [](const Arrays &p) { return copied(points(p[0]), p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        std::vector<Vec3> dp = points(d[0]);
        double f = copied_grad(points(p[0]), p[1][0], dp, d[1][0]);
        back(dp, d[0]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        std::vector<Vec3> dp = points(d[0]);
        copied_pullback(points(p[0]), p[1][0], s, dp, d[1][0]);
        back(dp, d[0]);
      });
  gradc_check::check_arrays(
      "relaxed", {{"x", {0.5}}, {"y", {-0.7}}}, {{"n", {4}}},
      [](const Arrays &p) { return relaxed(p[0][0], p[1][0], 4); },
      [](const Arrays &p, Arrays &d) {
        return relaxed_grad(p[0][0], p[1][0], 4, d[0][0], d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        relaxed_pullback(p[0][0], p[1][0], 4, s, d[0][0], d[1][0]);
      });
  gradc_check::check_arrays(
      "layers", {{"x", {0.5}}}, {{"n", {3}}},
      [](const Arrays &p) { return layers(p[0][0], 3); },
      [](const Arrays &p, Arrays &d) {
        return layers_grad(p[0][0], 3, d[0][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        layers_pullback(p[0][0], 3, s, d[0][0]);
      });
  return gradc_check::finish();
}
#endif
