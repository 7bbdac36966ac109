// What the lowering still refuses gets an error at the construct.
// RUN: not %gradc %s --emit=ir -o - 2> %t.err
// RUN: FileCheck %s < %t.err
#include <gradc/gradc.h>

GRADC_DIFF("grad")
double dead_code(double x) {
  return x;
  // CHECK: refused.cpp:[[@LINE+1]]:3: error: code after 'return' is never run; remove it
  x = 2 * x;
}

GRADC_DIFF("grad")
double no_return(double x) {
  if (x > 0)
    return x;
  // CHECK: refused.cpp:[[@LINE+1]]:1: error: 'no_return' must end with a return statement
}

GRADC_DIFF("grad")
double postinc(const double *w, int n) {
  int i = 0;
  // CHECK: refused.cpp:[[@LINE+1]]:13: error: C++ does not say in which order 'i++' changes 'i' and 'i' at [[@LINE+1]]:21 reads it; split the expression into statements
  return w[i++] * w[i];
}


GRADC_DIFF("grad")
double vla(double x, int n) {
  // CHECK: refused.cpp:[[@LINE+1]]:10: error: arrays without a constant size are not supported; give 'h' a size known at compile time
  double h[n];
  return x;
}

GRADC_DIFF("grad")
double sw(double x, int n) {
  switch (n) {
  default:
    // CHECK: refused.cpp:[[@LINE+1]]:5: error: a declaration directly under a 'case' label is not supported; put the case's statements in braces ('case 1: { double t = ...; break; }')
    double t = x;
    x = t;
  }
  return x;
}

GRADC_DIFF("grad")
double condvar(double x) {
  // CHECK: refused.cpp:[[@LINE+1]]:14: error: declaring a variable in a loop's condition is not supported yet; declare it before the loop and assign it in the condition's place
  while (int k = 0)
    x = 1;
  return x;
}

GRADC_DIFF("grad")
double range(double x) {
  // CHECK: refused.cpp:[[@LINE+1]]:19: error: range-based 'for' over 'std::initializer_list<double>' is not supported; gradc supports it over arrays of numbers of a constant size, std::array and std::vector (or write the loop with an index)
  for (double v : {x, 2.0})
    x += v;
  return x;
}

GRADC_DIFF("grad")
double pdiff(const double *a, const double *b) {
  // CHECK: refused.cpp:[[@LINE+1]]:13: error: comparing or subtracting pointers into different arrays (or arrays gradc cannot tell apart) is not supported; compare indices instead
  return (a - b) * a[0];
}

GRADC_DIFF("grad")
// CHECK: refused.cpp:[[@LINE+1]]:26: error: pointers to pointers are not supported; pass an array of arrays ('double m[][3]') or a flat array indexed as m[i * n + j]
double md(const double **w) { return w[0][0]; }

// CHECK: no output written
