// What stays refused around reference variables: an error at the
// declaration saying what to write instead, and no output.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <vector>

const double Global = 2.0;

GRADC_DIFF("grad")
double to_pointer(const double *x) {
  const double *p = x;
  // CHECK: references_refused.cpp:[[@LINE+1]]:18: error: references to pointers are not supported; copy the pointer instead ('const double *q = ...;')
  const double *&q = p;
  return q[0];
}

std::vector<double> made(double x); // defined elsewhere

GRADC_DIFF("grad")
double to_container(double x) {
  // CHECK: references_refused.cpp:[[@LINE+1]]:34: error: gradc cannot see the body of 'made', which returns a std::vector; only functions defined in your own code can return one
  const std::vector<double> &r = made(x);
  return r[0];
}

GRADC_DIFF("grad")
double to_global(double x) {
  // CHECK: references_refused.cpp:[[@LINE+1]]:17: error: a reference can name a local variable, a parameter, an element ('a[i]'), a member ('s.m') or '*p'; 'Global' is none of these: copy its value into a variable
  const double &g = Global;
  return x * g;
}

GRADC_DIFF("grad")
double rvalue(double x) {
  // CHECK: references_refused.cpp:[[@LINE+1]]:12: error: rvalue reference variables are not supported; declare 'y' as a variable of type 'double'
  double &&y = x * 2;
  return y;
}
