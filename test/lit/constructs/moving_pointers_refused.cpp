// What stays refused around pointers that move: a pointer given, after it
// was read through, an array declared after it (gradc must know every
// array before the first use), a pointer into several arrays used otherwise than through it
// or in a loop's header, comparing pointers into different arrays, moving
// a pointer to a struct. An error saying what to write instead, no output.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

GRADC_DIFF("grad")
double late(const double *a, double x, int n) {
  const double *p = a;
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += p[i] * x;
  double t[2] = {x, 2 * x};
  // CHECK: moving_pointers_refused.cpp:[[@LINE+1]]:5: error: pointer 'p' may point into 't' here, after it was read or written through in 'a'; gradc must know every array a pointer may point into before it is used: give it each of them before the first use ('p = c ? a : b;', or an if and else that assign p), or keep an index into each array instead
  p = t;
  return s + p[1];
}

GRADC_DIFF("grad")
double copied(const double *a, const double *b, bool c) {
  const double *p = c ? a : b;
  // CHECK: moving_pointers_refused.cpp:[[@LINE+1]]:21: error: pointer 'p' may point into several arrays here; gradc supports reading and writing through it ('p[k]', '*p') and passing it to a function; use it so, or choose between the arrays again where this value is needed ('c ? a + k : b + k')
  const double *q = p + 1;
  return q[0];
}

GRADC_DIFF("grad")
double header(const double *a, const double *b, bool c, int n) {
  const double *p = c ? a : b;
  double s = 0;
  // CHECK: moving_pointers_refused.cpp:[[@LINE+1]]:23: error: reading through pointer 'p', which may point into several arrays, in a loop's condition or step is not supported; read it into a variable before the loop and at the end of its body
  for (int i = 0; i < p[0] && i < n; ++i)
    s += p[i];
  return s;
}

GRADC_DIFF("grad")
double early(const double *a, double x) {
  const double *p;
  // CHECK: moving_pointers_refused.cpp:[[@LINE+1]]:14: error: pointer 'p' is used here before it is given an array; initialize it where it is declared
  double s = p[0] * x;
  p = a;
  return s + p[0];
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
