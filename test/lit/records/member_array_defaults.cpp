// Default member initializers on array members (`std::array<double, 9>
// a{};`, `double s[3] = {0, 0, 0};`, `double w[2] = {0.5, 1.5};`): a local
// declared without braces (`Mat3 C;`) starts with them, its adjoint at
// zero. Also an accessor operator returning an element of a std::array
// member (`double &operator()(int i, int j) { return a[3 * i + j]; }`).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function=weighted --check --at x=2 | FileCheck %s --check-prefix=AT
// CHECK: frob_sq: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 3 checked against the interpreter, 0 mismatches
// AT: x 3 3
#include <gradc/gradc.h>

#include <array>
#include <cmath>

struct Mat3 {
  std::array<double, 9> a{};
  double &operator()(int i, int j) { return a[3 * i + j]; }
  double operator()(int i, int j) const { return a[3 * i + j]; }
};

static Mat3 matmul(const Mat3 &A, const Mat3 &B) {
  Mat3 C;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) {
      double s = 0;
      for (int k = 0; k < 3; ++k)
        s += A(i, k) * B(k, j);
      C(i, j) = s;
    }
  return C;
}

GRADC_DIFF("grad")
double frob_sq(const Mat3 &A) {
  Mat3 AtA = matmul(A, A);
  double tr = 0;
  for (int i = 0; i < 3; ++i)
    tr += AtA(i, i) * AtA(i, i);
  return tr;
}

struct Moments {
  double s[3] = {0, 0, 0};
  void add(double x) {
    s[0] += 1;
    s[1] += x;
    s[2] += x * x;
  }
  double var() const {
    double m = s[1] / s[0];
    return s[2] / s[0] - m * m;
  }
};

GRADC_DIFF("grad")
double var_of_logs(const double *x, int n) {
  Moments m;
  for (int i = 0; i < n; ++i)
    m.add(std::log(x[i]));
  return m.var();
}
// TEXT-LABEL: inline double var_of_logs_pullback(
// TEXT:         Moments m;
// TEXT-NEXT:    m.s[0] = 0;
// TEXT-NEXT:    m.s[1] = 0;
// TEXT-NEXT:    m.s[2] = 0;
// TEXT:         Moments dm = gradc::zero<Moments>();

struct Weights {
  double w[2] = {0.5, 1.5};
  double b;
};

GRADC_DIFF("grad")
double weighted(double x) {
  Weights k;
  k.b = x;
  k.w[1] *= x;
  return k.w[0] * x + k.w[1] + k.b;
}
// TEXT-LABEL: inline double weighted_pullback(
// TEXT:         Weights k;
// TEXT-NEXT:    k.w[0] = 0.5;
// TEXT-NEXT:    k.w[1] = 1.5;

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  using gradc_check::as;
  using gradc_check::back;
  gradc_check::check_arrays(
      "frob_sq", {{"A", {0.1, -0.1, 0.3, 0.1, 0.5, 0.3, 0.7, 0.5, 0.9}}}, {},
      [](const Arrays &p) { return frob_sq(as<Mat3>(p[0])); },
      [](const Arrays &p, Arrays &d) {
        Mat3 dA = as<Mat3>(d[0]);
        double f = frob_sq_grad(as<Mat3>(p[0]), dA);
        back(dA, d[0]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        Mat3 dA = as<Mat3>(d[0]);
        frob_sq_pullback(as<Mat3>(p[0]), s, dA);
        back(dA, d[0]);
      });
  gradc_check::check_arrays(
      "var_of_logs", {{"x", {0.5, 1.3, 2.2, 0.9}}}, {{"n", {4}}},
      [](const Arrays &p) { return var_of_logs(p[0].data(), 4); },
      [](const Arrays &p, Arrays &d) {
        return var_of_logs_grad(p[0].data(), 4, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        var_of_logs_pullback(p[0].data(), 4, s, d[0].data());
      });
  GRADC_CHECK_1(weighted, 2.0);
  return gradc_check::finish();
}
#endif
