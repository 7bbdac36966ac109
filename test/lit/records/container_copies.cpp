// Containers as wholes: copies (`std::vector<double> u = w;`, `b = a;`),
// references to them, their ends (`at`, `front`, `back`, read and
// written), `fill`, `assign` and `resize` to the size a vector has, and
// containers passed by value. Each is the loop it means.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK:      copies: at w=[0.5,-1,2,0.75],n=[4]
// CHECK:      arrays: at a=[1.5,-0.5,0.25],x=[0.75]
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 2 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <array>
#include <cmath>
#include <utility>
#include <vector>

static double sumsq(std::vector<double> v) {
  double s = 0;
  for (double x : v)
    s += x * x;
  return s;
}

static double norm2(std::array<double, 3> a) {
  return a[0] * a[0] + a[1] * a[1] + a[2] * a[2];
}

GRADC_DIFF("grad wrt(w)")
double copies(const std::vector<double> &w, int n) {
  std::vector<double> u(w);
  std::vector<double> v = u;
  for (int i = 0; i < n; ++i)
    v[i] = v[i] * u[i];
  u = v;
  const std::vector<double> &r = u;
  std::vector<double> &m = v;
  m[0] = r[1] * 2.0;
  m.back() -= std::exp(r.front());
  double s = 0;
  for (double x : r)
    s += x * m.front() + m.back() * v.at(1);
  std::vector<double> t = std::move(v);
  t.at(2) *= 3.0;
  return s + sumsq(t);
}
// TEXT-LABEL: inline double copies_pullback(const std::vector<double> &w, int n, double dout,
// TEXT:         std::vector<double> u(size);
// TEXT:         for (int i = 0; i < conv; ++i) {
// TEXT-NEXT:      u[i] = w[i];
// TEXT:         // {{.*}}: u = v;
// TEXT-NEXT:    for (int i = conv_3 - 1; i >= 0; --i) {
// TEXT-NEXT:      dv[i] += du[i];
// TEXT-NEXT:      du[i] = 0;
// TEXT-LABEL: inline double copies_grad(const std::vector<double> &w, int n,
// TEXT:         return copies_pullback(w, n, 1, dw);

GRADC_DIFF("grad")
double arrays(const std::array<double, 3> &a, double x) {
  std::array<double, 3> b = a;
  std::array<double, 3> c;
  c.fill(x);
  b.back() += c.front() * b.at(1);
  c = b;
  c[1] = std::sin(c[2]);
  std::vector<double> t(3, 0.5);
  t[1] *= x;
  t.assign(3, x * t[1]);
  t.resize(3);
  t.reserve(10);
  t.front() = b[0];
  return norm2(c) * norm2(b) + sumsq(t);
}
// TEXT-LABEL: inline double arrays_pullback(const std::array<double, 3> &a, double x,
// TEXT:         std::array<double, 3> b;
// TEXT-NEXT:    for (int i = 0; i < 3; ++i) {
// TEXT-NEXT:      b[i] = a[i];
// TEXT:         b[2] += c_old * b_old;
// TEXT-LABEL: inline double arrays_grad(const std::array<double, 3> &a, double x,
// TEXT:         return arrays_pullback(a, x, 1, da, dx);

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "copies", {{"w", {0.5, -1, 2, 0.75}}}, {{"n", {4}}},
      [](const Arrays &p) { return copies(p[0], 4); },
      [](const Arrays &p, Arrays &d) { return copies_grad(p[0], 4, d[0]); },
      [](const Arrays &p, double s, Arrays &d) {
        copies_pullback(p[0], 4, s, d[0]);
      });
  auto A = [](const gradc_check::Vec &v) {
    return std::array<double, 3>{v[0], v[1], v[2]};
  };
  gradc_check::check_arrays(
      "arrays", {{"a", {1.5, -0.5, 0.25}}, {"x", {0.75}}}, {},
      [&](const Arrays &p) { return arrays(A(p[0]), p[1][0]); },
      [&](const Arrays &p, Arrays &d) {
        std::array<double, 3> da = A(d[0]);
        double f = arrays_grad(A(p[0]), p[1][0], da, d[1][0]);
        d[0] = {da[0], da[1], da[2]};
        return f;
      },
      [&](const Arrays &p, double s, Arrays &d) {
        std::array<double, 3> da = A(d[0]);
        arrays_pullback(A(p[0]), p[1][0], s, da, d[1][0]);
        d[0] = {da[0], da[1], da[2]};
      });
  return gradc_check::finish();
}
#endif
