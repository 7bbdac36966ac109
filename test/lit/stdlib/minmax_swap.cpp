// std::min, std::max, std::clamp and std::abs as C++ uses them: a const
// reference bound to the element std::max returns, elements of arrays,
// passed on to a helper by const reference, of an initializer list, and on
// integers (computed, no derivative); std::swap of scalars and of array
// elements. Checked against central finite differences, the pullback and
// gradc's interpreter, never at a kink.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %clangxx -DGRADC_OUT='"%t.grad.h"' %s -o %t.clang && %t.clang
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
// The reference is read as the value it names.
// TEXT-LABEL: inline double ref_max_pullback(double a, double b, double dout, double &da,
// TEXT: double m = std::max(a, b);
// TEXT-LABEL: inline double clamped_pullback(double a, double lo, double hi, double dout,
// TEXT: double clamp_a = std::clamp(a, lo, hi);
// TEXT: bool a_lt_lo = a < lo;
// TEXT-NEXT: da += a_lt_lo || hi < a ? 0.0 : prod;
// TEXT-NEXT: dlo += a_lt_lo ? prod : 0.0;
// TEXT-NEXT: dhi += hi < a ? prod : 0.0;
// Integers are computed as written.
// TEXT-LABEL: inline double int_index_pullback(const double *x, int n, double dout,
// TEXT-NEXT: double *dx) {
// TEXT-NEXT: int k = std::max(n - 1, 0);
// TEXT-NEXT: int m = std::min(k, 2);
// TEXT: std::abs(n - 3)
// std::max of a list: nested calls.
// TEXT-LABEL: inline double max_list_pullback(double a, double b, double c, double dout,
// TEXT: double max_a = std::max(a, b);
// TEXT-NEXT: double max_list = std::max(max_a, c);
#include <gradc/gradc.h>

#include <algorithm>
#include <cstdlib>
#include <utility>
#include <vector>

GRADC_DIFF("grad")
double ref_max(double a, double b) {
  const double &m = std::max(a, b);
  return m * a;
}

GRADC_DIFF("grad")
double ref_min_elements(const double *x, int i, int j) {
  const double &m = std::min(x[i], x[j]);
  return m * m + std::max(x[i], x[j]);
}

double square(const double &v) { return v * v; }

GRADC_DIFF("grad")
double to_helper(double a, double b) { return square(std::min(a, b)) + a; }

GRADC_DIFF("grad")
double clamped(double a, double lo, double hi) {
  return std::clamp(a, lo, hi) * a;
}

GRADC_DIFF("grad")
double int_index(const double *x, int n) {
  int k = std::max(n - 1, 0);
  int m = std::min(k, 2);
  return x[k] * x[m] + x[0] * std::abs(n - 3) + std::clamp(n, 0, 1) * x[1];
}

GRADC_DIFF("grad")
double max_list(double a, double b, double c) { return std::max({a, b, c}); }

GRADC_DIFF("grad")
double min_list(double a, double b, double c) {
  return std::min({a * b, c, 2.0}) + a;
}

GRADC_DIFF("grad")
double swap_scalars(double a, double b) {
  std::swap(a, b);
  double t = a * b;
  std::swap(t, b);
  return a * 2 + b * 3 + t;
}

GRADC_DIFF("grad")
double swap_elements(const double *x, int i, int j) {
  double w[3] = {x[0], x[1] * x[1], x[2]};
  std::swap(w[i], w[j]);
  return w[0] * 3 + w[1] * w[2];
}

GRADC_DIFF("grad")
void swap_in_place(double *v, int i, int j) {
  std::swap(v[i], v[j]);
  v[0] *= v[1];
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  using gradc_check::Role;
  for (double A : {0.7, -1.3})
    for (double B : {1.1, -0.4}) {
      GRADC_CHECK_2(ref_max, A, B);
      GRADC_CHECK_2(to_helper, A, B);
      GRADC_CHECK_2(swap_scalars, A, B);
      GRADC_CHECK_3(max_list, A, B, 0.3);
      GRADC_CHECK_3(max_list, 0.3, A, B);
      GRADC_CHECK_3(min_list, A, B, 0.3);
    }
  for (double A : {-1.5, 0.5, 2.5})
    GRADC_CHECK_3(clamped, A, -1.0, 2.0);
  const std::vector<double> X = {0.5, -1.5, 2, 0.25};
  for (int I : {0, 2})
    for (int J : {1, 2}) {
      gradc_check::check_arrays(
          "ref_min_elements", {{"x", X}}, {{"i", {double(I)}}, {"j", {double(J)}}},
          [=](const Arrays &p) { return ref_min_elements(p[0].data(), I, J); },
          [=](const Arrays &p, Arrays &d) {
            return ref_min_elements_grad(p[0].data(), I, J, d[0].data());
          },
          [=](const Arrays &p, double s, Arrays &d) {
            ref_min_elements_pullback(p[0].data(), I, J, s, d[0].data());
          });
      gradc_check::check_arrays(
          "swap_elements", {{"x", X}}, {{"i", {double(I)}}, {"j", {double(J)}}},
          [=](const Arrays &p) { return swap_elements(p[0].data(), I, J); },
          [=](const Arrays &p, Arrays &d) {
            return swap_elements_grad(p[0].data(), I, J, d[0].data());
          },
          [=](const Arrays &p, double s, Arrays &d) {
            swap_elements_pullback(p[0].data(), I, J, s, d[0].data());
          });
      gradc_check::check_vjp(
          "swap_in_place", true, {{"v", X, Role::InOut}},
          {{"i", {double(I)}}, {"j", {double(J)}}},
          [=](Arrays &p) {
            swap_in_place(p[0].data(), I, J);
            return 0.0;
          },
          [=](Arrays &p, double, Arrays &d) {
            swap_in_place_pullback(p[0].data(), I, J, d[0].data());
          });
    }
  for (int N : {1, 3, 4})
    gradc_check::check_arrays(
        "int_index", {{"x", X}}, {{"n", {double(N)}}},
        [=](const Arrays &p) { return int_index(p[0].data(), N); },
        [=](const Arrays &p, Arrays &d) {
          return int_index_grad(p[0].data(), N, d[0].data());
        },
        [=](const Arrays &p, double s, Arrays &d) {
          int_index_pullback(p[0].data(), N, s, d[0].data());
        });
  return gradc_check::finish();
}
#endif
