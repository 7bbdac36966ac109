// A struct returned by a function or operator of another namespace is held
// in a local whose type is spelled in full (`geo::V2 add_result`): the
// callee wrote it `V2`, which the caller cannot name. (The header did
// not compile before.)
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK: f: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 1 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

namespace geo {
struct V2 {
  double x, y;
};
inline V2 add(const V2 &a, const V2 &b) { return {a.x + b.x, a.y + b.y}; }
inline V2 operator*(double s, const V2 &v) { return {s * v.x, s * v.y}; }
} // namespace geo

GRADC_DIFF("grad")
double f(double s, double t) {
  geo::V2 a{s, t};
  double u = geo::add(a, a).x;
  return u * (s * a).y;
}
// TEXT-LABEL: inline double f_pullback(
// TEXT:         geo::V2 add_result = geo::add(a, a);
// TEXT:         geo::V2 times_result = s * a;

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_2(f, 1.5, -0.75);
  return gradc_check::finish();
}
#endif
