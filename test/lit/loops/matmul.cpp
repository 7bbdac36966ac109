// A matrix product D = W·X written as loops with a local accumulator, a
// void function with out(D). Its pullback, given seeds dD, adds dD·Xᵀ into
// dW and Wᵀ·dD into dX (seed 004); checked element by element against
// finite differences of sum(dD[i] * D[i]), against the interpreter run with
// the same seeds, and against the products computed explicitly.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK: matmul: at W=[{{.*}}],X=[{{.*}}],D=[0,0,0,0,0,0],m=[2],k=[3],n=[3],dD=[{{.*}}]
// CHECK: dW = dD·Xᵀ and dX = Wᵀ·dD
// CHECK: matmul: at
// CHECK: dW = dD·Xᵀ and dX = Wᵀ·dD
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 2 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

// W is m×k, X is k×n, D is m×n, all row-major.
GRADC_DIFF("grad out(D)")
void matmul(const double *W, const double *X, double *D, int m, int k, int n) {
  for (int i = 0; i < m; ++i)
    for (int j = 0; j < n; ++j) {
      double acc = 0;
      for (int p = 0; p < k; ++p)
        acc += W[i * k + p] * X[p * n + j];
      D[i * n + j] = acc;
    }
}
// No f_grad: the output is not a single scalar. The backward sweep is the
// loop nest reversed, with no tape: acc is read from its seed dD.
// TEXT-NOT: matmul_grad
// TEXT-LABEL: inline void matmul_pullback(const double *W, const double *X, double *D, int m,
// TEXT-NEXT:                             int k, int n, const double *dD, double *dW,
// TEXT-NEXT:                             double *dX) {
// TEXT-NOT: tape
// TEXT:        for (int i = m - 1; i >= 0; --i) {
// TEXT:          for (int j = n - 1; j >= 0; --j) {
// TEXT-NEXT:       // matmul.cpp:[[#@LINE-12]]: D[i * n + j] = acc;
// TEXT-NEXT:       double dacc = dD[i * n + j];
// TEXT:            for (int p = k - 1; p >= 0; --p) {
// TEXT-NEXT:         // matmul.cpp:[[#@LINE-16]]: acc += W[i * k + p] * X[p * n + j];
// TEXT-DAG:          dX[[[IX:[a-z_0-9]+]]] += W[[[IW:[a-z_0-9]+]]] * dacc;
// TEXT-DAG:          dW[[[IW]]] += X[[[IX]]] * dacc;
// TEXT-NOT: matmul_grad

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

#include <cstdlib>

using gradc_check::Arrays;
using gradc_check::Vec;

int main() {
  const int m = 2, k = 3, n = 3;
  auto random = [](int size) {
    Vec v(size);
    for (double &e : v)
      e = 2.0 * std::rand() / RAND_MAX - 1;
    return v;
  };
  // Two random points, each with its own random seeds.
  for (unsigned seed : {4u, 5u}) {
    std::srand(seed);
    const Vec W = random(m * k), X = random(k * n), dD = random(m * n);
    // The scalar that check_arrays differentiates: sum(dD[i] * D[i]).
    auto weighted = [=](const Vec &D) {
      double f = 0;
      for (int i = 0; i < m * n; ++i)
        f += dD[i] * D[i];
      return f;
    };
    Arrays g = gradc_check::check_arrays(
        "matmul", {{"W", W}, {"X", X}},
        {{"D", Vec(m * n, 0.0)}, {"m", {m}}, {"k", {k}}, {"n", {n}},
         {"dD", dD}},
        [&](const Arrays &p) {
          Vec D(m * n);
          matmul(p[0].data(), p[1].data(), D.data(), m, k, n);
          return weighted(D);
        },
        [&](const Arrays &p, Arrays &d) {
          Vec D(m * n);
          matmul_pullback(p[0].data(), p[1].data(), D.data(), m, k, n,
                          dD.data(), d[0].data(), d[1].data());
          return weighted(D);
        },
        [&](const Arrays &p, double s, Arrays &d) {
          Vec D(m * n), seeds(m * n);
          for (int i = 0; i < m * n; ++i)
            seeds[i] = s * dD[i];
          matmul_pullback(p[0].data(), p[1].data(), D.data(), m, k, n,
                          seeds.data(), d[0].data(), d[1].data());
        });
    // dW = dD·Xᵀ (m×k), dX = Wᵀ·dD (k×n).
    bool ok = true;
    for (int i = 0; i < m; ++i)
      for (int p = 0; p < k; ++p) {
        double want = 0;
        for (int j = 0; j < n; ++j)
          want += dD[i * n + j] * X[p * n + j];
        ok &= gradc_check::close(g[0][i * k + p], want, 1e-13);
      }
    for (int p = 0; p < k; ++p)
      for (int j = 0; j < n; ++j) {
        double want = 0;
        for (int i = 0; i < m; ++i)
          want += W[i * k + p] * dD[i * n + j];
        ok &= gradc_check::close(g[1][p * n + j], want, 1e-13);
      }
    if (ok)
      std::printf("dW = dD·Xᵀ and dX = Wᵀ·dD\n");
    else
      gradc_check::fail("matmul: dW is not dD·Xᵀ or dX is not Wᵀ·dD");
  }
  return gradc_check::finish();
}
#endif
