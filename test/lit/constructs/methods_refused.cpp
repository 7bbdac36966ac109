// What stays refused around annotated member functions: an error at the
// function or the spec saying what to write instead, and no output.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

struct Base {
  double w;
  // CHECK: methods_refused.cpp:[[@LINE+2]]:18: error: 'f' is virtual; gradc differentiates member functions it can see, not virtual ones
  GRADC_DIFF("grad")
  virtual double f(double x) const { return w * x; }
};

struct Vec2 {
  double x, y;
  // CHECK: methods_refused.cpp:[[@LINE+2]]:3: error: conversion operators are not supported; write a member function that returns the value
  GRADC_DIFF("grad")
  operator double() const { return x + y; }
  // CHECK: methods_refused.cpp:[[@LINE+2]]:8: error: 'show' returns void and has no output parameter
  GRADC_DIFF("grad")
  void show(double s) const { (void)s; }
  // CHECK: methods_refused.cpp:[[@LINE+2]]:8: error: member function 'touch' returns void and changes neither its object nor an output parameter: return a value, or name the pointer or reference parameters it writes its results through in out(...)
  GRADC_DIFF("grad")
  void touch(double s) { (void)s; }
};

struct Counter {
  int n;
  // CHECK: methods_refused.cpp:[[@LINE+1]]:24: error: cannot differentiate with respect to 'this': 'Counter' has no floating-point member
  GRADC_DIFF("grad wrt(this)")
  double scaled(double s) const { return s * n; }
};

// CHECK: methods_refused.cpp:[[@LINE+1]]:22: error: cannot differentiate with respect to 'self': 'free' is not called on an object
GRADC_DIFF("grad wrt(self)")
double free(double s) { return s * s; }
