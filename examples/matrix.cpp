// A small matrix class as linear-algebra code writes one: elements read
// and written as `a(i, j)` and `x[i]` through accessors returning a
// reference (gradc inlines them as the element they name), products and
// sums as operators returning a new matrix or vector by value, a
// transpose as a helper. `fit` finds how far a rotation by theta
// composed with a scale s and a shear maps four points from their
// targets, plus a small penalty on the Gram matrix A^T A; gradc generates
// fit_grad, through every operator (the product of two matrices has the
// pullback Matrix_times_pullback, a matrix times a vector
// Matrix_times_Vector_pullback).
//
// The example prints the gradient next to central finite differences and
// checks that they agree; it prints it as test/support/gradc_check.h
// does, so that a test can also hold it to gradc's interpreter.
#include <gradc/gradc.h>

#include <cmath>
#include <cstdio>

struct Matrix {
  double d[9]; // 3 x 3, row by row
  double &operator()(int i, int j) { return d[i * 3 + j]; }
  double operator()(int i, int j) const { return d[i * 3 + j]; }
};

struct Vector {
  double v[3];
  double &operator[](int i) { return v[i]; }
  double operator[](int i) const { return v[i]; }
};

inline Matrix operator*(const Matrix &a, const Matrix &b) {
  Matrix c{};
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      for (int k = 0; k < 3; ++k)
        c(i, j) += a(i, k) * b(k, j);
  return c;
}

inline Vector operator*(const Matrix &a, const Vector &x) {
  Vector y{};
  for (int i = 0; i < 3; ++i)
    for (int k = 0; k < 3; ++k)
      y[i] += a(i, k) * x[k];
  return y;
}

inline Vector operator-(const Vector &a, const Vector &b) {
  Vector c{};
  for (int i = 0; i < 3; ++i)
    c[i] = a[i] - b[i];
  return c;
}

inline double operator*(const Vector &a, const Vector &b) {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

inline Matrix transpose(const Matrix &a) {
  Matrix t{};
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      t(j, i) = a(i, j);
  return t;
}

// A rotation about the z axis.
inline Matrix rotation(double theta) {
  Matrix r{};
  r(0, 0) = std::cos(theta);
  r(0, 1) = -std::sin(theta);
  r(1, 0) = std::sin(theta);
  r(1, 1) = std::cos(theta);
  r(2, 2) = 1;
  return r;
}

GRADC_DIFF("grad")
double fit(double theta, double s, double shear) {
  Matrix scale{};
  scale(0, 0) = s;
  scale(1, 1) = s;
  scale(2, 2) = 1;
  scale(0, 1) = shear;
  Matrix a = rotation(theta) * scale;
  Matrix gram = transpose(a) * a;
  const double points[12] = {1, 0, 0, 0, 1, 0, 1, 1, 1, -1, 0.5, 0};
  const double targets[12] = {0, 1.5, 0, -1.4, 0.2, 0, -1.3, 1.6, 1,
                              -0.6, -1.4, 0};
  double loss = 0;
  for (int k = 0; k < 4; ++k) {
    Vector p{{points[3 * k], points[3 * k + 1], points[3 * k + 2]}};
    Vector t{{targets[3 * k], targets[3 * k + 1], targets[3 * k + 2]}};
    Vector r = a * p - t;
    loss += r * r;
  }
  return loss + 0.01 * (gram(0, 0) + gram(1, 1));
}

#ifndef __GRADC__
#include "matrix.grad.h"

int main() {
  double p[3] = {1.2, 1.4, 0.1}; // theta, s, shear
  double d[3] = {};
  double f = fit_grad(p[0], p[1], p[2], d[0], d[1], d[2]);
  std::printf("fit: at %.17g %.17g %.17g\n", p[0], p[1], p[2]);
  std::printf("fit: f = %.17g\n", f);
  int Failures = 0;
  for (int I = 0; I < 3; ++I) {
    double Hi[3] = {p[0], p[1], p[2]}, Lo[3] = {p[0], p[1], p[2]};
    double H = 1e-6;
    Hi[I] += H;
    Lo[I] -= H;
    double Fd = (fit(Hi[0], Hi[1], Hi[2]) - fit(Lo[0], Lo[1], Lo[2])) / (2 * H);
    std::printf("fit: d[%d] = %.17g (finite difference %.10g)\n", I, d[I], Fd);
    if (std::fabs(d[I] - Fd) > 1e-6 * std::fmax(1, std::fabs(Fd))) {
      std::printf("  WRONG\n");
      ++Failures;
    }
  }
  std::printf(Failures ? "FAILED\n" : "OK\n");
  return Failures;
}
#endif
