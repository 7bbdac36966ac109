// Found by campaign 108: a local vector of structs that grows in a loop
// and that nothing the result depends on reads. Dead code took the vector
// and left its length, whose changes were printed as calls of a vector
// (`v_size.append(v_size + 1);`), which does not compile. Dead code now
// takes the length with the vector.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 1 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <vector>

struct S {
  double a, b;
};

GRADC_DIFF("grad wrt(z)")
double unread(double z, int n) {
  std::vector<S> v;
  for (int i = 0; i < n; ++i) {
    v.emplace_back();
    v[v.size() - 1].b = z * i;
  }
  double sum = 0;
  for (const S &e : v)
    sum += e.b;
  return z * z + 0 * n;
}
// TEXT-LABEL: inline double unread_pullback(
// TEXT-NOT:     .append(
// TEXT-NOT:     v_size
// TEXT-LABEL: inline double unread_grad(

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  gradc_check::check_arrays(
      "unread", {{"z", {0.7}}}, {{"n", {3}}},
      [](const gradc_check::Arrays &p) { return unread(p[0][0], 3); },
      [](const gradc_check::Arrays &p, gradc_check::Arrays &d) {
        return unread_grad(p[0][0], 3, d[0][0]);
      },
      [](const gradc_check::Arrays &p, double s, gradc_check::Arrays &d) {
        unread_pullback(p[0][0], 3, s, d[0][0]);
      });
  return gradc_check::finish();
}
#endif
