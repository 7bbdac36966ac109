// Members that are arrays of arrays, `double W[2][2]` and
// `std::array<std::array<double, 2>, 2>`: their rows one after another, as
// a local array of arrays, read and written `m.W[i][j]` (also through
// `const &`, `&`, a pointer to structs and a local), a row `m.W[i]` passed
// on as a pointer; the adjoint struct has them too (`dm.W[i][j]`), and
// `--at` takes the struct's numbers in member order, rows named
// `m.W[0][1]`.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function affine --at 'm=[1,2,3,4,0.5,-1],x=[2,-1]' | FileCheck %s --check-prefix=AT
// CHECK: affine: at
// CHECK: stepped: at
// CHECK: local: at
// CHECK: std_rows: at
// CHECK: many: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 5 checked against the interpreter, 0 mismatches
// AT: affine(m = [1, 2, 3, 4, 0.5, -1], x = [2, -1]) = 0.625
// AT: param  m.W[0][0]      1                        1
// AT: param  m.W[0][1]      2                        -0.5
// AT: param  m.W[1][0]      3                        2
// AT: param  m.W[1][1]      4                        -1
// AT: param  m.b[0]         0.5                      0.5
// AT: param  m.b[1]         -1                       1
#include <gradc/gradc.h>

#include <array>

struct M2 {
  double W[2][2];
  double b[2];
};

static double dot(const double *a, const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += a[i] * x[i];
  return s;
}

GRADC_DIFF("grad")
double affine(const M2 &m, const double *x) {
  double s = 0;
  for (int i = 0; i < 2; ++i) {
    double y = m.b[i];
    for (int j = 0; j < 2; ++j)
      y += m.W[i][j] * x[j];
    s += y * y;
  }
  return 0.5 * s;
}
// TEXT-LABEL: inline double affine_pullback(const M2 &m, const double *x,
// TEXT:           y += m.W[i][j] * x[j];
// TEXT:           dx[j] += m.W[i][j] * dy;
// TEXT-NEXT:      dm.W[i][j] += x[j] * dy;

static void step(M2 &m, double x) {
  m.W[0][1] *= x;
  m.W[1][0] = m.W[0][1] * m.b[0];
}

GRADC_DIFF("grad")
double stepped(const M2 &m, double x) {
  M2 c = m;
  step(c, x);
  return c.W[1][0] * c.W[1][1] + dot(c.W[0], c.b, 2);
}
// TEXT-LABEL: inline double stepped_pullback(
// TEXT:         double *ptr = c.W[0];
// TEXT:         step_pullback(c_2, x, dc, dx);

GRADC_DIFF("grad")
double local(double x, double y) {
  M2 m{};
  m.W[0][0] = x;
  m.W[1][1] = y;
  m.W[0][1] = x * y;
  M2 n = {{{x, 1}, {2, y}}, {0, x}};
  return m.W[0][0] * m.W[1][1] - m.W[0][1] + n.W[1][1] * n.b[1];
}
// TEXT-LABEL: inline double local_pullback(
// TEXT:         M2 m{};
// TEXT-NEXT:    m.W[0][0] = x;

struct A2 {
  std::array<std::array<double, 2>, 2> W;
  std::array<double, 2> b;
};

GRADC_DIFF("grad")
double std_rows(const A2 &a, const double *x) {
  double s = a.b[1];
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 2; ++j)
      s += a.W[i][j] * x[i] * x[j];
  return s;
}
// TEXT-LABEL: inline double std_rows_pullback(const A2 &a, const double *x,
// TEXT:             da.W[i][j] +=

GRADC_DIFF("grad wrt(ms)")
double many(const M2 *ms, int n) {
  double s = 0;
  for (int k = 0; k < n; ++k)
    s += ms[k].W[1][0] * ms[k].W[0][1] + ms[k].b[0];
  return s;
}
// TEXT-LABEL: inline double many_pullback(
// TEXT:         dms[k].W[0][1] +=

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"
int main() {
  using gradc_check::Arrays;
  using gradc_check::as;
  using gradc_check::as_array;
  using gradc_check::back;
  const gradc_check::Vec M = {1, 2, 3, 4, 0.5, -1};
  gradc_check::check_arrays(
      "affine", {{"m", M}, {"x", {2, -1}}}, /*Passive=*/{},
      [](const Arrays &p) { return affine(as<M2>(p[0]), p[1].data()); },
      [](const Arrays &p, Arrays &d) {
        M2 dm = as<M2>(d[0]);
        double v = affine_grad(as<M2>(p[0]), p[1].data(), dm, d[1].data());
        back(dm, d[0]);
        return v;
      },
      [](const Arrays &p, double s, Arrays &d) {
        M2 dm = as<M2>(d[0]);
        affine_pullback(as<M2>(p[0]), p[1].data(), s, dm, d[1].data());
        back(dm, d[0]);
      });
  gradc_check::check_arrays(
      "stepped", {{"m", M}, {"x", {1.5}}}, /*Passive=*/{},
      [](const Arrays &p) { return stepped(as<M2>(p[0]), p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        M2 dm = as<M2>(d[0]);
        double v = stepped_grad(as<M2>(p[0]), p[1][0], dm, d[1][0]);
        back(dm, d[0]);
        return v;
      },
      [](const Arrays &p, double s, Arrays &d) {
        M2 dm = as<M2>(d[0]);
        stepped_pullback(as<M2>(p[0]), p[1][0], s, dm, d[1][0]);
        back(dm, d[0]);
      });
  gradc_check::check_arrays(
      "local", {{"x", {0.5}}, {"y", {-2}}}, /*Passive=*/{},
      [](const Arrays &p) { return local(p[0][0], p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return local_grad(p[0][0], p[1][0], d[0][0], d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        local_pullback(p[0][0], p[1][0], s, d[0][0], d[1][0]);
      });
  gradc_check::check_arrays(
      "std_rows", {{"a", M}, {"x", {2, -1}}}, /*Passive=*/{},
      [](const Arrays &p) { return std_rows(as<A2>(p[0]), p[1].data()); },
      [](const Arrays &p, Arrays &d) {
        A2 da = as<A2>(d[0]);
        double v = std_rows_grad(as<A2>(p[0]), p[1].data(), da, d[1].data());
        back(da, d[0]);
        return v;
      },
      [](const Arrays &p, double s, Arrays &d) {
        A2 da = as<A2>(d[0]);
        std_rows_pullback(as<A2>(p[0]), p[1].data(), s, da, d[1].data());
        back(da, d[0]);
      });
  gradc_check::check_arrays(
      "many", {{"ms", {1, 2, 3, 4, 0.5, -1, 2, 0, -1, 3, 1, 1}}},
      /*Passive=*/{{"n", {2}}},
      [](const Arrays &p) { return many(as_array<M2>(p[0]).data(), 2); },
      [](const Arrays &p, Arrays &d) {
        std::vector<M2> dms = as_array<M2>(d[0]);
        double v = many_grad(as_array<M2>(p[0]).data(), 2, dms.data());
        back(dms, d[0]);
        return v;
      },
      [](const Arrays &p, double s, Arrays &d) {
        std::vector<M2> dms = as_array<M2>(d[0]);
        many_pullback(as_array<M2>(p[0]).data(), 2, s, dms.data());
        back(dms, d[0]);
      });
  return gradc_check::finish();
}
#endif
