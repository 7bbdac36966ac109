// gradc's own custom pullbacks (<gradc/std_pullbacks.h>) of the functions
// that scale by a power of two: ldexp, scalbn, scalbln (d/dx = 2^e) and
// frexp (d/dx = 2^-e, e written through a pointer that carries no
// derivative), each in double, float and long double. The functions take
// and return double so that the checks can call them; the work inside is
// in the narrower or wider type. The generated header includes the
// pullbacks' header and calls them in namespace gradc. `--at` cannot run a
// library function's body, so these are checked compiled, against finite
// differences (with GCC, where GRADC_DIFF is nothing, and with Clang, where
// the header must be warning-free under -Wall -Wextra).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %clangxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t.clang && %t.clang
// RUN: not %gradc %s --at 'x=0.5' --function ldexp_double 2>&1 | FileCheck %s --check-prefix=AT
// CHECK-NOT: FAIL
// CHECK: ALL OK
// TEXT: #include <gradc/gradc.h>
// TEXT-NEXT: #include <gradc/std_pullbacks.h>
// TEXT-LABEL: inline double ldexp_double_pullback(double x, double dout, double &dx) {
// TEXT: double ldexp_x = std::ldexp(x, 3);
// TEXT: gradc::ldexp_pullback(x, 3, x * dout, dx);
// TEXT-LABEL: inline double frexp_double_pullback(double x, double dout, double &dx) {
// TEXT: double frexp_x = std::frexp(x, &e);
// TEXT: gradc::frexp_pullback(x, &e, x * dout, dx);
// AT: error: {{.*}}std_pullbacks_scaling.cpp:{{[0-9]+}}:{{[0-9]+}}: in ldexp_double_grad: calls std::ldexp, whose body gradc cannot see
#include <gradc/gradc.h>
#include <gradc/std_pullbacks.h>

#include <cmath>

GRADC_DIFF("grad")
double ldexp_double(double x) { return std::ldexp(x, 3) * x; }

GRADC_DIFF("grad")
double all_float(double x) {
  float u = static_cast<float>(x);
  int e = 0;
  return std::ldexp(u, -2) * u + std::scalbn(u, 1) + std::scalbln(u, 3L) +
         std::frexp(u, &e);
}

GRADC_DIFF("grad")
double ldexp_long(double x) {
  long double u = x;
  return static_cast<double>(std::ldexp(u, 5) + u * u);
}

GRADC_DIFF("grad")
double scalbn_all(double x) {
  long double l = x;
  return std::scalbn(x, 2) * x + static_cast<double>(std::scalbn(l, -1));
}

GRADC_DIFF("grad")
double scalbln_all(double x) {
  long double l = x;
  return std::scalbln(x, 2L) * x + static_cast<double>(std::scalbln(l, -4L));
}

GRADC_DIFF("grad")
double frexp_double(double x) {
  int e = 0;
  return std::frexp(x, &e) * x + e;
}

GRADC_DIFF("grad")
double frexp_long(double x) {
  int e = 0;
  long double l = x;
  return static_cast<double>(std::frexp(l * l, &e));
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  for (double X : {0.8, -1.7, 3.3}) {
    GRADC_CHECK_1(ldexp_double, X);
    GRADC_CHECK_1(ldexp_long, X);
    GRADC_CHECK_1(scalbn_all, X);
    GRADC_CHECK_1(scalbln_all, X);
    GRADC_CHECK_1(frexp_double, X);
    GRADC_CHECK_1(frexp_long, X);
    // A float's rounding: a coarser step and tolerance.
    GRADC_CHECK_1_TOL(all_float, X, 1e-2);
  }
  return gradc_check::finish();
}
#endif
