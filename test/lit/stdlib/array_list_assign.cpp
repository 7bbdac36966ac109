// A braced list assigned to a std::array or to a row of a std::array of
// std::array (`M[1] = {x, y * y};`): the list is a whole std::array, so
// every element is read before any is written (`a = {a[1], a[0]}` swaps),
// and the elements it leaves out are zero. A std::vector, whose size the
// list would change, stays refused.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function rows --at x=0.7,y=-1.3 | FileCheck %s --check-prefix=AT
// RUN: not %gradc %s -o %t.refused.h -- -DREFUSED 2>&1 | FileCheck %s --check-prefix=REFUSED
// CHECK: rows: at
// CHECK: swapped: at
// CHECK: partial: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 3 checked against the interpreter, 0 mismatches
// AT: rows(x = 0.7, y = -1.3) = 1.183
#include <gradc/gradc.h>

#include <array>
#include <vector>

#ifndef REFUSED
GRADC_DIFF("grad")
double rows(double x, double y) {
  std::array<std::array<double, 2>, 2> M{};
  M[1] = {x, y * y};
  return M[1][0] * M[1][1];
}
// TEXT-LABEL: inline double rows_pullback(
// TEXT:         std::array<double, 2> &row = M[1];
// TEXT-NEXT:    row[0] = x;
// TEXT-NEXT:    row[1] = y * y;

GRADC_DIFF("grad")
double swapped(double x, double y) {
  std::array<double, 2> a = {x, 2 * y};
  for (int k = 0; k < 3; ++k)
    a = {a[1], a[0] * x};
  return a[0] + 3 * a[1];
}

GRADC_DIFF("grad")
double partial(double x, double y) {
  std::array<double, 3> a = {x, y, x * y};
  a = {y * y};
  return a[0] + a[1] + a[2] + x;
}
// TEXT-LABEL: inline double partial_pullback(
// TEXT:         a[1] = 0;
#else
GRADC_DIFF("grad")
double grows(double x, double y) {
  std::vector<double> v(2);
  // REFUSED: array_list_assign.cpp:[[@LINE+1]]:7: error: assigning a list to a std::vector is not supported (it would change its size); assign its elements one by one, or declare it with the list ('std::vector<double> v = {a, b};')
  v = {x, y};
  return v[0] * v[1];
}
#endif

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_2(rows, 0.7, -1.3);
  GRADC_CHECK_2(swapped, 0.7, -1.3);
  GRADC_CHECK_2(partial, 0.7, -1.3);
  return gradc_check::finish();
}
#endif
