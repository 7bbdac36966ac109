// Local structs holding std::vector members (issue 14), declared in the
// function or outside it, used through their members: each member is a
// local of its own in generated code (`s.v` is `s_v`), so that vectors
// grow (push_back in straight code and loops), are sized where the struct
// is made (`Acc a{std::vector<double>(n), 0.5};`), indexed and passed on
// as any local vector is; numbers left out of the braces are zero.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function grow --at 'x=[0.5,-1,2],n=3' -o - | FileCheck %s --check-prefix=AT
// CHECK: f3: at
// CHECK: grow: at
// CHECK: sized: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 3 checked against the interpreter, 0 mismatches
// AT: grow(x = [0.5, -1, 2], n = 3)
// AT: param x[0]
#include <gradc/gradc.h>

#include <cmath>
#include <vector>

// The example: a struct declared in the function.
GRADC_DIFF("grad")
double f3(double x) {
  struct S {
    std::vector<double> v;
  };
  S s;
  s.v.push_back(x);
  s.v.push_back(x * x);
  return s.v[0] * s.v[1];
}
// TEXT-LABEL: inline double f3_pullback(double x, double dout, double &dx) {
// TEXT-NEXT:    std::vector<double> s_v;
// TEXT:         s_v.push_back(x);
// TEXT:         s_v.push_back(x * x);
// TEXT-NEXT:    double f3 = s_v[0] * s_v[1];
// TEXT:         // vector_members_local.cpp:{{[0-9]+}}: return s.v[0] * s.v[1];
// TEXT-NEXT:    std::vector<double> ds_v(s_v.size());

struct Acc {
  std::vector<double> xs;
  double total;
  int count;
};

static double sum(const std::vector<double> &v) {
  double s = 0;
  for (double e : v)
    s += e;
  return s;
}

// Grown in a loop, its numbers zeroed by the braces, a member passed on.
GRADC_DIFF("grad")
double grow(const double *x, int n) {
  Acc a{};
  for (int i = 0; i < n; ++i) {
    a.xs.push_back(x[i] * x[i]);
    a.total += x[i];
    a.count += 1;
  }
  return sum(a.xs) * a.total / a.count;
}
// TEXT-LABEL: inline double grow_pullback(const double *x, int n, double dout, double *dx) {
// TEXT:         std::vector<double> a_xs;
// TEXT-NEXT:    double a_total = 0;
// TEXT-NEXT:    int a_count = 0;
// TEXT:           a_xs.push_back(x[i] * x[i]);
// TEXT-NEXT:      a_total += x[i];
// TEXT:         // vector_members_local.cpp:{{[0-9]+}}: return sum(a.xs) * a.total / a.count;
// TEXT:         sum_pullback(a_xs, a_total * quot, da_xs);

// Sized where it is made, written in a loop, read by range-for.
GRADC_DIFF("grad")
double sized(double x, double y, int n) {
  Acc a{std::vector<double>(n), 0.5, n};
  for (int i = 0; i < n; ++i)
    a.xs[i] = std::sin(x * i) + y;
  a.total = a.total * x;
  double s = 0;
  for (double e : a.xs)
    s += e * a.total;
  return s;
}
// TEXT-LABEL: inline double sized_pullback(double x, double y, int n, double dout,
// TEXT:         std::vector<double> a_xs(n);

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "f3", {{"x", {1.25}}}, {},
      [](const Arrays &p) { return f3(p[0][0]); },
      [](const Arrays &p, Arrays &d) { return f3_grad(p[0][0], d[0][0]); },
      [](const Arrays &p, double s, Arrays &d) {
        f3_pullback(p[0][0], s, d[0][0]);
      });
  gradc_check::check_arrays(
      "grow", {{"x", {0.5, -1, 2}}}, {{"n", {3}}},
      [](const Arrays &p) { return grow(p[0].data(), 3); },
      [](const Arrays &p, Arrays &d) {
        return grow_grad(p[0].data(), 3, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        grow_pullback(p[0].data(), 3, s, d[0].data());
      });
  gradc_check::check_arrays(
      "sized", {{"x", {0.75}}, {"y", {-0.5}}}, {{"n", {4}}},
      [](const Arrays &p) { return sized(p[0][0], p[1][0], 4); },
      [](const Arrays &p, Arrays &d) {
        return sized_grad(p[0][0], p[1][0], 4, d[0][0], d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        sized_pullback(p[0][0], p[1][0], 4, s, d[0][0], d[1][0]);
      });
  return gradc_check::finish();
}
#endif
