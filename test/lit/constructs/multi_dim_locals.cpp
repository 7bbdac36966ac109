// Local arrays of arrays keep their shape in the generated code: `double
// A[3][3]` is declared so, with an adjoint `double dA[3][3] = {}`, read and
// written `A[i][j]`, passed whole to helpers taking `const double m[][3]`,
// `const double (&m)[3][3]` or `double m[][3]` (which writes it), a row
// `A[i]` to a `const double *`, captured by a lambda; three dimensions too.
// Checked against finite differences and the interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: FileCheck %s --check-prefix=NEST < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function trace_sq --check --at 'x=[0.5,-0.7,1.1]' | FileCheck %s --check-prefix=AT
// AT: ok: all 3 entries agree with finite differences
// `--at` names the elements of a local array of arrays by its subscripts.
// RUN: %gradc %s --function relax --at 'x=0.75' | FileCheck %s --check-prefix=ROWS
// ROWS: g[0][0] 0.75 (at the end)
// ROWS: g[2][1] 0.7578125 (at the end)
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 9 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

static double dot3(const double *a, const double *b) {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

static double sumsq(const double m[][3], int n) {
  double s = 0.0;
  for (int i = 0; i < n; ++i)
    s += m[i][0] * m[i][0] + m[i][1] * m[i][1] + m[i][2] * m[i][2];
  return s;
}

static double trace(const double (&m)[3][3]) {
  return m[0][0] + m[1][1] + m[2][2];
}

static void scale(double m[][3], int n, double s) {
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < 3; ++j)
      m[i][j] = m[i][j] * s;
}

// Lambdas are defined first: a copy made at the call is read as the local.
// TEXT: inline double cube_lambda(double u, const double (*t)[2][3]) {

// The outer product x x' and its square.
GRADC_DIFF("grad")
double trace_sq(const double *x) {
  double A[3][3];
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      A[i][j] = x[i] * x[j] + (i == j ? 1.0 : 0.0);
  double B[3][3] = {};
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      for (int k = 0; k < 3; ++k)
        B[i][j] += A[i][k] * A[k][j];
  return trace(B) + std::sqrt(sumsq(A, 3)) + dot3(A[1], x);
}
// TEXT-LABEL: inline double trace_sq_pullback(const double *x, double dout, double *dx) {
// TEXT: double A[3][3];
// TEXT: A[i][j] = x[i] * x[j] + (i == j ? 1.0 : 0.0);
// TEXT: double B[3][3] = {};
// TEXT: B[i][j] += A[i][k] * A[k][j];
// TEXT: double *ptr = A[1];
// TEXT: double dA[3][3] = {};
// TEXT-NEXT: double *ptr_2 = dA[1];
// TEXT: sumsq_pullback(A, 3, dout / (2 * sqrt_sumsq_A), dA);
// TEXT-NEXT: double dB[3][3] = {};
// TEXT-NEXT: trace_pullback(B, dout, dB);
// TEXT: dA[i][k] += A[k][j] * dB_old;

// A helper changes the local in place; its old value goes on a tape.
GRADC_DIFF("grad")
double scaled(double x, double y) {
  double M[2][3] = {{x, y, 1.0}, {x * y, 2.0, y}};
  scale(M, 2, x);
  scale(M, 2, y);
  return sumsq(M, 2) + M[1][0];
}
// TEXT-LABEL: inline double scaled_pullback(double x, double y, double dout, double &dx,
// TEXT: double M[2][3] = {};
// TEXT: M[1][0] = x * y;
// TEXT: M_tape_2.push_array(&M[0][0], 6);
// TEXT-NEXT: scale(M, 2, x);
// TEXT: double M_2[2][3];
// TEXT-NEXT: M_tape.pop_array(&M_2[0][0], 6);
// TEXT-NEXT: scale_pullback(M_2, 2, y, dM, dy);

