// A struct declared inside a function cannot be named outside it, where
// gradc writes every pullback: a helper taking one, a member function of
// one and a lambda taking one are refused at the call, with advice.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

template <class T> static double norm2(const T &p) { return p.x * p.x + p.y * p.y; }

GRADC_DIFF("grad")
double helper_taking(double x, double y) {
  struct P {
    double x, y;
  };
  P p{x, y};
  // CHECK: local_structs_refused.cpp:[[@LINE+1]]:10: error: 'norm2' works on 'P', which is declared inside 'helper_taking'; gradc writes the pullback of 'norm2' outside 'helper_taking', where 'P' has no name: declare 'P' outside the function
  return norm2(p);
}

GRADC_DIFF("grad")
double method_of(double x) {
  struct Acc {
    double s = 0;
    void add(double v) { s += v * v; }
  };
  Acc a;
  // CHECK: local_structs_refused.cpp:[[@LINE+1]]:5: error: 'add' works on 'Acc', which is declared inside 'method_of'; {{.*}}declare 'Acc' outside the function
  a.add(x);
  return a.s;
}
