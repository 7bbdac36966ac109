// What gradc refuses of std::exchange and of places chosen by '?:' as
// assignment targets, with what to write instead: an exchange of structs,
// and a struct chosen as the target.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <utility>

struct V2 {
  double x, y;
};

GRADC_DIFF("grad")
double swap_structs(double x, double y) {
  V2 a{x, y}, b{y, x};
  // CHECK: chosen_targets_refused.cpp:[[@LINE+1]]:7: error: std::exchange of 'V2' is not supported; gradc exchanges numbers ('double old = std::exchange(a, b);'): copy the old value, then assign
  a = std::exchange(b, a);
  return a.x * b.y;
}

GRADC_DIFF("grad")
double chosen_struct(double x, double y, int k) {
  V2 a{x, y}, b{y, x}, c{x * y, 1};
  // CHECK: chosen_targets_refused.cpp:[[@LINE+1]]:4: error: a struct chosen by '?:' is not supported here; choose it into a variable ('V2 p = c ? a : b;'), or assign each in a branch ('if (c) a = v; else b = v;')
  (k > 0 ? a : b) = c;
  return a.x * b.y;
}
