// gradc_check::check_arrays, the check API for functions of arrays, with
// passive parameters that vs_interpreter.py passes on to `gradc --at`. The
// front end cannot lower pointer parameters yet in this branch, so this
// test runs it on scalars (one-element lists) and a passive int; arrays
// take the same path (see test/unit/AtTest.cpp for --at on arrays).
// RUN: %gradc %s -o %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK: affine: at w=[1.5],b=[-0.25],x=[2],n=[3]
// CHECK-NEXT: affine: f = 8.25
// CHECK-NEXT: affine: d(w[0]) = 6 (finite difference
// CHECK-NEXT: affine: d(b[0]) = 3 (finite difference
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 1 checked against the interpreter, 0 mismatches
// A gradient that differs from the interpreter's is caught:
// RUN: sed 's/d(b\[0\]) = 3 /d(b[0]) = 3.000000000001 /' %t.out > %t.wrong
// RUN: not %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.wrong | FileCheck %s --check-prefix=WRONG
// WRONG: MISMATCH affine at w=1.5,b=-0.25,x=2,n=3: compiled f=8.25 d=[6.0, 3.000000000001], interpreter f=8.25 d=[6.0, 3.0]
// A sum made in another order is not (4 units in the last place of the
// largest entry, 6: here 1 unit of 3):
// RUN: sed 's/d(b\[0\]) = 3 /d(b[0]) = 3.0000000000000004 /' %t.out > %t.ulp
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.ulp | FileCheck %s --check-prefix=INTERP
#include <gradc/gradc.h>

GRADC_DIFF("grad wrt(w, b)")
double affine(double w, double x, double b, int n) { return n * (w * x + b); }

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "affine", {{"w", {1.5}}, {"b", {-0.25}}}, {{"x", {2}}, {"n", {3}}},
      [](const Arrays &p) { return affine(p[0][0], 2, p[1][0], 3); },
      [](const Arrays &p, Arrays &d) {
        return affine_grad(p[0][0], 2, p[1][0], 3, d[0][0], d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        affine_pullback(p[0][0], 2, p[1][0], 3, s, d[0][0], d[1][0]);
      });
  return gradc_check::finish();
}
#endif
