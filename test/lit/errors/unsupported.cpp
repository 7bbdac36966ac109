// Constructs this version does not differentiate get a Clang-style error at
// the construct, exit status 1, and no output file.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <cmath>

double helper(double x) { return x; }

GRADC_DIFF("grad")
double loop(double x, int n) {
  double s = 0;
  // CHECK: unsupported.cpp:[[@LINE+1]]:3: error: 'for' loops are not supported yet
  for (int i = 0; i < n; ++i)
    s += x;
  return s;
}

GRADC_DIFF("grad")
double branch(double x) {
  // CHECK: unsupported.cpp:[[@LINE+1]]:3: error: 'if' statements are not supported yet
  if (x > 0)
    return x;
  return -x;
}

GRADC_DIFF("grad")
double calls(double x) {
  // CHECK: unsupported.cpp:[[@LINE+1]]:10: error: call to 'helper' is not supported yet: calls to your own functions arrive in a later version
  return helper(x) * 2;
}

GRADC_DIFF("grad")
double library(double x) {
  // CHECK: unsupported.cpp:[[@LINE+1]]:10: error: call to 'fmod' is not supported: of the library's functions gradc differentiates exp, log,
  return std::fmod(x, 2.0);
}

GRADC_DIFF("grad")
// CHECK: unsupported.cpp:[[@LINE+1]]:30: error: pointer parameters are not supported yet
double pointer(const double *w) { return w[0]; }

GRADC_DIFF("grad")
double ternary(double x) {
  // CHECK: unsupported.cpp:[[@LINE+1]]:10: error: the conditional operator is not supported yet
  return x > 0 ? x : 0.0;
}

GRADC_DIFF("grad")
double unassigned(double x) {
  double s;
  // CHECK: unsupported.cpp:[[@LINE+1]]:10: error: 's' is used before it is assigned
  return s * x;
}

// CHECK: no output written
