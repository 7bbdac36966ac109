// A user's own pullback of an overload <gradc/std_pullbacks.h> also has is
// the one called: `hermite_pullback(unsigned, double, ...)` and
// `ldexp_pullback(float, int, ...)` here, at namespace scope; the float
// hermite and the double ldexp still get gradc's.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// CHECK-NOT: FAIL
// CHECK: hermite_pullback of the user's was called
// CHECK: ALL OK
// TEXT: #include <gradc/std_pullbacks.h>
// TEXT-LABEL: inline double mixed_pullback(double x, double dout, double &dx) {
// TEXT-DAG: {{^}}  hermite_pullback(2, x,
// TEXT-DAG: gradc::hermite_pullback(2, u,
// TEXT-DAG: {{^}}  ldexp_pullback(u, 1,
// TEXT-DAG: gradc::ldexp_pullback(x, 2,
#include <gradc/gradc.h>
#include <gradc/std_pullbacks.h>

#include <cmath>
#include <cstdio>

inline int UserCalls = 0;

GRADC_DIFF("custom")
void hermite_pullback(unsigned n, double x, double dout, double &dx) {
  ++UserCalls;
  if (n > 0)
    dx += dout * 2 * n * std::hermite(n - 1, x);
}

GRADC_DIFF("custom")
void ldexp_pullback(float, int e, float dout, float &dx) {
  dx += std::ldexp(dout, e);
}

GRADC_DIFF("grad")
double mixed(double x) {
  float u = static_cast<float>(x);
  return std::hermite(2, x) + std::hermite(2, u) + std::ldexp(u, 1) +
         std::ldexp(x, 2);
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  for (double X : {0.5, -1.25})
    GRADC_CHECK_1_TOL(mixed, X, 1e-2);
  if (UserCalls > 0)
    std::printf("hermite_pullback of the user's was called\n");
  return gradc_check::finish();
}
#endif
