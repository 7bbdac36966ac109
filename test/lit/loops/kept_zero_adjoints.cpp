// The adjoint of an array local of a loop body that an iteration writes at
// places the code does not fix (an index that varies, a helper) is declared
// once, before the loops, and kept zero between iterations: the backward
// code of each write clears what it wrote (a store's `dxc[t] = 0;`, and the
// pullback of a helper that writes the local, which takes it in/out and
// clears its seed, `dout[r] = 0;`), so that no iteration zeroes the whole
// array again (a buffer of `MaxD` elements of which d are used). A local
// declared `= {}` keeps its adjoint in the loop, zeroed whole each time.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK: mix: at
// CHECK: carried: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 2 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

/// out = (I + L) v, L strictly lower triangular in d x d.
static void lower(const double *L, const double *v, int d, double *out) {
  for (int r = 0; r < d; ++r) {
    double s = v[r];
    for (int c = 0; c < r; ++c)
      s += L[r * d + c] * v[c];
    out[r] = s;
  }
}

GRADC_DIFF("grad wrt(mu, L)")
double mix(const double *x, const double *mu, const double *L, int n, int k,
           int d) {
  double total = 0;
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < k; ++j) {
      double xc[4];
      for (int t = 0; t < d; ++t)
        xc[t] = x[i * d + t] - mu[j * d + t];
      double qx[4];
      lower(L + j * d * d, xc, d, qx);
      double sq = 0;
      for (int t = 0; t < d; ++t)
        sq += qx[t] * qx[t];
      total += std::log(1 + sq);
    }
  }
  return total;
}

// TEXT-LABEL: inline void lower_wrt_L_v_out_pullback(
// TEXT:           double ds = dout[r];
// TEXT-NEXT:      dout[r] = 0;
// TEXT-LABEL: inline double mix_pullback(
// TEXT:         double dqx[4] = {};
// TEXT-NEXT:    double dxc[4] = {};
// TEXT-NEXT:    for (int i = 0; i < n; ++i) {
// TEXT-NOT:       double dqx
// TEXT-NOT:       double dxc
// TEXT:             lower_wrt_L_v_out_pullback(ptr, xc, d, qx, ptr_2, dxc, dqx);
// TEXT:               dmu[j * d + t] -= dxc[t];
// TEXT-NEXT:          dxc[t] = 0;
// TEXT-LABEL: inline double mix_grad(

/// A loop that carries h: its backward sweep runs after it, backward, with
/// `da` declared before it; `b`, declared `= {}`, keeps its adjoint in the
/// loop.
GRADC_DIFF("grad wrt(w, x)")
double carried(const double *w, double x, int n, int m) {
  double h = x;
  for (int i = 0; i < n; ++i) {
    double a[8];
    for (int t = 0; t < m; ++t)
      a[t] = std::sin(h * w[t]);
    a[0] = 0.5;
    double s = 0;
    for (int t = 0; t < m; ++t)
      s += a[t] * w[t];
    double b[2] = {};
    b[0] = s * a[1];
    h = s + b[0] * w[0];
  }
  return h;
}
// TEXT-LABEL: inline double carried_pullback(
// TEXT:         double da[8] = {};
// TEXT-EMPTY:
// TEXT-NEXT:    // kept_zero_adjoints.cpp:{{[0-9]+}}: for (int i = 0; i < n; ++i)
// TEXT-NEXT:    for (int i = n - 1; i >= 0; --i) {
// TEXT-NOT:       double da
// TEXT:           double db[2] = {};
// TEXT:           // kept_zero_adjoints.cpp:{{[0-9]+}}: a[0] = 0.5;
// TEXT-NEXT:      da[0] = 0;
// TEXT:             da[t] = 0;
// TEXT-NEXT:      }
// TEXT-NEXT:    }
// TEXT-LABEL: inline double carried_grad(

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

int main() {
  // n = 2 points, k = 2 components, d = 3 dimensions.
  static const double X[] = {0.4, -0.3, 0.8, -0.6, 0.2, 0.5};
  gradc_check::check_arrays(
      "mix",
      {{"mu", {0.1, 0.2, -0.3, 0.5, -0.1, 0.05}},
       {"L", {0, 0, 0, 0.3, 0, 0, -0.2, 0.4, 0, 0, 0, 0, 0.7, 0, 0, 0.1, -0.5,
              0}}},
      {{"x", {0.4, -0.3, 0.8, -0.6, 0.2, 0.5}},
       {"n", {2}},
       {"k", {2}},
       {"d", {3}}},
      [](const Arrays &p) {
        return mix(X, p[0].data(), p[1].data(), 2, 2, 3);
      },
      [](const Arrays &p, Arrays &d) {
        return mix_grad(X, p[0].data(), p[1].data(), 2, 2, 3, d[0].data(),
                        d[1].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        mix_pullback(X, p[0].data(), p[1].data(), 2, 2, 3, s, d[0].data(),
                     d[1].data());
      });
  gradc_check::check_arrays(
      "carried", {{"w", {0.9, -0.7, 0.6}}, {"x", {0.3}}},
      {{"n", {4}}, {"m", {3}}},
      [](const Arrays &p) { return carried(p[0].data(), p[1][0], 4, 3); },
      [](const Arrays &p, Arrays &d) {
        return carried_grad(p[0].data(), p[1][0], 4, 3, d[0].data(), d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        carried_pullback(p[0].data(), p[1][0], 4, 3, s, d[0].data(), d[1][0]);
      });
  return gradc_check::finish();
}
#endif
