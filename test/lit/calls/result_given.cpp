// A helper returning a number whose pullback, given that number, calls
// fewer functions is given it by its callers: a sigmoid's pullback reads
// the sigmoid rather than calling exp again. Helpers whose pullbacks gain
// nothing from it keep the plain signature.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: FileCheck %s --check-prefix=RR < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

template <typename T> T sigmoid(T x) { return 1 / (1 + std::exp(-x)); }
static double act(double z) { return std::tanh(z); }
static double softplus(double x) { return std::log(1 + std::exp(x)); }
static double sq(double x) { return x * x; }
// Overloads: the given-result pullback has a name of its own, so that C++
// does not choose it for the other overload's call (2.0 converts to int).
static double sg(double x) { return 1 / (1 + std::exp(-x)); }
static double sg(double x, int k) { return std::sin(x) * k; }

// TEXT-LABEL: inline void sq_pullback(double x, double dout, double &dx) {
// TEXT-LABEL: inline void softplus_pullback(double x, double dout, double &dx) {
// TEXT-LABEL: inline void act_result_pullback(double /*z*/, double act_value,
// TEXT:         dz += (1 - act_value * act_value) * dout;
// TEXT-LABEL: inline void sigmoid_result_pullback(double /*x*/, double sigmoid_value,
// TEXT-NEXT:                                      double dout, double &dx) {
// TEXT-NEXT:    // result_given.cpp:18: return 1 / (1 + std::exp(-x));
// TEXT-NEXT:    dx += (1 - sigmoid_value) * sigmoid_value * dout;
// TEXT-NEXT:  }

GRADC_DIFF("grad wrt(w)")
double layer(const double *w, int n) {
  double a = sigmoid(w[0]);
  double s = a * a;
  for (int i = 0; i < n; ++i) {
    double x = 0.7 * i - 0.9;
    s += sigmoid(w[i] * x) * x + act(w[i] - a) * softplus(w[i]) + sq(w[i]);
  }
  return s;
}
// The loop's backward sweep runs inside it: the calls' results are in scope.
// TEXT-LABEL: inline double layer_pullback(
// TEXT-NOT:     tape
// TEXT:         double sigmoid_prod = sigmoid(prod);
// TEXT:         sigmoid_result_pullback(prod, sigmoid_prod, x * ds, dx_sigmoid);
// TEXT:         sigmoid_result_pullback(w[0], a, da + da_2, d_sigmoid);
// TEXT-LABEL: inline double layer_grad(
// TEXT-NEXT:    return layer_pullback(w, n, 1, dw);

GRADC_DIFF("grad wrt(w)")
double overloads(const double *w, int n) {
  double r = 0;
  for (int i = 0; i < n; ++i)
    r += sg(w[i]) + sg(w[i], 2.0);
  return r;
}
// TEXT-LABEL: inline double overloads_pullback(
// TEXT:         sg_pullback(w[i], 2.0, dr, dx_sg);
// TEXT:         sg_result_pullback(w[i], sg_v, dr, d_sg);
// TEXT-LABEL: inline double overloads_grad(
// TEXT-NEXT:    return overloads_pullback(w, n, 1, dw);

// Recursive, its recursive call carrying no derivative (rint): not given
// its result (making that version asked for itself without end: found by
// the random tester, seed 101013).
static double rr(double a, int k) {
  if (k <= 0)
    return a * a;
  double r = rr(std::rint(a), k - 1);
  return std::tanh(a + r);
}

GRADC_DIFF("grad wrt(w)")
double recursive(const double *w, int n) {
  double r = 0;
  for (int i = 0; i < n; ++i)
    r += rr(w[i], 3);
  return r;
}
// RR: inline void rr_pullback(double a, int k, double dout, double &da) {
// RR-NOT: rr_result_pullback

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

int main() {
  gradc_check::check_arrays(
      "layer", {{"w", {0.9, -0.7, 0.5, 1.1}}}, {{"n", {4}}},
      [&](const Arrays &p) { return layer(p[0].data(), 4); },
      [&](const Arrays &p, Arrays &d) {
        return layer_grad(p[0].data(), 4, d[0].data());
      },
      [&](const Arrays &p, double s, Arrays &d) {
        layer_pullback(p[0].data(), 4, s, d[0].data());
      });
  gradc_check::check_arrays(
      "overloads", {{"w", {0.9, -0.7, 0.5, 1.1}}}, {{"n", {4}}},
      [&](const Arrays &p) { return overloads(p[0].data(), 4); },
      [&](const Arrays &p, Arrays &d) {
        return overloads_grad(p[0].data(), 4, d[0].data());
      },
      [&](const Arrays &p, double s, Arrays &d) {
        overloads_pullback(p[0].data(), 4, s, d[0].data());
      });
  gradc_check::check_arrays(
      "recursive", {{"w", {0.9, -0.7, 0.3, 1.1}}}, {{"n", {4}}},
      [&](const Arrays &p) { return recursive(p[0].data(), 4); },
      [&](const Arrays &p, Arrays &d) {
        return recursive_grad(p[0].data(), 4, d[0].data());
      },
      [&](const Arrays &p, double s, Arrays &d) {
        recursive_pullback(p[0].data(), 4, s, d[0].data());
      });
  return gradc_check::finish();
}
#endif
