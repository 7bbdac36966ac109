// Bitwise operators on integers: `& | ^ ~ << >>` and `&= |= ^= <<= >>=`,
// as numerical code uses them: fast power by squaring, parity, masks,
// `1 << k`. They carry no derivative; the interpreter does them as C++17
// does (a shift by the width or more, or of a negative value to the left,
// is an error there, as it is undefined behaviour in C++).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function power --check --at 'b=1.25,n=13' -o - | FileCheck %s --check-prefix=AT
// RUN: not %gradc %s --function shifted --at 'x=1,k=40' -o - 2>&1 | FileCheck %s --check-prefix=SHIFT
// CHECK: power: at
// CHECK: parity: at
// CHECK: shifted: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 3 checked against the interpreter, 0 mismatches
// AT: power(b = 1.25, n = 13)
// SHIFT: a shift by a negative count or by the width of the type or more
#include <gradc/gradc.h>

GRADC_DIFF("grad")
double power(double b, unsigned n) {
  double r = 1;
  while (n) {
    if (n & 1)
      r *= b;
    b *= b;
    n >>= 1;
  }
  return r;
}
// TEXT-LABEL: inline double power_pullback(
// TEXT:   while (n_2) {
// TEXT:     if (n_2 & 1) {
// TEXT:     n_2 >>= 1;

GRADC_DIFF("grad")
double parity(const double *x, int n) {
  double s = 0;
  int mask = 0;
  for (int i = 0; i < n; ++i) {
    s += (i & 1) ? -x[i] : x[i];
    mask |= 1 << i;
    mask ^= i << 2;
  }
  int low = mask & 0xF;
  int high = ~mask >> 4;
  return s * (low + (high & 3)) + s * ((n | 2) ^ 1);
}
// TEXT-LABEL: inline double parity_pullback(
// TEXT:     if (i & 1) {
// TEXT:     mask |= 1 << i;
// TEXT:     mask ^= i << 2;
// TEXT:   int low = mask & 0xF;
// TEXT:   int high = ~mask >> 4;
// TEXT:   static_cast<double>((n | 2) ^ 1);

GRADC_DIFF("grad")
double shifted(double x, int k) {
  unsigned bits = 1u << k;
  long big = 1L << (k + 20);
  unsigned char byte = 0xF0;
  byte &= 0x3C;
  return x * bits + x * (big >> 20) + x * byte;
}
// TEXT-LABEL: inline double shifted_pullback(
// TEXT:   unsigned bits = 1u << k;
// TEXT:   long big = 1L << (k + 20);

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "power", {{"b", {1.25}}}, {{"n", {13}}},
      [](const Arrays &p) { return power(p[0][0], 13); },
      [](const Arrays &p, Arrays &d) { return power_grad(p[0][0], 13, d[0][0]); },
      [](const Arrays &p, double s, Arrays &d) {
        power_pullback(p[0][0], 13, s, d[0][0]);
      });
  gradc_check::check_arrays(
      "parity", {{"x", {0.5, -1.5, 2, 0.25, 3}}}, {{"n", {5}}},
      [](const Arrays &p) { return parity(p[0].data(), 5); },
      [](const Arrays &p, Arrays &d) {
        return parity_grad(p[0].data(), 5, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        parity_pullback(p[0].data(), 5, s, d[0].data());
      });
  gradc_check::check_arrays(
      "shifted", {{"x", {0.5}}}, {{"k", {3}}},
      [](const Arrays &p) { return shifted(p[0][0], 3); },
      [](const Arrays &p, Arrays &d) { return shifted_grad(p[0][0], 3, d[0][0]); },
      [](const Arrays &p, double s, Arrays &d) {
        shifted_pullback(p[0][0], 3, s, d[0][0]);
      });
  return gradc_check::finish();
}
#endif
