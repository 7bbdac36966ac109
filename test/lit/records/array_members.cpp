// Struct members that are std::array<double, N> follow the path of C
// array members (`double x[3]`): read and written as `b.x[i]`, in
// parameters, locals and adjoint structs, iterated, measured, copied with
// the struct, given in braces (`Body b{{x, y, 0}, 1.5};`), passed on to
// helpers as the std::array (`dot(b.x, b.v)`) or as a pointer
// (`b.x.data()`).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK: energy: at
// CHECK: orbit: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 2 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <array>
#include <cmath>

struct Body {
  std::array<double, 3> x;
  std::array<double, 3> v;
  double m;
};

static double dot(const std::array<double, 3> &a,
                  const std::array<double, 3> &b) {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

static double sum(const double *a, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += a[i];
  return s;
}

GRADC_DIFF("grad")
double energy(const Body &b, double g) {
  double e = 0.5 * b.m * dot(b.v, b.v);
  for (int i = 0; i < 3; ++i)
    e += g * b.m * b.x[i];
  return e + sum(b.x.data(), b.x.size());
}
// TEXT-LABEL: inline double energy_pullback(const Body &b, double g, double dout, Body &db,
// TEXT:         double dot_v = dot(b.v, b.v);
// TEXT:         double sum_v = sum(b.x.data(), 3);
// TEXT:         sum_pullback(b.x.data(), 3, dout, db.x.data());
// TEXT:         e += prod_2 * b.x[i];
// TEXT:         db.x[i] += prod_2 * de;
// TEXT:         dot_pullback(b.v, b.v, prod * de, db.v, db.v);

GRADC_DIFF("grad")
double orbit(double x0, double v0, double k) {
  Body b{{x0, 0.5 * x0, 0}, {}, 1.5};
  b.v[1] = v0;
  for (int t = 0; t < 5; ++t) {
    for (int i = 0; i < 3; ++i)
      b.v[i] -= 0.1 * k * b.x[i] / b.m;
    for (int i = 0; i < 3; ++i)
      b.x[i] += 0.1 * b.v[i];
    for (double &vi : b.v)
      vi *= 0.99;
  }
  Body c = b;
  return dot(c.x, c.x) + c.v[1];
}
// TEXT-LABEL: inline double orbit_pullback(double x0, double v0, double k, double dout,
// TEXT:         Body b{};
// TEXT-NEXT:    b.x[0] = x0;

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

static Body body(const std::vector<double> &v) {
  return {{v[0], v[1], v[2]}, {v[3], v[4], v[5]}, v[6]};
}

static void back(const Body &b, std::vector<double> &v) {
  for (int i = 0; i < 3; ++i) {
    v[i] = b.x[i];
    v[3 + i] = b.v[i];
  }
  v[6] = b.m;
}

int main() {
  gradc_check::check_arrays(
      "energy", {{"b", {0.5, -1, 1.5, 0.25, -0.75, 2, 1.25}}, {"g", {9.81}}},
      {}, [](const Arrays &p) { return energy(body(p[0]), p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        Body db = body(d[0]);
        double f = energy_grad(body(p[0]), p[1][0], db, d[1][0]);
        back(db, d[0]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        Body db = body(d[0]);
        energy_pullback(body(p[0]), p[1][0], s, db, d[1][0]);
        back(db, d[0]);
      });
  GRADC_CHECK_3(orbit, 0.8, -0.3, 2.0);
  return gradc_check::finish();
}
#endif
