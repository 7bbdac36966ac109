// `operator()` and `operator[]` of a struct holding a std::vector, a
// row-major matrix: read through `const Matrix &` (a call of the operator,
// its object the struct's members, printed `A(i, j)`), and a `double
// &operator()(int i, int j)` writing into a `Matrix &` (inlined: the place
// its return names, `A.data[i * A.cols + j]`).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function quad --at 'A.rows=2,A.cols=2,A.data=[1,2,3,4],x=[0.5,-1]' | FileCheck %s --check-prefix=AT
// CHECK: quad: at
// CHECK: damp: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 2 checked against the interpreter, 0 mismatches
// AT: quad(A.rows = 2, A.cols = 2, A.data = [1, 2, 3, 4], x = [0.5, -1]) = 5.75
// AT: param  A.data[1]      2                        -0.5
#include <gradc/gradc.h>

#include <vector>

struct Matrix {
  int rows, cols;
  std::vector<double> data;
  double operator()(int i, int j) const { return data[i * cols + j]; }
  double &operator()(int i, int j) { return data[i * cols + j]; }
  double operator[](int k) const { return data[k]; }
};

GRADC_DIFF("grad wrt(A, x)")
double quad(const Matrix &A, const std::vector<double> &x) {
  double s = 0;
  for (int i = 0; i < A.rows; ++i)
    for (int j = 0; j < A.cols; ++j)
      s += x[i] * A(i, j) * x[j];
  return s + A[0] * A[A.rows * A.cols - 1];
}
// TEXT-LABEL: inline void Matrix_call_pullback(const Matrix &self, int i, int j,
// TEXT:         dself.data[i * self.cols + j] += dout;
// TEXT-LABEL: inline double quad_pullback(const Matrix &A,
// TEXT:         double call_A = A(i, j);

GRADC_DIFF("grad wrt(A)")
double damp(Matrix &A, double k) {
  for (int i = 0; i < A.rows; ++i)
    A(i, i) *= k;
  double s = 0;
  for (int i = 0; i < A.rows * A.cols; ++i)
    s += A[i] * A[i];
  return s;
}
// TEXT-LABEL: inline double damp_pullback(Matrix &A, double k, double dout,
// TEXT:           A.data[sum] *= k;

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  using gradc_check::Role;
  auto matrix = [](const Arrays &p) { return Matrix{2, 2, p[0]}; };
  auto back = [](const Matrix &A, Arrays &p) { p[0] = A.data; };
  const std::vector<double> D = {1, 2, 3, 4};
  gradc_check::check_vjp(
      "quad", false,
      {{"A.data", D, Role::In}, {"x", {0.5, -1}, Role::In}},
      {{"A.rows", {2}}, {"A.cols", {2}}},
      [&](Arrays &p) { return quad(matrix(p), p[1]); },
      [&](Arrays &p, double s, Arrays &d) {
        Matrix dA = matrix(d);
        quad_pullback(matrix(p), p[1], s, dA, d[1]);
        back(dA, d);
      },
      [&](Arrays &p, Arrays &d) {
        Matrix dA = matrix(d);
        double f = quad_grad(matrix(p), p[1], dA, d[1]);
        back(dA, d);
        return f;
      });
  gradc_check::check_vjp(
      "damp", false, {{"A.data", D, Role::InOut}},
      {{"A.rows", {2}}, {"A.cols", {2}}, {"k", {0.5}}},
      [&](Arrays &p) {
        Matrix A = matrix(p);
        double f = damp(A, 0.5);
        back(A, p);
        return f;
      },
      [&](Arrays &p, double s, Arrays &d) {
        Matrix A = matrix(p), dA = matrix(d);
        damp_pullback(A, 0.5, s, dA);
        back(A, p);
        back(dA, d);
      },
      [&](Arrays &p, Arrays &d) {
        Matrix A = matrix(p), dA = matrix(d);
        double f = damp_grad(A, 0.5, dA);
        back(A, p);
        back(dA, d);
        return f;
      });
  return gradc_check::finish();
}
#endif
