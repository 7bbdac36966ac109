// Reference variables bound to a place: an element (the index evaluated
// once, where the reference is declared), a member, a scalar variable, or
// another reference. Reads and writes through them are loads and stores of
// that place; checked against finite differences and the interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK:      pairs: at x=[0.5,-1.5,2,0.25,3],n=[5]
// pairs = (x0^2 + x2^2 + x4^2) * (x1^2 + x3^2) = 13.25 * 2.3125
// CHECK-NEXT: pairs: f = 30.640625
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 4 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

GRADC_DIFF("grad wrt(x)")
double pairs(const double *x, int n) {
  double acc[2] = {0, 0};
  for (int i = 0; i < n; ++i) {
    double &slot = acc[i % 2];
    const double &a = x[i];
    slot += a * a;
  }
  return acc[0] * acc[1];
}
// TEXT-LABEL: inline double pairs_pullback(
// TEXT:         int t = i % 2;
// TEXT-NEXT:    acc[t] += x[i] * x[i];
// TEXT-LABEL: inline double pairs_grad(
// TEXT-NEXT:    return pairs_pullback(x, n, 1, dx);

// The index is the one the declaration saw, though k changes after it.
GRADC_DIFF("grad wrt(w)")
double named_once(const double *w, int n) {
  double h[3] = {1, 1, 1};
  int k = 0;
  for (int i = 0; i < n; ++i) {
    double &cell = h[k];
    k = (k + 1) % 3;
    cell = cell * w[i] + h[k];
  }
  return h[0] + 2 * h[1] + 3 * h[2];
}

struct Pt {
  double x, y;
};

// A reference to a member, to a scalar local, and to another reference.
GRADC_DIFF("grad")
double members(double a, double b) {
  Pt p = {a, b};
  double &m = p.x;
  m *= b;
  double t = a + b;
  double &r = t;
  double &rr = r;
  r = r * m;
  rr += 1;
  const double &tmp = a * 2; // a temporary: a value of its own
  return t + p.x * p.y + tmp;
}
// TEXT-LABEL: inline double members_grad(

// Written through a reference parameter's alias and a `*p` alias.
GRADC_DIFF("grad")
void scale_in_place(double &y, double *v, double s) {
  double &yy = y;
  yy = yy * s;
  double &first = *v;
  first = first * yy;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  using gradc_check::Role;
  gradc_check::check_arrays(
      "pairs", {{"x", {0.5, -1.5, 2, 0.25, 3}}}, {{"n", {5}}},
      [](const Arrays &p) { return pairs(p[0].data(), 5); },
      [](const Arrays &p, Arrays &d) {
        return pairs_grad(p[0].data(), 5, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        pairs_pullback(p[0].data(), 5, s, d[0].data());
      });
  gradc_check::check_arrays(
      "named_once", {{"w", {0.5, -1.5, 2, 0.25, 3}}}, {{"n", {5}}},
      [](const Arrays &p) { return named_once(p[0].data(), 5); },
      [](const Arrays &p, Arrays &d) {
        return named_once_grad(p[0].data(), 5, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        named_once_pullback(p[0].data(), 5, s, d[0].data());
      });
  GRADC_CHECK_2(members, 1.5, -0.75);
  gradc_check::check_vjp(
      "scale_in_place", true,
      {{"y", {1.5}, Role::InOut},
       {"v", {0.5, 2}, Role::InOut},
       {"s", {-0.75}, Role::In}},
      {},
      [](Arrays &p) {
        scale_in_place(p[0][0], p[1].data(), p[2][0]);
        return 0.0;
      },
      [](Arrays &p, double, Arrays &d) {
        scale_in_place_pullback(p[0][0], p[1].data(), p[2][0], d[0][0],
                                d[1].data(), d[2][0]);
      });
  return gradc_check::finish();
}
#endif
