// std::vector locals that change size: built by push_back and emplace_back
// in loops (nested) and branches, from empty or from a size; read by
// size(), back(), indexing, range-for, std::max_element and a helper;
// changed at their end by insert(end()), pop_back, resize, assign, and
// cleared and refilled. The forward sweep keeps the calls; the backward
// sweep sizes each adjoint with the length after the forward sweep.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK: softmax: at
// CHECK: grow: at
// CHECK: reuse: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 3 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <algorithm>
#include <cmath>
#include <vector>

static double total(const std::vector<double> &v) {
  double s = 0;
  for (double e : v)
    s += e;
  return s;
}

GRADC_DIFF("grad wrt(w, x)")
double softmax(const std::vector<double> &w, const std::vector<double> &x,
               int label) {
  int K = x.size();
  std::vector<double> logits;
  for (int k = 0; k < K; ++k)
    logits.push_back(w[k] * x[k]);
  double m = *std::max_element(logits.begin(), logits.end());
  std::vector<double> p;
  p.reserve(logits.size());
  for (double z : logits)
    p.push_back(std::exp(z - m));
  double s = total(p);
  return -std::log(p[label] / s);
}

GRADC_DIFF("grad wrt(a)")
double grow(const double *a, int n) {
  std::vector<double> v(2);
  v[0] = a[0];
  v[1] = a[1] * a[1];
  for (int i = 0; i < n; ++i)
    for (int j = 0; j <= i; ++j)
      if (a[j] > 0)
        v.push_back(a[i] * a[j]);
      else
        v.emplace_back(std::sin(a[i]));
  double s = v.back() * v.size();
  for (std::size_t i = 0; i < v.size(); ++i)
    s += v[i] * v[i];
  v.insert(v.end(), s);
  return v.back() + v[v.size() - 2];
}

GRADC_DIFF("grad wrt(a)")
double reuse(const double *a, int n) {
  std::vector<double> v;
  double s = 0;
  for (int r = 0; r < 2; ++r) {
    v.clear();
    for (int i = 0; i < n; ++i)
      v.push_back(a[i] * (r + 1) + s);
    s += total(v);
  }
  v.resize(n + 2);
  v[n + 1] = a[0];
  v.pop_back();
  v.pop_back();
  s += v.back();
  std::vector<double> u;
  u.resize(n);
  for (int i = 0; i < n; ++i)
    u[i] = std::exp(a[i]);
  u.assign(2, a[1]);
  s += u[0] * u[1] * u.size();
  return s;
}

// TEXT-LABEL: inline double softmax_pullback(const std::vector<double> &w,
// TEXT:         std::vector<double> logits;
// TEXT:         for (int k = 0; k < K; ++k) {
// TEXT-NEXT:      logits_size_tape.push_reserved(logits.size());
// TEXT-NEXT:      logits.push_back(w[k] * x[k]);
// TEXT:         std::vector<double> p;
// TEXT:           p.push_back(exp_v);
// TEXT:         std::vector<double> dp(p.size());
// TEXT:         std::vector<double> dlogits(logits.size());
// TEXT:           std::size_t logits_size_old = logits_size_tape.pop();
// TEXT-NEXT:      double dlogits_old = dlogits[logits_size_old];
// TEXT-LABEL: inline double grow_pullback(const double *a, int n, double dout, double *da) {
// TEXT:         std::vector<double> v(2);
// TEXT:               v.push_back(a[i] * a[j]);
// TEXT:               v.emplace_back(std::sin(a[i]));
// TEXT:         v.push_back(s);
// TEXT:         std::vector<double> dv(v.size());
// TEXT-LABEL: inline double reuse_pullback(const double *a, int n, double dout, double *da) {
// TEXT:           v.clear();
// TEXT:         v.pop_back();
// TEXT-NEXT:    v.pop_back();
// TEXT:         u.resize(2);
// TEXT:         std::vector<double> dv(v.capacity());
// TEXT:           std::vector<double> v_2(v_size_old);
// TEXT-NEXT:      v_tape.pop_array(v_2.data(), v_size_old);
// TEXT-NEXT:      total_pullback(v_2, ds, dv);

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "softmax", {{"w", {0.5, -1, 0.25}}, {"x", {0.75, 1.5, -0.5}}},
      {{"label", {1}}}, [](const Arrays &p) { return softmax(p[0], p[1], 1); },
      [](const Arrays &p, Arrays &d) {
        return softmax_grad(p[0], p[1], 1, d[0], d[1]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        softmax_pullback(p[0], p[1], 1, s, d[0], d[1]);
      });
  gradc_check::check_arrays(
      "grow", {{"a", {0.5, -0.75, 0.25}}}, {{"n", {3}}},
      [](const Arrays &p) { return grow(p[0].data(), 3); },
      [](const Arrays &p, Arrays &d) {
        return grow_grad(p[0].data(), 3, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        grow_pullback(p[0].data(), 3, s, d[0].data());
      });
  gradc_check::check_arrays(
      "reuse", {{"a", {0.5, -0.75, 0.25}}}, {{"n", {3}}},
      [](const Arrays &p) { return reuse(p[0].data(), 3); },
      [](const Arrays &p, Arrays &d) {
        return reuse_grad(p[0].data(), 3, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        reuse_pullback(p[0].data(), 3, s, d[0].data());
      });
  return gradc_check::finish();
}
#endif
