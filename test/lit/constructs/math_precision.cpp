// The math functions in float and long double, under every spelling C and
// C++ give them (sinf, sinl, std::sin on a float), and std::pow on every
// combination of argument types, whose result type C++ picks (pow(float,
// int) is a double). Each function takes and returns double so that the
// checks can call it; the work inside is in the narrower or wider type.
// Checked against central finite differences (coarser for float), adjoint
// accumulation, the pullback and gradc's interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out
// RUN: %clangxx -DGRADC_OUT='"%t.grad.h"' %s -o %t.clang && %t.clang
// CHECK-NOT: FAIL
// CHECK: ALL OK
// Generated code calls the std:: overload, which for a float is sinf.
// TEXT-LABEL: inline double f_lgammaf_pullback(double x, double dout, double &dx) {
// TEXT: float tgamma_u = std::tgamma(u);
// digamma(u), in the derivatives of both, is computed once.
// TEXT: float digamma_u = gradc::digamma(u);
// TEXT-NEXT: float du = tgamma_u * digamma_u * static_cast<float>(dout);
// TEXT-NEXT: du += digamma_u * static_cast<float>(dout);
// TEXT-LABEL: inline double f_lgammaf_grad(double x, double &dx) {
// TEXT-NEXT: return f_lgammaf_pullback(x, 1, dx);
// TEXT-LABEL: inline double l_tgammal_pullback(
// TEXT: long double tgamma_u = std::tgamma(u);
// TEXT: long double du =
// TEXT-NEXT: tgamma_u * gradc::digamma(u) * static_cast<long double>(dout);
// TEXT-LABEL: inline double p_float_int_pullback(
// TEXT: double p_float_int = std::pow(static_cast<double>(u), static_cast<double>(n));
// TEXT: float du =
// TEXT-NEXT: static_cast<float>((static_cast<double>(n) == 0.0
// TEXT-NEXT: ? 0.0
// TEXT-NEXT: : n * std::pow(static_cast<double>(u),
// TEXT-LABEL: inline double p_float_int_grad(double x, int n, double &dx) {
// TEXT-NEXT: return p_float_int_pullback(x, n, 1, dx);
#include <gradc/gradc.h>

#include <cmath>

// Float, by C's name and by std::.
#define FLOAT(name, expr)                                                      \
  GRADC_DIFF("grad") double name(double x) {                                   \
    float u = static_cast<float>(x);                                           \
    return expr;                                                               \
  }

FLOAT(f_sinf, sinf(u) + std::cos(u))
FLOAT(f_expf, expf(u) * std::exp2(u) - exp2f(u))
FLOAT(f_logf, logf(u) + std::log10(u) + log2f(u) + std::log1p(u))
FLOAT(f_sqrtf, sqrtf(u) + std::cbrt(u) + hypotf(u, 2.0f))
FLOAT(f_tanhf, tanhf(u) + std::asinh(u) + atanhf(u / 4))
FLOAT(f_erff, erff(u) + std::erfc(u))
FLOAT(f_lgammaf, lgammaf(u) + std::tgamma(u))
FLOAT(f_roundf, floorf(u) * u + std::fmod(u, 0.5f) + remainderf(u, 0.5f))
FLOAT(f_fmaf, fmaf(u, u, 1.0f) + std::fdim(u, 0.25f) + copysignf(u, -1.0f))
FLOAT(f_fmaxf, fmaxf(u, 1.0f) + std::fmin(u, 1.0f) + fabsf(u))

// Long double, by C's name and by std::.
#define LONG(name, expr)                                                       \
  GRADC_DIFF("grad") double name(double x) {                                   \
    long double u = x;                                                         \
    return static_cast<double>(expr);                                          \
  }

LONG(l_sinl, sinl(u) + std::cos(u) + std::atan2(u, 2.0L))
LONG(l_expl, expl(u) + std::exp2(u) + expm1l(u))
LONG(l_logl, logl(u) + std::log2(u) + log10l(u))
LONG(l_tgammal, std::tgamma(u))
LONG(l_lgammal, lgammal(u) + std::erfc(u) + erfl(u))
LONG(l_acoshl, acoshl(u + 1) + std::asinh(u) + std::hypot(u, u, 1.0L))
LONG(l_fmodl, fmodl(u, 0.5L) + std::remainder(u, 0.5L) + truncl(u) * u)

// std::pow on each combination: the result type is the wider of the two,
// or double when either is an integer.
GRADC_DIFF("grad wrt(x)")
double p_double_int(double x, int n) { return std::pow(x, n); }
GRADC_DIFF("grad wrt(x)")
double p_float_int(double x, int n) {
  float u = static_cast<float>(x);
  return std::pow(u, n);
}
GRADC_DIFF("grad wrt(x)")
double p_long_int(double x, int n) {
  long double u = x;
  return static_cast<double>(std::pow(u, n));
}
GRADC_DIFF("grad wrt(x)")
double p_int_double(double x, int n) { return std::pow(n, x); }

