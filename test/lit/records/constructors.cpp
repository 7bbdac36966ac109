// Constructors of the user's own, inlined where they are called: member
// initializer lists, default arguments, a body assigning members, a struct
// member initialized from a parameter, `= default`; used as `Vec3 a(x, y,
// z);`, `Vec3 b{y, x};`, `return Vec3(...);`, temporaries `Vec3(x, 0, 1)`
// and assignments `d = Vec3(d.y, d.x, d.z);` (through a local, as the
// arguments read d).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK: ctors: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 1 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

struct Vec3 {
  double x, y, z;
  Vec3() = default;
  Vec3(double x, double y, double z = 0) : x(x), y(y), z(z) {}
  explicit Vec3(double s) { x = s; y = 2 * s; z = s * s; }
  double dot(const Vec3 &o) const { return x * o.x + y * o.y + z * o.z; }
};

struct Pair {
  Vec3 a;
  double w;
  Pair() = default;
  Pair(const Vec3 &a, double k) : a(a), w(1.5) { w = w * k; }
};

static Vec3 add(const Vec3 &a, const Vec3 &b) {
  return Vec3(a.x + b.x, a.y + b.y, a.z + b.z);
}

GRADC_DIFF("grad")
double ctors(double x, double y, double z) {
  Vec3 a(x, y, z);
  Vec3 b{y, x};
  Vec3 c(z);
  Vec3 d = add(a, Vec3(x, 0, 1));
  d = Vec3(d.y, d.x, d.z);
  Pair p(c, y);
  return a.dot(b) + c.dot(d) + Vec3(x, y).dot(a) + p.w * p.a.z;
}
// TEXT-LABEL: inline double ctors_pullback(
// TEXT:         Vec3 a;
// TEXT-NEXT:    a.x = x;
// TEXT:         Vec3 c;
// TEXT-NEXT:    c.x = z;
// TEXT-NEXT:    c.y = 2 * z;
// TEXT:         Vec3 vec3;
// TEXT-NEXT:    vec3.x = x;
// TEXT:         d = add(a, vec3);
// TEXT:         p.w = 1.5;
// TEXT-LABEL: inline double ctors_grad(
// TEXT:         return ctors_pullback(x, y, z, 1, dx, dy, dz);

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"
int main() {
  using V = gradc_check::Vec;
  gradc_check::check(
      "ctors", [](const V &p) { return ctors(p[0], p[1], p[2]); },
      [](const V &p, V &d) {
        return ctors_grad(p[0], p[1], p[2], d[0], d[1], d[2]);
      },
      [](const V &p, double s, V &d) {
        ctors_pullback(p[0], p[1], p[2], s, d[0], d[1], d[2]);
      },
      {0.5, -1.25, 2});
  return gradc_check::finish();
}
#endif
