//===- gradc/std_pullbacks.h - Pullbacks of more of <cmath> -----*- C++ -*-===//
//
// Custom pullbacks of <cmath> functions that gradc's own table of math
// functions leaves out, written as a user writes them (user guide, section
// 6, "Custom pullbacks"). Include this header in the file gradc reads:
//
//   #include <gradc/std_pullbacks.h>
//
// and a call such as `std::expint(x)` through which a derivative flows is
// reversed by calling `gradc::expint_pullback`; the generated header
// includes this one. A pullback of your own for the same overload, at
// namespace scope, is used instead of the one here.
//
// Each function has a pullback for each floating type (double, float, long
// double); the derivatives are with respect to the floating arguments.
// Orders and degrees (`unsigned n`) and exponents (`int e`) are integers and
// carry none. The functions of the C++17 special math library are those of
// libstdc++ (GCC and Clang with libstdc++).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cmath>

#include <gradc/gradc.h>

namespace gradc {

// ldexp(x, e) = x * 2^e, and scalbn and scalbln alike (FLT_RADIX is 2):
// d/dx = 2^e, applied to the seed exactly.

GRADC_DIFF("custom")
inline void ldexp_pullback(double, int e, double dout, double &dx) {
  dx += std::ldexp(dout, e);
}
GRADC_DIFF("custom")
inline void ldexp_pullback(float, int e, float dout, float &dx) {
  dx += std::ldexp(dout, e);
}
GRADC_DIFF("custom")
inline void ldexp_pullback(long double, int e, long double dout,
                           long double &dx) {
  dx += std::ldexp(dout, e);
}

GRADC_DIFF("custom")
inline void scalbn_pullback(double, int e, double dout, double &dx) {
  dx += std::scalbn(dout, e);
}
GRADC_DIFF("custom")
inline void scalbn_pullback(float, int e, float dout, float &dx) {
  dx += std::scalbn(dout, e);
}
GRADC_DIFF("custom")
inline void scalbn_pullback(long double, int e, long double dout,
                            long double &dx) {
  dx += std::scalbn(dout, e);
}

GRADC_DIFF("custom")
inline void scalbln_pullback(double, long e, double dout, double &dx) {
  dx += std::scalbln(dout, e);
}
GRADC_DIFF("custom")
inline void scalbln_pullback(float, long e, float dout, float &dx) {
  dx += std::scalbln(dout, e);
}
GRADC_DIFF("custom")
inline void scalbln_pullback(long double, long e, long double dout,
                             long double &dx) {
  dx += std::scalbln(dout, e);
}

// frexp(x, &e) = x * 2^-e with e an integer (written through the pointer,
// which carries no derivative): d/dx = 2^-e, e found again from x.

GRADC_DIFF("custom")
inline void frexp_pullback(double x, int *, double dout, double &dx) {
  int e = 0;
  std::frexp(x, &e);
  dx += std::ldexp(dout, -e);
}
GRADC_DIFF("custom")
inline void frexp_pullback(float x, int *, float dout, float &dx) {
  int e = 0;
  std::frexp(x, &e);
  dx += std::ldexp(dout, -e);
}
GRADC_DIFF("custom")
inline void frexp_pullback(long double x, int *, long double dout,
                           long double &dx) {
  int e = 0;
  std::frexp(x, &e);
  dx += std::ldexp(dout, -e);
}

namespace detail {

/// Ei'(x) = e^x / x.
template <typename T> T expintDerivative(T x) { return std::exp(x) / x; }

/// d/da B(a, b) = B(a, b) (psi(a) - psi(a + b)), and likewise in b.
template <typename T> void betaPullback(T a, T b, T dout, T &da, T &db) {
  T g = dout * std::beta(a, b);
  T s = gradc::digamma(a + b);
  da += g * (gradc::digamma(a) - s);
  db += g * (gradc::digamma(b) - s);
}

/// K'(k) = E(k) / (k (1 - k^2)) - K(k) / k; 0 at k = 0, where K is flat.
template <typename T> T compEllint1Derivative(T k) {
  if (k == 0)
    return 0;
  return std::comp_ellint_2(k) / (k * (1 - k * k)) - std::comp_ellint_1(k) / k;
}

/// E'(k) = (E(k) - K(k)) / k; 0 at k = 0, where E is flat.
template <typename T> T compEllint2Derivative(T k) {
  if (k == 0)
    return 0;
  return (std::comp_ellint_2(k) - std::comp_ellint_1(k)) / k;
}

/// H_n'(x) = 2n H_{n-1}(x).
template <typename T> T hermiteDerivative(unsigned n, T x) {
  return n == 0 ? T(0) : 2 * T(n) * std::hermite(n - 1, x);
}

/// (L_n^m)'(x) = -L_{n-1}^{m+1}(x); L_n is L_n^0.
template <typename T> T assocLaguerreDerivative(unsigned n, unsigned m, T x) {
  return n == 0 ? T(0) : -std::assoc_laguerre(n - 1, m + 1, x);
}

/// P_l'(x) = sum of (2k + 1) P_k(x) over k = l - 1, l - 3, ..., down to 0
/// or 1: finite at x = +-1, where the recurrence with 1 - x^2 divides by 0.
template <typename T> T legendreDerivative(unsigned l, T x) {
  T d = 0;
  for (unsigned k = l % 2 == 0 ? 1 : 0; k < l; k += 2)
    d += T(2 * k + 1) * std::legendre(k, x);
  return d;
}

/// P_l^m(x) = (1 - x^2)^(m/2) d^m/dx^m P_l(x), as <cmath> defines it (no
/// Condon-Shortley phase): its derivative is
/// (P_l^(m+1)(x) - m x P_l^m(x) / sqrt(1 - x^2)) / sqrt(1 - x^2), which is
/// infinite at x = +-1 for m > 0; for m = 0 it is P_l'.
template <typename T> T assocLegendreDerivative(unsigned l, unsigned m, T x) {
  if (m == 0)
    return legendreDerivative(l, x);
  T s = std::sqrt(1 - x * x);
  return (std::assoc_legendre(l, m + 1, x) -
          T(m) * x * std::assoc_legendre(l, m, x) / s) /
         s;
}

/// j_n'(x) = (n / x) j_n(x) - j_{n+1}(x); at x = 0, 1/3 for n = 1, else 0.
template <typename T> T sphBesselDerivative(unsigned n, T x) {
  if (x == 0)
    return n == 1 ? T(1) / 3 : T(0);
  return T(n) / x * std::sph_bessel(n, x) - std::sph_bessel(n + 1, x);
}

/// y_n'(x) = (n / x) y_n(x) - y_{n+1}(x).
template <typename T> T sphNeumannDerivative(unsigned n, T x) {
  return T(n) / x * std::sph_neumann(n, x) - std::sph_neumann(n + 1, x);
}

} // namespace detail

GRADC_DIFF("custom")
inline void expint_pullback(double x, double dout, double &dx) {
  dx += dout * detail::expintDerivative(x);
}
GRADC_DIFF("custom")
inline void expint_pullback(float x, float dout, float &dx) {
  dx += dout * detail::expintDerivative(x);
}
GRADC_DIFF("custom")
inline void expint_pullback(long double x, long double dout, long double &dx) {
  dx += dout * detail::expintDerivative(x);
}

GRADC_DIFF("custom")
inline void beta_pullback(double a, double b, double dout, double &da,
                          double &db) {
  detail::betaPullback(a, b, dout, da, db);
}
GRADC_DIFF("custom")
inline void beta_pullback(float a, float b, float dout, float &da, float &db) {
  detail::betaPullback(a, b, dout, da, db);
}
GRADC_DIFF("custom")
inline void beta_pullback(long double a, long double b, long double dout,
                          long double &da, long double &db) {
  detail::betaPullback(a, b, dout, da, db);
}

GRADC_DIFF("custom")
inline void comp_ellint_1_pullback(double k, double dout, double &dk) {
  dk += dout * detail::compEllint1Derivative(k);
}
GRADC_DIFF("custom")
inline void comp_ellint_1_pullback(float k, float dout, float &dk) {
  dk += dout * detail::compEllint1Derivative(k);
}
GRADC_DIFF("custom")
inline void comp_ellint_1_pullback(long double k, long double dout,
                                   long double &dk) {
  dk += dout * detail::compEllint1Derivative(k);
}

GRADC_DIFF("custom")
inline void comp_ellint_2_pullback(double k, double dout, double &dk) {
  dk += dout * detail::compEllint2Derivative(k);
}
GRADC_DIFF("custom")
inline void comp_ellint_2_pullback(float k, float dout, float &dk) {
  dk += dout * detail::compEllint2Derivative(k);
}
GRADC_DIFF("custom")
inline void comp_ellint_2_pullback(long double k, long double dout,
                                   long double &dk) {
  dk += dout * detail::compEllint2Derivative(k);
}

GRADC_DIFF("custom")
inline void hermite_pullback(unsigned n, double x, double dout, double &dx) {
  dx += dout * detail::hermiteDerivative(n, x);
}
GRADC_DIFF("custom")
inline void hermite_pullback(unsigned n, float x, float dout, float &dx) {
  dx += dout * detail::hermiteDerivative(n, x);
}
GRADC_DIFF("custom")
inline void hermite_pullback(unsigned n, long double x, long double dout,
                             long double &dx) {
  dx += dout * detail::hermiteDerivative(n, x);
}

GRADC_DIFF("custom")
inline void laguerre_pullback(unsigned n, double x, double dout, double &dx) {
  dx += dout * detail::assocLaguerreDerivative(n, 0, x);
}
GRADC_DIFF("custom")
inline void laguerre_pullback(unsigned n, float x, float dout, float &dx) {
  dx += dout * detail::assocLaguerreDerivative(n, 0, x);
}
GRADC_DIFF("custom")
inline void laguerre_pullback(unsigned n, long double x, long double dout,
                              long double &dx) {
  dx += dout * detail::assocLaguerreDerivative(n, 0, x);
}

GRADC_DIFF("custom")
inline void assoc_laguerre_pullback(unsigned n, unsigned m, double x,
                                    double dout, double &dx) {
  dx += dout * detail::assocLaguerreDerivative(n, m, x);
}
GRADC_DIFF("custom")
inline void assoc_laguerre_pullback(unsigned n, unsigned m, float x, float dout,
                                    float &dx) {
  dx += dout * detail::assocLaguerreDerivative(n, m, x);
}
GRADC_DIFF("custom")
inline void assoc_laguerre_pullback(unsigned n, unsigned m, long double x,
                                    long double dout, long double &dx) {
  dx += dout * detail::assocLaguerreDerivative(n, m, x);
}

GRADC_DIFF("custom")
inline void legendre_pullback(unsigned l, double x, double dout, double &dx) {
  dx += dout * detail::legendreDerivative(l, x);
}
GRADC_DIFF("custom")
inline void legendre_pullback(unsigned l, float x, float dout, float &dx) {
  dx += dout * detail::legendreDerivative(l, x);
}
GRADC_DIFF("custom")
inline void legendre_pullback(unsigned l, long double x, long double dout,
                              long double &dx) {
  dx += dout * detail::legendreDerivative(l, x);
}

GRADC_DIFF("custom")
inline void assoc_legendre_pullback(unsigned l, unsigned m, double x,
                                    double dout, double &dx) {
  dx += dout * detail::assocLegendreDerivative(l, m, x);
}
GRADC_DIFF("custom")
inline void assoc_legendre_pullback(unsigned l, unsigned m, float x, float dout,
                                    float &dx) {
  dx += dout * detail::assocLegendreDerivative(l, m, x);
}
GRADC_DIFF("custom")
inline void assoc_legendre_pullback(unsigned l, unsigned m, long double x,
                                    long double dout, long double &dx) {
  dx += dout * detail::assocLegendreDerivative(l, m, x);
}

GRADC_DIFF("custom")
inline void sph_bessel_pullback(unsigned n, double x, double dout, double &dx) {
  dx += dout * detail::sphBesselDerivative(n, x);
}
GRADC_DIFF("custom")
inline void sph_bessel_pullback(unsigned n, float x, float dout, float &dx) {
  dx += dout * detail::sphBesselDerivative(n, x);
}
GRADC_DIFF("custom")
inline void sph_bessel_pullback(unsigned n, long double x, long double dout,
                                long double &dx) {
  dx += dout * detail::sphBesselDerivative(n, x);
}

GRADC_DIFF("custom")
inline void sph_neumann_pullback(unsigned n, double x, double dout,
                                 double &dx) {
  dx += dout * detail::sphNeumannDerivative(n, x);
}
GRADC_DIFF("custom")
inline void sph_neumann_pullback(unsigned n, float x, float dout, float &dx) {
  dx += dout * detail::sphNeumannDerivative(n, x);
}
GRADC_DIFF("custom")
inline void sph_neumann_pullback(unsigned n, long double x, long double dout,
                                 long double &dx) {
  dx += dout * detail::sphNeumannDerivative(n, x);
}

} // namespace gradc
