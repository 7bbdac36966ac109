// Locals of a class holding std::vector members made by a constructor of
// its own (issue 14's `Matrix c(r, k);` with `: r_(r), c_(c), d_(r * c,
// 0.0) {}`), used through its member functions, private members
// included: each vector member is a local of its own named after the
// variable (`c_d_`), each number the value its initializer gives, and
// `c(i, j) = s;`, `c(i, j)`, `c.rows()` are what their one `return` says
// on those (`c_d_[i * n + j]`, `n`).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function gram --at 'x=[0.5,-1,2],n=3' -o - | FileCheck %s --check-prefix=AT
// CHECK: gram: at
// CHECK: scaled: at
// CHECK: steps: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 3 checked against the interpreter, 0 mismatches
// AT: gram(x = [0.5, -1, 2], n = 3)
// AT: param x[0]
#include <gradc/gradc.h>

#include <cmath>
#include <vector>

class Matrix {
public:
  Matrix(int r, int c) : r_(r), c_(c), d_(r * c, 0.0) {}
  double &operator()(int i, int j) { return d_[i * c_ + j]; }
  double operator()(int i, int j) const { return d_[i * c_ + j]; }
  int rows() const { return r_; }
  int cols() const { return c_; }

private:
  int r_, c_;
  std::vector<double> d_;
};

// The class: written through `c(i, j) = ...`, read back through
// `c(i, j)`, its loops bounded by `c.rows()` and `c.cols()`.
GRADC_DIFF("grad")
double gram(const std::vector<double> &x, int n) {
  Matrix c(n, n);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j)
      c(i, j) = x[i] * std::sin(x[j]);
  double s = 0;
  for (int i = 0; i < c.rows(); ++i)
    for (int j = 0; j < c.cols(); ++j)
      s += c(i, j) * c(i, j);
  return s;
}
// TEXT-LABEL: inline double gram_pullback(const std::vector<double> &x, int n,
// TEXT:         std::vector<double> c_d_(prod);
// TEXT:             c_d_[i * n + j] = x[i] * sin_v;
// TEXT-NOT:     Matrix
// TEXT:         std::vector<double> dc_d_(prod);
// TEXT-NEXT:    for (int i = 0; i < n; ++i) {
// TEXT-NEXT:      for (int j = 0; j < n; ++j) {
// TEXT-NEXT:        double c_d__old = c_d_[i * n + j];
// TEXT:             dc_d_[sum] += 2 * c_d_[sum] * ds;

// A number member that depends on the input, a const local read through
// its const accessor, and a constructor with a default argument.
class Scaled {
public:
  Scaled(double s, int n, double fill = 1.0) : s_(s * s), n_(n), v_(n, fill) {}
  double &operator[](int i) { return v_[i]; }
  double at(int i) const { return s_ * v_[i]; }
  int size() const { return n_; }

private:
  double s_;
  int n_;
  std::vector<double> v_;
};

GRADC_DIFF("grad")
double scaled(double s, double y) {
  Scaled a(s + y, 3);
  a[1] = y * y;
  a[2] = std::exp(s);
  double t = 0;
  for (int i = 0; i < a.size(); ++i)
    t += a.at(i) * a[i];
  return t;
}
// TEXT-LABEL: inline double scaled_pullback(double s, double y, double dout,
// TEXT:         double a_s_ = sum * sum;
// TEXT:         std::vector<double> a_v_(3);
// TEXT:           a_v_[i] = 1.0;
// TEXT:         double prod = a_s_ * a_v_[i];

// Made anew in each step of a loop.
GRADC_DIFF("grad")
double steps(const std::vector<double> &x, int n) {
  double s = 0;
  for (int t = 0; t < 2; ++t) {
    Matrix m(n, 2);
    for (int i = 0; i < m.rows(); ++i) {
      m(i, 0) = x[i] + t;
      m(i, 1) = x[i] * m(i, 0);
    }
    for (int i = 0; i < n; ++i)
      s += m(i, 1) * std::cos(m(i, 0));
  }
  return s;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "gram", {{"x", {0.5, -1, 2}}}, {{"n", {3}}},
      [](const Arrays &p) { return gram(p[0], 3); },
      [](const Arrays &p, Arrays &d) { return gram_grad(p[0], 3, d[0]); },
      [](const Arrays &p, double s, Arrays &d) {
        gram_pullback(p[0], 3, s, d[0]);
      });
  gradc_check::check_arrays(
      "scaled", {{"s", {0.75}}, {"y", {-0.5}}}, {},
      [](const Arrays &p) { return scaled(p[0][0], p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return scaled_grad(p[0][0], p[1][0], d[0][0], d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        scaled_pullback(p[0][0], p[1][0], s, d[0][0], d[1][0]);
      });
  gradc_check::check_arrays(
      "steps", {{"x", {0.25, -0.5, 1.5}}}, {{"n", {3}}},
      [](const Arrays &p) { return steps(p[0], 3); },
      [](const Arrays &p, Arrays &d) { return steps_grad(p[0], 3, d[0]); },
      [](const Arrays &p, double s, Arrays &d) {
        steps_pullback(p[0], 3, s, d[0]);
      });
  return gradc_check::finish();
}
#endif