#define BINARY(name, expr)                                                     \
  GRADC_DIFF("grad") double name(double x, double y) { return expr; }

BINARY(p_float_float, std::pow(static_cast<float>(x), static_cast<float>(y)))
BINARY(p_float_double, std::pow(static_cast<float>(x), y))
BINARY(p_double_float, std::pow(x, static_cast<float>(y)))
BINARY(p_long_double, static_cast<double>(std::pow(
                          static_cast<long double>(x), y)))
BINARY(p_powf, powf(static_cast<float>(x), static_cast<float>(y)))
BINARY(p_powl, static_cast<double>(powl(x, y)))
BINARY(p_const, std::pow(x, 3) + std::pow(x, 2.5f) + std::pow(2.0f, y))

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

// A function of float: its finite differences take a larger step and are
// held to 1e-2.
#define CHECK_FLOAT(name, a) GRADC_CHECK_1_TOL(name, a, 1e-2)

#define CHECK_FLOAT_2(name, a, b)                                              \
  gradc_check::check(                                                          \
      #name, [](const gradc_check::Vec &p) { return name(p[0], p[1]); },       \
      [](const gradc_check::Vec &p, gradc_check::Vec &d) {                     \
        return name##_grad(p[0], p[1], d[0], d[1]);                            \
      },                                                                       \
      [](const gradc_check::Vec &p, double s, gradc_check::Vec &d) {           \
        name##_pullback(p[0], p[1], s, d[0], d[1]);                            \
      },                                                                       \
      {a, b}, 1e-2)

// f(x, n), n passive; FDTol as check's.
#define CHECK_INT(name, a, k, tol)                                             \
  gradc_check::check_arrays(                                                   \
      #name, {{"x", {a}}}, {{"n", {k}}},                                       \
      [](const gradc_check::Arrays &p) { return name(p[0][0], k); },           \
      [](const gradc_check::Arrays &p, gradc_check::Arrays &d) {               \
        return name##_grad(p[0][0], k, d[0][0]);                               \
      },                                                                       \
      [](const gradc_check::Arrays &p, double s, gradc_check::Arrays &d) {     \
        name##_pullback(p[0][0], k, s, d[0][0]);                               \
      },                                                                       \
      tol)

int main() {
  CHECK_FLOAT(f_sinf, 0.6);
  CHECK_FLOAT(f_expf, 0.6);
  CHECK_FLOAT(f_logf, 1.6);
  CHECK_FLOAT(f_sqrtf, 1.6);
  CHECK_FLOAT(f_tanhf, 0.6);
  CHECK_FLOAT(f_erff, 0.6);
  CHECK_FLOAT(f_lgammaf, 2.6);
  CHECK_FLOAT(f_lgammaf, 0.3);
  CHECK_FLOAT(f_roundf, 1.6);
  CHECK_FLOAT(f_fmaf, 0.6);
  CHECK_FLOAT(f_fmaxf, 0.6);
  CHECK_FLOAT(f_fmaxf, 1.6);
  GRADC_CHECK_1(l_sinl, 0.6);
  GRADC_CHECK_1(l_expl, 0.6);
  GRADC_CHECK_1(l_logl, 1.6);
  GRADC_CHECK_1(l_tgammal, 3.6);
  GRADC_CHECK_1(l_tgammal, -1.6);
  GRADC_CHECK_1(l_lgammal, 0.6);
  GRADC_CHECK_1(l_acoshl, 0.6);
  GRADC_CHECK_1(l_fmodl, 1.6);
  CHECK_INT(p_double_int, 1.3, 3, 1e-6);
  CHECK_INT(p_double_int, -1.3, -2, 1e-6);
  CHECK_INT(p_float_int, 1.3, 3, 1e-2);
  CHECK_INT(p_long_int, 1.3, 4, 1e-6);
  CHECK_INT(p_int_double, 1.3, 3, 1e-6);
  CHECK_FLOAT_2(p_float_float, 1.3, 2.2);
  CHECK_FLOAT_2(p_float_double, 1.3, 2.2);
  CHECK_FLOAT_2(p_double_float, 1.3, 2.25);
  GRADC_CHECK_2(p_long_double, 1.3, 2.2);
  CHECK_FLOAT_2(p_powf, 1.25, 2.5);
  GRADC_CHECK_2(p_powl, 1.3, 2.2);
  GRADC_CHECK_2(p_const, 1.3, 0.7);
  return gradc_check::finish();
}
#endif
