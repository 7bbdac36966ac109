// The Gaussian-mixture negative log-likelihood of examples/gmm.cpp at
// ADBench's sizes (d = 10 with k = 10 and k = 5, d = 64 with k = 10, each
// over n = 1000 points): the primal, gradc's gradient and a gradient written
// by hand, staged the way a careful person derives it: per point, the
// softmax weights of the components, then for each component the adjoint
// of Q (x - mu) pushed back through the triangular product. Beside it, the
// same sizes for ADBench's own form of the objective (adbench_gmm.cpp: the
// negated likelihood plus the Wishart prior, written to `*err`), against
// the same hand-written gradient with the prior's added.
#define GMM_NO_MAIN
#include "../examples/gmm.cpp"

#include "adbench_gmm.cpp"
#include "adbench_gmm.grad.h"

#include <benchmark/benchmark.h>

#include <cmath>
#include <string>
#include <vector>

namespace hand {

/// The example's objective and, added into dalphas, dmeans and dicf, seed
/// times its gradient.
double gmm_objective(const double *alphas, const double *means,
                     const double *icf, const double *x, int d, int k, int n,
                     double *dalphas, double *dmeans, double *dicf,
                     double seed = 1) {
  const int icf_sz = d * (d + 1) / 2;
  const double lse_alphas = logsumexp(alphas, k);
  double f = n * d * 0.91893853320467274178 + n * lse_alphas;
  for (int j = 0; j < k; ++j)
    dalphas[j] += seed * n * std::exp(alphas[j] - lse_alphas);
  double main_term[MaxK], qdiag[MaxK][MaxD], xc[MaxK][MaxD], qx[MaxK][MaxD];
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < k; ++j) {
      const double *icf_j = icf + j * icf_sz;
      double sum_qs = 0;
      for (int t = 0; t < d; ++t) {
        qdiag[j][t] = std::exp(icf_j[t]);
        sum_qs += icf_j[t];
        xc[j][t] = x[i * d + t] - means[j * d + t];
      }
      qtimesx(qdiag[j], icf_j + d, xc[j], d, qx[j]);
      main_term[j] = alphas[j] + sum_qs - 0.5 * sqnorm(qx[j], d);
    }
    const double lse = logsumexp(main_term, k);
    f -= lse;
    for (int j = 0; j < k; ++j) {
      // d f / d main_term[j] = -softmax(main_term)[j]
      const double g = -seed * std::exp(main_term[j] - lse);
      const double *ltri = icf + j * icf_sz + d;
      double *dicf_j = dicf + j * icf_sz;
      double *dltri = dicf_j + d;
      dalphas[j] += g;
      double dxc[MaxD] = {};
      for (int r = 0; r < d; ++r) {
        dicf_j[r] += g; // sum_qs
        const double dq = -g * qx[j][r];
        dicf_j[r] += dq * xc[j][r] * qdiag[j][r];
        dxc[r] += dq * qdiag[j][r];
        for (int c = 0; c < r; ++c) {
          const int l = c * (2 * d - c - 1) / 2 + r - c - 1;
          dltri[l] += dq * xc[j][c];
          dxc[c] += dq * ltri[l];
        }
      }
      for (int t = 0; t < d; ++t)
        dmeans[j * d + t] -= dxc[t];
    }
  }
  return f;
}

/// ADBench's objective: the example's negated, plus the Wishart prior
/// sum_j (wgamma^2 / 2 |Q_j|_F^2 - wm sum_qs_j) - k C; and its gradient.
double gmm_adbench(const double *alphas, const double *means, const double *icf,
                   const double *x, int d, int k, int n, double wgamma, int wm,
                   double *dalphas, double *dmeans, double *dicf) {
  double err =
      -gmm_objective(alphas, means, icf, x, d, k, n, dalphas, dmeans, dicf, -1);
  const int icf_sz = d * (d + 1) / 2, dof = d + wm + 1;
  const double w2 = wgamma * wgamma;
  const double C = dof * d * (std::log(wgamma) - 0.5 * std::log(2)) -
                   adbench::log_gamma_distrib(0.5 * dof, d);
  for (int j = 0; j < k; ++j) {
    const double *icf_j = icf + j * icf_sz;
    double *dicf_j = dicf + j * icf_sz;
    for (int t = 0; t < d; ++t) {
      const double q2 = std::exp(2 * icf_j[t]);
      err += 0.5 * w2 * q2 - wm * icf_j[t];
      dicf_j[t] += w2 * q2 - wm;
    }
    for (int l = d; l < icf_sz; ++l) {
      err += 0.5 * w2 * icf_j[l] * icf_j[l];
      dicf_j[l] += w2 * icf_j[l];
    }
  }
  return err - k * C;
}

} // namespace hand

