// A template helper that deduced its parameter from a pointer variable
// (`const double *yp = y.data()`) is named with what it deduced: the
// generated code passes the memory the pointer points into (`y.data()`),
// whose constness may differ, and deduction would fail there.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
#include <gradc/gradc.h>

#include <cmath>
#include <vector>

template <class P> double dot(P a, P b, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += a[i] * std::sin(b[i]);
  return s;
}

template <class T> T twice(T v) { return 2 * v; }

/// y is copied (by value): its data is `double *`, yp is `const double *`.
GRADC_DIFF("grad")
double by_value(const std::vector<double> &x, std::vector<double> y) {
  const double *yp = y.data();
  const double *xp = x.data();
  return dot(xp, yp, 3);
}
// TEXT-LABEL: inline double by_value_pullback(
// TEXT:         double by_value = dot<const double *>(x.data(), y_2.data(), 3);

/// A pointer parameter passed through a pointer to const.
GRADC_DIFF("grad")
double through_const(double *x, const double *y) {
  const double *xp = x;
  return dot(xp, y, 3) + twice(x[0]);
}
// TEXT-LABEL: inline double through_const_pullback(
// TEXT:         double dot_x = dot<const double *>(x, y, 3);
// TEXT-NEXT:    double through_const = dot_x + twice(x[0]);

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

int main() {
  gradc_check::check_arrays(
      "by_value", {{"x", {0.9, 0.7, -0.5}}, {"y", {1.1, 0.3, -0.8}}}, {},
      [&](const Arrays &p) {
        return by_value(p[0], p[1]);
      },
      [&](const Arrays &p, Arrays &d) {
        return by_value_grad(p[0], p[1], d[0], d[1]);
      },
      [&](const Arrays &p, double s, Arrays &d) {
        by_value_pullback(p[0], p[1], s, d[0], d[1]);
      });
  gradc_check::check_arrays(
      "through_const", {{"x", {0.9, 0.7, -0.5}}, {"y", {1.1, 0.3, -0.8}}},
      {},
      [&](const Arrays &p) {
        std::vector<double> x = p[0];
        return through_const(x.data(), p[1].data());
      },
      [&](const Arrays &p, Arrays &d) {
        std::vector<double> x = p[0];
        return through_const_grad(x.data(), p[1].data(), d[0].data(),
                                  d[1].data());
      },
      [&](const Arrays &p, double s, Arrays &d) {
        std::vector<double> x = p[0];
        through_const_pullback(x.data(), p[1].data(), s, d[0].data(),
                               d[1].data());
      });
  return gradc_check::finish();
}
#endif
