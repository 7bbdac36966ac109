// Structs as values: copies (`Vec3 b = a;`, `c = b;`, nested structs and
// array members), helpers and member functions returning a struct
// (`Vec3 c = add(a, b);`, `c = add(c, a);`, `dot(add(a, b), c)`,
// `add(a, b).scaled(z)`), returns in branches, a loop stepping structs, and
// copies from a pointer to structs. A call returning a struct is printed
// as written; its pullback takes the seed of the struct (`dout`).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: FileCheck %s --check-prefix=ADD < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK: copies: at
// CHECK: returned: at
// CHECK: step: at
// CHECK: sum: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 4 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

struct Vec3 {
  double x, y, z;
  Vec3 scaled(double s) const { return {x * s, y * s, z * s}; }
  double dot(const Vec3 &o) const { return x * o.x + y * o.y + z * o.z; }
};

struct Body {
  Vec3 p;
  double m[2];
  int id;
};

static Vec3 add(const Vec3 &a, const Vec3 &b) {
  return Vec3{a.x + b.x, a.y + b.y, a.z + b.z};
}
// ADD:      // Pullback of add(a, b) (struct_values.cpp:{{[0-9]+}}), for a caller's backward sweep.
// ADD-NEXT: // Given dout, the seed of the struct it returns, adds dadd/da into da, dadd/db
// ADD-NEXT: // into db.
// ADD-NEXT: inline void add_pullback(const Vec3 & /*a*/, const Vec3 & /*b*/,
// ADD-NEXT:                          const Vec3 &dout, Vec3 &da, Vec3 &db) {
// A struct the call makes and that is written again after it (`Vec3 c =
// add(a, b); c = add(c, a);`) is not in/out there: the call writes all of
// it, so that one pullback serves every call.
// ADD-NOT:  add_wrt_a_b_out_pullback

static double dot(const Vec3 &a, const Vec3 &b) {
  return a.x * b.x + a.y * b.y + a.z * b.z;
}

// A local written member by member, returned; a return in a branch.
static Vec3 cross(const Vec3 &a, const Vec3 &b) {
  Vec3 r;
  r.x = a.y * b.z - a.z * b.y;
  r.y = a.z * b.x - a.x * b.z;
  r.z = a.x * b.y - a.y * b.x;
  return r;
}

static Vec3 clampLow(const Vec3 &a, double lo) {
  if (a.x < lo)
    return {lo, a.y, a.z};
  return a;
}
// Returns in branches write a local `result`, which the pullback's seed
// flows through.
// TEXT-LABEL: inline void clampLow_wrt_a_pullback(const Vec3 &a, double lo, const Vec3 &dout,
// TEXT-NEXT:                                      Vec3 &da) {
// TEXT-NEXT:    Vec3 dresult{};

GRADC_DIFF("grad")
double copies(double x, double y, double z) {
  Vec3 a{x, y, z};
  Vec3 b = a;
  Vec3 c{};
  c = b;
  c.x = c.x * y;
  Body s{{x, y, z}, {x * y, z}, 3};
  Body t = s;
  t.m[1] = t.m[1] * x;
  Body u;
  u = t;
  return dot(b, c) + u.p.z * u.m[0] + u.m[1] + a.x;
}

GRADC_DIFF("grad")
double returned(double x, double y, double z) {
  Vec3 a{x, y, z};
  Vec3 b{y, z, x};
  Vec3 c = add(a, b);
  c = add(c, a);                    // c is also an argument
  double d = dot(add(a, b), c);     // a temporary
  Vec3 e = add(a, b).scaled(z);     // a method of a temporary
  Vec3 f = cross(a, e);
  Vec3 g = clampLow(f, 0.5);
  return d + e.dot(c) + dot(f, g) + a.scaled(2).dot(b);
}
// TEXT-LABEL: inline double returned_pullback(
// TEXT:         Vec3 c = add(a, b);
// TEXT-NEXT:    Vec3 add_result = add(c, a);
// TEXT-NEXT:    c_tape.push(c);
// TEXT-NEXT:    c.x = add_result.x;
// TEXT:         Vec3 add_result_2 = add(a, b);
// TEXT-NEXT:    double d = dot(add_result_2, c);
// TEXT:         Vec3 add_result_3 = add(a, b);
// TEXT-NEXT:    e = add_result_3.scaled(z);
// TEXT:         // struct_values.cpp:{{[0-9]+}}: Vec3 g = clampLow(f, 0.5);
// TEXT-NEXT:    clampLow_wrt_a_pullback(f, 0.5, dg, df);