namespace {

/// A problem of ADBench's GMM family: d dimensions, k components, n points.
struct Data {
  int D, K, N, IcfSz;
  double WGamma = 1; ///< ADBench's Wishart prior, as in its data files.
  int WM = 0;
  std::vector<double> Alphas, Means, Icf, X, DAlphas, DMeans, DIcf;
  Data(int D, int K, int N)
      : D(D), K(K), N(N), IcfSz(D * (D + 1) / 2), Alphas(K), Means(K * D),
        Icf(K * IcfSz), X(N * D), DAlphas(K), DMeans(K * D), DIcf(K * IcfSz) {
    Lcg R;
    for (double &V : Alphas)
      V = R.next();
    for (double &V : Means)
      V = R.next();
    for (double &V : Icf)
      V = 0.3 * R.next();
    for (double &V : X)
      V = 1.5 * R.next();
  }
};

void gmmPrimal(benchmark::State &State, Data *Dt) {
  for (auto _ : State)
    benchmark::DoNotOptimize(gmm_objective(Dt->Alphas.data(), Dt->Means.data(),
                                           Dt->Icf.data(), Dt->X.data(), Dt->D,
                                           Dt->K, Dt->N));
}

void gmmGradc(benchmark::State &State, Data *Dt) {
  for (auto _ : State) {
    benchmark::DoNotOptimize(gmm_objective_grad(
        Dt->Alphas.data(), Dt->Means.data(), Dt->Icf.data(), Dt->X.data(),
        Dt->D, Dt->K, Dt->N, Dt->DAlphas.data(), Dt->DMeans.data(),
        Dt->DIcf.data()));
    benchmark::ClobberMemory();
  }
}

void adbenchPrimal(benchmark::State &State, Data *Dt) {
  for (auto _ : State) {
    double Err;
    adbench::gmm_objective(Dt->D, Dt->K, Dt->N, Dt->Alphas.data(),
                           Dt->Means.data(), Dt->Icf.data(), Dt->X.data(),
                           Dt->WGamma, Dt->WM, &Err);
    benchmark::DoNotOptimize(Err);
  }
}

void adbenchGradc(benchmark::State &State, Data *Dt) {
  for (auto _ : State) {
    double Err, Seed = 1;
    adbench::gmm_objective_pullback(
        Dt->D, Dt->K, Dt->N, Dt->Alphas.data(), Dt->Means.data(),
        Dt->Icf.data(), Dt->X.data(), Dt->WGamma, Dt->WM, &Err, &Seed,
        Dt->DAlphas.data(), Dt->DMeans.data(), Dt->DIcf.data());
    benchmark::DoNotOptimize(Err);
    benchmark::ClobberMemory();
  }
}

void adbenchHand(benchmark::State &State, Data *Dt) {
  for (auto _ : State) {
    benchmark::DoNotOptimize(hand::gmm_adbench(
        Dt->Alphas.data(), Dt->Means.data(), Dt->Icf.data(), Dt->X.data(),
        Dt->D, Dt->K, Dt->N, Dt->WGamma, Dt->WM, Dt->DAlphas.data(),
        Dt->DMeans.data(), Dt->DIcf.data()));
    benchmark::ClobberMemory();
  }
}

void gmmHand(benchmark::State &State, Data *Dt) {
  for (auto _ : State) {
    benchmark::DoNotOptimize(hand::gmm_objective(
        Dt->Alphas.data(), Dt->Means.data(), Dt->Icf.data(), Dt->X.data(),
        Dt->D, Dt->K, Dt->N, Dt->DAlphas.data(), Dt->DMeans.data(),
        Dt->DIcf.data()));
    benchmark::ClobberMemory();
  }
}

/// One objective's value and gradient, from zero.
struct Grad {
  double F = 0;
  std::vector<double> A, M, I;
  explicit Grad(const Data &Dt) : A(Dt.K), M(Dt.K * Dt.D), I(Dt.K * Dt.IcfSz) {}
};

bool close(const Grad &G1, const Grad &G2) {
  auto Close = [](double A, double B) {
    return std::fabs(A - B) <= 1e-9 * std::fmax(1, std::fabs(B));
  };
  bool Ok = Close(G1.F, G2.F);
  for (size_t I = 0; I < G1.A.size(); ++I)
    Ok &= Close(G1.A[I], G2.A[I]);
  for (size_t I = 0; I < G1.M.size(); ++I)
    Ok &= Close(G1.M[I], G2.M[I]);
  for (size_t I = 0; I < G1.I.size(); ++I)
    Ok &= Close(G1.I[I], G2.I[I]);
  return Ok;
}

/// Before timing anything: gradc's gradients and the hand-written ones
/// agree, of the example's objective and of ADBench's.
bool sameGradients(const Data &Dt) {
  Grad G1(Dt), G2(Dt), A1(Dt), A2(Dt);
  G1.F = gmm_objective_grad(Dt.Alphas.data(), Dt.Means.data(), Dt.Icf.data(),
                            Dt.X.data(), Dt.D, Dt.K, Dt.N, G1.A.data(),
                            G1.M.data(), G1.I.data());
  G2.F = hand::gmm_objective(Dt.Alphas.data(), Dt.Means.data(), Dt.Icf.data(),
                             Dt.X.data(), Dt.D, Dt.K, Dt.N, G2.A.data(),
                             G2.M.data(), G2.I.data());
  double Seed = 1;
  adbench::gmm_objective_pullback(Dt.D, Dt.K, Dt.N, Dt.Alphas.data(),
                                  Dt.Means.data(), Dt.Icf.data(), Dt.X.data(),
                                  Dt.WGamma, Dt.WM, &A1.F, &Seed, A1.A.data(),
                                  A1.M.data(), A1.I.data());
  A2.F = hand::gmm_adbench(Dt.Alphas.data(), Dt.Means.data(), Dt.Icf.data(),
                           Dt.X.data(), Dt.D, Dt.K, Dt.N, Dt.WGamma, Dt.WM,
                           A2.A.data(), A2.M.data(), A2.I.data());
  return close(G1, G2) && close(A1, A2);
}

} // namespace

