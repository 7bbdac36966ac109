// Local arrays of arrays (`double A[3][3]`, `double t[2][2][2]`) and
// constant ones of namespace scope: one flat array in row-major order to
// the IR, as C++ lays them out. The generated code declares a local one
// with its shape and indexes it as the user does (`A[i][j]`, `A[1][2]`,
// the row `A[1]` passed to a helper). Nested initializers, reads and
// writes in loops. Checked against finite differences and the
// interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 3 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

constexpr double K[2][2] = {{1.0, 0.5}, {-0.5, 2.0}};

static double dot3(const double *a, const double *b) {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

GRADC_DIFF("grad")
double quad(const double *x) {
  double A[3][3] = {{2.0, x[0], 0.0}, {0.5, 1.0, x[1]}, {0.0, x[2], 3.0}};
  double y[3];
  for (int i = 0; i < 3; ++i) {
    y[i] = 0;
    for (int j = 0; j < 3; ++j)
      y[i] += A[i][j] * x[j];
  }
  A[1][2] = A[1][2] * x[0];
  return y[0] * y[1] + y[2] + dot3(A[1], x) + A[1][2];
}
// TEXT-LABEL: inline double quad_pullback(const double *x, double dout, double *dx) {
// TEXT:         double A[3][3] = {};
// TEXT-NEXT:    A[0][0] = 2.0;
// TEXT-NEXT:    A[0][1] = x[0];
// TEXT:             double A_old = A[i][j];
// TEXT:         A[1][2] = A_old * x[0];
// TEXT-NEXT:    double *ptr = A[1];
// TEXT:         double dA[3][3] = {};
// TEXT-LABEL: inline double quad_grad(const double *x, double *dx) {
// TEXT-NEXT:    return quad_pullback(x, 1, dx);

GRADC_DIFF("grad")
double cube(double x) {
  double t[2][2][2] = {};
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 2; ++j)
      for (int k = 0; k < 2; ++k)
        t[i][j][k] = std::sin(x * (i + 2 * j + 4 * k)) * K[i][j];
  return t[1][1][1] + t[0][1][0] * t[1][0][1];
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "quad", {{"x", {0.5, 0.7, -0.3}}}, {},
      [](const Arrays &p) { return quad(p[0].data()); },
      [](const Arrays &p, Arrays &d) {
        return quad_grad(p[0].data(), d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        quad_pullback(p[0].data(), s, d[0].data());
      });
  GRADC_CHECK_1(cube, 0.3);
  GRADC_CHECK_1(cube, -0.8);
  return gradc_check::finish();
}
#endif
