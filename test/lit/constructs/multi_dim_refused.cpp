// What stays refused around parameters that are arrays of arrays: pointers
// to pointers, rows of a size that is not constant, a part of an array of
// three dimensions passed to a helper's array of arrays, arithmetic on a
// pointer to rows, arrays of arrays of structs, a copy of one captured by
// a lambda, one captured by a lambda passed to a helper's reference to an
// array of arrays.
// Each an error at the user's line, with advice, and no output.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

GRADC_DIFF("grad")
// CHECK: multi_dim_refused.cpp:[[@LINE+1]]:23: error: pointers to pointers are not supported; pass an array of arrays ('double m[][3]') or a flat array indexed as m[i * n + j]
double first(double **m) { return m[0][0]; }

GRADC_DIFF("grad")
// CHECK: multi_dim_refused.cpp:[[@LINE+1]]:37: error: parameters of type 'const double[][n]' are not supported; gradc supports arrays of arrays of numbers of constant sizes ('double m[][3]'): pass a flat array and index it as m[i * n + j]
double variable(int n, const double m[][n]) { return m[0][0]; }

static double sumsq(const double m[][3], int n) {
  return m[0][0] * m[0][0] + m[n - 1][2] * m[n - 1][2];
}

GRADC_DIFF("grad")
double slab(const double t[2][2][3]) {
  // CHECK: multi_dim_refused.cpp:[[@LINE+1]]:16: error: passing 't[1]' to 'sumsq', which takes an array of arrays, is not supported yet; gradc passes on a whole array of arrays, not a part of one that is itself an array of arrays: make 'sumsq' take a flat array ('const double *') indexed as a[i * n + j]
  return sumsq(t[1], 2);
}

GRADC_DIFF("grad")
double second(const double (*m)[3]) {
  // CHECK: multi_dim_refused.cpp:[[@LINE+1]]:25: error: arithmetic on a pointer to rows of an array of arrays is not supported; index it instead ('m[i]', '&m[i][j]')
  const double *r = *(m + 1);
  return r[0];
}

static double corner(const double (&m)[2][2]) { return m[0][0] * m[1][1]; }

GRADC_DIFF("grad")
double captured(const double (&q)[2][2], double z) {
  // CHECK: multi_dim_refused.cpp:[[@LINE+1]]:44: error: passing 'q', captured by the lambda, to 'corner', which takes a reference to an array of arrays, is not supported yet; make 'corner' take a pointer to rows ('const double m[][2]'), or call it outside the lambda and capture its result
  return [&](double t) { return t * corner(q); }(z);
}

struct P {
  double a, b;
};

GRADC_DIFF("grad")
// CHECK: multi_dim_refused.cpp:[[@LINE+1]]:24: error: parameters of type 'const P[2][2]' are not supported; gradc supports arrays of arrays of numbers of constant sizes ('double m[][3]'): pass a flat array and index it as m[i * n + j]
double structs(const P ps[2][2]) { return ps[0][0].a; }


GRADC_DIFF("grad")
double copied(const double (&m)[2][2], double x) {
  // CHECK: multi_dim_refused.cpp:[[@LINE+1]]:35: error: capturing 'm' by value is not supported; capture it by reference ([&m])
  auto g = [=](double t) { return m[0][1] * t; };
  return g(x);
}
