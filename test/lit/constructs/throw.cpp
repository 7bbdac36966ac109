// `throw` as an argument check: the generated functions (gradient,
// pullback, helpers' pullbacks) throw the same exception at the same point
// of the forward sweep, before any backward work touches an adjoint.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: not %gradc %s --function scaled_norm --at 'x=[1,2],n=0,s=1' -o - 2>&1 | FileCheck %s --check-prefix=AT
// RUN: not %gradc %s --function log_sum --at 'x=[1,0,3],n=3' -o - 2>&1 | FileCheck %s --check-prefix=ATHELPER
// RUN: not %gradc %s --function counted --at 'x=1.5,n=-3' -o - 2>&1 | FileCheck %s --check-prefix=ATVALUE
// RUN: not %gradc %s --function log_sum --check --at 'x=[1,0,3],n=3' 2>&1 | FileCheck %s --check-prefix=ATHELPER
// RUN: %gradc %s --function scaled_norm --at 'x=[3,4],n=2,s=2' -o - | FileCheck %s --check-prefix=ATOK
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: {{[0-9]+}} checked against the interpreter, 0 mismatches
// AT: throw.cpp:37:5: in scaled_norm_grad: throws std::invalid_argument("n must be positive")
// ATHELPER: throw.cpp:67:5: in safe_log: throws std::domain_error("log of a non-positive number")
// ATVALUE: in counted_grad: throws BadCount(-3)
// ATOK: scaled_norm(x = [3, 4], n = 2, s = 2) = 10
// ATOK: param  s              2                        5
#include <gradc/gradc.h>

#include <cmath>
#include <stdexcept>
#include <vector>

/// A check of the user's own, carrying a number.
struct BadCount {
  explicit BadCount(int n) : n(n) {}
  int n;
};

GRADC_DIFF("grad wrt(x, s)")
double scaled_norm(const double *x, int n, double s) {
  if (n <= 0)
    throw std::invalid_argument("n must be positive");
  double sum = 0;
  for (int i = 0; i < n; ++i)
    sum += x[i] * x[i];
  return s * std::sqrt(sum);
}
// TEXT: #include <stdexcept>
// TEXT-LABEL: inline void safe_log_pullback(double v, double dout, double &dv) {
// TEXT:         if (v <= 0) {
// TEXT-NEXT:      throw std::domain_error("log of a non-positive number");
// TEXT-LABEL: inline double scaled_norm_pullback(
// TEXT:         if (n <= 0) {
// TEXT-NEXT:      throw std::invalid_argument("n must be positive");
// TEXT:         double sum = 0;

GRADC_DIFF("grad")
double dot(const std::vector<double> &x, const std::vector<double> &y) {
  if (x.size() != y.size())
    throw std::runtime_error("sizes differ");
  double s = 0;
  for (std::size_t i = 0; i < x.size(); ++i)
    s += x[i] * y[i];
  return s;
}
// TEXT-LABEL: inline double dot_pullback(
// TEXT:         if (x.size() != y.size()) {
// TEXT-NEXT:      throw std::runtime_error("sizes differ");

double safe_log(double v) {
  if (v <= 0)
    throw std::domain_error("log of a non-positive number");
  return std::log(v);
}

// Deep in a loop, in a helper: the helper's pullback throws too.
GRADC_DIFF("grad")
double log_sum(const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    if (std::isnan(x[i]))
      throw std::domain_error("x holds a NaN");
    s += safe_log(x[i] * x[i]);
  }
  return s;
}
// TEXT-LABEL: inline double log_sum_pullback(
// TEXT:           throw std::domain_error("x holds a NaN");

GRADC_DIFF("grad")
double counted(double x, int n) {
  if (n < 0)
    throw BadCount(n);
  double p = 1;
  for (int i = 0; i < n; ++i)
    p *= x;
  return p;
}
// TEXT-LABEL: inline double counted_pullback(
// TEXT:         throw BadCount(n);

// Every path returns or throws.
GRADC_DIFF("grad")
double branch(double x, int k) {
  switch (k) {
  case 0:
    return x * x;
  case 1:
    return std::sin(x);
  }
  throw std::invalid_argument("k must be 0 or 1");
}

GRADC_DIFF("grad")
double root(double x) {
  double r;
  if (x >= 0)
    r = std::sqrt(x);
  else
    throw std::domain_error("x must not be negative");
  return 3 * r;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

#include <string>

using gradc_check::Arrays;

/// Whether Call throws E, leaving the adjoint it is given as it was.
template <typename E, typename F> void expect_throw(const char *Name, F Call) {
  double d = 0.25;
  bool Thrown = false;
  try {
    Call(d);
  } catch (const E &) {
    Thrown = true;
  }
  if (!Thrown || d != 0.25)
    gradc_check::fail(std::string(Name) + (Thrown ? ": the adjoint changed"
                                                  : ": no exception"));
}

int main() {
  gradc_check::check_arrays(
      "scaled_norm", {{"x", {0.5, -1.5, 2.0}}, {"s", {1.25}}}, {{"n", {3}}},
      [](const Arrays &p) { return scaled_norm(p[0].data(), 3, p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return scaled_norm_grad(p[0].data(), 3, p[1][0], d[0].data(), d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        scaled_norm_pullback(p[0].data(), 3, p[1][0], s, d[0].data(),
                             d[1][0]);
      });
  gradc_check::check_arrays(
      "log_sum", {{"x", {0.5, -1.5, 2.0}}}, {{"n", {3}}},
      [](const Arrays &p) { return log_sum(p[0].data(), 3); },
      [](const Arrays &p, Arrays &d) {
        return log_sum_grad(p[0].data(), 3, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        log_sum_pullback(p[0].data(), 3, s, d[0].data());
      });
  GRADC_CHECK_1(root, 0.7);
  double x[] = {1.0, 2.0, 0.0};
  expect_throw<std::invalid_argument>("scaled_norm", [&](double &d) {
    double dx[3] = {d, d, d};
    scaled_norm_grad(x, 0, 2.0, dx, d);
    d = dx[0] == 0.25 ? d : -1;
  });
  expect_throw<std::domain_error>("log_sum", [&](double &d) {
    double dx[3] = {d, d, d};
    log_sum_grad(x, 3, dx);
    d = dx[0] == 0.25 && dx[1] == 0.25 ? d : -1;
  });
  expect_throw<std::domain_error>(
      "root", [&](double &d) { root_grad(-1.0, d); });
  expect_throw<std::invalid_argument>(
      "branch", [&](double &d) { branch_grad(0.5, 2, d); });
  expect_throw<BadCount>("counted",
                         [&](double &d) { counted_grad(0.5, -1, d); });
  expect_throw<std::runtime_error>("dot", [&](double &d) {
    std::vector<double> a{1, 2}, b{1}, da{d, d}, db{d};
    dot_grad(a, b, da, db);
    d = da[0] == 0.25 ? d : -1;
  });
  return gradc_check::finish();
}
#endif
