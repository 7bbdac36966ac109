// A helper given a pointer into the middle of an array (`u + i`) may read
// before it (`p[-1]`), as C++ allows: gradc's interpreter (--check, --at)
// follows it, and names what a wrong index reaches. `std::size` of an
// array is its length.
// RUN: %gradc %s -o %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function laplace --check --at 'u=[1,0.5,2,-1,0.25],n=5' | FileCheck %s --check-prefix=CHECK-LAP
// RUN: %gradc %s --function sized --check --at 'x=[0.7,-1.5]' | FileCheck %s --check-prefix=CHECK-SIZE
// RUN: not %gradc %s --function reach --check --at 'u=[1,2,3],n=3' 2>&1 | FileCheck %s --check-prefix=REACH
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
// CHECK-LAP: ok: all 5 entries agree with finite differences
// CHECK-SIZE: ok: all 2 entries agree with finite differences
// REACH: interior_pointers.cpp:53:10: in reach_grad: in the call to back2: {{.*}}interior_pointers.cpp:26:10: in back2: reads p[-2], but p reaches p[-1] to p[1]
#include <gradc/gradc.h>

#include <cmath>
#include <iterator>

static double stencil(const double *p) { return p[-1] - 2 * p[0] + p[1]; }

static double back2(const double *p) {
  return p[-2] * p[0];
}

GRADC_DIFF("grad")
double laplace(const double *u, int n) {
  double s = 0;
  for (int i = 1; i + 1 < n; ++i) {
    double d = stencil(u + i);
    s += d * std::tanh(d);
  }
  return s;
}

GRADC_DIFF("grad")
double sized(const double *x) {
  double b[3] = {x[0], x[1] * x[0], 2.0};
  double s = 0;
  for (unsigned i = 0; i < std::size(b); ++i)
    s += b[i] * b[i];
  return s;
}

/// Reads before the array when i is 1: refused by the interpreter.
GRADC_DIFF("grad")
double reach(const double *u, int n) {
  double s = 0;
  for (int i = 1; i < n; ++i)
    s += back2(u + i);
  return s;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

int main() {
  gradc_check::check_arrays(
      "laplace", {{"u", {1, 0.5, 2, -1, 0.25}}}, {{"n", {5}}},
      [](const Arrays &p) { return laplace(p[0].data(), 5); },
      [](const Arrays &p, Arrays &d) {
        return laplace_grad(p[0].data(), 5, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        laplace_pullback(p[0].data(), 5, s, d[0].data());
      });
  gradc_check::check_arrays(
      "sized", {{"x", {0.7, -1.5}}}, {},
      [](const Arrays &p) { return sized(p[0].data()); },
      [](const Arrays &p, Arrays &d) {
        return sized_grad(p[0].data(), d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        sized_pullback(p[0].data(), s, d[0].data());
      });
  return gradc_check::finish();
}
#endif
