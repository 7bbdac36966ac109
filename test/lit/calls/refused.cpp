// Calls gradc refuses, each at its source line with exit status 1 and no
// header written; a call that carries no derivative is made as is, whether
// or not gradc can see into the callee.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h -- -DOPAQUE 2>&1 | FileCheck %s --check-prefix=OPAQUE
// RUN: not test -e %t.grad.h
// RUN: not %gradc %s -o %t.grad.h -- -DINSIDE 2>&1 | FileCheck %s --check-prefix=INSIDE
// RUN: not test -e %t.grad.h
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=PASSIVE < %t.grad.h
#include <gradc/gradc.h>

#include <cmath>

#ifdef OPAQUE
double mystery(double x); // defined elsewhere

GRADC_DIFF("grad")
double opaque(double x) {
  // OPAQUE: refused.cpp:[[@LINE+3]]:10: error: a derivative flows through this call to mystery, whose body gradc cannot see; define it where gradc reads it, or give it a custom pullback
  // OPAQUE-NEXT: {{ *}}[[@LINE+2]] |   return mystery(x) * 2;
  // OPAQUE-NEXT: {{^}}      |          ^
  return mystery(x) * 2;
}
// OPAQUE: gradc: {{.*}}refused.cpp: no output written
#endif

#ifdef INSIDE
// What gradc cannot lower in a callee is reported in the callee.
double helper(double x, int k) {
  // INSIDE: refused.cpp:[[@LINE+1]]:3: error: 'goto' statements are not supported yet
  goto done;
done:
  return x * k;
}

GRADC_DIFF("grad")
double uses_helper(double x) { return helper(x, 1); }
#endif


// Calls on data only: made as is, no pullback, even into a body gradc
// cannot see (std::ldexp) or would not differentiate.
double count_terms(int n) { return n * (n + 1) / 2.0; }

GRADC_DIFF("grad wrt(x)")
double passive(double x, int n) {
  double k = std::ldexp(1.0, n) + count_terms(n);
  return k * x;
}
// PASSIVE-LABEL: inline double passive_pullback(double x, int n, double dout, double &dx) {
// PASSIVE-NEXT:    double k = std::ldexp(1.0, n) + count_terms(n);
// PASSIVE-NOT:     pullback
// PASSIVE:         dx += k * dout;
// PASSIVE-LABEL: inline double passive_grad(double x, int n, double &dx) {
// PASSIVE-NEXT:    return passive_pullback(x, n, 1, dx);
