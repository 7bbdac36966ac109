// What stays refused around pointers that move: a pointer that may point
// into different arrays, comparing pointers into different arrays, moving a
// pointer to a struct. An error saying what to write instead, no output.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

GRADC_DIFF("grad")
double either(const double *a, const double *b, bool c) {
  const double *p = a;
  // CHECK: moving_pointers_refused.cpp:[[@LINE+1]]:5: error: pointer 'p' may point into different arrays ('c ? a : b') here, and into 'a' where it is declared; gradc supports a pointer that moves within one array: keep an index into each array instead
  p = c ? a : b;
  return *p;
}

GRADC_DIFF("grad")
double other(const double *a, const double *b) {
  const double *p = a;
  ++p;
  // CHECK: moving_pointers_refused.cpp:[[@LINE+1]]:5: error: pointer 'p' may point into 'b' here, and into 'a' where it is declared
  p = b;
  return *p;
}

GRADC_DIFF("grad")
double compare(const double *a, const double *b, int n) {
  double s = 0;
  // CHECK: moving_pointers_refused.cpp:[[@LINE+1]]:31: error: comparing or subtracting pointers into different arrays (or arrays gradc cannot tell apart) is not supported; compare indices instead
  for (const double *p = a; p != b + n; ++p)
    s += *p;
  return s;
}

struct P2 {
  double x, y;
};

GRADC_DIFF("grad")
double structs(const P2 *ps, int n) {
  // CHECK: moving_pointers_refused.cpp:[[@LINE+1]]:13: error: moving a pointer to a struct ('q') is not supported; index it instead ('p[i].m')
  const P2 *q = ps;
  double s = 0;
  for (int i = 0; i < n; ++i, ++q)
    s += q->x;
  return s;
}

GRADC_DIFF("grad")
double null(const double *a) {
  const double *p = a;
  // CHECK: moving_pointers_refused.cpp:[[@LINE+1]]:5: error: pointer 'p' is set to null here; gradc supports a pointer that moves within one array: keep an index into it instead
  p = nullptr;
  return a[0];
}
