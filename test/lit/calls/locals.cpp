// Calls inside loops whose arguments are local arrays of the loop body:
// those are gone by the backward sweep, so each is copied onto a tape after
// the call (push_array) and back into a local of the same name there
// (pop_array). And a void function writing two outputs per iteration,
// err[2 * i] and err[2 * i + 1], each element once.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// Rows (1, 2), (3, 4), (0.5, -1): the sum of their norms squared times w
// is 62.5, returned squared (so that the loop runs backward on its own):
// each derivative of the sum times 2 * 62.5.
// CHECK:      row_norms: at A=[1,2,3,4,0.5,-1],w=[2],n=[3]
// CHECK-NEXT: row_norms: f = 3906.25
// CHECK-NEXT: row_norms: d(A[0]) = 500 (
// CHECK-NEXT: row_norms: d(A[1]) = 1000 (
// CHECK-NEXT: row_norms: d(A[2]) = 1500 (
// CHECK-NEXT: row_norms: d(A[3]) = 2000 (
// CHECK-NEXT: row_norms: d(A[4]) = 250 (
// CHECK-NEXT: row_norms: d(A[5]) = -500 (
// CHECK-NEXT: row_norms: d(w[0]) = 3906.25 (
// err = (a[i] + b, a[i] * b) for i < 2, seeds dE = (1, 2, 3, 4).
// CHECK:      pairs: at a=[1,-2],b=[3],n=[2],E=[0,0,0,0],dE=[1,2,3,4]
// CHECK-NEXT: pairs: f = -11
// CHECK-NEXT: pairs: d(a[0]) = 7 (
// CHECK-NEXT: pairs: d(a[1]) = 15 (
// CHECK-NEXT: pairs: d(b[0]) = -2 (
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 2 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

static double sumsq(const double *v, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += v[i] * v[i];
  return s;
}

GRADC_DIFF("grad wrt(A, w)")
double row_norms(const double *A, double w, int n) {
  double total = 0;
  for (int r = 0; r < n; ++r) {
    double row[2];
    for (int c = 0; c < 2; ++c)
      row[c] = A[r * 2 + c];
    total += w * sumsq(row, 2);
  }
  return total * total;
}
// TEXT-LABEL: inline double row_norms_pullback(
// TEXT:          gradc::tape<double> row_tape;
// TEXT:            double sumsq_row = sumsq(row, 2);
// TEXT-NEXT:       row_tape.push_array(row, 2);
// TEXT:            double row[2];
// TEXT-NEXT:       row_tape.pop_array(row, 2);
// TEXT:            sumsq_pullback(row, 2, {{.*}}, drow);
// TEXT-LABEL: inline double row_norms_grad(
// TEXT:          return row_norms_pullback(A, w, n, 1, dA, dw);

GRADC_DIFF("grad wrt(a, b) out(E)")
void pairs(const double *a, double b, int n, double *E) {
  for (int i = 0; i < n; ++i) {
    E[2 * i] = a[i] + b;
    E[2 * i + 1] = a[i] * b;
  }
}
// TEXT-LABEL: inline void pairs_pullback(
// TEXT:          double dE_elem = dE[2 * i + 1];
// TEXT:          da[i] += b * dE_elem + dE_elem_2;

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "row_norms", {{"A", {1, 2, 3, 4, 0.5, -1}}, {"w", {2}}}, {{"n", {3}}},
      [](const Arrays &p) { return row_norms(p[0].data(), p[1][0], 3); },
      [](const Arrays &p, Arrays &d) {
        return row_norms_grad(p[0].data(), p[1][0], 3, d[0].data(), d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        row_norms_pullback(p[0].data(), p[1][0], 3, s, d[0].data(), d[1][0]);
      });
  // f = sum of dE[k] * E[k]: the pullback's seeds are dE.
  const double dE[4] = {1, 2, 3, 4};
  auto F = [&](const Arrays &p) {
    double E[4];
    pairs(p[0].data(), p[1][0], 2, E);
    return dE[0] * E[0] + dE[1] * E[1] + dE[2] * E[2] + dE[3] * E[3];
  };
  gradc_check::check_arrays(
      "pairs", {{"a", {1, -2}}, {"b", {3}}},
      {{"n", {2}}, {"E", {0, 0, 0, 0}}, {"dE", {1, 2, 3, 4}}}, F,
      [&](const Arrays &p, Arrays &d) {
        double E[4];
        pairs_pullback(p[0].data(), p[1][0], 2, E, dE, d[0].data(), d[1][0]);
        return F(p);
      },
      [&](const Arrays &p, double s, Arrays &d) {
        double E[4];
        const double sdE[4] = {s * dE[0], s * dE[1], s * dE[2], s * dE[3]};
        pairs_pullback(p[0].data(), p[1][0], 2, E, sdE, d[0].data(), d[1][0]);
      });
  return gradc_check::finish();
}
#endif
