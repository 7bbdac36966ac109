// `memset(a, 0, sizeof a)`, `std::memset(b, 0, n * sizeof(double))`,
// `memcpy` and `std::memcpy` between arrays of doubles: the fill with 0 and
// the copy they mean, the byte count read as a count of elements.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --check --at 'x=[0.5,-1.5,2,0.75],n=4' 2>&1 | FileCheck %s --check-prefix=FD
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 1 checked against the interpreter, 0 mismatches
// FD: ok: all 4 entries agree with finite differences
#include <gradc/gradc.h>

#include <cmath>
#include <cstring>
#include <string.h>
#include <vector>

GRADC_DIFF("grad")
double smooth(const double *x, int n) {
  double acc[4];
  memset(acc, 0, sizeof acc);
  // TEXT:      double acc[4];
  // TEXT-NEXT: for (int i = 0; i < 4; ++i) {
  // TEXT-NEXT:   acc[i] = 0;
  // TEXT-NEXT: }
  std::vector<double> w(n);
  std::memset(w.data(), 0, n * sizeof(double));
  for (int i = 0; i < n; ++i)
    w[i] = x[i] * x[i];
  double prev[4];
  std::memcpy(prev, x, 4 * sizeof(double));
  // TEXT:      for (int i = 0; i < 4; ++i) {
  // TEXT-NEXT:   prev[i] = x[i];
  for (int k = 0; k < 4; ++k) {
    memcpy(acc, prev, sizeof(double) * 4);
    for (int i = 0; i < 4; ++i)
      prev[i] = 0.5 * acc[i] + 0.25 * std::sin(w[i]) * acc[(i + 1) % 4];
  }
  double s = 0;
  for (int i = 0; i < 4; ++i)
    s += prev[i] * acc[i];
  return s;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

int main() {
  gradc_check::check_arrays(
      "smooth", {{"x", {0.5, -1.5, 2.0, 0.75}}}, {{"n", {4}}},
      [](const Arrays &p) { return smooth(p[0].data(), 4); },
      [](const Arrays &p, Arrays &d) {
        return smooth_grad(p[0].data(), 4, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        smooth_pullback(p[0].data(), 4, s, d[0].data());
      });
  return gradc_check::finish();
}
#endif
