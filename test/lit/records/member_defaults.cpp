// Structs with floating-point default member initializers: every adjoint of
// one starts at zero, not at the defaults (`D dd{}` would run them): locals
// of the gradient and pullback, the adjoint given to a helper's pullback,
// a struct kept on a tape, a member struct and an array of member structs
// whose struct has defaults, a copy and a call's result. The caller of a
// function taking such a struct zeroes its adjoint with gradc::zero.
// Local arrays and containers of such structs: each element starts at the
// defaults, each adjoint at zero (`gradc::zero(dbs)`, `gradc::zeros`).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function=local --check --at x=2 | FileCheck %s --check-prefix=AT
// CHECK: local: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 11 checked against the interpreter, 0 mismatches
// AT: x 5.5 5.5
#include <gradc/gradc.h>

#include <array>
#include <cmath>
#include <vector>

struct D {
  double a = 1.5;
  double b;
};
struct N {
  D in;
  double c = 2.0;
};
struct R {
  D ds[2];
  double w;
};
// No defaults: its adjoint is still declared `P dp{};`.
struct P {
  double u, v;
};

static double helper(D d, double x) { return d.a * x + d.b; }
static D twice(const D &d) { return {2 * d.a, 2 * d.b}; }

GRADC_DIFF("grad")
double local(double x) {
  D d;
  d.b = x * x;
  d.a = d.a * x;
  return d.a + d.b;
}
// TEXT-LABEL: inline double local_pullback(
// TEXT:         D d;
// TEXT-NEXT:    d.a = 1.5;
// TEXT:         D dd = gradc::zero<D>();

GRADC_DIFF("grad")
double call(double x) {
  D d;
  d.b = x;
  P p{x, 1};
  return helper(d, x) * p.u;
}
// TEXT-LABEL: inline double call_pullback(
// TEXT:         P dp{};
// TEXT:         D dd = gradc::zero<D>();
// TEXT:         helper_pullback(d, x, {{.*}}, dd, {{.*}});

GRADC_DIFF("grad")
double nested(double x) {
  N n;
  n.in.b = x;
  n.c = n.c * x;
  return n.in.a * n.in.b + n.c;
}
// TEXT-LABEL: inline double nested_pullback(
// TEXT:         N dn = gradc::zero<N>();

GRADC_DIFF("grad")
double elems(double x) {
  R r;
  r.w = x;
  r.ds[1].b = x * x;
  r.ds[0].a = r.ds[0].a * x;
  return r.ds[0].a * r.w + r.ds[1].a * r.ds[1].b;
}
// TEXT-LABEL: inline double elems_pullback(
// TEXT:         R dr = gradc::zero<R>();

GRADC_DIFF("grad")
double taped(double x) {
  D d;
  double s = 0;
  for (int i = 0; i < 3; ++i) {
    d.b = x * i;
    d.a = d.a * x;
    s += helper(d, x);
  }
  return s;
}
// TEXT-LABEL: inline double taped_pullback(
// TEXT:         D dd = gradc::zero<D>();

GRADC_DIFF("grad")
double values(double x) {
  D d{x, x};
  D e = d;
  e.b = e.a * x;
  return twice(e).b + e.a;
}
// TEXT-LABEL: inline double values_pullback(
// TEXT:         D de = gradc::zero<D>();

GRADC_DIFF("grad")
double param(const D &d, double x) { return d.a * x * d.b; }

// Arrays of them, changed by a helper and kept on a tape.
struct Body {
  double m = 2.0;
  double x;
  double v = 0.5;
};
static void step(Body *bs, int n, double dt) {
  for (int i = 0; i < n; ++i) {
    bs[i].x += dt * bs[i].v;
    bs[i].v -= dt * bs[i].x / bs[i].m;
  }
}
GRADC_DIFF("grad")
double bodies(double x0, double dt) {
  Body bs[3];
  for (int i = 0; i < 3; ++i)
    bs[i].x = x0 * (i + 1);
  step(bs, 3, dt);
  step(bs, 3, dt);
  return bs[0].x * bs[2].v + bs[1].m;
}
// TEXT-LABEL: inline double bodies_pullback(
// TEXT:         Body bs[3];
// TEXT-NEXT:    gradc::zero(bs);
// TEXT-NEXT:    for (int i = 0; i < 3; ++i) {
// TEXT-NEXT:      bs[i].m = 2.0;
// TEXT-NEXT:      bs[i].v = 0.5;
// TEXT:         Body dbs[3];
// TEXT-NEXT:    gradc::zero(dbs);

GRADC_DIFF("grad")
double arr(double x0, double m) {
  std::array<Body, 2> bs{};
  bs[1].m = m;
  bs[0].x = x0;
  return bs[0].x * bs[1].m + bs[0].v * bs[1].v * m;
}
// TEXT-LABEL: inline double arr_pullback(
// TEXT:         std::array<Body, 2> dbs = gradc::zero<std::array<Body, 2>>();

GRADC_DIFF("grad")
double vec(double x, double y) {
  int n = static_cast<int>(y * 4);
  std::vector<Body> bs(n);
  double s = 0;
  for (int i = 0; i < n; ++i) {
    bs[i].x = x * (i + 1);
    s += bs[i].m * std::sin(bs[i].x) * bs[i].v;
  }
  return s;
}
// TEXT-LABEL: inline double vec_pullback(
// TEXT:         std::vector<Body> dbs = gradc::zeros<std::vector<Body>>({{.*}});

// Elements given in braces, the rest at the defaults.
GRADC_DIFF("grad")
double braces(double x) {
  Body bs[2] = {{1.5, x}};
  return bs[0].m * bs[0].x + bs[1].m * bs[0].v * x + bs[1].v * x * x;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_1(local, 2.0);
  GRADC_CHECK_1(call, 0.75);
  GRADC_CHECK_1(nested, -1.25);
  GRADC_CHECK_1(elems, 0.5);
  GRADC_CHECK_1(taped, 1.1);
  GRADC_CHECK_1(values, -0.7);
  GRADC_CHECK_2(bodies, 0.8, 0.1);
  GRADC_CHECK_2(arr, -0.6, 1.3);
  GRADC_CHECK_2(vec, 0.4, 0.8);
  GRADC_CHECK_1(braces, 0.9);
  using gradc_check::Arrays;
  using gradc_check::as;
  using gradc_check::back;
  gradc_check::check_arrays(
      "param", {{"d", {2, 3}}, {"x", {0.3}}}, {},
      [](const Arrays &p) { return param(as<D>(p[0]), p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        D dd = as<D>(d[0]);
        double f = param_grad(as<D>(p[0]), p[1][0], dd, d[1][0]);
        back(dd, d[0]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        D dd = as<D>(d[0]);
        param_pullback(as<D>(p[0]), p[1][0], s, dd, d[1][0]);
        back(dd, d[0]);
      });
  // What the user guide tells a caller: start the adjoint struct at zero.
  D d{2, 3};
  auto dd = gradc::zero<D>();
  double dx = 0;
  param_grad(d, 0.5, dd, dx);
  if (dd.a != 0.5 * 3 || dd.b != 2 * 0.5 || dx != 2 * 3)
    gradc_check::fail("param: the adjoint from gradc::zero<D>()");
  return gradc_check::finish();
}
#endif
