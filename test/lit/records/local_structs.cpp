// A struct declared inside the annotated function (an accumulator, a
// pair of running sums, a point) has no name outside it: the generated
// pullback defines it again at the top of its body, as written, so that
// the locals and adjoints of its type compile (`Acc a;`, `Acc da`). A
// struct declared inside a helper comes along into the helper's pullback,
// one used in a lambda's body into the lambda's function, and a local
// struct holding another local struct brings that one too.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: FileCheck %s --check-prefix=HELPER < %t.grad.h
// RUN: FileCheck %s --check-prefix=LAMBDA < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 5 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

GRADC_DIFF("grad")
double variance(double x, double y) {
  struct Acc {
    double s = 0, s2 = 0;
  };
  Acc a;
  for (int i = 0; i < 3; ++i) {
    a.s += x * i + y;
    a.s2 += (x * i + y) * (x * i + y);
  }
  return a.s2 - a.s * a.s / 3;
}
// TEXT-LABEL: inline double variance_pullback(double x, double y, double dout, double &dx,
// TEXT-NEXT:                                 double &dy) {
// TEXT-NEXT:   struct Acc {
// TEXT-NEXT:     double s = 0, s2 = 0;
// TEXT-NEXT:   };
// TEXT-EMPTY:
// TEXT-NEXT:   Acc a;
// TEXT:        Acc da = gradc::zero<Acc>();
// TEXT-LABEL: inline double variance_grad(
// TEXT-NOT:    struct Acc
// TEXT:        }

static double spread(double x, double y) {
  struct Range {
    double lo, hi;
  };
  Range r{std::fmin(x, y), std::fmax(x, y)};
  for (int i = 0; i < 2; ++i) {
    r.lo -= 0.5 * x;
    r.hi += y * y;
  }
  return r.hi - r.lo;
}

GRADC_DIFF("grad")
double spread_twice(double x, double y) { return spread(x, y) * spread(y, x); }
// HELPER-LABEL: inline void spread_pullback(double x, double y, double dout, double &dx,
// HELPER:         struct Range {
// HELPER-NEXT:      double lo, hi;
// HELPER-NEXT:    };
// HELPER:         Range dr{};

GRADC_DIFF("grad")
double segment(double x, double y) {
  struct P {
    double x, y;
  };
  struct Seg {
    P a, b;
  };
  Seg s{{x, y}, {y * y, x}};
  double len2 = 0;
  for (int k = 0; k < 2; ++k) {
    double dx = s.b.x - s.a.x, dy = s.b.y - s.a.y;
    len2 += dx * dx + dy * dy;
    s.a.x *= 0.5;
  }
  return std::sqrt(len2);
}
// TEXT-LABEL: inline double segment_pullback(
// TEXT:         struct P {
// TEXT-NEXT:      double x, y;
// TEXT-NEXT:    };
// TEXT-NEXT:    struct Seg {
// TEXT-NEXT:      P a, b;
// TEXT-NEXT:    };
// TEXT:         Seg ds{};

GRADC_DIFF("grad")
double in_lambda(double x, double y) {
  struct P {
    double a, b;
  };
  auto f = [](double t, double u) {
    P p{t, u};
    p.a *= p.b;
    return p.a + p.b;
  };
  return f(x, y) * f(y, x);
}
// LAMBDA-LABEL: inline double in_lambda_f(double t, double u) {
// LAMBDA-NEXT:    struct P {
// LAMBDA:         P p{};

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_2(variance, 0.7, -0.3);
  GRADC_CHECK_2(spread_twice, 0.4, 1.3);
  GRADC_CHECK_2(segment, 0.6, 1.1);
  GRADC_CHECK_2(segment, -1.5, 0.25);
  GRADC_CHECK_2(in_lambda, 0.3, -0.8);
  return gradc_check::finish();
}
#endif
