// A local std::vector of std::vector given as a list of rows (issue 14):
// `std::vector<std::vector<double>> m = {{x, y}, {y, x}};`, also
// `m{{...}, ...}` and rows spelled `std::vector<double>{...}`, every row
// as long as the first. It is the one flat std::vector a matrix declared
// `m(n, std::vector<double>(k))` is (vector_of_vectors_local.cpp), the
// list's numbers stored into it, `m[i][j]` its element `i * k + j`; rows
// of unequal length are refused (vector_of_vectors_local_refused.cpp).
// Checked against finite differences and the interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function det --check --at 'x=1.5,y=0.7' | FileCheck %s --check-prefix=AT
// AT: ok: all 2 entries agree with finite differences
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 4 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>
#include <cstddef>
#include <vector>

// The example.
GRADC_DIFF("grad")
double det(double x, double y) {
  std::vector<std::vector<double>> m = {{x, y}, {y, x}};
  return m[0][0] * m[1][1] - m[0][1] * m[1][0];
}
// TEXT-LABEL: inline double det_pullback(
// TEXT:        std::size_t m_count = 2 * 2;
// TEXT-NEXT:   std::vector<double> m(m_count);
// TEXT-NEXT:   m[0] = x;
// TEXT-NEXT:   m[1] = y;
// TEXT-NEXT:   m[2] = y;
// TEXT-NEXT:   m[3] = x;

static double dot(const std::vector<double> &a, const std::vector<double> &b) {
  double s = 0;
  for (std::size_t j = 0; j < a.size(); ++j)
    s += a[j] * b[j];
  return s;
}

// Braced, with constants and expressions; read by sizes, rows and rows
// passed to a helper; written afterwards.
GRADC_DIFF("grad")
double gram(double x, double y) {
  std::vector<std::vector<double>> m{
      {x, y, 1.0}, std::vector<double>{y * x, 0.0, std::sin(y)}};
  m[1][1] = m[0][0] * 2;
  double s = 0;
  for (std::size_t i = 0; i < m.size(); ++i)
    for (std::size_t j = 0; j < m[i].size(); ++j)
      s += m[i][j] * m[i][j];
  for (const auto &row : m)
    s += dot(row, m[0]);
  return s;
}
// TEXT-LABEL: inline double gram_pullback(
// TEXT:        std::vector<double> m(m_count);

// In a loop, of ints converted.
GRADC_DIFF("grad")
double looped(double x, double y) {
  double s = 0;
  for (int k = 1; k < 3; ++k) {
    std::vector<std::vector<double>> r = {{x * k, 1}, {2, y / k}, {x, y}};
    s += r[0][0] * r[1][1] + r[2][0] * r[k][1];
  }
  return s;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_2(det, 1.5, 0.7);
  GRADC_CHECK_2(gram, 0.4, -1.2);
  GRADC_CHECK_2(looped, 0.9, 1.7);
  GRADC_CHECK_2(det, -0.3, 2.5);
  return gradc_check::finish();
}
#endif
