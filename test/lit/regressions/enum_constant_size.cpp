// Found by the random tester (seed 7, function 10, reduced): a helper
// written inline declares `std::vector<double> g(2 * m)`, whose size is
// computed once at the top; the sizes already there were searched for an
// equal one, and the enumerator `ge::Mode::Hi` (2) compared equal to the
// 2 of `2 * m`, so the header said `ge::Mode::Hi * n`, which does not
// compile for an enum class. A constant is also its spelling and its
// type's name.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
// TEXT-LABEL: inline double f_pullback(
// TEXT:         int prod_2 = 2 * n;
#include <gradc/gradc.h>

#include <cmath>
#include <vector>

namespace ge {
enum class Mode { Lo, Mid, Hi };
}

inline void step(int m, double *h) {
  std::vector<double> g(2 * m);
  for (int i = 0; i < m; ++i) {
    g[i] = std::tanh(h[i]);
    h[i] = g[i] * h[i];
  }
}

GRADC_DIFF("grad wrt(x)")
double f(double x, int k, int n) {
  ge::Mode gm = static_cast<ge::Mode>(k % 3);
  double u = x;
  if (gm != ge::Mode::Hi)
    u *= 0.5;
  std::vector<double> s(3 * n, x);
  for (int j = 0; j < 1; ++j)
    step(n, s.data());
  return u + s[0] + s[n];
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

int main() {
  for (int K : {1, 2})
    gradc_check::check_arrays(
        "f", {{"x", {0.7}}}, {{"k", {double(K)}}, {"n", {2}}},
        [&](const Arrays &p) { return f(p[0][0], K, 2); },
        [&](const Arrays &p, Arrays &d) {
          return f_grad(p[0][0], K, 2, d[0][0]);
        },
        [&](const Arrays &p, double s, Arrays &d) {
          f_pullback(p[0][0], K, 2, s, d[0][0]);
        });
  return gradc_check::finish();
}
#endif
