// The negative log-likelihood of a Gaussian mixture written as ADBench
// writes it: a void function that accumulates its result into the output
// `*err` point by point (`*err = *err - ...`), where examples/gmm.cpp
// returns it. The output is written many times and read back; its seed is
// the adjoint the backward sweep reads at each point.
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

constexpr int MaxD = 16; ///< Largest dimension the example supports.
constexpr int MaxK = 16; ///< Largest number of components.

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

GRADC_DIFF("grad wrt(alphas, means, icf) out(err)")
void gmm_objective(const double *alphas, const double *means, const double *icf,
                   const double *x, int d, int k, int n, double *err) {
  int icf_sz = d * (d + 1) / 2;
  const double half_log_2pi = 0.91893853320467274178;
  *err = n * d * half_log_2pi + n * logsumexp(alphas, k);
  for (int i = 0; i < n; ++i) {
    double main_term[MaxK] = {};
    for (int j = 0; j < k; ++j) {
      const double *icf_j = icf + j * icf_sz;
      double qdiag[MaxD];
      double xcentered[MaxD];
      double sum_qs = 0;
      for (int t = 0; t < d; ++t) {
        qdiag[t] = std::exp(icf_j[t]);
        sum_qs += icf_j[t];
        xcentered[t] = x[i * d + t] - means[j * d + t];
      }
      double qx[MaxD];
      qtimesx(qdiag, icf_j + d, xcentered, d, qx);
      main_term[j] = alphas[j] + sum_qs - 0.5 * sqnorm(qx, d);
    }
    *err = *err - logsumexp(main_term, k);
  }
}

#ifndef __GRADC__
#include "gmm_accumulated.grad.h"

#include <vector>

/// Deterministic data in [-1, 1).
struct Lcg {
  unsigned long long S = 12345;
  double next() {
    S = S * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(S >> 11) / 9007199254740992.0 * 2 - 1;
  }
};

int main() {
  const int d = 3, k = 4, n = 20, icf_sz = d * (d + 1) / 2;
  Lcg R;
  std::vector<double> alphas(k), means(k * d), icf(k * icf_sz), x(n * d);
  for (double &V : alphas)
    V = R.next();
  for (double &V : means)
    V = R.next();
  for (double &V : icf)
    V = 0.3 * R.next();
  for (double &V : x)
    V = 1.5 * R.next();
  auto Nll = [&] {
    double E = 0;
    gmm_objective(alphas.data(), means.data(), icf.data(), x.data(), d, k, n,
                  &E);
    return E;
  };
  std::vector<double> dalphas(k), dmeans(k * d), dicf(k * icf_sz);
  // A pointer output gets a seed of its own: derr = 1.
  double err = 0, derr = 1;
  gmm_objective_pullback(alphas.data(), means.data(), icf.data(), x.data(), d,
                         k, n, &err, &derr, dalphas.data(), dmeans.data(),
                         dicf.data());
  std::printf("GMM, d = %d, k = %d, n = %d: -log L = %.12f\n", d, k, n, err);
  int failures = 0;
  auto Check = [&](const char *Name, std::vector<double> &P,
                   const std::vector<double> &D) {
    for (size_t I = 0; I < P.size(); ++I) {
      double Saved = P[I], H = 1e-6;
      P[I] = Saved + H;
      double Up = Nll();
      P[I] = Saved - H;
      double Down = Nll();
      P[I] = Saved;
      double Fd = (Up - Down) / (2 * H);
      if (std::fabs(Fd - D[I]) > 1e-6 * std::fmax(1, std::fabs(Fd))) {
        std::printf("  d%s[%zu] = %.10f, finite difference %.10f WRONG\n", Name,
                    I, D[I], Fd);
        ++failures;
      }
    }
  };
  Check("alphas", alphas, dalphas);
  Check("means", means, dmeans);
  Check("icf", icf, dicf);
  std::printf("%zu partial derivatives against finite differences: %s\n",
              dalphas.size() + dmeans.size() + dicf.size(),
              failures ? "FAILED" : "OK");
  return failures;
}
#endif
