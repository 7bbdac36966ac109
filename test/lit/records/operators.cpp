// Operators of the user's structs: member, free and friend `+ - * /`,
// unary `-`, `s * v` and `v * s` (two overloads of `*`, two names), a
// dot product `*` returning a number, `+=` and `*=` as statements, `==`
// and `<` in conditions, a value-returning `operator[]`, chains (`a + b *
// 2.0 - c`), results passed to helpers (`dot(a + b, c)`), temporaries
// (`a + Vec3{x, 0, 0}`) and operators calling operators. A call is
// printed as the operator it is; its pullback is named after the class
// and the operator (Vec3_plus_pullback, double_times_Vec3_pullback).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK: chain: at
// CHECK: compound: at
// CHECK: compare: at
// CHECK: loop: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 4 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

struct Vec3 {
  double x, y, z;
  Vec3 operator+(const Vec3 &o) const { return {x + o.x, y + o.y, z + o.z}; }
  Vec3 operator-() const { return {-x, -y, -z}; }
  Vec3 &operator+=(const Vec3 &o) {
    x += o.x;
    y += o.y;
    z += o.z;
    return *this;
  }
  Vec3 &operator*=(double s) {
    x *= s;
    y *= s;
    z *= s;
    return *this;
  }
  double operator[](int i) const { return i == 0 ? x : i == 1 ? y : z; }
  friend Vec3 operator*(double s, const Vec3 &v) {
    return {s * v.x, s * v.y, s * v.z};
  }
};
// TEXT:      inline void Vec3_plus_pullback(const Vec3 & /*self*/, const Vec3 & /*o*/,
// TEXT-NEXT:                                const Vec3 &dout, Vec3 &dself, Vec3 &d_o) {

static Vec3 operator-(const Vec3 &a, const Vec3 &b) {
  return {a.x - b.x, a.y - b.y, a.z - b.z};
}
static Vec3 operator*(const Vec3 &a, double s) { return -(-s * a); }
static Vec3 operator/(const Vec3 &a, double s) {
  return {a.x / s, a.y / s, a.z / s};
}
static double operator*(const Vec3 &a, const Vec3 &b) {
  return a.x * b.x + a.y * b.y + a.z * b.z;
}
static bool operator==(const Vec3 &a, const Vec3 &b) {
  return a.x == b.x && a.y == b.y && a.z == b.z;
}
static bool operator<(const Vec3 &a, const Vec3 &b) { return a * a < b * b; }
static double dot(const Vec3 &a, const Vec3 &b) { return a * b; }

GRADC_DIFF("grad")
double chain(double x, double y, double z) {
  Vec3 a{x, y, z};
  Vec3 b{y, z, x};
  Vec3 c = a + b * 2.0 - a;
  Vec3 d = -c + 0.5 * a / z;
  double e = dot(a + b, c) + (a - Vec3{x, 0, 1}) * d;
  return e + d * d + c[1] * b[2];
}
// TEXT-LABEL: inline double chain_pullback(
// TEXT:         Vec3 times_result = b * 2.0;
// TEXT-NEXT:    Vec3 plus_result = a + times_result;
// TEXT-NEXT:    c = plus_result - a;
// TEXT:         double dot_plus_result_2 = dot(plus_result_2, c);
// TEXT:         // operators.cpp:{{[0-9]+}}: Vec3 c = a + b * 2.0 - a;
// TEXT-NEXT:    Vec3 d_plus_result{};
// TEXT-NEXT:    Vec3_minus_pullback(plus_result, a, dc, d_plus_result, da);
// TEXT:         Vec3_times_double_wrt_a_pullback(b, 2.0, times_result, d_times_result, db);

GRADC_DIFF("grad")
double compound(double x, double y, double z) {
  Vec3 a{x, y, z};
  Vec3 v{1, x, y};
  v += a;
  v *= z;
  v += v * x;
  return v * a;
}
// TEXT-LABEL: inline double compound_pullback(
// TEXT:         v += a;
// TEXT:         v *= z;
// TEXT:         Vec3_times_assign_double_pullback(v_4, z, dv, dz);

GRADC_DIFF("grad")
double compare(double x, double y, double z) {
  Vec3 a{x, y, z};
  Vec3 b = a;
  double s = x * y;
  if (a == b)
    s = s + z * z;
  if (b < 2.0 * a)
    s = s * x;
  if (!(2.0 * a < b))
    s = s + y;
  return s;
}
// TEXT-LABEL: inline double compare_pullback(
// TEXT:         bool equal_a = a == b;

// A body stepped through operators in a loop, the step a helper.
static Vec3 advance(const Vec3 &p, const Vec3 &v, double dt) {
  Vec3 q = p;
  q += dt * v;
  return q;
}

GRADC_DIFF("grad")
double loop(double vx, double vz, double k) {
  Vec3 p{0, 0, 1};
  Vec3 v{vx, 0.5, vz};
  for (int i = 0; i < 5; ++i) {
    v += (-k * p + Vec3{0, 0, -1}) * 0.1;
    p = advance(p, v, 0.1);
  }
  return p * p + v[0];
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_3(chain, 0.5, -1.25, 2.0);
  GRADC_CHECK_3(compound, 0.75, 1.5, -0.5);
  GRADC_CHECK_3(compare, 0.75, 1.5, -0.5);
  GRADC_CHECK_3(loop, 1.5, 2.0, 0.75);
  return gradc_check::finish();
}
#endif
