// void functions writing their results through out parameters: one scalar
// output `double &loss` (so mse_grad exists and seeds it with 1), and an
// array output `double *err` (pullback only, seeds derr).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK: mse: at w=[0.5,-1],x=[1,2,3],y=[2,4,6],n=[3],loss=[0]
// errors -2.5, -4, -5.5: (6.25 + 16 + 30.25) / 3
// CHECK-NEXT: mse: f = 17.5
// CHECK-NEXT: mse: d(w[0]) = -18 (
// CHECK-NEXT: mse: d(w[1]) = -8 (
// CHECK: residuals: at theta=[0.5,-1.5,2],n=[3],err=[0,0,0],derr=[1,-0.5,2]
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 2 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

GRADC_DIFF("grad wrt(w) out(loss)")
void mse(const double *w, const double *x, const double *y, int n,
         double &loss) {
  double sum = 0;
  for (int i = 0; i < n; ++i) {
    double e = w[0] * x[i] + w[1] - y[i];
    sum += e * e;
  }
  loss = sum / n;
}
// TEXT-LABEL: inline void mse_pullback(const double *w, const double *x, const double *y,
// TEXT-NEXT:                           int n, double &loss, double dloss, double *dw) {
// TEXT-LABEL: inline void mse_grad(const double *w, const double *x, const double *y, int n,
// TEXT-NEXT:                       double &loss, double *dw) {
// TEXT-NEXT:    mse_pullback(w, x, y, n, loss, 1, dw);

// The default out: err, the one non-const pointer.
GRADC_DIFF("grad wrt(theta)")
void residuals(const double *theta, int n, double *err) {
  for (int i = 0; i < n; ++i)
    err[i] = theta[i] * theta[i] - std::sin(theta[(i + 1) % n]);
}
// TEXT-NOT: residuals_grad
// TEXT-LABEL: inline void residuals_pullback(const double *theta, int n, double *err,
// TEXT-NEXT:                                 const double *derr, double *dtheta) {
// TEXT-NOT: residuals_grad

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

int main() {
  static const double x[] = {1, 2, 3}, y[] = {2, 4, 6};
  gradc_check::check_arrays(
      "mse", {{"w", {0.5, -1}}},
      {{"x", {1, 2, 3}}, {"y", {2, 4, 6}}, {"n", {3}}, {"loss", {0}}},
      [](const Arrays &p) {
        double loss = 0;
        mse(p[0].data(), x, y, 3, loss);
        return loss;
      },
      [](const Arrays &p, Arrays &d) {
        double loss = 0;
        mse_grad(p[0].data(), x, y, 3, loss, d[0].data());
        return loss;
      },
      [](const Arrays &p, double s, Arrays &d) {
        double loss = 0;
        mse_pullback(p[0].data(), x, y, 3, loss, s, d[0].data());
      });
  // err has three outputs: the scalar checked is sum(derr[i] * err[i]).
  static const double derr[] = {1, -0.5, 2};
  auto weighted = [](const double *err) {
    double f = 0;
    for (int i = 0; i < 3; ++i)
      f += derr[i] * err[i];
    return f;
  };
  gradc_check::check_arrays(
      "residuals", {{"theta", {0.5, -1.5, 2}}},
      {{"n", {3}}, {"err", {0, 0, 0}}, {"derr", {1, -0.5, 2}}},
      [&](const Arrays &p) {
        double err[3];
        residuals(p[0].data(), 3, err);
        return weighted(err);
      },
      [&](const Arrays &p, Arrays &d) {
        double err[3];
        residuals_pullback(p[0].data(), 3, err, derr, d[0].data());
        return weighted(err);
      },
      [&](const Arrays &p, double s, Arrays &d) {
        double err[3], seeds[3];
        for (int i = 0; i < 3; ++i)
          seeds[i] = s * derr[i];
        residuals_pullback(p[0].data(), 3, err, seeds, d[0].data());
      });
  return gradc_check::finish();
}
#endif
