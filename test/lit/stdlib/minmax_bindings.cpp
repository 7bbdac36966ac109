// `auto [lo, hi] = std::minmax(x, y);`: each name the value of the argument
// C++'s pair refers to, (y, x) when y < x and (x, y) otherwise, so that a
// tie sends the gradient where the library's references point. Checked
// against central finite differences, the pullback and gradc's interpreter,
// on both orders of the arguments.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function spread --at 'x=0.5,y=-1.25' | FileCheck %s --check-prefix=AT
// CHECK: spread: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
// AT: spread(x = 0.5, y = -1.25)
// AT: lo {{.*}}-1.25
#include <gradc/gradc.h>

#include <algorithm>
#include <utility>

GRADC_DIFF("grad")
double spread(double x, double y) {
  auto [lo, hi] = std::minmax(x, y);
  double p = x * y, q = 0.5 * x;
  const auto &[a, b] = std::minmax(p, q);
  return lo * 2 + hi * hi + a * b;
}
// TEXT-LABEL: inline double spread_pullback(
// TEXT:         bool y_lt_x = y < x;
// TEXT-NEXT:    double lo = y_lt_x ? y : x;
// TEXT-NEXT:    double hi = y_lt_x ? x : y;

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_2(spread, 0.5, -1.25);
  GRADC_CHECK_2(spread, -0.75, 1.5);
  return gradc_check::finish();
}
#endif
