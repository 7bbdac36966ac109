// What gradc refuses of lambdas, each at the user's line with what to
// write instead: std::function (variables and parameters), a 'mutable'
// lambda's copy of a struct or an array, a 'mutable' lambda passed by
// reference to a function template, capturing 'this', an array or a struct by value in a lambda
// kept in a variable (made at its call, the copy is the original).
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
// RUN: not %gradc %s -o %t.grad.h -- -DPARAM 2>&1 | FileCheck %s --check-prefix=PARAM
// RUN: not %gradc %s -o %t.grad.h -- -DTHIS 2>&1 | FileCheck %s --check-prefix=THIS
#include <gradc/gradc.h>

#include <functional>

#if defined(THIS)
struct Scaled {
  double k;
  double apply(double x) {
    // THIS: lambdas_refused.cpp:[[@LINE+1]]:15: error: a lambda that captures 'this' is not supported; pass the members it uses to it as parameters
    auto l = [this](double t) { return k * t; };
    return l(x);
  }
};
GRADC_DIFF("grad")
double with_this(double x, Scaled s) { return s.apply(x); }
#elif !defined(PARAM)
struct Pair {
  double a, b;
};

template <class F> double twice_ref(F &f, double x) { return f(x) + f(x); }

GRADC_DIFF("grad")
double refused(double x) {
  double arr[2] = {x, x};
  Pair p{x, x};
  // CHECK: lambdas_refused.cpp:[[@LINE+1]]:17: error: capturing 'arr' by value is not supported; capture it by reference ([&arr])
  auto byval = [arr](double t) { return arr[0] * t; };
  // CHECK: lambdas_refused.cpp:[[@LINE+1]]:15: error: a 'mutable' lambda's copy of 'p' is not supported; capture it by reference ([&p]), or make the lambda not 'mutable'
  auto mut = [p](double t) mutable {
    p.a += t;
    return p.a;
  };
  auto counter = [x](double t) mutable {
    x += t;
    return x;
  };
  // CHECK: lambdas_refused.cpp:[[@LINE+1]]:24: error: passing a 'mutable' lambda by reference is not supported; let 'twice_ref' take it by value (F f), or capture by reference ([&]) what the lambda changes
  double r = twice_ref(counter, x);
  // CHECK: lambdas_refused.cpp:[[@LINE+1]]:14: error: capturing 'p' by value is not supported; capture it by reference ([&p])
  auto st = [p](double t) { return p.a * t; };
  // CHECK: lambdas_refused.cpp:[[@LINE+1]]:33: error: std::function is not supported; pass the lambda to a template parameter (template <class F>) or call it directly
  std::function<double(double)> f = [](double t) { return t; };
  return r + byval(x) + mut(x) + st(x) + f(x);
}
// CHECK: gradc: {{.*}}lambdas_refused.cpp: 5 errors; no output written
#else
// PARAM: lambdas_refused.cpp:[[@LINE+1]]:42: error: std::function is not supported; pass the lambda to a template parameter (template <class F>) or call it directly
double use(std::function<double(double)> f, double x) { return f(x); }
GRADC_DIFF("grad")
double through_function(double x) {
  return use([](double t) { return t * t; }, x);
}
#endif
