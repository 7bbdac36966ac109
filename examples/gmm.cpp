// The negative log-likelihood of a Gaussian mixture, written the way such
// objectives are written in the wild (after ADBench's gmm_objective):
// templates over the scalar type, raw pointers with sizes, helpers, and a
// helper that writes through an output pointer.
//
// k components in d dimensions, n points x (a flat n x d array). Component
// j has the weight logit alphas[j], the mean means[j * d ...] and the
// inverse covariance factor Q_j = diag(exp(icf_j[0..d))) + L_j, with L_j
// strictly lower triangular, packed column by column in icf_j[d...]:
//
//   -log L = sum_i -logsumexp_j(alphas[j] + sum(icf_j[0..d))
//                               - |Q_j (x_i - mu_j)|^2 / 2)
//            + n logsumexp(alphas) + n d log(2 pi) / 2
//
// gradc differentiates it with respect to alphas, means and icf; the
// example checks the gradient against central finite differences.
#include <gradc/gradc.h>

#include <cmath>
#include <cstdio>

#ifndef GMM_MAX_D // bench-gmm_d64 defines 64, for ADBench's d = 64.
#define GMM_MAX_D 16
#endif
constexpr int MaxD = GMM_MAX_D; ///< Largest dimension the example supports.
constexpr int MaxK = 16;        ///< Largest number of components.

template <typename T> T logsumexp(const T *v, int n) {
  T m = v[0];
  for (int i = 1; i < n; ++i)
    if (v[i] > m)
      m = v[i];
  T s = 0;
  for (int i = 0; i < n; ++i)
    s += std::exp(v[i] - m);
  return m + std::log(s);
}

template <typename T> T sqnorm(const T *v, int n) {
  T s = 0;
  for (int i = 0; i < n; ++i)
    s += v[i] * v[i];
  return s;
}

/// out = Q x for Q = diag(qdiag) + L, L packed column by column in ltri.
template <typename T>
void qtimesx(const T *qdiag, const T *ltri, const T *x, int d, T *out) {
  for (int r = 0; r < d; ++r) {
    T s = qdiag[r] * x[r];
    // Entry (r, c) of L, c < r, is ltri[c * (2 * d - c - 1) / 2 + r - c - 1].
    for (int c = 0; c < r; ++c)
      s += ltri[c * (2 * d - c - 1) / 2 + r - c - 1] * x[c];
    out[r] = s;
  }
}

template <typename T>
GRADC_DIFF("grad wrt(alphas, means, icf)")
T gmm_objective(const T *alphas, const T *means, const T *icf, const T *x,
                int d, int k, int n) {
  int icf_sz = d * (d + 1) / 2;
  T slse = 0;
  for (int i = 0; i < n; ++i) {
    T main_term[MaxK] = {};
    for (int j = 0; j < k; ++j) {
      const T *icf_j = icf + j * icf_sz;
      T qdiag[MaxD];
      T xcentered[MaxD];
      T sum_qs = 0;
      for (int t = 0; t < d; ++t) {
        qdiag[t] = std::exp(icf_j[t]);
        sum_qs += icf_j[t];
        xcentered[t] = x[i * d + t] - means[j * d + t];
      }
      T qx[MaxD];
      qtimesx(qdiag, icf_j + d, xcentered, d, qx);
      main_term[j] = alphas[j] + sum_qs - 0.5 * sqnorm(qx, d);
    }
    slse += logsumexp(main_term, k);
  }
  const T half_log_2pi = 0.91893853320467274178;
  return n * d * half_log_2pi - slse + n * logsumexp(alphas, k);
}

template double gmm_objective<double>(const double *, const double *,
                                      const double *, const double *, int, int,
                                      int);

#ifndef __GRADC__
#include "gmm.grad.h"

#include <vector>

/// Deterministic data in [-1, 1).
struct Lcg {
  unsigned long long S = 12345;
  double next() {
    S = S * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(S >> 11) / 9007199254740992.0 * 2 - 1;
  }
};

#ifndef GMM_NO_MAIN
int main() {
  const int d = 3, k = 4, n = 20, icf_sz = d * (d + 1) / 2;
  Lcg R;
  std::vector<double> alphas(k), means(k * d), icf(k * icf_sz), x(n * d);
  for (double *V : {alphas.data(), means.data(), icf.data(), x.data()})
    (void)V;
  for (double &V : alphas)
    V = R.next();
  for (double &V : means)
    V = R.next();
  for (double &V : icf)
    V = 0.3 * R.next();
  for (double &V : x)
    V = 1.5 * R.next();
  std::vector<double> dalphas(k), dmeans(k * d), dicf(k * icf_sz);
  double nll =
      gmm_objective_grad(alphas.data(), means.data(), icf.data(), x.data(), d,
                         k, n, dalphas.data(), dmeans.data(), dicf.data());
  std::printf("GMM, d = %d, k = %d, n = %d: -log L = %.12f\n", d, k, n, nll);
  // Central finite differences, parameter by parameter.
  int failures = 0;
  double worst = 0;
  auto Check = [&](const char *Name, std::vector<double> &P,
                   const std::vector<double> &D) {
    for (size_t I = 0; I < P.size(); ++I) {
      double Saved = P[I], H = 1e-6;
      P[I] = Saved + H;
      double Up = gmm_objective(alphas.data(), means.data(), icf.data(),
                                x.data(), d, k, n);
      P[I] = Saved - H;
      double Down = gmm_objective(alphas.data(), means.data(), icf.data(),
                                  x.data(), d, k, n);
      P[I] = Saved;
      double Fd = (Up - Down) / (2 * H);
      double Err = std::fabs(Fd - D[I]) / std::fmax(1, std::fabs(Fd));
      worst = std::fmax(worst, Err);
      if (Err > 1e-6) {
        std::printf("  d%s[%zu] = %.10f, finite difference %.10f WRONG\n", Name,
                    I, D[I], Fd);
        ++failures;
      }
    }
  };
  Check("alphas", alphas, dalphas);
  Check("means", means, dmeans);
  Check("icf", icf, dicf);
  std::printf("dalphas = (%.6f, %.6f, %.6f, %.6f)\n", dalphas[0], dalphas[1],
              dalphas[2], dalphas[3]);
  std::printf("%zu partial derivatives against finite differences: largest "
              "relative difference %.1e %s\n",
              dalphas.size() + dmeans.size() + dicf.size(), worst,
              failures ? "FAILED" : "ok");
  return failures != 0;
}
#endif
#endif
