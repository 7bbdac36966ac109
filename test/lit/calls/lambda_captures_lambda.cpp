// A lambda that captures another lambda (`[&sq]`, `[sq]`, `[&]`) calls it
// as its caller would: its function takes the captured lambda's captures
// after its own, and calls that lambda's function with them. Nested two
// deep, captured by a lambda passed to a template, and with captures of
// its own read where the outer lambda is called.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: FileCheck %s --check-prefix=PRIMAL < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 4 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

GRADC_DIFF("grad")
double g(double x, double y) {
  auto sq = [](double t) { return t * t; };
  auto comb = [&sq](double a, double b) { return sq(a) + sq(b) * a; };
  return comb(x, y);
}
// TEXT-LABEL: inline void g_comb_pullback(double a, double b, double dout, double &da,
// TEXT:         da += g_sq(b) * dout;
// TEXT-NEXT:    g_sq_pullback(b, a * dout, db);
// TEXT-NEXT:    g_sq_pullback(a, dout, da);

GRADC_DIFF("grad")
double scaled(double x, double k) {
  auto mul = [k](double t) { return k * t; };
  auto twice = [mul](double t) { return mul(mul(t)); };
  auto outer = [&](double t) { return std::sin(twice(t)) * x; };
  return outer(x) * k;
}
// PRIMAL-LABEL: inline double scaled_twice(double t, double k) {
// PRIMAL-NEXT:    return scaled_mul(scaled_mul(t, k), k);
// PRIMAL-LABEL: inline double scaled_outer(double t, double x, double k) {
// PRIMAL-NEXT:    return std::sin(scaled_twice(t, k)) * x;

template <class F> double sum_of(F f, const double *v, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += f(v[i]);
  return s;
}

GRADC_DIFF("grad wrt(v, c)")
double passed(const double *v, int n, double c) {
  auto sh = [c](double t) { return t - c; };
  return sum_of([&sh, c](double t) { return sh(t) * sh(t) * c; }, v, n);
}
// PRIMAL-LABEL: inline double passed_lambda(double t, double c, double c_) {
// PRIMAL-NEXT:    return passed_sh(t, c_) * passed_sh(t, c_) * c;

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

int main() {
  GRADC_CHECK_2(g, 0.7, -1.3);
  GRADC_CHECK_2(scaled, 0.4, 1.7);
  GRADC_CHECK_2(scaled, -1.1, 0.3);
  gradc_check::check_arrays(
      "passed", {{"v", {0.5, -1.0, 2.0}}, {"c", {0.3}}}, {{"n", {3}}},
      [](const Arrays &p) { return passed(p[0].data(), 3, p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return passed_grad(p[0].data(), 3, p[1][0], d[0].data(), d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        passed_pullback(p[0].data(), 3, p[1][0], s, d[0].data(), d[1][0]);
      });
  return gradc_check::finish();
}
#endif
