// The rest of <complex>: tan, sinh, cosh, asin, acos, atan, asinh, acosh,
// atanh, log10, proj, pow with a real exponent or a real base, and polar
// with one argument, lowered as real arithmetic on (re, im). Each is held
// to the library at points in every quadrant and on both sides of the
// branch cuts (the value, against <complex>, and the gradient, against
// finite differences of <complex>), and to the interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function arcsine --at 'x=-2,y=0.125' -o - | FileCheck %s --check-prefix=AT
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 196 checked against the interpreter, 0 mismatches
// AT: arcsine
#include <gradc/gradc.h>

#include <complex>

using C = std::complex<double>;

// A sign or a swap of the parts would change the value: the imaginary part
// is weighed differently from the real one.
GRADC_DIFF("grad")
double tangent(double x, double y) {
  C w = std::tan(C(x, y));
  return w.real() + 0.375 * w.imag();
}
// TEXT-LABEL: inline double tangent_pullback(double x, double y, double dout, double &dx,
// TEXT-NEXT: double &dy) {
// TEXT-NEXT: C w;
// TEXT-NEXT: double prod = 2 * x;
// TEXT-NEXT: double prod_2 = 2 * y;
// TEXT-NEXT: double cos_prod = std::cos(prod);
// TEXT-NEXT: double cosh_prod_2 = std::cosh(prod_2);
// TEXT-NEXT: double sum = cos_prod + cosh_prod_2;

GRADC_DIFF("grad")
double hsine(double x, double y) {
  C w = std::sinh(C(x, y));
  return w.real() + 0.375 * w.imag();
}

GRADC_DIFF("grad")
double hcosine(double x, double y) {
  C w = std::cosh(C(x, y));
  return w.real() + 0.375 * w.imag();
}

GRADC_DIFF("grad")
double arcsine(double x, double y) {
  C w = std::asin(C(x, y));
  return w.real() + 0.375 * w.imag();
}

GRADC_DIFF("grad")
double arccosine(double x, double y) {
  C w = std::acos(C(x, y));
  return w.real() + 0.375 * w.imag();
}

GRADC_DIFF("grad")
double arctangent(double x, double y) {
  C w = std::atan(C(x, y));
  return w.real() + 0.375 * w.imag();
}

GRADC_DIFF("grad")
double harcsine(double x, double y) {
  C w = std::asinh(C(x, y));
  return w.real() + 0.375 * w.imag();
}

GRADC_DIFF("grad")
double harccosine(double x, double y) {
  C w = std::acosh(C(x, y));
  return w.real() + 0.375 * w.imag();
}

GRADC_DIFF("grad")
double harctangent(double x, double y) {
  C w = std::atanh(C(x, y));
  return w.real() + 0.375 * w.imag();
}

GRADC_DIFF("grad")
double decimal(double x, double y) {
  C w = std::log10(C(x, y));
  return w.real() + 0.375 * w.imag();
}
// TEXT-LABEL: inline double decimal_pullback(
// TEXT: double hypot_x = std::hypot(x, y);
// TEXT-NEXT: gradc::re(w) = std::log10(hypot_x);
// TEXT-NEXT: gradc::im(w) = std::atan2(y, x) / 2.302585092994046;

// proj is z itself for every finite z.
GRADC_DIFF("grad")
double projected(double x, double y) {
  C z(x, y);
  C w = std::proj(z) * z;
  return w.real() + 0.375 * w.imag();
}

// pow with a real exponent or a real base that are variables, and polar
// with its angle left out.
GRADC_DIFF("grad")
double real_powers(double x, double y) {
  C z(x, y);
  C w = std::pow(z, y) + std::pow(x * x + 0.5, z) + std::polar(x) * z;
  return w.real() + 0.375 * w.imag();
}

// std::complex<long double> and <float>: the formulas in their type.
GRADC_DIFF("grad")
double wide(double x, double y) {
  std::complex<long double> z(x, y);
  std::complex<long double> w = std::atan(z) + std::acosh(z) * std::tan(z);
  return double(w.real() + 0.375L * w.imag());
}

GRADC_DIFF("grad")
float narrow(float x, float y) {
  std::complex<float> z(x, y);
  std::complex<float> w = std::asinh(z) + std::atanh(z) * std::cosh(z);
  return w.real() + 0.375f * w.imag();
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

#include <cstdio>

int main() {
  // Every quadrant, near and far; just above and below the real cuts
  // (acos, asin, acosh, atanh) and just left and right of the imaginary
  // ones (asinh, atan).
  const double Points[][2] = {
      {0.6, 0.8},    {-0.7, 0.45}, {-0.5, -1.3},  {1.4, -0.35},
      {2.0, 1.5},    {-1.8, -0.4}, {-2.0, 0.125}, {-2.0, -0.125},
      {1.5, 0.0625}, {1.5, -0.0625}, {0.0625, 2.0}, {-0.0625, 2.0},
      {0.0625, -1.5}, {-0.0625, -1.5}};
  // Each function at each point.
#define AT_EACH_POINT(f)                                                       \
  for (const auto &P : Points)                                                 \
    GRADC_CHECK_2(f, P[0], P[1]);
  AT_EACH_POINT(tangent)
  AT_EACH_POINT(hsine)
  AT_EACH_POINT(hcosine)
  AT_EACH_POINT(arcsine)
  AT_EACH_POINT(arccosine)
  AT_EACH_POINT(arctangent)
  AT_EACH_POINT(harcsine)
  AT_EACH_POINT(harccosine)
  AT_EACH_POINT(harctangent)
  AT_EACH_POINT(decimal)
  AT_EACH_POINT(projected)
  AT_EACH_POINT(real_powers)
  AT_EACH_POINT(wide)
  for (const auto &P : Points)
    GRADC_CHECK_2_FLOAT(narrow, P[0], P[1], 2e-2);
  return gradc_check::finish();
}
#endif
