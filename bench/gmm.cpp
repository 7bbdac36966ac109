// The Gaussian-mixture negative log-likelihood of examples/gmm.cpp at
// ADBench's sizes (d = 10 with k = 10 and k = 5, d = 64 with k = 10, each
// over n = 1000 points): the primal, gradc's gradient and a gradient written
// by hand, staged the way a careful person derives it: per point, the
// softmax weights of the components, then for each component the adjoint
// of Q (x - mu) pushed back through the triangular product.
#define GMM_NO_MAIN
#include "../examples/gmm.cpp"

#include <benchmark/benchmark.h>

#include <cmath>
#include <string>
#include <vector>

namespace hand {

double gmm_objective(const double *alphas, const double *means,
                     const double *icf, const double *x, int d, int k, int n,
                     double *dalphas, double *dmeans, double *dicf) {
  const int icf_sz = d * (d + 1) / 2;
  const double lse_alphas = logsumexp(alphas, k);
  double f = n * d * 0.91893853320467274178 + n * lse_alphas;
  for (int j = 0; j < k; ++j)
    dalphas[j] += n * std::exp(alphas[j] - lse_alphas);
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
      const double g = -std::exp(main_term[j] - lse);
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

} // namespace hand

namespace {

/// A problem of ADBench's GMM family: d dimensions, k components, n points.
struct Data {
  int D, K, N, IcfSz;
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

void gmmHand(benchmark::State &State, Data *Dt) {
  for (auto _ : State) {
    benchmark::DoNotOptimize(hand::gmm_objective(
        Dt->Alphas.data(), Dt->Means.data(), Dt->Icf.data(), Dt->X.data(),
        Dt->D, Dt->K, Dt->N, Dt->DAlphas.data(), Dt->DMeans.data(),
        Dt->DIcf.data()));
    benchmark::ClobberMemory();
  }
}

/// Before timing anything: the two gradients agree.
bool sameGradients(const Data &Dt) {
  std::vector<double> A1(Dt.K), M1(Dt.K * Dt.D), I1(Dt.K * Dt.IcfSz), A2(A1),
      M2(M1), I2(I1);
  double F1 = gmm_objective_grad(Dt.Alphas.data(), Dt.Means.data(),
                                 Dt.Icf.data(), Dt.X.data(), Dt.D, Dt.K, Dt.N,
                                 A1.data(), M1.data(), I1.data());
  double F2 = hand::gmm_objective(Dt.Alphas.data(), Dt.Means.data(),
                                  Dt.Icf.data(), Dt.X.data(), Dt.D, Dt.K, Dt.N,
                                  A2.data(), M2.data(), I2.data());
  auto Close = [](double A, double B) {
    return std::fabs(A - B) <= 1e-9 * std::fmax(1, std::fabs(B));
  };
  bool Ok = Close(F1, F2);
  for (size_t I = 0; I < A1.size(); ++I)
    Ok &= Close(A1[I], A2[I]);
  for (size_t I = 0; I < M1.size(); ++I)
    Ok &= Close(M1[I], M2[I]);
  for (size_t I = 0; I < I1.size(); ++I)
    Ok &= Close(I1[I], I2[I]);
  return Ok;
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
                   "bench-gmm: gradc's gradient and the hand-written one "
                   "differ at d = %d, k = %d, n = %d\n",
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
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  return 0;
}
