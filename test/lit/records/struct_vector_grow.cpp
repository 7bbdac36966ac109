// Local std::vector of structs that grow: push_back of a variable, of
// braces and of a constructor's temporary, emplace_back through a
// constructor of the user's own, pop_back, clear and refill, at the top
// level and in loops and branches; read back as v[i].x, by range-for and
// by a helper. An element is appended as a zeroed struct whose members
// are then set; the backward sweep reads where each was from a tape.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK: build: at
// CHECK: refill: at
// CHECK: per_row: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 3 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>
#include <vector>

struct Vec3 {
  double x, y, z;
};

struct P2 {
  double a, b;
  P2() = default;
  P2(double u, double v) : a(u), b(v * 2) {}
};

static double norms(const std::vector<Vec3> &v) {
  double s = 0;
  for (const Vec3 &e : v)
    s += e.x * e.x + e.y * e.z;
  return s;
}

GRADC_DIFF("grad wrt(w)")
double build(const double *w, int n) {
  std::vector<Vec3> v;
  std::vector<P2> q;
  q.reserve(n);
  Vec3 p{w[0], 1, w[1]};
  v.push_back(p);
  for (int i = 0; i < n; ++i) {
    v.push_back(Vec3{w[i] * w[i], std::sin(w[i]), 2.0});
    q.emplace_back(w[i], v[i].x);
    if (w[i] > 0)
      q.push_back(P2(w[i] * 3, 1));
  }
  v.pop_back();
  double s = 0;
  for (const Vec3 &e : v)
    s += e.x * e.y + e.z;
  for (std::size_t k = 0; k < q.size(); ++k)
    s += q[k].a * q[k].b;
  return s + v.size() * v[v.size() - 1].x;
}

GRADC_DIFF("grad wrt(w)")
double refill(const double *w, int n) {
  std::vector<Vec3> v;
  double s = 0;
  for (int r = 0; r < 2; ++r) {
    v.clear();
    for (int i = 0; i < n; ++i)
      v.push_back(Vec3{w[i] * (r + 1), s, 1});
    s += norms(v);
  }
  return s;
}

// Declared empty in a loop: made anew there (emptied), as a vector of
// numbers is.
GRADC_DIFF("grad wrt(w)")
double per_row(const double *w, int n) {
  double s = 0;
  for (int r = 0; r < n; ++r) {
    std::vector<Vec3> pts;
    for (int i = 0; i <= r; ++i)
      pts.push_back(Vec3{w[i] * w[r], std::cos(w[i]), s});
    if (w[r] > 0)
      pts.pop_back();
    pts.emplace_back();
    for (const Vec3 &p : pts)
      s += p.x * p.y + 0.1 * p.z;
  }
  return s;
}

// TEXT-LABEL: inline double build_pullback(
// TEXT:         std::vector<Vec3> v;
// TEXT-NEXT:    std::vector<P2> q;
// TEXT:         v.emplace_back();
// TEXT:           q.emplace_back();
// TEXT-NEXT:      q_size_tape_2.push_reserved(q.size());
// TEXT-NEXT:      std::size_t diff_3 = q.size() - 1;
// TEXT-NEXT:      q[diff_3].a = w[i];
// TEXT-NEXT:      q[diff_3].b = v[i].x * 2;
// TEXT:         std::vector<P2> dq(q.size());
// TEXT-LABEL: inline double refill_pullback(
// TEXT:         gradc::tape<std::vector<Vec3>> v_tape;
// TEXT:           v_tape.push(v);
// TEXT:         std::vector<Vec3> dv(v.capacity());
// TEXT:           v_2 = v_tape.pop();
// TEXT-NEXT:      norms_pullback(v_2, ds, dv);
// TEXT-LABEL: inline double per_row_pullback(
// TEXT:         // pts of line {{[0-9]+}}, made anew there, lives here for the backward sweep
// TEXT-NEXT:    std::vector<Vec3> pts;
// TEXT:           pts.clear();

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "build", {{"w", {0.3, -0.2, 0.9}}}, {{"n", {3}}},
      [](const Arrays &p) { return build(p[0].data(), 3); },
      [](const Arrays &p, Arrays &d) {
        return build_grad(p[0].data(), 3, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        build_pullback(p[0].data(), 3, s, d[0].data());
      });
  gradc_check::check_arrays(
      "refill", {{"w", {0.3, -0.2, 0.9}}}, {{"n", {3}}},
      [](const Arrays &p) { return refill(p[0].data(), 3); },
      [](const Arrays &p, Arrays &d) {
        return refill_grad(p[0].data(), 3, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        refill_pullback(p[0].data(), 3, s, d[0].data());
      });
  gradc_check::check_arrays(
      "per_row", {{"w", {0.3, -0.2, 0.9}}}, {{"n", {3}}},
      [](const Arrays &p) { return per_row(p[0].data(), 3); },
      [](const Arrays &p, Arrays &d) {
        return per_row_grad(p[0].data(), 3, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        per_row_pullback(p[0].data(), 3, s, d[0].data());
      });
  return gradc_check::finish();
}
#endif
