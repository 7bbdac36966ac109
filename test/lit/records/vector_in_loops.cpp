// std::vector locals declared inside loops and branches: a layer's
// activations made afresh each iteration (the MLP pattern), a scratch vector
// in a branch that a helper reads. Their size is computed outside the
// loop ('n', 'x.size()', a constant), so that the backward sweep declares
// their adjoints with it, in the iteration's own backward block.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK:      mlp: at w=[0.5,-1,0.25,0.75,-0.5,1.5],x=[0.25,-0.5,0.875],n=[3],layers=[2]
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 1 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>
#include <vector>

static double dot(const std::vector<double> &a, const double *b, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += a[i] * b[i];
  return s;
}

GRADC_DIFF("grad wrt(w, x)")
double mlp(const std::vector<double> &w, const std::vector<double> &x, int n,
           int layers) {
  std::vector<double> a(n);
  for (int i = 0; i < n; ++i)
    a[i] = x[i];
  for (int l = 0; l < layers; ++l) {
    std::vector<double> h(n);
    for (int i = 0; i < n; ++i)
      h[i] = std::tanh(w[l * n + i] * a[i] + a[(i + 1) % n]);
    std::vector<double> g = h;
    std::vector<double> k(2, 0.5);
    k[1] = g.back() * k[0];
    g.front() += k[1];
    a = g;
  }
  double s = 0;
  for (int i = 0; i < n; ++i) {
    if (a[i] > -0.5) {
      std::vector<double> t(x.size());
      t[i] = a[i] * a[i];
      s += dot(t, x.data(), n);
    } else {
      s -= a[i];
    }
  }
  return s;
}
// TEXT-LABEL: inline double mlp_pullback(
// TEXT:         for (int l = 0; l < layers; ++l) {
// TEXT-NEXT:      std::vector<double> h(n);
// TEXT:         for (int l = layers - 1; l >= 0; --l) {
// TEXT:           std::vector<double> dh(n);

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "mlp", {{"w", {0.5, -1, 0.25, 0.75, -0.5, 1.5}}, {"x", {0.25, -0.5, 0.875}}},
      {{"n", {3}}, {"layers", {2}}},
      [](const Arrays &p) { return mlp(p[0], p[1], 3, 2); },
      [](const Arrays &p, Arrays &d) {
        return mlp_grad(p[0], p[1], 3, 2, d[0], d[1]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        mlp_pullback(p[0], p[1], 3, 2, s, d[0], d[1]);
      });
  return gradc_check::finish();
}
#endif
