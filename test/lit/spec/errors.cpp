// Spec errors point at the column inside the spec string; wrt names are
// checked against the parameters.
// RUN: not %gradc %s -o %t.grad.h 2> %t.err
// RUN: FileCheck %s < %t.err
#include <gradc/gradc.h>

// CHECK: errors.cpp:[[@LINE+1]]:18: error: unknown word 'hessain' in spec; expected grad, custom, wrt(...), out(...) or name(...)
GRADC_DIFF("grad hessain")
double a(double x) { return x; }

// CHECK: errors.cpp:[[@LINE+1]]:20: error: 'q' is not a parameter of 'b'
GRADC_DIFF("wrt(x, q)")
double b(double x) { return x; }

// CHECK: errors.cpp:[[@LINE+1]]:17: error: cannot differentiate with respect to 'n': it has type 'int'
GRADC_DIFF("wrt(n)")
double c(double x, int n) { return x * n; }

// CHECK: errors.cpp:[[@LINE+1]]:17: error: expected an identifier
GRADC_DIFF("wrt(")
double d(double x) { return x; }

// CHECK: errors.cpp:[[@LINE+1]]:13: error: mode 'jvp' is not supported yet
GRADC_DIFF("jvp")
double e(double x) { return x; }

GRADC_DIFF("grad")
// CHECK: errors.cpp:[[@LINE+1]]:8: error: 'f' has no floating-point parameter
double f(int n) { return n; }
