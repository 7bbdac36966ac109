// `auto a = pts[0];` copies an element whose type the library names by a
// member alias (`value_type`), and `decltype(a)` names a variable: the
// generated code writes the type itself (`P3 a;`, `std::array<double, 2>
// q;`), which compiles where the alias and the variable do not.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function first_x --at 'pts=[1,2,3,4,5,6]' -o - | FileCheck %s --check-prefix=AT
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 3 checked against the interpreter, 0 mismatches
// AT: first_x(pts = [1, 2, 3, 4, 5, 6]) = 10
// AT: param pts[4] 5 2
#include <gradc/gradc.h>

#include <array>
#include <vector>

struct P3 {
  double x, y, z;
};

GRADC_DIFF("grad")
double first_x(const std::vector<P3> &pts) {
  auto a = pts[0];
  a.x *= 2;
  return a.x * pts[1].y;
}
// TEXT-LABEL: inline double first_x_pullback(
// TEXT:         P3 a;
// TEXT:         P3 da{};
// TEXT-NOT:     value_type

struct S {
  double u, v;
};

GRADC_DIFF("grad")
double rows(const std::vector<std::array<double, 2>> &pts,
            const std::array<S, 3> &p, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    auto q = pts[i];
    s += q[0] * q[1];
  }
  auto b = p[1];
  decltype(b) c = b;
  c.u *= b.v;
  decltype(s) t = s * c.u;
  return t;
}
// TEXT-LABEL: inline double rows_pullback(
// TEXT:           std::array<double, 2> q;
// TEXT:         S b;
// TEXT:         S c;

GRADC_DIFF("grad")
double row_copy(const std::array<std::array<double, 2>, 2> &M) {
  auto r = M[1];
  return M[0][0] * r[0] + r[1];
}
// TEXT-LABEL: inline double row_copy_pullback(
// TEXT:         std::array<double, 2> r;
// TEXT:         std::array<double, 2> dr{};

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  using gradc_check::as_array;
  using gradc_check::back;
  gradc_check::check_arrays(
      "first_x", {{"pts", {1, 2, 3, 4, 5, 6}}}, {},
      [](const Arrays &p) { return first_x(as_array<P3>(p[0])); },
      [](const Arrays &p, Arrays &d) {
        std::vector<P3> dpts = as_array<P3>(d[0]);
        double f = first_x_grad(as_array<P3>(p[0]), dpts);
        back(dpts, d[0]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        std::vector<P3> dpts = as_array<P3>(d[0]);
        first_x_pullback(as_array<P3>(p[0]), s, dpts);
        back(dpts, d[0]);
      });
  using A2 = std::array<double, 2>;
  auto Arr = [](const std::vector<double> &v) {
    std::array<S, 3> a;
    std::vector<S> c = as_array<S>(v);
    for (int i = 0; i < 3; ++i)
      a[i] = c[i];
    return a;
  };
  auto Put = [](const std::array<S, 3> &a, std::vector<double> &v) {
    back(std::vector<S>(a.begin(), a.end()), v);
  };
  gradc_check::check_arrays(
      "rows",
      {{"pts", {0.5, -1.25, 0.75, 2, 1.5, 0.25}},
       {"p", {0.5, 1.5, -0.75, 1.25, 2, 0.5}}},
      {{"n", {3}}},
      [&](const Arrays &p) { return rows(as_array<A2>(p[0]), Arr(p[1]), 3); },
      [&](const Arrays &p, Arrays &d) {
        std::vector<A2> dpts = as_array<A2>(d[0]);
        std::array<S, 3> dp = Arr(d[1]);
        double f = rows_grad(as_array<A2>(p[0]), Arr(p[1]), 3, dpts, dp);
        back(dpts, d[0]);
        Put(dp, d[1]);
        return f;
      },
      [&](const Arrays &p, double s, Arrays &d) {
        std::vector<A2> dpts = as_array<A2>(d[0]);
        std::array<S, 3> dp = Arr(d[1]);
        rows_pullback(as_array<A2>(p[0]), Arr(p[1]), 3, s, dpts, dp);
        back(dpts, d[0]);
        Put(dp, d[1]);
      });
  using M22 = std::array<A2, 2>;
  auto Mat = [](const std::vector<double> &v) {
    return M22{A2{v[0], v[1]}, A2{v[2], v[3]}};
  };
  auto PutM = [](const M22 &m, std::vector<double> &v) {
    v = {m[0][0], m[0][1], m[1][0], m[1][1]};
  };
  gradc_check::check_arrays(
      "row_copy", {{"M", {0.5, -1.5, 2.25, 0.75}}}, {},
      [&](const Arrays &p) { return row_copy(Mat(p[0])); },
      [&](const Arrays &p, Arrays &d) {
        M22 dM = Mat(d[0]);
        double f = row_copy_grad(Mat(p[0]), dM);
        PutM(dM, d[0]);
        return f;
      },
      [&](const Arrays &p, double s, Arrays &d) {
        M22 dM = Mat(d[0]);
        row_copy_pullback(Mat(p[0]), s, dM);
        PutM(dM, d[0]);
      });
  return gradc_check::finish();
}
#endif
