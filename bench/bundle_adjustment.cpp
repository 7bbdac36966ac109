// The bundle-adjustment objective of examples/bundle_adjustment.cpp over
// 10^4 observations of 10^3 points by 10 cameras: the primal, and gradc's
// pullback seeded with all ones (one vector-Jacobian product; a Jacobian
// row costs the same).
#define BA_NO_MAIN
#include "../examples/bundle_adjustment.cpp"

#include <benchmark/benchmark.h>

#include <vector>

namespace {

constexpr int Cams = 10, Points = 1000, P = 10000;

struct Data {
  std::vector<double> C, X, W, Feats, Err, DErr, DC, DX;
  std::vector<int> Obs;
  Data()
      : C(11 * Cams), X(3 * Points), W(P), Feats(2 * P), Err(2 * P),
        DErr(2 * P, 1.0), DC(11 * Cams), DX(3 * Points), Obs(2 * P) {
    for (int J = 0; J < Cams; ++J) {
      double *Cam = &C[11 * J];
      const double Cam0[11] = {0.1 * J, -0.05, 0.02, 0.1,  -0.1, -5.0 - J,
                               500,     320,   240,  1e-3, 1e-6};
      for (int K = 0; K < 11; ++K)
        Cam[K] = Cam0[K];
    }
    for (int I = 0; I < 3 * Points; ++I)
      X[I] = 0.001 * ((I * 7919) % 1000) - 0.5;
    for (int I = 0; I < P; ++I) {
      W[I] = 1 + 0.1 * (I % 5);
      Feats[2 * I] = 300 + I % 50;
      Feats[2 * I + 1] = 250 - I % 40;
      Obs[2 * I] = I % Cams;
      Obs[2 * I + 1] = (I * 31) % Points;
    }
  }
};
Data &data() {
  static Data D;
  return D;
}

void baPrimal(benchmark::State &State) {
  Data &D = data();
  for (auto _ : State) {
    ba_objective(D.C.data(), D.X.data(), D.W.data(), D.Feats.data(),
                 D.Obs.data(), P, D.Err.data());
    benchmark::ClobberMemory();
  }
}

void baPullback(benchmark::State &State) {
  Data &D = data();
  for (auto _ : State) {
    ba_objective_pullback(D.C.data(), D.X.data(), D.W.data(), D.Feats.data(),
                          D.Obs.data(), P, D.Err.data(), D.DErr.data(),
                          D.DC.data(), D.DX.data());
    benchmark::ClobberMemory();
  }
}

} // namespace

BENCHMARK(baPrimal)->Name("ba/primal")->Unit(benchmark::kMicrosecond);
BENCHMARK(baPullback)->Name("ba/gradc_pullback")->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
