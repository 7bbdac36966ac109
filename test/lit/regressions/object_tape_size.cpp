// Found by campaign 108: a vector of complex numbers made in each of two
// iterations and read by a helper is taped whole, on a stack tape of
// vectors (`fixed_tape<std::vector<std::complex<double>>, N>`, N counted
// in pushes). The interpreter counted its room in scalars and refused the
// second push, so `--at` and `--check` refused what the generated code runs.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --check --at 'x=0.4, y=-0.3' | FileCheck %s --check-prefix=FD
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 2 checked against the interpreter, 0 mismatches
// FD: ok: all 2 entries agree with finite differences
#include <gradc/gradc.h>

#include <cmath>
#include <complex>
#include <vector>

static double energy(const std::vector<std::complex<double>> &zs) {
  double e = 0;
  for (const std::complex<double> &z : zs)
    e += std::norm(z);
  return e;
}

GRADC_DIFF("grad")
double twice(double x, double y) {
  double s = 0;
  for (int k = 0; k < 2; ++k) {
    std::vector<std::complex<double>> zs(3);
    for (int i = 0; i < 3; ++i)
      zs[i] = std::complex<double>(std::tanh(x) + 0.25 * i, y * k);
    zs[1] *= std::complex<double>(std::cos(s), 0.5);
    s += energy(zs);
  }
  return s;
}
// TEXT-LABEL: inline double twice_pullback(
// TEXT:         gradc::fixed_tape<std::vector<std::complex<double>>, {{[0-9]+}}> zs_tape;

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_2(twice, 0.4, -0.3);
  GRADC_CHECK_2(twice, -0.8, 0.6);
  return gradc_check::finish();
}
#endif
