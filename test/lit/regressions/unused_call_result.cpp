// Found by an adversarial pass: a helper called for what it writes, its
// returned value unused (`sq(b);`), was printed `double sq_b = sq(b);`, an
// unused variable that -Wall -Werror rejects. It is printed as the call.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

static double grow(double *a) {
  a[0] = std::exp(a[0] * a[1]);
  return a[0];
}

GRADC_DIFF("grad wrt(x)")
double f(const double *x) {
  double b[2] = {x[0], x[1]};
  grow(b);
  return b[0] + b[1];
}
// TEXT-LABEL: inline double f_pullback(
// TEXT:         grow(b);
// TEXT-NOT:     = grow(b);

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

int main() {
  gradc_check::check_arrays(
      "f", {{"x", {0.45, -1.1}}}, {},
      [&](const Arrays &p) { return f(p[0].data()); },
      [&](const Arrays &p, Arrays &d) { return f_grad(p[0].data(), d[0].data()); },
      [&](const Arrays &p, double s, Arrays &d) {
        f_pullback(p[0].data(), s, d[0].data());
      });
  return gradc_check::finish();
}
#endif
