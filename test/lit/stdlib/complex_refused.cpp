// What stays refused around std::complex: complex numbers of integers
// and an annotated function returning a complex value. (Every function of
// <complex> is lowered: test/lit/stdlib/complex_functions.cpp.)
// Each is an error at the user's line, and no output is written.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <complex>

GRADC_DIFF("grad")
double ints(double x) {
  // CHECK: complex_refused.cpp:[[@LINE+1]]:21: error: gradc cannot hold this struct: 'std::complex<int>' is not supported; gradc supports std::complex of float, double and long double ('std::complex<double>')
  std::complex<int> k(1, 2);
  // CHECK-NOT: complex_refused.cpp:[[@LINE+1]]
  return x * k.real();
}

GRADC_DIFF("grad")
// CHECK: complex_refused.cpp:[[@LINE+1]]:36: error: parameter 'k' cannot be differentiated or read: 'std::complex<int>' is not supported; gradc supports std::complex of float, double and long double
double int_param(std::complex<int> k, double x) {
  return x * k.imag();
}

// A complex result is not a scalar: write it through an output.
GRADC_DIFF("grad")
// CHECK: complex_refused.cpp:[[@LINE+1]]:22: error: 'returned' must return a floating-point value; helpers may return 'std::complex<double>', and an annotated function writes such results through an output parameter ('void returned(..., std::complex<double> &out)')
std::complex<double> returned(double x, double y) {
  return {x, y};
}

