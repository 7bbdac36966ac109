// std::array returned by value from helpers, as a struct is: `auto c =
// cross(a, b);`, `dot(cross(a, b), c)`, `cross(a, b)[2]`, `c = f(c, s);`,
// `return {x, y, z};`, `return r;`, a return in a branch, and a helper
// returning another's result; structured bindings of what a helper returns
// (`auto [u, v, w] = cross(a, b);`, also of a struct). The pullback takes the seed of the array
// (`const std::array<double, 3> &dout`).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK: triple: at
// CHECK: stepped: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 2 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <array>
#include <cmath>

using Vec = std::array<double, 3>;

static std::array<double, 3> cross(const std::array<double, 3> &a,
                                   const std::array<double, 3> &b) {
  return {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2],
          a[0] * b[1] - a[1] * b[0]};
}
// TEXT:      // sweep. Given dout, the seed of the array it returns, adds dcross/da into da,
// TEXT-NEXT: // dcross/db into db.
// TEXT-NEXT: inline void cross_pullback(const std::array<double, 3> &a,
// TEXT-NEXT:                            const std::array<double, 3> &b,
// TEXT-NEXT:                            const std::array<double, 3> &dout,
// TEXT-NEXT:                            std::array<double, 3> &da,
// TEXT-NEXT:                            std::array<double, 3> &db) {

static double dot(const Vec &a, const Vec &b) {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

// A local copied, changed in a loop and returned; a partial list.
static Vec scaled(const Vec &a, double s) {
  Vec r = a;
  for (int i = 0; i < 3; ++i)
    r[i] *= s;
  return r;
}

static Vec squash(double x) { return {std::tanh(x), x * x}; }

// Returns in branches, and another helper's result.
static Vec pick(const Vec &a, double s) {
  if (s > 1)
    return scaled(a, s);
  if (s < -1)
    return {a[2], a[1], a[0]};
  Vec t = cross(a, squash(s));
  return t;
}

GRADC_DIFF("grad")
double triple(std::array<double, 3> a, const std::array<double, 3> &b,
              double s) {
  std::array<double, 3> c = {s, 1.0, 2.0};
  auto d = cross(a, b);
  double t = dot(cross(a, b), c) + d[0] * d.at(1);
  c = scaled(c, s);
  Vec e = pick(c, s);
  auto [u0, u1, u2] = cross(a, c);
  return t + dot(d, c) + cross(c, a)[2] + e.back() * pick(a, -2)[0] +
         u0 * u2 - u1;
}
// TEXT-LABEL: inline double triple_pullback(
// TEXT:         std::array<double, 3> d = cross(a, b);
// TEXT-NEXT:    std::array<double, 3> cross_result = cross(a, b);
// TEXT-NEXT:    double dot_cross_result = dot(cross_result, c);
// TEXT:         Vec scaled_result = scaled(c, s);
// TEXT:         Vec e = pick(c, s);
// TEXT-NEXT:    std::array<double, 3> cross_result_2 = cross(a, c);
// TEXT-NEXT:    double u0 = cross_result_2[0];
// TEXT:         u0 * u2 - u1;
// TEXT:         pick_wrt_a_pullback(a, -2, dpick_result, da);
// TEXT:         cross_pullback(a, b, d_cross_result{{[0-9]*}}, da, db);
// TEXT-LABEL: inline double triple_grad(
// TEXT:         return triple_pullback(a, b, s, 1, da, db, ds);

// "Return two things" as a struct, bound by name.
struct Two {
  double lo, hi;
};
static Two split(double x, double y) { return {x * y, x + y}; }

// A loop stepping an array through a helper.
GRADC_DIFF("grad")
double stepped(double x, double v, double k) {
  Vec p{x, 0, 1};
  Vec w = squash(v);
  for (int i = 0; i < 3; ++i) {
    p = scaled(p, 1 - k);
    w = cross(w, p);
    p[1] += 0.1 * w[0];
  }
  auto [lo, hi] = split(p[2], w[1]);
  return dot(p, w) + p[0] + lo * hi;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "triple", {{"a", {0.5, -1, 2}}, {"b", {1.5, 0.25, -0.75}}, {"s", {0.5}}},
      {},
      [](const Arrays &p) {
        return triple({p[0][0], p[0][1], p[0][2]}, {p[1][0], p[1][1], p[1][2]},
                      p[2][0]);
      },
      [](const Arrays &p, Arrays &d) {
        Vec da{d[0][0], d[0][1], d[0][2]}, db{d[1][0], d[1][1], d[1][2]};
        double f = triple_grad({p[0][0], p[0][1], p[0][2]},
                               {p[1][0], p[1][1], p[1][2]}, p[2][0], da, db,
                               d[2][0]);
        d[0] = {da[0], da[1], da[2]};
        d[1] = {db[0], db[1], db[2]};
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        Vec da{d[0][0], d[0][1], d[0][2]}, db{d[1][0], d[1][1], d[1][2]};
        triple_pullback({p[0][0], p[0][1], p[0][2]},
                        {p[1][0], p[1][1], p[1][2]}, p[2][0], s, da, db,
                        d[2][0]);
        d[0] = {da[0], da[1], da[2]};
        d[1] = {db[0], db[1], db[2]};
      });
  GRADC_CHECK_3(stepped, 0.5, -0.75, 0.25);
  return gradc_check::finish();
}
#endif
