// ADBench's GMM objective as ADBench writes it: `std::vector` scratch
// arrays passed on as `&xcentered[0]`, `preprocess_qs` filling two of them,
// `subtract`, `Qtimesx` and `sqnorm` per point and component, `logsumexp`
// with its running maximum, the Wishart prior through `log_gamma_distrib`
// (a loop to a `double` bound), and the result written to `*err` then
// accumulated (`*err = *err + ...`). Held to finite differences and to
// gradc's interpreter at d = 2, k = 2, n = 2.
// RUN: %gradc %s -o %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --check --at 'd=2,k=2,n=2,alphas=[0.1,-0.3],means=[0.5,0.2,-0.4,0.3],icf=[0.1,0.2,0.3,-0.1,0.05,0.4],x=[0.3,0.7,-0.2,0.1],wgamma=1.5,wm=1,err=[0]' | FileCheck %s --check-prefix=CHECK-FD
// CHECK: gmm_objective: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 1 checked against the interpreter, 0 mismatches
// CHECK-FD: ok: all 12 entries agree with finite differences
#include <gradc/gradc.h>
#include <cmath>
#include <vector>

template <typename T> T logsumexp(int n, const T *const x) {
  T mx = x[0];
  for (int i = 1; i < n; i++)
    if (x[i] > mx) mx = x[i];
  T semx = 0.;
  for (int i = 0; i < n; i++) semx += std::exp(x[i] - mx);
  return std::log(semx) + mx;
}

inline double log_gamma_distrib(double a, double p) {
  double out = 0.25 * p * (p - 1) * std::log(M_PI);
  for (int j = 1; j <= p; j++) out = out + std::lgamma(a + 0.5 * (1 - j));
  return out;
}

template <typename T> T sqnorm(int n, const T *const x) {
  T res = x[0] * x[0];
  for (int i = 1; i < n; i++) res = res + x[i] * x[i];
  return res;
}

template <typename T>
void subtract(int d, const T *const x, const T *const y, T *out) {
  for (int id = 0; id < d; id++) out[id] = x[id] - y[id];
}

template <typename T>
void preprocess_qs(int d, int k, const T *const icf, T *sum_qs, T *Qdiags) {
  int icf_sz = d * (d + 1) / 2;
  for (int ik = 0; ik < k; ik++) {
    sum_qs[ik] = 0.;
    for (int id = 0; id < d; id++) {
      T q = icf[ik * icf_sz + id];
      sum_qs[ik] = sum_qs[ik] + q;
      Qdiags[ik * d + id] = std::exp(q);
    }
  }
}

template <typename T>
void Qtimesx(int d, const T *const Qdiag, const T *const ltri, const T *const x, T *out) {
  for (int id = 0; id < d; id++) out[id] = Qdiag[id] * x[id];
  int Lparamsidx = 0;
  for (int i = 0; i < d; i++) {
    for (int j = i + 1; j < d; j++) {
      out[j] = out[j] + ltri[Lparamsidx] * x[i];
      Lparamsidx++;
    }
  }
}

template <typename T>
T log_wishart_prior(int p, int k, double wgamma, int wm, const T *const sum_qs,
                    const T *const Qdiags, const T *const icf) {
  int n = p + wm + 1;
  int icf_sz = p * (p + 1) / 2;
  double C = n * p * (std::log(wgamma) - 0.5 * std::log(2)) - log_gamma_distrib(0.5 * n, p);
  T out = 0;
  for (int ik = 0; ik < k; ik++) {
    T frobenius = sqnorm(p, &Qdiags[ik * p]) + sqnorm(icf_sz - p, &icf[ik * icf_sz + p]);
    out = out + 0.5 * wgamma * wgamma * (frobenius) - wm * sum_qs[ik];
  }
  return out - k * C;
}

GRADC_DIFF("grad wrt(alphas, means, icf)")
void gmm_objective(int d, int k, int n, const double *const alphas, const double *const means,
                   const double *const icf, const double *const x, double wgamma, int wm,
                   double *err) {
  const double CONSTANT = -n * d * 0.5 * std::log(2 * M_PI);
  int icf_sz = d * (d + 1) / 2;
  std::vector<double> Qdiags(d * k);
  std::vector<double> sum_qs(k);
  std::vector<double> xcentered(d);
  std::vector<double> Qxcentered(d);
  std::vector<double> main_term(k);
  preprocess_qs(d, k, icf, &sum_qs[0], &Qdiags[0]);
  double slse = 0.;
  for (int ix = 0; ix < n; ix++) {
    for (int ik = 0; ik < k; ik++) {
      subtract(d, &x[ix * d], &means[ik * d], &xcentered[0]);
      Qtimesx(d, &Qdiags[ik * d], &icf[ik * icf_sz + d], &xcentered[0], &Qxcentered[0]);
      main_term[ik] = alphas[ik] + sum_qs[ik] - 0.5 * sqnorm(d, &Qxcentered[0]);
    }
    slse = slse + logsumexp(k, &main_term[0]);
  }
  double lse_alphas = logsumexp(k, alphas);
  *err = CONSTANT + slse - n * lse_alphas;
  *err = *err + log_wishart_prior(d, k, wgamma, wm, &sum_qs[0], &Qdiags[0], icf);
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  const std::vector<double> X = {0.3, 0.7, -0.2, 0.1};
  gradc_check::check_arrays(
      "gmm_objective",
      {{"alphas", {0.1, -0.3}},
       {"means", {0.5, 0.2, -0.4, 0.3}},
       {"icf", {0.1, 0.2, 0.3, -0.1, 0.05, 0.4}}},
      {{"d", {2}},
       {"k", {2}},
       {"n", {2}},
       {"x", X},
       {"wgamma", {1.5}},
       {"wm", {1}},
       {"err", {0}},
       {"derr", {1}}},
      [&](const Arrays &p) {
        double Err = 0;
        gmm_objective(2, 2, 2, p[0].data(), p[1].data(), p[2].data(), X.data(),
                      1.5, 1, &Err);
        return Err;
      },
      [&](const Arrays &p, Arrays &d) {
        double Err = 0, Seed = 1;
        gmm_objective_pullback(2, 2, 2, p[0].data(), p[1].data(), p[2].data(),
                               X.data(), 1.5, 1, &Err, &Seed, d[0].data(),
                               d[1].data(), d[2].data());
        return Err;
      },
      [&](const Arrays &p, double s, Arrays &d) {
        double Err = 0;
        gmm_objective_pullback(2, 2, 2, p[0].data(), p[1].data(), p[2].data(),
                               X.data(), 1.5, 1, &Err, &s, d[0].data(),
                               d[1].data(), d[2].data());
      });
  return gradc_check::finish();
}
#endif
