// std::vector locals initialized from a list (`std::vector<double> v{a,
// 2 * a};`, `= {a, b, c}`): a vector of the list's size whose elements are
// stored one by one, as a std::array's are; one that then grows, and one
// declared in a loop.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function=listed --check --at a=0.5,b=2 | FileCheck %s --check-prefix=AT
// CHECK: listed: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 3 checked against the interpreter, 0 mismatches
// AT: ok: all 2 entries agree with finite differences
#include <gradc/gradc.h>

#include <cmath>
#include <vector>

static double sumsq(const std::vector<double> &v) {
  double s = 0;
  for (double e : v)
    s += e * e;
  return s;
}

GRADC_DIFF("grad")
double listed(double a, double b) {
  std::vector<double> v{a, 2 * a};
  std::vector<double> w = {a * b, 0, std::sin(b)};
  v[1] *= w[2];
  return v[0] * v[1] + sumsq(w) + w.size();
}
// TEXT-LABEL: inline double listed_pullback(
// TEXT:         std::vector<double> v(2);
// TEXT-NEXT:    v[0] = a;
// TEXT-NEXT:    v[1] = 2 * a;
// TEXT:         std::vector<double> w(3);
// TEXT-NEXT:    w[0] = a * b;
// TEXT-NEXT:    w[2] = std::sin(b);

GRADC_DIFF("grad")
double grown(double a) {
  std::vector<double> v{a, 2 * a};
  v.push_back(v[1] * v[1]);
  return v[2] + v[0] * v.size();
}
// TEXT-LABEL: inline double grown_pullback(
// TEXT:         std::vector<double> v(2);
// TEXT:         v.push_back(v_old * v_old);

GRADC_DIFF("grad")
double in_loop(double a, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    std::vector<double> p = {a * i, a + i};
    s += p[0] * p[1];
  }
  return s;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  GRADC_CHECK_2(listed, 0.5, 2.0);
  GRADC_CHECK_1(grown, 0.75);
  gradc_check::check_arrays(
      "in_loop", {{"a", {0.5}}}, {{"n", {3}}},
      [](const Arrays &p) { return in_loop(p[0][0], 3); },
      [](const Arrays &p, Arrays &d) {
        return in_loop_grad(p[0][0], 3, d[0][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        in_loop_pullback(p[0][0], 3, s, d[0][0]);
      });
  return gradc_check::finish();
}
#endif
