// Arrays and structs declared in a branch outside loops, which the
// backward sweep reads: their declarations move before the branch
// (`double w[3] = {};` before `if (cond)`), and the backward branch reads
// them in place, as a person would, instead of taping each element. One
// written again after it was read is still saved where it changes.
// Checked against finite differences and the interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
//
// RUN: not grep -n tape %t.grad.h
// TEXT-LABEL: inline void pair_linear_h_pullback(
// TEXT: Pair q;
// TEXT: q.a = x * y;
// TEXT-NEXT: q.b = x - y;
// TEXT-LABEL: inline double rotate_pullback(
// TEXT: double w[3] = {};
// TEXT-NEXT: double wx[3];
// TEXT-NEXT: double w_2[3] = {};
// TEXT-NEXT: if (cond) {
// TEXT: cross(w, x, wx);
// TEXT: double d_out = dout;
// TEXT: ds += wx[i] * d_out;
// TEXT: dx[i] += w[i] * d_out;
// TEXT: cross_pullback(w, x, wx_2, dwx, dw, dx);
// TEXT: dx[i] += w_2[i] * x[i] * d_out + w_2[i] * prod;
// TEXT-LABEL: inline double rotate_grad(
// TEXT: return rotate_pullback(r, x, 1, dr, dx);
// TEXT-LABEL: inline double pair_pullback(
// TEXT: Pair q;
// TEXT-NEXT: double exp_v = 0;
// TEXT-NEXT: if (cond) {
// TEXT: dq.b += q.a * ds;
// TEXT-LABEL: inline double pair_grad(
// TEXT-NEXT: return pair_pullback(x, y, 1, dx, dy);
// TEXT-LABEL: inline double pair_linear_pullback(
// TEXT: pair_linear_h_pullback(x, y, 2 * dout, dx, dy);
// TEXT-LABEL: inline double pair_linear_grad(
// TEXT-NEXT: return pair_linear_pullback(x, y, 1, dx, dy);
// TEXT-LABEL: inline double rewritten_pullback(
// TEXT: double t[2] = {};
// TEXT: t_old = t[0];
// TEXT: dt[1] += t[0] * t[0] * ds;
// TEXT: dt[1] += t_old * ds;
// TEXT-LABEL: inline double rewritten_grad(
// TEXT-NEXT: return rewritten_pullback(x, y, 1, dx, dy);
#include <gradc/gradc.h>

#include <cmath>

static void cross(const double *a, const double *b, double *out) {
  out[0] = a[1] * b[2] - a[2] * b[1];
  out[1] = a[2] * b[0] - a[0] * b[2];
  out[2] = a[0] * b[1] - a[1] * b[0];
}

GRADC_DIFF("grad")
double rotate(const double *r, const double *x) {
  double n2 = r[0] * r[0] + r[1] * r[1] + r[2] * r[2];
  double out = 0;
  if (n2 > 1e-8) {
    double n = std::sqrt(n2);
    double s = std::sin(n);
    double w[3] = {r[0] / n, r[1] / n, r[2] / n};
    double wx[3];
    cross(w, x, wx);
    for (int i = 0; i < 3; ++i)
      out += w[i] * x[i] + s * wx[i];
  } else {
    double w[3] = {r[0], r[1], r[2]};
    for (int i = 0; i < 3; ++i)
      out += w[i] * x[i] * x[i];
  }
  return out;
}

struct Pair {
  double a, b;
};

GRADC_DIFF("grad")
double pair(double x, double y) {
  double s = x;
  if (x > 0) {
    Pair q;
    q.a = std::exp(x * y);
    q.b = x - y;
    s += q.a * q.b;
  }
  return s * y;
}

// A helper's pullback computes no result, so nothing of its forward sweep
// reads q: the stores into q stay for the backward branch (the random
// tester's f99006_4 lost them). An annotated function's pullback returns
// its result, so the helper is called from one.
static double pair_linear_h(double x, double y) {
  double s = x;
  if (x > 0) {
    Pair q;
    q.a = x * y;
    q.b = x - y;
    s += q.a * q.b;
  }
  return s + y;
}

GRADC_DIFF("grad")
double pair_linear(double x, double y) { return 2 * pair_linear_h(x, y); }

GRADC_DIFF("grad")
double rewritten(double x, double y) {
  double s = 0;
  if (y < 1) {
    double t[2] = {x, y};
    s += t[0] * t[1];
    t[0] = s * 2;
    s += t[0] * t[0] * t[1];
  }
  return s;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  for (double Scale : {1.0, 0.0}) {
    gradc_check::check_arrays(
        "rotate", {{"r", {0.3 * Scale, -0.2 * Scale, 0.5 * Scale}},
                   {"x", {1.5, 0.5, -0.75}}},
        {},
        [](const Arrays &p) { return rotate(p[0].data(), p[1].data()); },
        [](const Arrays &p, Arrays &d) {
          return rotate_grad(p[0].data(), p[1].data(), d[0].data(),
                             d[1].data());
        },
        [](const Arrays &p, double s, Arrays &d) {
          rotate_pullback(p[0].data(), p[1].data(), s, d[0].data(),
                          d[1].data());
        });
  }
  for (double X : {0.75, -0.5}) {
    GRADC_CHECK_2(pair, X, 0.25);
    GRADC_CHECK_2(pair_linear, X, 0.25);
    GRADC_CHECK_2(rewritten, X, 0.5);
  }
  GRADC_CHECK_2(rewritten, 0.75, 1.5);
  return gradc_check::finish();
}
#endif
