// A loop followed by another loop that shares no memory with it but by
// reading both (ADBench's bundle adjustment: the reprojection errors, then
// the weight terms `1 - w[i] * w[i]`) is fused all the same: the later loop
// is computed before it, its backward sweep too, and the fused loop's
// backward sweep runs iteration by iteration inside it, reading the
// iteration's values where they are (no heap tape). The loop fused is the
// largest of those that can be; its helpers go inline once the loop is
// fused by them (a call writing `&err[2 * i]` is a whole-array access until
// it is inline). An in/out call's copy in the fused loop is one iteration's
// values: a fixed_tape. A later loop reading what the first writes, or
// writing what it reads, keeps its place.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function weighted --check --at 'cams=[0.3,-0.4,1.2,0.7,-0.5],w=[0.9,0.7,1.1],obs=[0,1,0],n=3,err=[0,0,0,0,0,0],werr=[0,0,0]' | FileCheck %s --check-prefix=CHECK-W
// RUN: %gradc %s --function branchy --check --at 'x=[0.3,-0.7,1.1,0.4,0.2,0.9,-0.4],w=[0.5,1.2,-0.3],n=3,y=[0,0,0,0,0,0],z=[0,0,0]' | FileCheck %s --check-prefix=CHECK-B
// RUN: %gradc %s --function sums --check --at 'x=[0.3,-0.7,1.1,0.4],n=4' | FileCheck %s --check-prefix=CHECK-S
// RUN: %gradc %s --function chained --check --at 'x=[0.3,-0.7,1.1,0.4],n=4,y=[0,0,0,0],z=[0,0,0,0]' | FileCheck %s --check-prefix=CHECK-C
// RUN: %gradc %s --function rewrites --check --at 'x=[0.3,-0.7,1.1,0.4],n=4' | FileCheck %s --check-prefix=CHECK-R
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
// CHECK-W: ok: all 14 entries agree with finite differences
// CHECK-B: ok: all 19 entries agree with finite differences
// CHECK-S: ok: all 4 entries agree with finite differences
// CHECK-C: ok: all 8 entries agree with finite differences
// CHECK-R: ok: all 4 entries agree with finite differences
#include <gradc/gradc.h>

#include <cmath>

/// In place, as ADBench's radial_distort: an in/out call, not inline.
static void stretch(const double *k, double *p) {
  double r = p[0] * p[0] + p[1] * p[1];
  p[0] = p[0] * (1 + k[0] * r);
  p[1] = p[1] * (1 + k[0] * r);
}

static void spin(const double *c, const double *wi, double *e) {
  double t = std::sqrt(c[0] * c[0] + c[1] * c[1] + 0.5);
  double p[2];
  p[0] = std::sin(t) * c[1];
  p[1] = std::cos(t) + c[0];
  stretch(c + 2, p);
  e[0] = *wi * p[0];
  e[1] = *wi * p[1];
}

GRADC_DIFF("grad wrt(cams, w)")
void weighted(const double *cams, const double *w, const int *obs, int n,
              double *err, double *werr) {
  for (int i = 0; i < n; ++i)
    spin(&cams[obs[i]], &w[i], &err[2 * i]);
  for (int i = 0; i < n; ++i)
    werr[i] = 1 - w[i] * w[i];
}
// TEXT-LABEL: inline void weighted_pullback(
// TEXT-NOT:     gradc::tape<
// TEXT:         gradc::fixed_tape<double, 2> p_tape;
// TEXT-NEXT:    for (int i = 0; i < n; ++i) {
// TEXT-NEXT:      werr[i] = 1 - w[i] * w[i];
// TEXT-NEXT:    }
// TEXT:         for (int i = n - 1; i >= 0; --i) {
// TEXT:           dw[i] -= 2 * w[i] * dwerr[i];
// TEXT-NEXT:    }
// TEXT-NEXT:    for (int i = 0; i < n; ++i) {
// TEXT:           double t = std::sqrt(
// TEXT-NOT:       gradc::tape<
// TEXT:           p_tape.push_array(p, 2);
// TEXT:           p_tape.pop_array(
// TEXT:           double dt = cos_t *