int main(int argc, char **argv) {
  // The sizes whose scratch arrays this build's MaxD fits tightly: bench-gmm
  // (MaxD = 16) times d = 10, bench-gmm_d64 (MaxD = 64) d = 64.
  struct Size {
    const char *Name;
    int D, K, N;
  };
  static const Size Sizes[] = {{"gmm", 10, 10, 1000},
                               {"gmm_d10_k5", 10, 5, 1000},
                               {"gmm_d64_k10", 64, 10, 1000}};
  for (const Size &S : Sizes) {
    if (S.D > MaxD || S.K > MaxK || 4 * S.D <= MaxD)
      continue;
    auto *Dt = new Data(S.D, S.K, S.N);
    if (!sameGradients(*Dt)) {
      std::fprintf(stderr,
                   "bench-gmm: a gradient of gradc's and the hand-written "
                   "one differ at d = %d, k = %d, n = %d\n",
                   S.D, S.K, S.N);
      return 1;
    }
    std::string Name = S.Name;
    benchmark::RegisterBenchmark((Name + "/primal").c_str(), gmmPrimal, Dt)
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark((Name + "/gradc").c_str(), gmmGradc, Dt)
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark((Name + "/hand").c_str(), gmmHand, Dt)
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark((Name + "/adbench/primal").c_str(),
                                 adbenchPrimal, Dt)
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark((Name + "/adbench/gradc").c_str(),
                                 adbenchGradc, Dt)
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark((Name + "/adbench/hand").c_str(), adbenchHand,
                                 Dt)
        ->Unit(benchmark::kMicrosecond);
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  return 0;
}
