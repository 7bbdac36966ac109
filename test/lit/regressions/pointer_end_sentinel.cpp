// A pointer to the end taken before a moving pointer moves
// (`const double *end = p + n; while (p != end) ++p;`) was written in
// generated code as `p_off != p_off + n`: the end's position was read
// again at each test of the loop, after p had moved, so the loop never
// ended (found by an adversarial tester; the interpreter was right). A
// value read before a loop and used in its header is kept in a variable
// when the loop writes what it read; a pointer declared in a 'for' header
// and never moved is computed before the loop.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function walk --check --at 'p=[1,2,3],n=3' | FileCheck %s --check-prefix=AT
// AT: ok: all 3 entries agree with finite differences
// CHECK: walk: at
// CHECK: squares: at
// CHECK: copied: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 3 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

GRADC_DIFF("grad wrt(p)")
double walk(const double *p, int n) {
  const double *end = p + n;
  double acc = 0;
  while (p != end) {
    acc += *p * *p;
    ++p;
  }
  return acc;
}
// TEXT-LABEL: inline double walk_pullback(
// TEXT: int p_off_old = p_off;
// TEXT: while (p_off != p_off_old + n) {

GRADC_DIFF("grad wrt(a)")
double squares(const double *a, int n) {
  double s = 0;
  for (const double *e = a + n; a < e; ++a)
    s += std::sin(*a) * *a;
  return s;
}
// TEXT-LABEL: inline double squares_pullback(
// TEXT: int a_off_old = a_off;
// TEXT: for (; a_off < a_off_old + n; ++a_off) {

static double tail(const double *a, int n) {
  const double *p = a;
  p += 1;
  const double *end = a + n;
  double s = 0;
  while (p != end)
    s += *p++ * a[0];
  return s;
}

GRADC_DIFF("grad wrt(a)")
double copied(const double *a, int n) { return tail(a, n) + a[1]; }

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

static void check(const char *Name, const char *Param,
                  double (*F)(const double *, int),
                  double (*G)(const double *, int, double *),
                  void (*PB)(const double *, int, double, double *)) {
  gradc_check::check_arrays(
      Name, {{Param, {1, 2, -0.5}}}, {{"n", {3}}},
      [&](const Arrays &p) { return F(p[0].data(), 3); },
      [&](const Arrays &p, Arrays &d) { return G(p[0].data(), 3, d[0].data()); },
      [&](const Arrays &p, double s, Arrays &d) {
        PB(p[0].data(), 3, s, d[0].data());
      });
}

int main() {
  check("walk", "p", walk, walk_grad, [](const double *p, int n, double s, double *d) { walk_pullback(p, n, s, d); });
  check("squares", "a", squares, squares_grad, [](const double *p, int n, double s, double *d) { squares_pullback(p, n, s, d); });
  check("copied", "a", copied, copied_grad, [](const double *p, int n, double s, double *d) { copied_pullback(p, n, s, d); });
  return gradc_check::finish();
}
#endif
