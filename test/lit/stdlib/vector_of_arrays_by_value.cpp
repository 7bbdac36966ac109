// A std::vector of std::array passed by value to a helper (issue 14):
// `double sumrows(std::vector<std::array<double, 2>> v)`, called with a
// local `v(3, {x, x})` or `= {{x, y}, {y, x}}`; a helper that changes its
// copy (`for (auto &r : v) r[0] *= k;`) has it as a local of its own,
// `v_2`, copied from the parameter at entry, as other containers passed by
// value are; beside `const &` and `&` helpers of the same rows. Checked
// against finite differences and the interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function issue --check --at 'x=1.5' | FileCheck %s --check-prefix=AT
// AT: ok: the entry agrees with finite differences
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 4 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <array>
#include <cstddef>
#include <vector>

static double sumrows(std::vector<std::array<double, 2>> v) {
  double s = 0;
  for (auto &r : v)
    s += r[0] * r[1];
  return s;
}
// TEXT-LABEL: inline void sumrows_pullback(std::vector<std::array<double, 2>> v, double dout,
// TEXT-NEXT:                             std::vector<std::array<double, 2>> &dv) {
// TEXT-NEXT:   std::size_t size = v.size();
// TEXT-NEXT:   std::vector<std::array<double, 2>> v_2(size);

// The issue's example.
GRADC_DIFF("grad")
double issue(double x) {
  std::vector<std::array<double, 2>> v(3, {x, x});
  return sumrows(v);
}

static double sumc(const std::vector<std::array<double, 2>> &v) {
  double s = 0;
  for (const auto &r : v)
    s += r[0] * r[1];
  return s;
}

static void scale(std::vector<std::array<double, 2>> &v, double k) {
  for (auto &r : v) {
    r[0] *= k;
    r[1] += k;
  }
}

GRADC_DIFF("grad")
double refs(double x, double y) {
  std::vector<std::array<double, 2>> v(3, {x, y});
  scale(v, x);
  return sumc(v) + sumrows(v);
}

static double changes(std::vector<std::array<double, 2>> v, double k) {
  for (auto &r : v)
    r[0] *= k;
  double s = 0;
  for (std::size_t i = 0; i < v.size(); ++i)
    s += v[i][0] * v[i][1];
  return s;
}

// The caller's rows are left as they were.
GRADC_DIFF("grad")
double copied(double x, double y) {
  std::vector<std::array<double, 2>> v = {{x, y}, {y, x}};
  double a = changes(v, y);
  return a + v[0][0] * changes(v, x);
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_1(issue, 1.5);
  GRADC_CHECK_2(refs, 0.4, -1.2);
  GRADC_CHECK_2(copied, 0.9, 1.7);
  GRADC_CHECK_1(issue, -0.6);
  return gradc_check::finish();
}
#endif
