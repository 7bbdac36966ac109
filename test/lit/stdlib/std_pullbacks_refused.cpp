// A library function gradc cannot see into and has no pullback of is
// refused at the call where a derivative flows through it, with the
// declaration its custom pullback must have for the overload called (and
// the header to include when gradc ships one); a custom pullback of a std::
// function that fits no overload is reported with the signature of the one
// its parameters name. No header is written.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not %gradc %s -o %t.grad.h -- -DSIGNATURE 2>&1 | FileCheck %s --check-prefix=SIGNATURE
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <cmath>

#ifdef SIGNATURE
// The float overload's signature, which its parameters begin with.
// SIGNATURE: std_pullbacks_refused.cpp:[[@LINE+2]]:6: error: 'ldexp_pullback' does not have the signature of a pullback of 'ldexp': expected 'void ldexp_pullback(float x, int exp, float dout, float &dx)'
GRADC_DIFF("custom")
void ldexp_pullback(float x, int e, float dout) {}
#endif

// Fits no instance of std::expint: reported where one is called.
GRADC_DIFF("custom")
void expint_pullback(double x, double &dx) {}

GRADC_DIFF("grad")
double shipped(double x) {
  // CHECK-DAG: std_pullbacks_refused.cpp:[[@LINE+1]]:10: error: a derivative flows through this call to std::hermite, whose body gradc cannot see; define it where gradc reads it, or give it a custom pullback: 'void hermite_pullback(unsigned int n, double x, double dout, double &dx)', or #include <gradc/std_pullbacks.h>, which has it
  return std::hermite(2, x) * x;
}

GRADC_DIFF("grad")
float not_shipped(float s) {
  // CHECK-DAG: std_pullbacks_refused.cpp:[[@LINE+1]]:10: error: a derivative flows through this call to std::riemann_zeta, whose body gradc cannot see; define it where gradc reads it, or give it a custom pullback: 'void riemann_zeta_pullback(float s, float dout, float &ds)'{{$}}
  return std::riemann_zeta(s + 2);
}

GRADC_DIFF("grad")
double wrong_overload(double x) {
  // CHECK-DAG: std_pullbacks_refused.cpp:[[@LINE+1]]:10: error: a derivative flows through this call to std::expint, whose body gradc cannot see; define it where gradc reads it, or give it a custom pullback: 'void expint_pullback(double x, double dout, double &dx)', or #include <gradc/std_pullbacks.h>, which has it (the one at line [[#@LINE-16]] has another signature)
  return std::expint(x);
}
