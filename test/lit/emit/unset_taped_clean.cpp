// Generated code compiles cleanly under g++ -Wall -Wextra at -O1 and -O2
// where a call's argument is taped before the call though the program has
// not set all of it yet (an output array the callee writes before reading
// each element, a local a helper writes), and where a fixed tape is popped
// in a branch whose push GCC cannot connect to it (a loop's trip count in
// one branch). The gradients are still checked against finite differences.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -O1 -DGRADC_OUT='"%t.grad.h"' %s -o %t1 && %t1 | FileCheck %s
// RUN: %cxx -O2 -DGRADC_OUT='"%t.grad.h"' %s -o %t2 && %t2 > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
#include <gradc/gradc.h>

#include <cmath>
#include <vector>

static void backsub(const double U[3][3], const double b[3], double x[3]) {
  for (int i = 2; i >= 0; --i) {
    double s = b[i];
    for (int j = i + 1; j < 3; ++j)
      s -= U[i][j] * x[j];
    x[i] = s / U[i][i];
  }
}

// TEXT: x_tape.push_array(x, 3);
GRADC_DIFF("grad")
double solve(const double *u) {
  double U[3][3] = {{u[0], u[1], u[2]}, {0, u[3], u[4]}, {0, 0, u[5]}};
  double b[3] = {1, u[1], 2};
  double x[3];
  backsub(U, b, x);
  return x[0] * x[0] + 2 * x[1] - x[2];
}

static double val_and_deriv(double x, double a, double &d) {
  double e = std::exp(-a * x);
  d = -a * e + 2 * x;
  return e + x * x;
}

GRADC_DIFF("grad")
double descend(double x0, double a) {
  double x = x0, lr = 0.1;
  for (int i = 0; i < 4; ++i) {
    double g;
    double v = val_and_deriv(x, a, g);
    x -= lr * g + 0.01 * v;
    lr *= 0.9;
  }
  double g2;
  return val_and_deriv(x, a, g2) + g2;
}

// TEXT: gradc::fixed_tape<long long, 1> iters_tape;
GRADC_DIFF("grad")
double kept(const std::vector<double> &r, double thr) {
  std::vector<double> k;
  for (double v : r)
    if (v > thr)
      k.push_back(v * v);
  if (k.empty())
    return 0.0;
  double s = 0;
  std::size_t i = 0;
  while (i < k.size()) // its trip count on a one-entry tape
    s += std::exp(k[i++]);
  return std::log(s) + thr * k.size();
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

int main() {
  gradc_check::check_arrays(
      "solve", {{"u", {2, 0.5, -0.25, 1.5, 0.75, 3}}}, {},
      [](const Arrays &p) { return solve(p[0].data()); },
      [](const Arrays &p, Arrays &d) {
        return solve_grad(p[0].data(), d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        solve_pullback(p[0].data(), s, d[0].data());
      });
  gradc_check::check(
      "descend",
      [](const gradc_check::Vec &p) { return descend(p[0], p[1]); },
      [](const gradc_check::Vec &p, gradc_check::Vec &d) {
        return descend_grad(p[0], p[1], d[0], d[1]);
      },
      [](const gradc_check::Vec &p, double s, gradc_check::Vec &d) {
        descend_pullback(p[0], p[1], s, d[0], d[1]);
      },
      {0.8, 0.6});
  gradc_check::check_arrays(
      "kept", {{"r", {0.5, 1.7, 1.1, 0.2, 1.3}}, {"thr", {0.6}}}, {},
      [](const Arrays &p) { return kept(p[0], p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return kept_grad(p[0], p[1][0], d[0], d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        kept_pullback(p[0], p[1][0], s, d[0], d[1][0]);
      });
  return gradc_check::finish();
}
#endif
