// gradc's own custom pullbacks (<gradc/std_pullbacks.h>) of the orthogonal
// polynomials of C++17: Hermite (H_n' = 2n H_{n-1}), Laguerre and
// associated Laguerre ((L_n^m)' = -L_{n-1}^{m+1}), Legendre (a sum of
// lower degrees, finite at x = +-1) and associated Legendre, in double,
// float and long double. The degree and order are integers: no derivative.
// Checked compiled against finite differences.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %clangxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t.clang && %t.clang
// CHECK-NOT: FAIL
// CHECK: ALL OK
// TEXT-LABEL: inline double hermite_sum_pullback(double x, unsigned int n, double dout,
// TEXT: gradc::hermite_pullback(k_old, x, ds, dx_sum);
#include <gradc/gradc.h>
#include <gradc/std_pullbacks.h>

#include <cmath>

GRADC_DIFF("grad wrt(x)")
double hermite_sum(double x, unsigned n) {
  double s = 0;
  for (unsigned k = 0; k <= n; ++k)
    s += std::hermite(k, x);
  return s;
}

GRADC_DIFF("grad")
double laguerre_mix(double x) {
  long double l = x;
  return std::laguerre(3, x) * x + std::assoc_laguerre(4, 2, x) +
         static_cast<double>(std::laguerre(2, l) + std::assoc_laguerre(1, 3, l));
}

GRADC_DIFF("grad")
double legendre_mix(double x) {
  long double l = x;
  return std::legendre(4, x) + std::legendre(0, x) * x +
         std::assoc_legendre(3, 1, x) + std::assoc_legendre(5, 2, x) +
         std::assoc_legendre(2, 0, x) +
         static_cast<double>(std::legendre(3, l) + std::assoc_legendre(4, 3, l));
}

GRADC_DIFF("grad")
double legendre_edge(double x) {
  return std::legendre(4, x) + std::legendre(0, x) * x +
         std::assoc_legendre(2, 0, x);
}

GRADC_DIFF("grad")
double all_float(double x) {
  float u = static_cast<float>(x);
  return std::hermite(3, u) + std::laguerre(2, u + 1) +
         std::assoc_laguerre(2, 1, u + 1) + std::legendre(3, u / 2) +
         std::assoc_legendre(2, 1, u / 2);
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  for (double X : {0.2, 0.65, -0.4}) {
    for (unsigned N : {0u, 1u, 4u})
      gradc_check::check(
          "hermite_sum",
          [N](const gradc_check::Vec &p) { return hermite_sum(p[0], N); },
          [N](const gradc_check::Vec &p, gradc_check::Vec &d) {
            return hermite_sum_grad(p[0], N, d[0]);
          },
          [N](const gradc_check::Vec &p, double s, gradc_check::Vec &d) {
            hermite_sum_pullback(p[0], N, s, d[0]);
          },
          {X});
    if (X > 0)
      GRADC_CHECK_1(laguerre_mix, X);
    GRADC_CHECK_1(legendre_mix, X);
    GRADC_CHECK_1_TOL(all_float, X, 1e-2);
  }
  // P_l'(1) = l (l + 1) / 2, where the recurrence in 1 - x^2 would divide
  // by zero: P_4'(1) + P_0(1) + (P_2^0)'(1) = 10 + 1 + 3.
  double D = 0;
  legendre_edge_grad(1.0, D);
  gradc_check::expect("legendre_edge'(1)", D, 14);
  return gradc_check::finish();
}
#endif
