// Local arrays, from a review of the memory reversal (each was a wrong
// gradient): an element named by an index computed twice (`a[k + 1] =
// a[k + 1] * 2`), a helper's output array local to a loop, an array reset
// inside an outer loop, and an inner loop whose bound changes between its
// runs (`for (i < m) ...; m = m - 1;`); and elements that may be one
// without being provably so (their zeroing held back ran too late).
// RUN: %gradc %s -o %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// a[2] = 2 * x[2], so f = x[1] + 2 x[2].
// CHECK:      twice: at x=[1.1000000000000001,0.69999999999999996,-0.40000000000000002],k=[1]
// CHECK-NEXT: twice: f = -0.10000000000000009
// CHECK-NEXT: twice: d(x[0]) = 0 (
// CHECK-NEXT: twice: d(x[1]) = 1 (
// CHECK-NEXT: twice: d(x[2]) = 2 (
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 11 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

GRADC_DIFF("grad wrt(x)")
double twice(const double *x, int k) {
  double a[3];
  for (int i = 0; i < 3; ++i)
    a[i] = x[i];
  a[k + 1] = a[k + 1] * 2.0;
  return a[2] + a[1];
}

GRADC_DIFF("grad wrt(x)")
double chain(const double *x, int n) {
  double a[3];
  for (int i = 0; i < n; ++i)
    a[i] = x[i];
  for (int j = 0; j + 1 < n; ++j)
    a[j + 1] = a[j + 1] * a[j];
  return a[2];
}

static void act(const double *in, double *out) {
  for (int i = 0; i < 2; ++i)
    out[i] = std::tanh(in[i]);
}
GRADC_DIFF("grad wrt(x)")
double layers(const double *x, int n) {
  double loss = 0;
  for (int k = 0; k < n; ++k) {
    double t[2];
    act(x, t);
    loss += t[0] * t[1];
  }
  return loss;
}

GRADC_DIFF("grad wrt(x)")
double reset(const double *x, int n) {
  double acc = 0;
  double h[4];
  for (int k = 0; k < 2; ++k) {
    for (int i = 0; i < n; ++i)
      h[i] = 0;
    for (int i = 0; i < n; ++i)
      h[i] += x[i];
    for (int i = 0; i < n; ++i)
      acc += h[i] * h[i];
  }
  return acc;
}

GRADC_DIFF("grad wrt(x)")
double shrinking(const double *x, int n) {
  double s = 0;
  int m = n;
  for (int k = 0; k < 2; ++k) {
    for (int i = 0; i < m - 1; ++i)
      s = s * x[i] + x[i + 1];
    m = m - 1;
  }
  return s;
}

GRADC_DIFF("grad wrt(x)")
double window(const double *x, int n) {
  double a[8];
  for (int i = 0; i < n; ++i)
    a[i] = x[i];
  int m = n;
  while (m > 1) {
    for (int i = 0; i < m - 1; ++i)
      a[i] = a[i] * a[i + 1] + 0.1;
    m = m - 1;
  }
  return a[0];
}

// Elements that may be one without being provably so: a store at a[i]
// after stores at constant places, a[i] = a[j] * x with i == j, an index
// read from an array twice, a window that reads a[lo] while writing a[w].
GRADC_DIFF("grad wrt(x)")
double at_i(const double *x, int i) {
  double a[2] = {x[0], x[1]};
  a[i] = x[0] * 3;
  return a[0] + 2 * a[1];
}

GRADC_DIFF("grad wrt(x)")
double same_ij(const double *x, int ij) {
  int i = ij / 10, j = ij % 10;
  double a[3];
  for (int k = 0; k < 3; ++k)
    a[k] = x[k];
  a[i] = a[j] * a[i];
  a[i] += a[j] * x[0];
  return a[0] + 2 * a[1] + 3 * a[2];
}

GRADC_DIFF("grad wrt(x)")
double indirect(const double *x, int k) {
  double a[2] = {x[0], x[1]};
  int idx[1] = {k};
  a[idx[0]] = a[idx[0]] * x[0];
  return a[0] + 2 * a[1];
}

GRADC_DIFF("grad wrt(x)")
double moving(const double *x, int n) {
  double a[6];
  for (int i = 0; i < 6; ++i)
    a[i] = x[i % 3] * 0.5;
  int lo = 0, hi = 6;
  for (int o = 0; o < n; ++o) {
    lo = lo + 1;
    int w = lo;
    while (w < hi) {
      a[w] = a[w] * a[lo];
      w += 2;
    }
  }
  double s = 0;
  for (int i = 0; i < 6; ++i)
    s += a[i] * (i + 1);
  return s;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

int main() {
  const gradc_check::Vec X = {1.1, 0.7, -0.4, -0.3, 0.2};
  gradc_check::check_pointer("twice", "x", "k", twice, twice_grad, twice_pullback, {1.1, 0.7, -0.4}, 1);
  gradc_check::check_pointer("chain", "x", "n", chain, chain_grad, chain_pullback, {1.1, 0.7, -0.4}, 3);
  gradc_check::check_pointer("layers", "x", "n", layers, layers_grad, layers_pullback, {1.1, 0.7}, 2);
  gradc_check::check_pointer("reset", "x", "n", reset, reset_grad, reset_pullback, {1.5, -2}, 2);
  gradc_check::check_pointer("shrinking", "x", "n", shrinking, shrinking_grad, shrinking_pullback, X, 5);
  gradc_check::check_pointer("window", "x", "n", window, window_grad, window_pullback, X, 5);
  gradc_check::check_pointer("at_i", "x", "i", at_i, at_i_grad, at_i_pullback, {1.5, 0.7}, 1);
  gradc_check::check_pointer("same_ij", "x", "ij", same_ij, same_ij_grad, same_ij_pullback,
          {1.1, 0.7, -0.4}, 11);
  gradc_check::check_pointer("same_ij", "x", "ij", same_ij, same_ij_grad, same_ij_pullback,
          {1.1, 0.7, -0.4}, 12);
  gradc_check::check_pointer("indirect", "x", "k", indirect, indirect_grad, indirect_pullback,
          {0.5, 0.7}, 1);
  gradc_check::check_pointer("moving", "x", "n", moving, moving_grad, moving_pullback, {1.1, 0.7, -0.4},
          3);
  return gradc_check::finish();
}
#endif
