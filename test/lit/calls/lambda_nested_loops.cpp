// A lambda given to a template helper of the user's (`F &&f`, `const F
// &f`) that calls it in nested loops, the lambda adding into a `double &`
// (its own parameter, or a capture of the caller's local): the call
// changes one number the helper was given by reference, which the
// backward sweep keeps on a tape of one number a call, as it does for an
// element at a constant index.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function pairs --at 'v=[0.5,-1,2],n=3' -o - | FileCheck %s --check-prefix=AT
// CHECK: pairs: at
// CHECK: weighted: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 2 checked against the interpreter, 0 mismatches
// AT: pairs(v = [0.5, -1, 2], n = 3) = 2.25
#include <gradc/gradc.h>

#include <cmath>

template <class F> void each(int n, int m, F &&f) {
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < m; ++j)
      f(i, j);
}

template <class F> void each_into(int n, const F &f, double &acc) {
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j)
      f(i, j, acc);
}

GRADC_DIFF("grad wrt(v)")
double pairs(const double *v, int n) {
  double acc = 0;
  each(n, n, [&](int i, int j) { acc += v[i] * v[j]; });
  return acc;
}
// TEXT-LABEL: inline void each_pairs_lambda_pullback(
// TEXT: acc_tape.push_reserved(acc);
// TEXT-NEXT: pairs_lambda(i, j, acc, v);
// TEXT: double acc_2 = acc_tape.pop();
// TEXT: pairs_lambda_pullback(i, j, acc_2, v, dacc, dv);

GRADC_DIFF("grad wrt(v, w)")
double weighted(const double *v, double w, int n) {
  double acc = 0;
  each_into(
      n, [&](int i, int j, double &a) { a += std::sin(w * v[i]) * v[j] * a; },
      acc);
  return acc + w;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "pairs", {{"v", {0.5, -1, 2}}}, {{"n", {3}}},
      [](const Arrays &p) { return pairs(p[0].data(), 3); },
      [](const Arrays &p, Arrays &d) {
        return pairs_grad(p[0].data(), 3, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        pairs_pullback(p[0].data(), 3, s, d[0].data());
      });
  gradc_check::check_arrays(
      "weighted", {{"v", {0.5, -1, 0.25}}, {"w", {0.75}}}, {{"n", {3}}},
      [](const Arrays &p) { return weighted(p[0].data(), p[1][0], 3); },
      [](const Arrays &p, Arrays &d) {
        return weighted_grad(p[0].data(), p[1][0], 3, d[0].data(), d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        weighted_pullback(p[0].data(), p[1][0], 3, s, d[0].data(), d[1][0]);
      });
  return gradc_check::finish();
}
#endif
