// `std::exchange(a, b)` of numbers (the old value, the new one written) and
// a place chosen by a condition as an assignment's target
// (`(c ? a : b) = v;`, `(c ? lo[i] : hi[i]) += v;`, nested choices) are the
// statements they mean: `double old = a; a = b;` and `if (c) a = v; else b
// = v;`, v computed once, before the branch, as C++17 orders it.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 5 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>
#include <utility>

GRADC_DIFF("grad")
double fib_like(double a, double b) {
  double prev = a, cur = b;
  for (int i = 0; i < 4; ++i)
    prev = std::exchange(cur, cur + 0.5 * prev * cur);
  return prev * cur;
}
// TEXT-LABEL: inline double fib_like_pullback(
// TEXT:           double cur_old = cur;
// TEXT:           cur = cur_old + 0.5 * prev * cur_old;
// TEXT-NEXT:      prev = cur_old;

GRADC_DIFF("grad")
double swap_in(double x, double y) {
  double s = x;
  double old = std::exchange(s, std::sin(y) * s);
  double was = std::exchange(s, 2.0 * old);
  std::exchange(s, s * was);
  return old * was + s;
}

GRADC_DIFF("grad")
double chosen(double x, double y) {
  double a = x, b = y;
  for (int i = 0; i < 4; ++i) {
    (i % 2 == 0 ? a : b) += x * y;
    (a > b ? a : b) = 0.5 * (a + b) * std::cos(x);
  }
  return a * b;
}
// TEXT-LABEL: inline double chosen_pullback(
// TEXT:           if (i % 2 == 0) {
// TEXT-NEXT:        a += prod;
// TEXT-NEXT:      } else {
// TEXT-NEXT:        b += prod;
// TEXT-NEXT:      }
// TEXT:           if (a_old > b) {
// TEXT-NEXT:        a = prod_2;
// TEXT-NEXT:      } else {
// TEXT-NEXT:        b = prod_2;
// TEXT-NEXT:      }

GRADC_DIFF("grad wrt(v, w)")
double split(const double *v, double w, int n) {
  double lo[4] = {}, hi[4] = {};
  for (int i = 0; i < n; ++i)
    (v[i] < w ? lo[i % 4] : hi[i % 4]) += v[i] * w;
  double r = 0;
  for (int k = 0; k < 4; ++k)
    (k == 0 ? r : k == 1 ? lo[0] : hi[0]) *= 1 + lo[k] - hi[k];
  return r + lo[0] + hi[0];
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

int main() {
  GRADC_CHECK_2(fib_like, 0.3, 0.7);
  GRADC_CHECK_2(swap_in, 0.9, -0.4);
  GRADC_CHECK_2(chosen, 0.8, 1.3);
  GRADC_CHECK_2(chosen, 1.6, 0.2);
  gradc_check::check_arrays(
      "split", {{"v", {0.5, -1.0, 2.0, 0.25, 1.5}}, {"w", {0.3}}},
      {{"n", {5}}},
      [](const Arrays &p) { return split(p[0].data(), p[1][0], 5); },
      [](const Arrays &p, Arrays &d) {
        return split_grad(p[0].data(), p[1][0], 5, d[0].data(), d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        split_pullback(p[0].data(), p[1][0], 5, s, d[0].data(), d[1][0]);
      });
  return gradc_check::finish();
}
#endif
