// Operators gradc refuses, each at its source line with a reason and a
// way out; no header is written.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <array>

struct Vec2 {
  double x, y;
  Vec2 &operator+=(const Vec2 &o) {
    x += o.x;
    y += o.y;
    return *this;
  }
  double operator<<(int k) const { return x * k; }
};
struct Meters {
  double v;
  operator double() const { return v; }
};
static Vec2 operator+(const Vec2 &a, const double *p) {
  return {a.x + p[0], a.y + p[1]};
}

struct Cloud {
  Vec2 pts[3];
  Vec2 &operator[](int i) { return pts[i]; }
};

GRADC_DIFF("grad")
double library(double x, double y) {
  std::array<double, 2> a{x, y}, b{y, x};
  // CHECK: operators_refused.cpp:[[@LINE+1]]:9: error: operator '==' of 'std::array' is not supported: gradc differentiates the operators of your own structs; write the computation on numbers
  if (a == b)
    return x;
  return y;
}

GRADC_DIFF("grad")
double pointer(double x, double y) {
  Vec2 a{x, y};
  double p[2] = {x, y};
  // CHECK: operators_refused.cpp:[[@LINE+1]]:14: error: 'operator+' takes a pointer; operators taking pointers are not supported: pass a reference to a struct, or write a named function
  Vec2 b = a + p;
  return b.x;
}

GRADC_DIFF("grad")
double shift(double x, double y) {
  Vec2 a{x, y};
  // CHECK: operators_refused.cpp:[[@LINE+1]]:12: error: 'operator<<' of a struct is not supported; gradc lowers the arithmetic (+ - * /), compound assignment (+= -= *= /=), comparison (== != < <= > >=), () and [] operators: write a named function instead
  return a << 2;
}

GRADC_DIFF("grad")
double conversion(double x, double y) {
  Meters m{x * y};
  // CHECK: operators_refused.cpp:[[@LINE+1]]:14: error: conversion operators are not supported; write a member function that returns the value
  double s = m;
  return s * x;
}

GRADC_DIFF("grad")
double value(double x, double y) {
  Vec2 a{x, y};
  Vec2 b{y, x};
  // CHECK: operators_refused.cpp:[[@LINE+1]]:15: error: the value of '+=' on a struct is not supported yet; write it as a statement of its own
  Vec2 c = (a += b);
  return c.x;
}

GRADC_DIFF("grad")
double reference(double x) {
  Cloud c{};
  // CHECK: operators_refused.cpp:[[@LINE+1]]:12: error: 'operator[]' returns a reference to 'Vec2'; gradc supports operators returning a reference to one number of their object ('double &operator()(int i) { return d[i]; }'): return by value, or name what it refers to
  Vec2 p = c[1];
  return p.x * x;
}

// CHECK: gradc: {{.*}}operators_refused.cpp: 6 errors; no output written