/// The later loop branches and tapes its tanh: computed first all the same,
/// its backward loop runs before the fused one.
GRADC_DIFF("grad wrt(x, w)")
void branchy(const double *x, const double *w, int n, double *y, double *z) {
  for (int i = 0; i < n; ++i)
    spin(&x[2 * i], &w[i], &y[2 * i]);
  for (int i = 0; i < n; ++i) {
    double a = w[i] * x[i];
    if (a > 0.1)
      z[i] = std::tanh(a) * w[i];
    else
      z[i] = a * a;
  }
}
// TEXT-LABEL: inline void branchy_pullback(
// TEXT:           tanh_tape.push_reserved(tanh_a);
// TEXT:         for (int i = n - 1; i >= 0; --i) {
// TEXT:           double tanh_v = tanh_tape.pop();
// TEXT:         for (int i = 0; i < n; ++i) {
// TEXT:           double t = std::sqrt(

/// A sum, then another: the first loop, the larger, is fused; the return
/// reads both sums after them.
GRADC_DIFF("grad wrt(x)")
double sums(const double *x, int n) {
  double s = 0, t = 0;
  for (int i = 0; i < n; ++i)
    s += std::exp(std::sin(x[i]) * x[i]);
  for (int i = 0; i < n; ++i)
    t += x[i] * x[i];
  return s + 2 * t;
}
// TEXT-LABEL: inline double sums_pullback(
// TEXT-NOT:     tape
// TEXT:         for (int i = 0; i < n; ++i) {
// TEXT-NEXT:      t += x[i] * x[i];
// TEXT-NEXT:    }
// TEXT:         for (int i = n - 1; i >= 0; --i) {
// TEXT:         for (int i = 0; i < n; ++i) {
// TEXT-NEXT:      double sin_v = std::sin(x[i]);
// TEXT-LABEL: inline double sums_grad(

/// The later loop reads what the first writes: the order stays, and the
/// last loop is the fused one.
GRADC_DIFF("grad wrt(x)")
void chained(const double *x, int n, double *y, double *z) {
  for (int i = 0; i < n; ++i)
    y[i] = std::sin(x[i]) * std::exp(x[i] * x[i]);
  for (int i = 0; i < n; ++i)
    z[i] = y[i] * x[i];
}
// TEXT-LABEL: inline void chained_pullback(
// TEXT:           y[i] = sin_v * exp_v;
// TEXT:           z[i] = y[i] * x[i];