GRADC_DIFF("grad")
double step(double x, double v, double k) {
  Vec3 p{x, 0, 1};
  Vec3 vel{v, v * x, 0};
  for (int i = 0; i < 4; ++i) {
    Vec3 acc = p.scaled(-k);
    vel = add(vel, acc.scaled(0.1));
    p = add(p, vel.scaled(0.1));
  }
  return dot(p, p) + vel.x;
}
// TEXT-LABEL: inline double step_pullback(
// TEXT:           Vec3 acc = p.scaled(-k);
// TEXT:           Vec3 add_result = add(vel, scaled_result);

GRADC_DIFF("grad wrt(vs)")
double sum(const Vec3 *vs, int n) {
  Vec3 s{};
  for (int i = 0; i < n; ++i)
    s = add(s, vs[i]);
  Vec3 w = *vs;
  Vec3 v = vs[1];
  Vec3 u = add(v, s);
  return s.x * s.y + w.z * v.x + u.y * w.x;
}
// TEXT-LABEL: inline double sum_pullback(
// TEXT:         w.x = vs->x;
// TEXT:         v.x = vs[1].x;
// TEXT:         add_pullback(s_2, vs[i], dadd_result, ds, dvs[i]);

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"
#include <cstdio>
#include <tuple>

int main() {
  using V = gradc_check::Vec;
  gradc_check::check(
      "copies", [](const V &p) { return copies(p[0], p[1], p[2]); },
      [](const V &p, V &d) {
        return copies_grad(p[0], p[1], p[2], d[0], d[1], d[2]);
      },
      [](const V &p, double s, V &d) {
        copies_pullback(p[0], p[1], p[2], s, d[0], d[1], d[2]);
      },
      {0.5, -1.25, 2});
  for (auto [name, fn, gr, pb] :
       {std::tuple{"returned", &returned, &returned_grad, &returned_pullback},
        std::tuple{"step", &step, &step_grad, &step_pullback}})
    gradc_check::check(
        name, [fn = fn](const V &p) { return fn(p[0], p[1], p[2]); },
        [gr = gr](const V &p, V &d) {
          return gr(p[0], p[1], p[2], d[0], d[1], d[2]);
        },
        [pb = pb](const V &p, double s, V &d) {
          pb(p[0], p[1], p[2], s, d[0], d[1], d[2]);
        },
        {0.5, -1.25, 2});
  using gradc_check::Arrays;
  using gradc_check::as_array;
  gradc_check::check_arrays(
      "sum", {{"vs", {1, 2, 3, -0.5, 0.25, 4, 0.75, -1, 1.5}}}, {{"n", {3}}},
      [](const Arrays &p) { return sum(as_array<Vec3>(p[0]).data(), 3); },
      [](const Arrays &p, Arrays &d) {
        std::vector<Vec3> dvs = as_array<Vec3>(d[0]);
        double f = sum_grad(as_array<Vec3>(p[0]).data(), 3, dvs.data());
        gradc_check::back(dvs, d[0]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        std::vector<Vec3> dvs = as_array<Vec3>(d[0]);
        sum_pullback(as_array<Vec3>(p[0]).data(), 3, s, dvs.data());
        gradc_check::back(dvs, d[0]);
      });
  return gradc_check::finish();
}
#endif
