// Two functions that would generate the same function are an error, not a
// header that fails to compile; overloads that differ in parameters are fine.
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
// RUN: %gradc %S/Inputs/overloads.cpp -o %t.ok.h
// RUN: FileCheck %s --check-prefix=OVERLOADS < %t.ok.h
// CHECK: duplicate_name.cpp:[[@LINE+6]]:8: error: 'g' would generate h_grad, as 'f' (line [[@LINE+4]]) does; give one of them another name(...)
// CHECK: no output written
#include <gradc/gradc.h>
GRADC_DIFF("grad name(h)")
double f(double x) { return x * x; }
GRADC_DIFF("grad name(h)")
double g(double x) { return x + x; }

// OVERLOADS: inline double sq_grad(double x, double &dx) {
// OVERLOADS: inline float sq_grad(float x, float &dx) {
