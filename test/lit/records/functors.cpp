// Function objects of your own: a stateless one (`struct Square {
// double operator()(double v) const; };`, no data members) as a local
// (`Square sq;`, `Square sq{};`), called (`sq(x)`), made where it is used
// (`Square{}(y)`), and passed to a helper template (`apply_sum(sq, x, n)`);
// and one with data (`Scale s{k}; s(x)`), whose members are differentiated
// as any struct's.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function sums --at 'x=[0.5,-1,2],n=3,k=1.5' | FileCheck %s --check-prefix=AT
// RUN: %gradc %s --function taken --at 'x=0.5' | FileCheck %s --check-prefix=TAKEN
// CHECK: squares: at
// CHECK: sums: at
// CHECK: taken: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 3 checked against the interpreter, 0 mismatches
// AT: sums(x = [0.5, -1, 2], n = 3, k = 1.5) =
// AT: param  k              1.5                      1.5
// TAKEN: taken(sq = {}, x = 0.5) =
// TAKEN-NOT: sq
// TAKEN: param  x              0.5
#include <gradc/gradc.h>

#include <cmath>

struct Square {
  double operator()(double v) const { return v * v; }
  double cube(double v) const { return v * (*this)(v); }
};

struct Scale {
  double k;
  double operator()(double v) const { return k * v; }
};

struct Soft {
  double operator()(double v) const { return std::log1p(std::exp(v)); }
};

template <class F> double apply_sum(F f, const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += f(x[i]);
  return s;
}

template <class F> double twice(const F &f, double v) { return f(f(v)); }

GRADC_DIFF("grad")
double squares(double x, double y) {
  Square sq;
  const Soft soft{};
  return sq(x) + sq(y) * soft(x) + Square{}(y) + twice(sq, x - y);
}
// TEXT-LABEL: inline double squares_pullback(
// TEXT:         Square sq;
// TEXT:         double call_sq = sq(x);

GRADC_DIFF("grad")
double sums(const double *x, int n, double k) {
  Square sq;
  Scale s{k};
  return apply_sum(sq, x, n) + apply_sum(s, x, n) + apply_sum(Soft{}, x, n);
}
// TEXT-LABEL: inline double sums_pullback(
// TEXT:         apply_sum(sq, x, n)

// Taken as a parameter, and held in a struct.
struct Held {
  Square sq;
  double a;
};

GRADC_DIFF("grad")
double taken(const Square &sq, double x) {
  Held h{Square{}, x};
  return sq(x) + sq.cube(x) * h.sq(h.a);
}
// TEXT-LABEL: inline double taken_pullback(const Square &sq, double x,
// TEXT:         double cube_sq = sq.cube(x);

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"
int main() {
  using V = gradc_check::Vec;
  using gradc_check::Arrays;
  gradc_check::check(
      "squares", [](const V &p) { return squares(p[0], p[1]); },
      [](const V &p, V &d) { return squares_grad(p[0], p[1], d[0], d[1]); },
      [](const V &p, double s, V &d) {
        squares_pullback(p[0], p[1], s, d[0], d[1]);
      },
      {0.75, -0.5});
  gradc_check::check_arrays(
      "sums", {{"x", {0.5, -1, 2}}, {"k", {1.5}}}, /*Passive=*/{{"n", {3}}},
      [](const Arrays &p) { return sums(p[0].data(), 3, p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return sums_grad(p[0].data(), 3, p[1][0], d[0].data(), d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        sums_pullback(p[0].data(), 3, p[1][0], s, d[0].data(), d[1][0]);
      });
  gradc_check::check_arrays(
      "taken", {{"x", {0.75}}}, /*Passive=*/{},
      [](const Arrays &p) { return taken(Square{}, p[0][0]); },
      [](const Arrays &p, Arrays &d) {
        return taken_grad(Square{}, p[0][0], d[0][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        taken_pullback(Square{}, p[0][0], s, d[0][0]);
      });
  return gradc_check::finish();
}
#endif
