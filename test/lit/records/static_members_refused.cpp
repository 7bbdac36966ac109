// A static data member that is not a constant stays refused: gradc cannot
// see how it changes. The error is at the read, in a member function as
// in an annotated function, and no output is written.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

struct Gain {
  static double scale;
  double bias;
  double apply(double x) const {
    // CHECK-DAG: static_members_refused.cpp:[[@LINE+1]]:12: error: reading the static data member 'scale' is not supported: it is not a constant, and gradc cannot see how it changes; pass it as a parameter, or declare it 'const' or 'constexpr' if it never changes
    return scale * x + bias;
  }
};
double Gain::scale = 2.0;

GRADC_DIFF("grad")
double direct(double x) {
  // CHECK-DAG: static_members_refused.cpp:[[@LINE+1]]:10: error: reading the static data member 'scale' is not supported
  return Gain::scale * x;
}

GRADC_DIFF("grad")
double through(double x) {
  Gain g;
  g.bias = x;
  return g.apply(x);
}
