// Interior pointers (W + k * n, &w[k * n]) and the array parameter forms
// double (&w)[3] and double w[]; the adjoint of each is a double* indexed
// as the parameter is.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK: rows_ptr: at W=[0.5,-1,2,0.25,-0.75,1.5],x=[2,-3,0.5],m=[2],n=[3]
// (0.5*2 + 3 + 1)^2 + (0.5 + 2.25 + 0.75)^2 = 25 + 12.25
// CHECK-NEXT: rows_ptr: f = 37.25
// CHECK: rows_addr: at w=[0.5,-1,2,0.25,-0.75,1.5],m=[2],n=[3]
// CHECK: ref3: at w=[1.5,-2,3]
// CHECK-NEXT: ref3: f = 6
// CHECK-NEXT: ref3: d(w[0]) = -2 (
// CHECK-NEXT: ref3: d(w[1]) = 1.5 (
// CHECK-NEXT: ref3: d(w[2]) = 6 (
// CHECK: open_array: at w=[1.5,-2,3,0.5],n=[4]
// CHECK-NEXT: open_array: f = -4.5
// CHECK-NEXT: open_array: d(w[0]) = -3 (
// CHECK-NEXT: open_array: d(w[1]) = 2.25 (
// CHECK-NEXT: open_array: d(w[2]) = -1.5 (
// CHECK-NEXT: open_array: d(w[3]) = -9 (
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 4 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

// W is m×n; the sum over rows of (row · x)^2.
GRADC_DIFF("grad wrt(W, x)")
double rows_ptr(const double *W, const double *x, int m, int n) {
  double s = 0;
  for (int k = 0; k < m; ++k) {
    const double *row = W + k * n;
    double z = 0;
    for (int j = 0; j < n; ++j)
      z += row[j] * x[j];
    s += z * z;
  }
  return s;
}
// TEXT-LABEL: inline double rows_ptr_pullback(const double *W, const double *x, int m, int n,
// TEXT-NEXT:                                  double dout, double *dW, double *dx) {
// TEXT-LABEL: inline double rows_ptr_grad(const double *W, const double *x, int m, int n,
// TEXT-NEXT:                              double *dW, double *dx) {
// TEXT-NEXT:    return rows_ptr_pullback(W, x, m, n, 1, dW, dx);

GRADC_DIFF("grad wrt(w)")
double rows_addr(const double *w, int m, int n) {
  double s = 0;
  for (int k = 0; k < m; ++k) {
    const double *r = &w[k * n];
    s += std::exp(*r) * r[n - 1];
  }
  return s;
}

GRADC_DIFF("grad")
double ref3(double (&w)[3]) { return w[0] * w[1] + w[2] * w[2]; }
// TEXT-LABEL: inline double ref3_pullback(double (&w)[3], double dout, double *dw) {
// TEXT-LABEL: inline double ref3_grad(double (&w)[3], double *dw) {
// TEXT-NEXT:    return ref3_pullback(w, 1, dw);

GRADC_DIFF("grad wrt(w)")
double open_array(double w[], int n) {
  double p = 1;
  for (int i = 0; i < n; ++i)
    p *= w[i];
  return p;
}
// TEXT-LABEL: inline double open_array_pullback(double w[], int n, double dout, double *dw) {
// TEXT-LABEL: inline double open_array_grad(double w[], int n, double *dw) {
// TEXT-NEXT:    return open_array_pullback(w, n, 1, dw);

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

int main() {
  gradc_check::check_arrays(
      "rows_ptr", {{"W", {0.5, -1, 2, 0.25, -0.75, 1.5}}, {"x", {2, -3, 0.5}}},
      {{"m", {2}}, {"n", {3}}},
      [](const Arrays &p) { return rows_ptr(p[0].data(), p[1].data(), 2, 3); },
      [](const Arrays &p, Arrays &d) {
        return rows_ptr_grad(p[0].data(), p[1].data(), 2, 3, d[0].data(),
                             d[1].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        rows_ptr_pullback(p[0].data(), p[1].data(), 2, 3, s, d[0].data(),
                          d[1].data());
      });
  gradc_check::check_arrays(
      "rows_addr", {{"w", {0.5, -1, 2, 0.25, -0.75, 1.5}}},
      {{"m", {2}}, {"n", {3}}},
      [](const Arrays &p) { return rows_addr(p[0].data(), 2, 3); },
      [](const Arrays &p, Arrays &d) {
        return rows_addr_grad(p[0].data(), 2, 3, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        rows_addr_pullback(p[0].data(), 2, 3, s, d[0].data());
      });
  // double (&w)[3] wants an array of three: copy the point into one.
  gradc_check::check_arrays(
      "ref3", {{"w", {1.5, -2, 3}}}, {},
      [](const Arrays &p) {
        double w[3] = {p[0][0], p[0][1], p[0][2]};
        return ref3(w);
      },
      [](const Arrays &p, Arrays &d) {
        double w[3] = {p[0][0], p[0][1], p[0][2]};
        return ref3_grad(w, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        double w[3] = {p[0][0], p[0][1], p[0][2]};
        ref3_pullback(w, s, d[0].data());
      });
  gradc_check::check_arrays(
      "open_array", {{"w", {1.5, -2, 3, 0.5}}}, {{"n", {4}}},
      [](const Arrays &p) {
        Arrays q = p; // w is not const
        return open_array(q[0].data(), 4);
      },
      [](const Arrays &p, Arrays &d) {
        Arrays q = p;
        return open_array_grad(q[0].data(), 4, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        Arrays q = p;
        open_array_pullback(q[0].data(), 4, s, d[0].data());
      });
  return gradc_check::finish();
}
#endif