/// The later loop writes (a local array) what the first reads: the order
/// stays.
GRADC_DIFF("grad wrt(x)")
double rewrites(const double *x, int n) {
  double a[4] = {1, 2, 3, 4};
  double y[4] = {};
  for (int i = 0; i < n; ++i)
    y[i] = std::sin(x[i] * a[i]) * std::exp(x[i]);
  double s = 0;
  for (int i = 0; i < n; ++i) {
    a[i] = x[i] * x[i];
    s += a[i] * y[i];
  }
  return s;
}
// TEXT-LABEL: inline double rewrites_pullback(
// TEXT:           y[i] = sin_v * exp_v;
// TEXT:           a[i] = x[i] * x[i];
// TEXT-LABEL: inline double rewrites_grad(

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  const int Obs[3] = {0, 2, 0};
  const int N = 3;
  // err seeded 1, 0.5, -1, 2, 0.25, 1 and werr 0.5, -2, 1.5.
  const double ErrSeed[6] = {1, 0.5, -1, 2, 0.25, 1};
  const double WSeed[3] = {0.5, -2, 1.5};
  auto Objective = [&](const double *Err, const double *WErr) {
    double S = 0;
    for (int K = 0; K < 2 * N; ++K)
      S += ErrSeed[K] * Err[K];
    for (int K = 0; K < N; ++K)
      S += WSeed[K] * WErr[K];
    return S;
  };
  auto Pullback = [&](const Arrays &p, double s, Arrays &d, double *Err,
                      double *WErr) {
    double ES[6], WS[3];
    for (int K = 0; K < 2 * N; ++K)
      ES[K] = s * ErrSeed[K];
    for (int K = 0; K < N; ++K)
      WS[K] = s * WSeed[K];
    weighted_pullback(p[0].data(), p[1].data(), Obs, N, Err, WErr, ES, WS,
                      d[0].data(), d[1].data());
  };
  gradc_check::check_arrays(
      "weighted",
      {{"cams", {0.3, -0.4, 1.2, 0.7, -0.5}}, {"w", {0.9, 0.7, 1.1}}},
      {{"obs", {0, 2, 0}},
       {"n", {double(N)}},
       {"err", {0, 0, 0, 0, 0, 0}},
       {"werr", {0, 0, 0}},
       {"derr", {ErrSeed, ErrSeed + 6}},
       {"dwerr", {WSeed, WSeed + 3}}},
      [&](const Arrays &p) {
        double Err[6], WErr[3];
        weighted(p[0].data(), p[1].data(), Obs, N, Err, WErr);
        return Objective(Err, WErr);
      },
      [&](const Arrays &p, Arrays &d) {
        double Err[6], WErr[3];
        Pullback(p, 1, d, Err, WErr);
        return Objective(Err, WErr);
      },
      [&](const Arrays &p, double s, Arrays &d) {
        double Err[6], WErr[3];
        Pullback(p, s, d, Err, WErr);
      });
  // branchy: y seeded 1, -0.5, 2, 0.25, 1, 0.5 and z 1, 2, -1.
  const double YSeed[6] = {1, -0.5, 2, 0.25, 1, 0.5};
  const double ZSeed[3] = {1, 2, -1};
  auto Branchy = [&](const double *Y, const double *Z) {
    double S = 0;
    for (int K = 0; K < 6; ++K)
      S += YSeed[K] * Y[K];
    for (int K = 0; K < 3; ++K)
      S += ZSeed[K] * Z[K];
    return S;
  };
  auto BranchyBack = [&](const Arrays &p, double s, Arrays &d, double *Y,
                         double *Z) {
    double YS[6], ZS[3];
    for (int K = 0; K < 6; ++K)
      YS[K] = s * YSeed[K];
    for (int K = 0; K < 3; ++K)
      ZS[K] = s * ZSeed[K];
    branchy_pullback(p[0].data(), p[1].data(), 3, Y, Z, YS, ZS, d[0].data(),
                     d[1].data());
  };
  gradc_check::check_arrays(
      "branchy",
      {{"x", {0.3, -0.7, 1.1, 0.4, 0.2, 0.9, -0.4}}, {"w", {0.5, 1.2, -0.3}}},
      {{"n", {3}},
       {"y", {0, 0, 0, 0, 0, 0}},
       {"z", {0, 0, 0}},
       {"dy", {YSeed, YSeed + 6}},
       {"dz", {ZSeed, ZSeed + 3}}},
      [&](const Arrays &p) {
        double Y[6], Z[3];
        branchy(p[0].data(), p[1].data(), 3, Y, Z);
        return Branchy(Y, Z);
      },
      [&](const Arrays &p, Arrays &d) {
        double Y[6], Z[3];
        BranchyBack(p, 1, d, Y, Z);
        return Branchy(Y, Z);
      },
      [&](const Arrays &p, double s, Arrays &d) {
        double Y[6], Z[3];
        BranchyBack(p, s, d, Y, Z);
      });
  const gradc_check::Vec X = {0.3, -0.7, 1.1, 0.4};
  gradc_check::check_pointer("sums", "x", "n", sums, sums_grad, sums_pullback,
                             X, 4);
  gradc_check::check_pointer("sums", "x", "n", sums, sums_grad, sums_pullback,
                             X, 0);
  gradc_check::check_pointer("rewrites", "x", "n", rewrites, rewrites_grad,
                             rewrites_pullback, X, 4);
  gradc_check::check_pointer("rewrites", "x", "n", rewrites, rewrites_grad,
                             rewrites_pullback, {0.5, -0.2}, 2);
  return gradc_check::finish();
}
#endif
