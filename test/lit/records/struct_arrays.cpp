// Local arrays of structs: `Vec3 p[4];`, `= {}`, `= {{x, y, z}, {0, 0,
// 1}}`, `std::array<Vec3, 4> p{};`, read and written (`p[i].x = ...`),
// copied whole (`p[2] = q;`, `Vec3 q = p[1];`, `std::array<Vec3, 4> c =
// p;`), passed to helpers taking `Vec3 *` and `const std::array<Vec3, 4>
// &`, iterated by reference. Their adjoints are arrays of structs of the
// same type, zeroed (`Vec3 dp[4] = {};`, `std::array<Vec3, 4> dp{};`).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK: spread: at
// CHECK: inits: at
// CHECK: boxed: at
// CHECK: particles: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 4 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <array>
#include <cmath>

struct Vec3 {
  double x, y, z;
};

static double norm2(const Vec3 &a) { return a.x * a.x + a.y * a.y + a.z * a.z; }

static void shear(Vec3 *p, int n, double dt) {
  for (int i = 0; i < n; ++i) {
    p[i].x += dt * p[i].y;
    p[i].y -= dt * p[i].x;
  }
}

static double lift(const std::array<Vec3, 4> &q) {
  double s = 0;
  for (const Vec3 &v : q)
    s += v.z * v.x;
  return s;
}

GRADC_DIFF("grad")
double spread(double x, double y, double z) {
  Vec3 p[4];
  for (int i = 0; i < 4; ++i) {
    p[i].x = x * (i + 1);
    p[i].y = y - i;
    p[i].z = z * z;
  }
  Vec3 q = p[1];
  p[2] = q;
  shear(p, 4, 0.1);
  double s = 0;
  for (const Vec3 &v : p)
    s += norm2(v);
  return s + q.y;
}
// TEXT-LABEL: inline double spread_pullback(double x, double y, double z, double dout,
// TEXT:         gradc::fixed_tape<Vec3, 12> p_tape;
// TEXT-NEXT:    Vec3 p[4];
// TEXT:         p_tape.push_array(p, 4);
// TEXT-NEXT:    shear(p, 4, 0.1);
// TEXT:         Vec3 dp[4] = {};
// TEXT:         Vec3 p_2[4];
// TEXT-NEXT:    p_tape.pop_array(p_2, 4);
// TEXT-NEXT:    shear_wrt_p_pullback(p_2, 4, 0.1, dp);

GRADC_DIFF("grad")
double inits(double x, double y, double z) {
  Vec3 p[2] = {{x, y, z}, {0, 0, 1}};
  Vec3 r[3] = {};
  r[1].y = p[0].x * p[1].z;
  return norm2(p[0]) + r[1].y * y + r[2].x;
}
// TEXT-LABEL: inline double inits_pullback(double x, double y, double z, double dout,
// TEXT:         Vec3 p[2] = {};
// TEXT-NEXT:    p[0].x = x;
// TEXT-NEXT:    p[0].y = y;
// TEXT-NEXT:    p[0].z = z;
// TEXT-NEXT:    p[1].z = 1;
// TEXT-NEXT:    Vec3 r[3] = {};

GRADC_DIFF("grad")
double boxed(double x, double y) {
  std::array<Vec3, 4> p{};
  for (int i = 0; i < 4; ++i) {
    p[i].x = std::sin(x * i);
    p[i].z = y;
  }
  std::array<Vec3, 4> c = p;
  c[0].z = 3 * x;
  return lift(p) + lift(c) + p.size();
}
// TEXT-LABEL: inline double boxed_pullback(double x, double y, double dout, double &dx,
// TEXT:         std::array<Vec3, 4> p{};
// TEXT:         std::array<Vec3, 4> c;
// TEXT-NEXT:    for (int i = 0; i < 4; ++i) {
// TEXT-NEXT:      c[i].x = p[i].x;
// TEXT:         std::array<Vec3, 4> dc{};
// TEXT-NEXT:    lift_pullback(c, dout, dc);

struct Particle {
  Vec3 pos, vel;
  double mass;
};

// A few particles in a local array, pulled toward the origin by springs
// and stepped forward: the loss is how far they end from a target.
GRADC_DIFF("grad")
double particles(double k, double damping) {
  std::array<Particle, 3> ps{};
  for (int i = 0; i < 3; ++i) {
    ps[i].pos = {1.0 + i, 0.5 * i, -0.25 * i};
    ps[i].mass = 1.0 + 0.5 * i;
  }
  const double dt = 0.05;
  for (int t = 0; t < 10; ++t)
    for (Particle &p : ps) {
      p.vel.x += dt * (-k * p.pos.x - damping * p.vel.x) / p.mass;
      p.vel.y += dt * (-k * p.pos.y - damping * p.vel.y) / p.mass;
      p.vel.z += dt * (-k * p.pos.z - damping * p.vel.z) / p.mass;
      p.pos.x += dt * p.vel.x;
      p.pos.y += dt * p.vel.y;
      p.pos.z += dt * p.vel.z;
    }
  double loss = 0;
  for (const Particle &p : ps)
    loss += norm2(p.pos);
  return loss;
}
// TEXT-LABEL: inline double particles_pullback(double k, double damping, double dout,
// TEXT:         std::array<Particle, 3> dps{};

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_3(spread, 0.5, -0.75, 1.25);
  GRADC_CHECK_3(inits, 0.5, -0.75, 1.25);
  GRADC_CHECK_2(boxed, 0.3, -0.6);
  GRADC_CHECK_2(particles, 2.0, 0.3);
  return gradc_check::finish();
}
#endif
