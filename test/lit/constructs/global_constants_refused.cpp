// What stays refused around variables of namespace scope: state gradc
// cannot see change, writes, and constants that are not numbers. An error
// at the construct, with advice, and no output.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

double counter = 0;
double weights[3] = {1, 2, 3};
struct P {
  double a, b;
};
constexpr P origin{1.0, 2.0};

GRADC_DIFF("grad")
double reads(double x) {
  // CHECK: global_constants_refused.cpp:[[@LINE+1]]:10: error: reading the global variable 'counter' is not supported: it is not a constant, and gradc cannot see how it changes; pass it as a parameter, or declare it 'const' or 'constexpr' if it never changes
  return counter * x;
}

GRADC_DIFF("grad")
double remembers(double x) {
  // CHECK: global_constants_refused.cpp:[[@LINE+1]]:17: error: static local variable 'calls' is not supported: it keeps its value from call to call, which gradc cannot follow; declare it 'const' or 'constexpr' if it never changes, or pass it as a parameter
  static double calls = 0;
  calls += 1;
  return x * calls;
}

GRADC_DIFF("grad")
double writes(double x) {
  // CHECK: global_constants_refused.cpp:[[@LINE+1]]:3: error: writing the global variable 'counter' is not supported: gradc differentiates what a function computes from its parameters; pass it as a 'double &' or 'double *' parameter instead
  counter += x;
  return x;
}

GRADC_DIFF("grad")
double element(double x) {
  // CHECK: global_constants_refused.cpp:[[@LINE+1]]:3: error: writing the global variable 'weights'
  weights[1] = x;
  return x;
}

static double bump(double x) {
  // CHECK: global_constants_refused.cpp:[[@LINE+1]]:3: error: writing the global variable 'counter'
  counter = x;
  return x;
}

GRADC_DIFF("grad")
double through_helper(double x) { return bump(x); }

GRADC_DIFF("grad")
double a_struct(double x) {
  // CHECK: global_constants_refused.cpp:[[@LINE+1]]:10: error: global constant 'origin' is not supported: gradc reads constants that are numbers, or arrays of numbers, with a value known at compile time
  return origin.a * x;
}
