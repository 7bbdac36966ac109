// ADBench's GMM objective as ADBench writes it (gmm_objective of its C++
// tools, as held in test/lit/calls/gmm_adbench_shape.cpp): std::vector
// scratch arrays passed on as `&xcentered[0]`, `logsumexp` with its running
// maximum, the Wishart prior, the result written to `*err`. bench-gmm times
// gradc's pullback of it beside the example's rewritten form; in a
// namespace, so that its helpers and pullbacks stay apart from the
// example's.
#include <cmath>
#include <gradc/gradc.h>
#include <vector>

namespace adbench {
template <typename T> T logsumexp(int n, const T *const x) {
  T mx = x[0];
  for (int i = 1; i < n; i++)
    if (x[i] > mx)
      mx = x[i];
  T semx = 0.;
  for (int i = 0; i < n; i++)
    semx += std::exp(x[i] - mx);
  return std::log(semx) + mx;
}

inline double log_gamma_distrib(double a, double p) {
  double out = 0.25 * p * (p - 1) * std::log(M_PI);
  for (int j = 1; j <= p; j++)
    out = out + std::lgamma(a + 0.5 * (1 - j));
  return out;
}

template <typename T> T sqnorm(int n, const T *const x) {
  T res = x[0] * x[0];
  for (int i = 1; i < n; i++)
    res = res + x[i] * x[i];
  return res;
}

template <typename T>
void subtract(int d, const T *const x, const T *const y, T *out) {
  for (int id = 0; id < d; id++)
    out[id] = x[id] - y[id];
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
void Qtimesx(int d, const T *const Qdiag, const T *const ltri, const T *const x,
             T *out) {
  for (int id = 0; id < d; id++)
    out[id] = Qdiag[id] * x[id];
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
  double C = n * p * (std::log(wgamma) - 0.5 * std::log(2)) -
             log_gamma_distrib(0.5 * n, p);
  T out = 0;
  for (int ik = 0; ik < k; ik++) {
    T frobenius =
        sqnorm(p, &Qdiags[ik * p]) + sqnorm(icf_sz - p, &icf[ik * icf_sz + p]);
    out = out + 0.5 * wgamma * wgamma * (frobenius)-wm * sum_qs[ik];
  }
  return out - k * C;
}

GRADC_DIFF("grad wrt(alphas, means, icf)")
void gmm_objective(int d, int k, int n, const double *const alphas,
                   const double *const means, const double *const icf,
                   const double *const x, double wgamma, int wm, double *err) {
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
      Qtimesx(d, &Qdiags[ik * d], &icf[ik * icf_sz + d], &xcentered[0],
              &Qxcentered[0]);
      main_term[ik] = alphas[ik] + sum_qs[ik] - 0.5 * sqnorm(d, &Qxcentered[0]);
    }
    slse = slse + logsumexp(k, &main_term[0]);
  }
  double lse_alphas = logsumexp(k, alphas);
  *err = CONSTANT + slse - n * lse_alphas;
  *err =
      *err + log_wishart_prior(d, k, wgamma, wm, &sum_qs[0], &Qdiags[0], icf);
}
} // namespace adbench
