// Member functions of a struct declared inside the function that uses
// them (issue 14): `struct P { double a, b; double norm() const {...} };
// P p{x, y}; return p.norm();`. The class has no name outside the
// function, where gradc writes every pullback, so the member function's
// body is written where it is called, its statements marked `(in
// P::norm)`: reading the object, taking and returning structs of the
// class, an operator, changing the object, calling another member
// function of its own, in loops and branches, in the annotated function
// and in a helper; a function template taking the local struct likewise.
// Checked against finite differences and the interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: FileCheck %s --check-prefix=HELPER < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function issue --check --at 'x=1.5,y=0.7' | FileCheck %s --check-prefix=AT
// AT: ok: all 2 entries agree with finite differences
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 5 checked against the interpreter, 0 mismatches
// TEXT-NOT: _pullback(const P &
// TEXT-NOT: _pullback(const V &
// TEXT-NOT: _pullback(Acc &
#include <gradc/gradc.h>

#include <cmath>

// The issue's example.
GRADC_DIFF("grad")
double issue(double x, double y) {
  struct P {
    double a, b;
    double norm() const { return std::sqrt(a * a + b * b); }
  };
  P p{x, y};
  return p.norm();
}
// TEXT-LABEL: inline double issue_pullback(
// TEXT-NEXT:                             double &dy) {
// TEXT-NEXT:   struct P {
// TEXT:          P p{};
// TEXT-NEXT:     p.a = x;
// TEXT-NEXT:     p.b = y;
// TEXT-NEXT:     double issue = std::sqrt(p.a * p.a + p.b * p.b);
// TEXT:          // local_struct_methods.cpp:{{[0-9]+}} (in P::norm): return std::sqrt(a * a + b * b);

GRADC_DIFF("grad")
double physics(double x, double y) {
  struct V {
    double a, b;
    double dot(const V &o) const { return a * o.a + b * o.b; }
    V scaled(double s) const { return {a * s, b * s}; }
    V operator+(const V &o) const { return {a + o.a, b + o.b}; }
    void kick(double dt) { b += -a * dt; }
    void drift(double dt) { a += b * dt; }
    void leap(double dt) {
      kick(dt / 2);
      drift(dt);
      kick(dt / 2);
    }
    double energy() const { return 0.5 * (a * a + b * b); }
  };
  V p{x, y};
  V q = p.scaled(2.0) + p;
  double s = q.dot(p);
  for (int i = 0; i < 3; ++i) {
    p.leap(0.1);
    s += p.energy() * x;
  }
  if (s > 0)
    s += std::exp(p.dot(q) * 0.01);
  return s;
}
// TEXT-LABEL: inline double physics_pullback(
// TEXT:        for (int i = 0; i < 3; ++i) {
// TEXT-NEXT:     p.b += -p.a * (0.1 / 2);
// TEXT-NEXT:     p.a += p.b * 0.1;
// TEXT-NEXT:     p.b += -p.a * (0.1 / 2);
// TEXT:        (in V::operator+): return {a + o.a, b + o.b}

static double sum_squares(double x) {
  struct Acc {
    double s = 0;
    void add(double v) { s += v * v; }
    double get() const { return s; }
  };
  Acc a;
  for (int i = 0; i < 4; ++i)
    a.add(x * i);
  return a.get();
}

GRADC_DIFF("grad")
double in_helper(double x) { return sum_squares(x) + sum_squares(2 * x); }
// HELPER-LABEL: inline void sum_squares_pullback(double x, double dout, double &dx) {
// HELPER-NEXT:   struct Acc {
// HELPER:          a.s += prod * prod;

template <class T> static double norm2(const T &p) {
  return p.x * p.x + p.y * p.y;
}

GRADC_DIFF("grad")
double templated(double x, double y) {
  struct Q {
    double x, y;
  };
  Q p{x * y, y};
  return norm2(p) * x;
}
// TEXT-LABEL: inline double templated_pullback(
// TEXT:        (in norm2): return p.x * p.x + p.y * p.y;

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_2(issue, 1.5, 0.7);
  GRADC_CHECK_2(physics, 0.6, -1.1);
  GRADC_CHECK_1(in_helper, 0.8);
  GRADC_CHECK_2(templated, -0.4, 1.3);
  GRADC_CHECK_2(physics, -0.3, 0.9);
  return gradc_check::finish();
}
#endif
