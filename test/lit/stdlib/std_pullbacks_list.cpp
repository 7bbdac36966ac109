// Without <gradc/std_pullbacks.h>, a call of each function it has a
// pullback of is refused with the advice to include it; the functions so
// advised are exactly those the header has pullbacks of (gradc's list and
// the header agree).
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not %gradc %s -o %t.grad.h 2>&1 | grep 'which has it' | sed 's/.*this call to \(std::\)\{0,1\}\([a-z_0-9]*\),.*/\2/' | sort -u > %t.advised
// RUN: grep -o '^inline void [a-z_0-9]*_pullback' %src_root/include/gradc/std_pullbacks.h | sed 's/inline void \(.*\)_pullback/\1/' | sort -u > %t.shipped
// RUN: diff %t.shipped %t.advised
// CHECK: error: a derivative flows through this call to std::ldexp, whose body gradc cannot see; define it where gradc reads it, or give it a custom pullback: 'void ldexp_pullback(double x, int exponent, double dout, double &dx)', or #include <gradc/std_pullbacks.h>, which has it
#include <gradc/gradc.h>

#include <cmath>

GRADC_DIFF("grad")
double all(double x) {
  int e = 0;
  return std::ldexp(x, 1) + std::scalbn(x, 1) + std::scalbln(x, 1L) +
         std::frexp(x, &e) + std::expint(x) + std::beta(x, x) +
         std::comp_ellint_1(x) + std::comp_ellint_2(x) + std::hermite(2, x) +
         std::laguerre(2, x) + std::assoc_laguerre(2, 1, x) +
         std::legendre(2, x) + std::assoc_legendre(2, 1, x) +
         std::sph_bessel(1, x) + std::sph_neumann(1, x);
}
