// C++17 orders an assignment's value before its target (`=` and `op=`),
// and the operands of `<<`, `>>` and `a[b]` left to right: gradc accepts
// what that makes well defined (`a[i] = x * i++`, `y = y++ * 2`,
// `z += 0.5 * std::exchange(x, z)`) and lowers it in that order. Before
// C++17 those orders were open, and gradc refuses them, naming both
// accesses.
// (GCC warns of the orders C++17 fixed; the generated code is clean.)
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -Wno-sequence-point -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function indexed --at 'x=0.5,i=1' -o - | FileCheck %s --check-prefix=AT
// RUN: not %gradc %s -o %t.14.h -- -std=c++14 2>&1 | FileCheck %s --check-prefix=CXX14
// CHECK: exchanged: at
// CHECK: indexed: at
// CHECK: doubled: at
// CHECK: stepped: at
// CHECK: shifted: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 5 checked against the interpreter, 0 mismatches
// AT: indexed(x = 0.5, i = 1) =
#include <gradc/gradc.h>
#include <utility>

GRADC_DIFF("grad")
double exchanged(double x, double y) {
  double z = y * y;
  // (std::exchange reads z, its second argument: no conflict in any C++.)
  z += 0.5 * std::exchange(x, z);
  return z * x;
}

GRADC_DIFF("grad")
double indexed(double x, int i) {
  double a[3] = {0, 0, 0};
  // The value first: i++ reads 1, then a[2] is written.
  // CXX14: cxx17_order.cpp:[[@LINE+1]]:15: error: C++ does not say in which order 'i++' changes 'i' and 'i' at [[@LINE+1]]:5 reads it
  a[i] = x * i++;
  return a[0] + 2 * a[1] + 3 * a[2] * x;
}
// TEXT-LABEL: inline double indexed_pullback(

GRADC_DIFF("grad")
double doubled(double x) {
  double y = x * x;
  // y++ changes y, then the assignment stores twice its old value.
  // CXX14: cxx17_order.cpp:[[@LINE+1]]:8: error: C++ does not say in which order 'y++' changes 'y' and 'y' at [[@LINE+1]]:3 reads it
  y = y++ * 2;
  return y * x;
}

GRADC_DIFF("grad")
double stepped(const double *w, double *h, int k) {
  h[k] = k++ * w[0];
  h[k] = w[1] * w[0];
  return h[0] + h[1] * h[2];
}

GRADC_DIFF("grad")
double shifted(double x, int k) {
  // CXX14: cxx17_order.cpp:[[@LINE+1]]:12: error: C++ does not say in which order 'k++' changes 'k' and 'k' at [[@LINE+1]]:18 reads it
  int m = k++ << k;
  return x * m;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "exchanged", {{"x", {0.5}}, {"y", {1.5}}}, {},
      [](const Arrays &p) { return exchanged(p[0][0], p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return exchanged_grad(p[0][0], p[1][0], d[0][0], d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        exchanged_pullback(p[0][0], p[1][0], s, d[0][0], d[1][0]);
      });
  gradc_check::check_arrays(
      "indexed", {{"x", {0.5}}}, {{"i", {1}}},
      [](const Arrays &p) { return indexed(p[0][0], 1); },
      [](const Arrays &p, Arrays &d) { return indexed_grad(p[0][0], 1, d[0][0]); },
      [](const Arrays &p, double s, Arrays &d) {
        indexed_pullback(p[0][0], 1, s, d[0][0]);
      });
  gradc_check::check_arrays(
      "doubled", {{"x", {0.75}}}, {},
      [](const Arrays &p) { return doubled(p[0][0]); },
      [](const Arrays &p, Arrays &d) { return doubled_grad(p[0][0], d[0][0]); },
      [](const Arrays &p, double s, Arrays &d) {
        doubled_pullback(p[0][0], s, d[0][0]);
      });
  gradc_check::check_arrays(
      "stepped", {{"w", {0.5, 1.5}}}, {{"h", {0.25, 0.5, 0.75}}, {"k", {1}}},
      [](const Arrays &p) {
        double h[3] = {0.25, 0.5, 0.75};
        return stepped(p[0].data(), h, 1);
      },
      [](const Arrays &p, Arrays &d) {
        double h[3] = {0.25, 0.5, 0.75}, dh[3] = {};
        return stepped_grad(p[0].data(), h, 1, d[0].data(), dh);
      },
      [](const Arrays &p, double s, Arrays &d) {
        double h[3] = {0.25, 0.5, 0.75}, dh[3] = {};
        stepped_pullback(p[0].data(), h, 1, s, d[0].data(), dh);
      });
  gradc_check::check_arrays(
      "shifted", {{"x", {1.25}}}, {{"k", {1}}},
      // g++ 12 with -fsanitize=undefined evaluates `k++ << k` right to left
      // (2 << 1, not C++17's 1 << 2), so the primal is C++17's meaning
      // written out by hand, and the generated code is checked against it.
      [](const Arrays &p) {
        int k = 1;
        int old = k++;
        return p[0][0] * (old << k);
      },
      [](const Arrays &p, Arrays &d) { return shifted_grad(p[0][0], 1, d[0][0]); },
      [](const Arrays &p, double s, Arrays &d) {
        shifted_pullback(p[0][0], 1, s, d[0][0]);
      });
  return gradc_check::finish();
}
#endif
