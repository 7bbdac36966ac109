// Constructs this version does not differentiate get a Clang-style error at
// the construct, exit status 1, and no output file. (Loops, branches, arrays
// and pointers now lower: see ../lowering/, and refused.cpp there for what
// the lowering still refuses; calls: ../calls/refused.cpp.)
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <cmath>

GRADC_DIFF("grad")
double unassigned(double x) {
  double s;
  // CHECK: unsupported.cpp:[[@LINE+1]]:10: error: 's' is used before it is assigned
  return s * x;
}

// CHECK: no output written
