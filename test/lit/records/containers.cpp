// std::vector and std::array locals: sized where declared, indexed, passed
// to helpers with .data(), measured with .size(). Their adjoints are
// containers of the same type; a std::array inside a loop that a helper
// reads is copied onto a tape as a whole.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK:      softish: at w=[0.5,-1,2],n=[3]
// CHECK:      pairs: at w=[0.5,-1,2,0.25],n=[4]
// CHECK:      stats: at a=[1.5,-0.5],v=[0.5,2,-1]
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 3 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <array>
#include <cmath>
#include <vector>

static double dot(const double *a, const double *b, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += a[i] * b[i];
  return s;
}

GRADC_DIFF("grad wrt(w)")
double softish(const double *w, int n) {
  std::vector<double> h(n);
  for (int i = 0; i < n; ++i)
    h[i] = std::tanh(w[i]);
  std::array<double, 3> c{1.0, 2.0};
  c[2] = w[0] * w[1];
  double s = 0;
  for (int k = 0; k < 3; ++k)
    s += c[k] * c[k];
  return dot(h.data(), w, n) + s * static_cast<double>(c.size());
}
// TEXT-LABEL: inline double softish_pullback(const double *w, int n, double dout,
// TEXT-NEXT:                                  double *dw) {
// TEXT-NEXT:    std::vector<double> h(n);
// TEXT:         h[i] = std::tanh(w[i]);
// TEXT:         std::array<double, 3> c{};
// TEXT:         std::vector<double> dh(n);
// TEXT-NEXT:    dot_pullback(h.data(), w, n, dout, dh.data(), dw);
// TEXT-NEXT:    std::array<double, 3> dc{};

GRADC_DIFF("grad wrt(w)")
double pairs(const double *w, int n) {
  double s = 0;
  for (int i = 0; i + 1 < n; ++i) {
    std::array<double, 2> p{w[i], std::exp(w[i + 1])};
    s += dot(p.data(), p.data(), 2) * w[i];
  }
  return s;
}
// The helper reads p: its contents are kept for the backward sweep.
// TEXT-LABEL: inline double pairs_pullback(const double *w, int n, double dout, double *dw) {
// TEXT:           p_tape.push_array(p.data(), 2);
// TEXT:           std::array<double, 2> p;
// TEXT-NEXT:      p_tape.pop_array(p.data(), 2);

GRADC_DIFF("grad")
double stats(const std::array<double, 2> &a, const std::vector<double> &v) {
  double s = 0;
  for (int i = 0; i < static_cast<int>(v.size()); ++i)
    s += v[i] * v[i] * a[i % 2];
  return s * a[0] + dot(v.data(), a.data(), 2);
}
// Parameters keep their types; adjoints are containers of the same type.
// TEXT-LABEL: inline double stats_pullback(const std::array<double, 2> &a,
// TEXT-NEXT:                           const std::vector<double> &v, double dout,
// TEXT-NEXT:                           std::array<double, 2> &da,
// TEXT-NEXT:                           std::vector<double> &dv) {
// TEXT:         for (int i = 0; i < static_cast<int>(v.size()); ++i) {
// TEXT:         dot_pullback(v.data(), a.data(), 2, dout, dv.data(), da.data());
// TEXT-LABEL: inline double stats_grad(const std::array<double, 2> &a,
// TEXT-NEXT:                           const std::vector<double> &v,
// TEXT-NEXT:                           std::array<double, 2> &da, std::vector<double> &dv) {
// TEXT-NEXT:    return stats_pullback(a, v, 1, da, dv);

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "softish", {{"w", {0.5, -1, 2}}}, {{"n", {3}}},
      [](const Arrays &p) { return softish(p[0].data(), 3); },
      [](const Arrays &p, Arrays &d) {
        return softish_grad(p[0].data(), 3, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        softish_pullback(p[0].data(), 3, s, d[0].data());
      });
  gradc_check::check_arrays(
      "pairs", {{"w", {0.5, -1, 2, 0.25}}}, {{"n", {4}}},
      [](const Arrays &p) { return pairs(p[0].data(), 4); },
      [](const Arrays &p, Arrays &d) {
        return pairs_grad(p[0].data(), 4, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        pairs_pullback(p[0].data(), 4, s, d[0].data());
      });
  gradc_check::check_arrays(
      "stats", {{"a", {1.5, -0.5}}, {"v", {0.5, 2, -1}}}, {},
      [](const Arrays &p) {
        return stats({p[0][0], p[0][1]}, p[1]);
      },
      [](const Arrays &p, Arrays &d) {
        std::array<double, 2> da{d[0][0], d[0][1]};
        double f = stats_grad({p[0][0], p[0][1]}, p[1], da, d[1]);
        d[0] = {da[0], da[1]};
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        std::array<double, 2> da{d[0][0], d[0][1]};
        stats_pullback({p[0][0], p[0][1]}, p[1], s, da, d[1]);
        d[0] = {da[0], da[1]};
      });
  return gradc_check::finish();
}
#endif
