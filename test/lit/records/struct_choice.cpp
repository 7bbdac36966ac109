// Structs chosen by a condition: `Vec3 p = c ? a : b;` (also with an arm a
// helper computes), `const Vec3 &q = c ? a : b;` (a copy, since neither
// changes afterwards), and a helper returning `w > 0 ? a : b`. The struct
// C++ chooses is copied in a branch C++ takes, so that only that arm runs.
// Checked against central finite differences, the pullback and gradc's
// interpreter, on both sides of each condition.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function choose --at 's=0.5,t=-0.25,w=0.75' | FileCheck %s --check-prefix=AT
// CHECK: choose: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 4 checked against the interpreter, 0 mismatches
// AT: choose(s = 0.5, t = -0.25, w = 0.75)
// AT: param s
#include <gradc/gradc.h>

struct Vec3 {
  double x, y, z;
};

static Vec3 add(const Vec3 &a, const Vec3 &b) {
  return {a.x + b.x, a.y + b.y, a.z + b.z};
}

static Vec3 nearer(const Vec3 &a, const Vec3 &b, double w) {
  return w > 0 ? a : b;
}
// TEXT-LABEL: inline void nearer_pullback(

GRADC_DIFF("grad")
double choose(double s, double t, double w) {
  Vec3 a{s, t, s * t};
  Vec3 b{t * t, s, 1.0};
  Vec3 p = w > 0.5 ? a : b;
  const Vec3 &q = w > 0 ? a : b;
  Vec3 r = s > t ? add(a, b) : b;
  Vec3 n = nearer(a, b, w - 1);
  return p.x * q.y + p.z * q.z + r.x * r.y + n.z;
}
// TEXT-LABEL: inline double choose_pullback(
// TEXT:         Vec3 p;
// TEXT-NEXT:    bool cond = w > 0.5;
// TEXT-NEXT:    if (cond) {
// TEXT-NEXT:      p.x = a.x;
// TEXT:         } else {
// TEXT-NEXT:      p.x = b.x;
// TEXT:         if (s_gt_t) {
// TEXT-NEXT:      r = add(a, b);
// TEXT-NEXT:    } else {

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_3(choose, 0.5, -0.25, 0.75);
  GRADC_CHECK_3(choose, -0.5, 0.25, 0.25);
  GRADC_CHECK_3(choose, 0.75, 1.25, -0.5);
  GRADC_CHECK_3(choose, 0.5, -0.75, 1.5);
  return gradc_check::finish();
}
#endif