// Three dimensions, and lambdas that read the local by reference, or by
// value where it is called (a copy there is the local itself).
GRADC_DIFF("grad")
double cube(double x) {
  double t[2][2][3] = {};
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 2; ++j)
      for (int k = 0; k < 3; ++k)
        t[i][j][k] = std::sin(x * (i + 2 * j + 4 * k + 1));
  auto at = [&](int i, int j) { return t[i][j][2] * t[1 - i][j][0]; };
  double c = [=](double u) { return u * t[0][0][1]; }(x);
  return at(0, 1) + at(1, 0) + t[1][1][1] + dot3(t[0][1], t[1][1]) + c;
}
// TEXT-LABEL: inline double cube_pullback(double x, double dout, double &dx) {
// TEXT: double t[2][2][3] = {};
// TEXT: t[i][j][k] = std::sin(x * (i + 2 * j + 4 * k + 1));
// TEXT: double cube_at_v = cube_at(0, 1, t);
// TEXT: double *ptr = t[0][1];
// TEXT: double dt[2][2][3] = {};
// TEXT: cube_at_pullback(1, 0, t, dout, dt);

// Written after it is read: the old element is kept.
GRADC_DIFF("grad")
double relax(double x) {
  double g[3][2] = {{x, 1.0}, {0.5, x}, {x, x}};
  for (int i = 1; i < 3; ++i)
    for (int j = 0; j < 2; ++j)
      g[i][j] = 0.5 * (g[i][j] + g[i - 1][j] * g[i - 1][j]);
  return g[2][0] + 2.0 * g[2][1];
}
// TEXT-LABEL: inline double relax_pullback(double x, double dout, double &dx) {
// TEXT: double g[3][2] = {};
// TEXT: dg[i - 1][j] += 2 * g_old * prod;

// A lambda passes the local it captures on to a helper's array of arrays.
GRADC_DIFF("grad")
double inlam(double x) {
  double A[2][3] = {{x, 2.0, x * x}, {1.0, x, 0.5}};
  auto norm = [&](double w) { return w * sumsq(A, 2); };
  return norm(x) + norm(0.5);
}
// TEXT-LABEL: inline double inlam_pullback(double x, double dout, double &dx) {
// TEXT: inlam_norm_pullback(x, A, {{.*}}, dx, dA);

// A lambda inside a lambda, passed to a template, captures the local: each
// lambda's function takes it with its shape (random campaign 116 found the
// inner one taking it flat, which did not compile).
template <class F> static double twice(F f, double x) {
  return f(x) + 0.25 * f(0.5 * x);
}
GRADC_DIFF("grad")
double nested(double x, double y) {
  double m[3][2] = {};
  m[2][1] = x * y;
  m[1][0] = std::sin(x);
  return [&](double t) {
    return t * twice([&](double u) { return u * m[2][1] + m[1][0]; }, y);
  }(x);
}
// NEST: inline double nested_lambda_lambda(double u, double (*m)[2]) {
// NEST: inline double nested_lambda(double t, double (*m)[2], double y) {

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "trace_sq", {{"x", {0.5, -0.7, 1.1}}}, {},
      [](const Arrays &p) { return trace_sq(p[0].data()); },
      [](const Arrays &p, Arrays &d) {
        return trace_sq_grad(p[0].data(), d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        trace_sq_pullback(p[0].data(), s, d[0].data());
      });
  GRADC_CHECK_2(scaled, 0.6, -1.3);
  GRADC_CHECK_2(scaled, -0.4, 0.9);
  GRADC_CHECK_1(cube, 0.3);
  GRADC_CHECK_1(cube, -0.8);
  GRADC_CHECK_1(relax, 0.75);
  GRADC_CHECK_1(relax, -0.4);
  GRADC_CHECK_1(inlam, 0.7);
  GRADC_CHECK_2(nested, 0.7, -1.2);
  return gradc_check::finish();
}
#endif
