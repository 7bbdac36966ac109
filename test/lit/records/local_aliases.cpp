// Aliases declared inside the function (`typedef std::array<double, 2> P;`,
// `using Scalar = double;`) have no name outside it: a generated body that
// names one declares it again at its top, as local structs are, before a
// local struct that uses it. A signature (a lambda's function taking `V`)
// writes what the alias stands for; two aliases of one name, in two
// blocks, are written as what each stands for.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: FileCheck %s --check-prefix=LAMBDA < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function norm2 --at x=3,y=4 -o - | FileCheck %s --check-prefix=AT
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 5 checked against the interpreter, 0 mismatches
// AT: norm2(x = 3, y = 4) = 5
// AT: param x 3 0.6
#include <gradc/gradc.h>

#include <array>
#include <cmath>

GRADC_DIFF("grad")
double norm2(double x, double y) {
  typedef std::array<double, 2> P;
  P p = {x, y};
  return std::sqrt(p[0] * p[0] + p[1] * p[1]);
}
// TEXT-LABEL: inline double norm2_pullback(
// TEXT-NEXT:                               double &dy) {
// TEXT-NEXT:    typedef std::array<double, 2> P;
// TEXT-EMPTY:
// TEXT-NEXT:    P p{};
// TEXT:         P dp{};

GRADC_DIFF("grad")
double product(double x, double y) {
  using Scalar = double;
  struct Local {
    Scalar a, b;
  };
  Local l{x, y};
  Scalar r = l.a * l.b;
  return r;
}
// TEXT-LABEL: inline double product_pullback(
// TEXT-NEXT:                                 double &dy) {
// TEXT-NEXT:    using Scalar = double;
// TEXT-NEXT:    struct Local {
// TEXT-NEXT:      Scalar a, b;
// TEXT-NEXT:    };

GRADC_DIFF("grad")
double tagged(double x, double y) {
  typedef struct {
    double a, b;
  } Pair;
  typedef struct Named {
    double c;
  } NamedT;
  using V = std::array<double, 2>;
  Pair p{x, y};
  NamedT n{x * y};
  Named m{y};
  V v{p.a, n.c};
  auto sq = [](V w) {
    V u = w;
    return u[0] * u[1];
  };
  return sq(v) + m.c * p.b;
}
// LAMBDA-LABEL: inline double tagged_sq(std::array<double, 2> w) {
// LAMBDA-NEXT:    using V = std::array<double, 2>;
// TEXT-LABEL: inline double tagged_pullback(
// TEXT:         struct Named {
// TEXT-NEXT:      double c;
// TEXT-NEXT:    };
// TEXT-NEXT:    using NamedT = Named;
// TEXT-NEXT:    using V = std::array<double, 2>;

GRADC_DIFF("grad")
double blocks(double x) {
  double s = 0;
  {
    typedef std::array<double, 2> Pair;
    Pair t{x * x, x};
    s += t[0] * t[1];
  }
  {
    typedef std::array<double, 3> Pair;
    Pair t{x, 2, x * 3};
    s += t[0] * t[1] * t[2];
  }
  return s;
}
// TEXT-LABEL: inline double blocks_pullback(
// TEXT-NOT:     Pair
// TEXT:         std::array<double, 2> t{};
// TEXT:         std::array<double, 3> t_2{};
// TEXT-LABEL: inline double blocks_grad(

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_2(norm2, 0.7, -1.3);
  GRADC_CHECK_2(product, 0.4, 1.3);
  GRADC_CHECK_2(tagged, 0.6, 1.1);
  GRADC_CHECK_2(tagged, -1.5, 0.25);
  GRADC_CHECK_1(blocks, 0.3);
  return gradc_check::finish();
}
#endif
