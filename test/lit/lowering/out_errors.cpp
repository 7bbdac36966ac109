// out(...) and wrt(...) are checked against the parameters.
// RUN: not %gradc %s --emit=ir -o - 2> %t.err
// RUN: FileCheck %s < %t.err
#include <gradc/gradc.h>

// CHECK: out_errors.cpp:[[@LINE+1]]:18: error: out(...) applies to functions returning void; 'a' returns 'double'
GRADC_DIFF("grad out(x)")
double a(double x) { return x; }

// CHECK: out_errors.cpp:[[@LINE+1]]:17: error: 'w' cannot be an output (out): it is const
GRADC_DIFF("out(w)")
void b(const double *w, double *e) { e[0] = w[0]; }

// CHECK: out_errors.cpp:[[@LINE+1]]:17: error: 'x' cannot be an output (out): it is passed by value; pass it as 'double &x' or 'double *x'
GRADC_DIFF("out(x)")
void c(double x, double &y) { y = x; }

GRADC_DIFF("grad")
// CHECK: out_errors.cpp:[[@LINE+1]]:6: error: 'e' returns void and has no output parameter: name the pointer or reference parameters it writes its results through in out(...), or return a value
void e(const double *w, const int *idx) {}

// CHECK: out_errors.cpp:[[@LINE+1]]:17: error: 'idx' cannot be an output (out): it has type 'int *'
GRADC_DIFF("out(idx)")
void f(const double *w, int *idx) {}
