// The library's named constants in differentiated code:
// `std::numeric_limits<double>::infinity()`, `max()`, `lowest()`,
// `epsilon()`, <cmath>'s `INFINITY`, `NAN`, `HUGE_VAL`, <cfloat>'s
// `DBL_MAX`, and the classifications `std::isnan`, `std::isinf`,
// `std::isfinite`, `std::isnormal`, `std::signbit`: constants and tests
// that carry no derivative, written as the user wrote them, and run by the
// interpreter (`--check`, `--at`).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function robust_max --check --at 'x=[1.5,-2,0.25,3],n=4' 2>&1 | FileCheck %s --check-prefix=FD
// RUN: %gradc %s --function clipped --check --at 'x=[1.5,-2,0.25,3],n=4' 2>&1 | FileCheck %s --check-prefix=FD
// RUN: %gradc %s --function clipped --at 'x=[1.5,-2,0.25,3],n=4' | FileCheck %s --check-prefix=AT
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 2 checked against the interpreter, 0 mismatches
// FD: ok: all 4 entries agree with finite differences
// AT: clipped
#include <gradc/gradc.h>

#include <cfloat>
#include <cmath>
#include <limits>

GRADC_DIFF("grad")
double robust_max(const double *x, int n) {
  double best = -std::numeric_limits<double>::infinity();
  double least = std::numeric_limits<double>::max();
  double low = HUGE_VAL;
  double floor_ = std::numeric_limits<double>::lowest();
  for (int i = 0; i < n; ++i) {
    if (std::isnan(x[i]) || std::isinf(x[i]) || !std::isfinite(x[i]))
      continue;
    if (x[i] > best)
      best = x[i];
    if (x[i] < least)
      least = x[i];
    if (x[i] < low && std::isnormal(x[i]))
      low = x[i];
    if (x[i] > floor_)
      floor_ = x[i];
  }
  if (n == 0)
    return NAN;
  return best * least + low + floor_ * std::numeric_limits<double>::epsilon();
}
// TEXT-LABEL: inline double robust_max_pullback(
// TEXT:         double best = -std::numeric_limits<double>::infinity();
// TEXT-NEXT:    double least = std::numeric_limits<double>::max();
// TEXT-NEXT:    double low = HUGE_VAL;
// TEXT-NEXT:    double floor_ = std::numeric_limits<double>::lowest();
// TEXT:         std::isnan(x[i])
// TEXT:         result = std::numeric_limits<double>::quiet_NaN();

GRADC_DIFF("grad")
double clipped(const double *x, int n) {
  double m = -INFINITY;
  double cap = DBL_MAX;
  double s = 0;
  for (int i = 0; i < n; ++i) {
    double v = std::signbit(x[i]) ? -x[i] : x[i];
    if (v > m)
      m = v;
    if (v < cap)
      cap = v;
    s += v * x[i];
  }
  return s + m * cap;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

int main() {
  gradc_check::check_arrays(
      "robust_max", {{"x", {1.5, -2.0, 0.25, 3.0}}}, {{"n", {4}}},
      [](const Arrays &p) { return robust_max(p[0].data(), 4); },
      [](const Arrays &p, Arrays &d) {
        return robust_max_grad(p[0].data(), 4, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        robust_max_pullback(p[0].data(), 4, s, d[0].data());
      });
  gradc_check::check_arrays(
      "clipped", {{"x", {1.5, -2.0, 0.25, 3.0}}}, {{"n", {4}}},
      [](const Arrays &p) { return clipped(p[0].data(), 4); },
      [](const Arrays &p, Arrays &d) {
        return clipped_grad(p[0].data(), 4, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        clipped_pullback(p[0].data(), 4, s, d[0].data());
      });
  return gradc_check::finish();
}
#endif
