// What stays refused around arrays of arrays: parameters of such types
// (gradc would have to write their adjoints with the same shape). An error
// at the parameter, with advice, and no output.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

GRADC_DIFF("grad")
// CHECK: multi_dim_refused.cpp:[[@LINE+1]]:27: error: multi-dimensional array parameters are not supported yet; pass a flat array and index it as w[i * n + j]
double trace(const double m[3][3]) { return m[0][0] + m[1][1] + m[2][2]; }

GRADC_DIFF("grad")
// CHECK: multi_dim_refused.cpp:[[@LINE+1]]:29: error: multi-dimensional arrays and pointers to pointers are not supported yet; use a flat array
double first(const double (*m)[3]) { return m[0][0]; }
