// Found by the random tester (seed 136017, function 5): a value the
// backward sweep computes again, `std::max(g, k)` with `std::ptrdiff_t g =
// 1`, had its constant made again as a `long long` (the constant kept its
// kind, not its type's name), and `std::max(static_cast<long long>(1), k)`
// does not compile beside a `long`. Constants made again keep the type the
// user wrote.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
// TEXT-LABEL: inline double f_pullback(
// TEXT:           std::ptrdiff_t h = std::max(static_cast<std::ptrdiff_t>(1), k);
// TEXT:           std::ptrdiff_t h = std::max(static_cast<std::ptrdiff_t>(1), k);
#include <gradc/gradc.h>
#include <algorithm>
#include <cmath>
#include <cstddef>
GRADC_DIFF("grad wrt(x)")
double f(double x, long k, int n) {
  double y = x;
  for (int i = 0; i < n; ++i) {
    std::ptrdiff_t g = 1;
    std::ptrdiff_t h = std::max(g, static_cast<std::ptrdiff_t>(k));
    y += static_cast<double>(h) * std::sin(y);
    if (y > 100)
      break;
  }
  return y;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

int main() {
  gradc_check::check_arrays(
      "f", {{"x", {0.7}}}, {{"k", {2}}, {"n", {3}}},
      [](const Arrays &p) { return f(p[0][0], 2, 3); },
      [](const Arrays &p, Arrays &d) { return f_grad(p[0][0], 2, 3, d[0][0]); },
      [](const Arrays &p, double s, Arrays &d) {
        f_pullback(p[0][0], 2, 3, s, d[0][0]);
      });
  return gradc_check::finish();
}
#endif
