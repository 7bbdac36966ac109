// Constructs this version does not differentiate get a Clang-style error at
// the construct, exit status 1, and no output file. (Loops, branches, arrays
// and pointers now lower: see ../lowering/, and refused.cpp there for what
// the lowering still refuses.)
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <cmath>

double helper(double x) { return x; }

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
double unassigned(double x) {
  double s;
  // CHECK: unsupported.cpp:[[@LINE+1]]:10: error: 's' is used before it is assigned
  return s * x;
}

// CHECK: no output written
