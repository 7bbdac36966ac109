// A helper that changes an integer it is given by reference (a counter)
// and whose derivative reads it: its pullback runs it again, on a copy of
// what the call started from, taped before the call; the caller's own
// variable keeps what the forward sweep left. Before, the pullback started
// from the final count (a wrong gradient: d/dx 10 instead of 5 below).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function counter --at x=0.5 | FileCheck %s --check-prefix=AT
// RUN: not %gradc %s -o %t.refused.h -- -DREFUSED 2>&1 | FileCheck %s --check-prefix=REFUSED
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
// x + (2x)^2 at 0.5: 1 + 8x = 5.
// AT: param  x{{ +}}0.5{{ +}}5
// TEXT-LABEL: inline double counter_pullback(double x, double dout, double &dx) {
// TEXT: k_tape_2.push_array(&k, 1);
// TEXT-NEXT: double a = next(k, x);
// TEXT: int k_2;
// TEXT-NEXT: k_tape.pop_array(&k_2, 1);
// TEXT-NEXT: next_pullback(k_2, x, db, dx);
#include <gradc/gradc.h>

double next(int &k, double x) {
  ++k;
  return k * x;
}

#ifdef REFUSED
double passed_on(int &k, double x) { return next(k, x) + next(k, x); }
GRADC_DIFF("grad")
double refused(double x) {
  int k = 0;
  return passed_on(k, x);
}
// REFUSED: int_changed_by_call.cpp:[[@LINE-6]]:45: error: next changes 'k', an integer that is not a local variable here; gradc supports that for local variables: copy 'k' into one, and assign it back after the call
#else
GRADC_DIFF("grad")
double counter(double x) {
  int k = 0;
  double a = next(k, x);
  double b = next(k, x);
  return a + b * b;
}

GRADC_DIFF("grad")
double in_loop(double x, int n) {
  int k = 1;
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += next(k, x) * x;
  return s + k;
}
#endif

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

double in_loop3(double x) { return in_loop(x, 3); }
double in_loop3_grad(double x, double &dx) { return in_loop_grad(x, 3, dx); }
void in_loop3_pullback(double x, double s, double &dx) {
  in_loop_pullback(x, 3, s, dx);
}

int main() {
  GRADC_CHECK_1(counter, 0.5);
  GRADC_CHECK_1(in_loop3, 0.75);
  return gradc_check::finish();
}
#endif
