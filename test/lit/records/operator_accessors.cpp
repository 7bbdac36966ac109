// Accessors of the user's structs: `double &operator()(int i, int j)` and
// `double &operator[](int i)` whose body is one `return` of a member's
// element are inlined as that element, read and written (`m(0, 1) = s;`,
// `m(2, 0) += u * t;`, `y[2] *= t;`); their const overloads returning a
// value are calls with pullbacks (Mat3_call_pullback). Products of
// matrices and vectors are operators returning a struct by value.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK: f: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 1 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

struct Mat3 {
  double d[9];
  double &operator()(int i, int j) { return d[i * 3 + j]; }
  double operator()(int i, int j) const { return d[i * 3 + j]; }
};

struct Vec3 {
  double v[3];
  double &operator[](int i) { return v[i]; }
  double operator[](int i) const { return v[i]; }
};

static Mat3 operator*(const Mat3 &a, const Mat3 &b) {
  Mat3 c{};
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) {
      double s = 0;
      for (int k = 0; k < 3; ++k)
        s += a(i, k) * b(k, j);
      c(i, j) = s;
    }
  return c;
}

static Vec3 operator*(const Mat3 &a, const Vec3 &x) {
  Vec3 y{};
  for (int i = 0; i < 3; ++i)
    for (int k = 0; k < 3; ++k)
      y[i] += a(i, k) * x[k];
  return y;
}

GRADC_DIFF("grad")
double f(double t, double s, double u) {
  Mat3 m{};
  m(0, 0) = t;
  m(0, 1) = s;
  m(1, 1) = t * s;
  m(2, 2) = 1;
  m(1, 0) = u;
  m(2, 0) += u * t;
  Mat3 m2 = m * m;
  Vec3 x{{1, s, u}};
  Vec3 y = m2 * x;
  y[2] *= t;
  return y[0] + y[1] * y[2] + m2(1, 0);
}
// TEXT-LABEL: inline double f_pullback(
// TEXT:         m.d[sum] = t;
// TEXT:         m.d[sum_6] += u * t;
// TEXT-NEXT:    Mat3 m2 = m * m;
// TEXT:         Vec3 y = m2 * x;
// TEXT-NEXT:    double v_old = y.v[2];
// TEXT-NEXT:    y.v[2] = v_old * t;
// TEXT:         Mat3_times_pullback(m, m, dm2, dm, dm);

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_3(f, 0.5, -1.25, 2.0);
  return gradc_check::finish();
}
#endif
