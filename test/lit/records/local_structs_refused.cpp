// A struct declared inside a function cannot be named outside it, where
// gradc writes every pullback. Its member functions, and templates taking
// it, are written where they are called (local_struct_methods.cpp); what
// cannot be written so is refused at the call, with advice: a member
// function that calls itself, a lambda taking one.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

GRADC_DIFF("grad")
double recursive(double x) {
  struct R {
    double v;
    // CHECK: local_structs_refused.cpp:[[@LINE+1]]:59: error: 'R' is declared inside a function, so gradc writes 'R::power', which works on it, where it is called; 'R::power' calls itself, and cannot be written so: declare 'R' outside the function
    double power(int n) const { return n == 0 ? 1.0 : v * power(n - 1); }
  };
  R r{x};
  return r.power(3);
}

GRADC_DIFF("grad")
double lambda_taking(double x) {
  struct P {
    double a;
  };
  auto f = [](const P &p) { return p.a * p.a; };
  P p{x};
  // CHECK: local_structs_refused.cpp:[[@LINE+1]]:10: error: '{{.*}}f' works on 'P', which is declared inside 'lambda_taking'; gradc writes the pullback of '{{.*}}f' outside 'lambda_taking', where 'P' has no name: declare 'P' outside the function
  return f(p);
}
