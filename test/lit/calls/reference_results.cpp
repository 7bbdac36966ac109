// Helpers returning a reference to a number, as C++ code writes them:
// `const double &pick(a, b)` read (a call, with its pullback), `double
// &biggest(double *a, int n)` written (`biggest(a, n) *= 3`: its body is
// lowered where the call is and its return names the element written),
// accessors of a struct (`double &at(int i)`, `const double &lead() const`,
// read and written in place), a reference bound to a result (`double &m =
// p.at(2);`), a helper returning its `double &` parameter, and a search
// over a std::vector. Checked against central finite differences, the
// pullback and gradc's interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function largest_tripled --at 'a=[0.5,2,-1,1.5],n=4' | FileCheck %s --check-prefix=AT
// CHECK: picked: at
// CHECK: largest_tripled: at
// CHECK: accessors: at
// CHECK: passed_through: at
// CHECK: vector_search: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
// AT: largest_tripled(a = [0.5, 2, -1, 1.5], n = 4)
#include <gradc/gradc.h>

#include <algorithm>
#include <vector>

const double &pick(const double &a, const double &b) { return a > b ? a : b; }

double &biggest(double *a, int n) {
  int k = 0;
  for (int i = 1; i < n; ++i)
    if (a[i] > a[k])
      k = i;
  return a[k];
}

// A read of a reference result is the value it names: a call.
GRADC_DIFF("grad")
double picked(double x, double y) {
  const double &m = pick(x, y);
  return pick(x, y) * y + m;
}
// TEXT-LABEL: inline void pick_pullback(const double &a, const double &b, double dout,
// TEXT:         da += a_gt_b ? dout : 0.0;
// TEXT-LABEL: inline double picked_pullback(
// TEXT:         double m = pick(x, y);

// A write through it is a write of the element it names.
GRADC_DIFF("grad")
double largest_tripled(double *a, int n) {
  biggest(a, n) *= 3;
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += a[i] * a[i];
  return s;
}
// TEXT-LABEL: inline double largest_tripled_pullback(double *a, int n, double dout,
// TEXT:         int k = 0;
// TEXT-NEXT:    for (int i = 1; i < n; ++i) {
// TEXT-NEXT:      if (a[i] > a[k]) {
// TEXT-NEXT:        k = i;
// TEXT-NEXT:      }
// TEXT-NEXT:    }
// TEXT-NEXT:    a[k] *= 3;
// TEXT:         // reference_results.cpp:{{[0-9]+}}: biggest(a, n) *= 3;
// TEXT-NEXT:    da[k] *= 3;

struct Poly {
  double c[4];
  double &at(int i) { return c[i]; }
  const double &lead() const { return c[3]; }
};

// Accessors whose body names an element are that element, read or written.
GRADC_DIFF("grad")
double accessors(double x, double t) {
  Poly p{};
  p.at(0) = x;
  p.at(1) = t * x;
  p.at(3) = 2 * t;
  p.at(1) += p.at(0) * t;
  double &m = p.at(2);
  m = x * x;
  const double &l = p.lead();
  return p.at(0) * p.at(1) + m * l + std::max(x, t);
}
// TEXT-LABEL: inline double accessors_pullback(
// TEXT:         p.c[0] = x;
// TEXT-NEXT:    p.c[1] = t * x;
// TEXT:         p.c[2] = x * x;
// TEXT-NEXT:    double accessors = p.c[0] * p.c[1] + p.c[2] * p.c[3] + std::max(x, t);

double &self(double &a) { return a; }

GRADC_DIFF("grad")
double passed_through(double x, double y) {
  double u = x, v = y;
  self(u) *= v;
  double &w = self(v);
  w += u;
  return u * v;
}
// TEXT-LABEL: inline double passed_through_pullback(
// TEXT:         u = u_old * v_old;
// TEXT-NEXT:    v = v_old + u;

double &biggest_of(std::vector<double> &v) {
  size_t k = 0;
  for (size_t i = 1; i < v.size(); ++i)
    if (v[i] > v[k])
      k = i;
  return v[k];
}

// Written in place, then read through a call (biggest_of_pullback) beside
// another element: the call changes nothing, as `v[k]` does not.
GRADC_DIFF("grad")
double vector_search(std::vector<double> &v, double t) {
  biggest_of(v) += t;
  double s = biggest_of(v) * v[0];
  for (double e : v)
    s += e * t;
  return s;
}
// TEXT-LABEL: inline double vector_search_pullback(
// TEXT:         v[k] += t;
// TEXT-NEXT:    double biggest_of_v = biggest_of(v);
// TEXT:         biggest_of_pullback(v, v[0] * ds, dv);

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  using gradc_check::Role;
  GRADC_CHECK_2(picked, 0.75, -1.5);
  GRADC_CHECK_2(picked, -0.5, 1.25);
  gradc_check::check_vjp(
      "largest_tripled", false, {{"a", {0.5, 2, -1, 1.5}, Role::InOut}},
      {{"n", {4}}},
      [](Arrays &p) { return largest_tripled(p[0].data(), 4); },
      [](Arrays &p, double s, Arrays &d) {
        largest_tripled_pullback(p[0].data(), 4, s, d[0].data());
      });
  GRADC_CHECK_2(accessors, 0.5, -1.25);
  GRADC_CHECK_2(passed_through, 0.75, 1.5);
  gradc_check::check_vjp(
      "vector_search", false,
      {{"v", {0.5, -2, 1.75, 1}, Role::InOut}, {"t", {0.25}, Role::In}}, {},
      [](Arrays &p) { return vector_search(p[0], p[1][0]); },
      [](Arrays &p, double s, Arrays &d) {
        vector_search_pullback(p[0], p[1][0], s, d[0], d[1][0]);
      });
  return gradc_check::finish();
}
#endif
