// a::f and b::f are generated in their own namespaces (a::f_grad,
// b::f_grad), which do not clash; --function takes the qualified name.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --check --function a::f --at x=1.5 | FileCheck %s --check-prefix=CHECKA
// RUN: %gradc %s --check --function ::b::f --at x=1.5 | FileCheck %s --check-prefix=CHECKB
// RUN: %gradc %s --check --function c::fc --at x=1.5,y=0.5 | FileCheck %s --check-prefix=CHECKFB
// RUN: not %gradc %s --check --function f 2>&1 | FileCheck %s --check-prefix=AMBIGUOUS
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 3 checked against the interpreter, 0 mismatches
// CHECKA: f(x = 1.5) = 2.25
// CHECKB: f(x = 1.5) = 3.375
// CHECKFB: f(x = 1.5, y = 0.5) = 0.75
// AMBIGUOUS: several annotated functions are named 'f'; name it with its namespace, as 'b::f'
#include <gradc/gradc.h>

namespace a {
GRADC_DIFF("grad")
double f(double x) { return x * x; }
} // namespace a

namespace b {
GRADC_DIFF("grad")
double f(double x) { return x * x * x; }
} // namespace b

namespace c {
GRADC_DIFF("grad name(fc)")
double f(double x, double y) { return x * y; }
} // namespace c

// TEXT:      namespace a {
// TEXT:      inline double f_grad(double x, double &dx) {
// TEXT:      } // namespace a
// TEXT:      namespace b {
// TEXT:      inline double f_grad(double x, double &dx) {

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_1(a::f, 0.7);
  GRADC_CHECK_1(b::f, 0.7);
  GRADC_CHECK_1(b::f, -1.2);
  return gradc_check::finish();
}
#endif
