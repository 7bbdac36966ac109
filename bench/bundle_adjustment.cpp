// The bundle-adjustment objective of examples/bundle_adjustment.cpp over
// 10^4 observations of 10^3 points by 10 cameras: the primal, gradc's
// pullback seeded with all ones (one vector-Jacobian product; a Jacobian
// row costs the same) and the same product written by hand. Beside it,
// ADBench's own form of the objective (adbench_ba.cpp: the reprojection
// errors and the weight term 1 - w^2, differentiated with respect to the
// weights too), against the same hand-written product with the weights'.
#define BA_NO_MAIN
#include "../examples/bundle_adjustment.cpp"

// ADBench's ba_objective never reads its n and m.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include "adbench_ba.cpp"
#pragma GCC diagnostic pop
#include "adbench_ba.grad.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <vector>

namespace hand {

void cross(const double *A, const double *B, double *Out) {
  Out[0] = A[1] * B[2] - A[2] * B[1];
  Out[1] = A[2] * B[0] - A[0] * B[2];
  Out[2] = A[0] * B[1] - A[1] * B[0];
}

/// d(G . (A x B)) / dA = B x G, adds into DA; / dB = G x A, into DB.
void crossAdjoint(const double *A, const double *B, const double *G, double *DA,
                  double *DB) {
  double T[3];
  cross(B, G, T);
  for (int K = 0; K < 3; ++K)
    DA[K] += T[K];
  cross(G, A, T);
  for (int K = 0; K < 3; ++K)
    DB[K] += T[K];
}

/// One observation's residuals pulled back: as a careful person writes
/// it, every forward value kept in a local, sin and cos taken once. Given
/// the observed feature Feat, adds the weight's adjoint into *DW too.
void observation(const double *Cam, const double *X, double W,
                 const double *DErr, double *DCam, double *DX,
                 const double *Feat = nullptr, double *DW = nullptr) {
  const double *Rot = Cam;
  double Xo[3], Xcam[3];
  for (int K = 0; K < 3; ++K)
    Xo[K] = X[K] - Cam[3 + K];
  double Theta2 = Rot[0] * Rot[0] + Rot[1] * Rot[1] + Rot[2] * Rot[2];
  double Theta = 0, C = 0, S = 0, Wv[3] = {}, WxP[3] = {}, Dt = 0, Tmp = 0;
  if (Theta2 != 0) {
    Theta = std::sqrt(Theta2);
    C = std::cos(Theta);
    S = std::sin(Theta);
    for (int K = 0; K < 3; ++K)
      Wv[K] = Rot[K] / Theta;
    cross(Wv, Xo, WxP);
    Dt = Wv[0] * Xo[0] + Wv[1] * Xo[1] + Wv[2] * Xo[2];
    Tmp = Dt * (1 - C);
    for (int K = 0; K < 3; ++K)
      Xcam[K] = Xo[K] * C + WxP[K] * S + Wv[K] * Tmp;
  } else {
    cross(Rot, Xo, Xcam);
    for (int K = 0; K < 3; ++K)
      Xcam[K] += Xo[K];
  }
  const double Px = Xcam[0] / Xcam[2], Py = Xcam[1] / Xcam[2];
  const double Rsq = Px * Px + Py * Py;
  const double K1 = Cam[9], K2 = Cam[10], F = Cam[6];
  const double Dist = 1 + K1 * Rsq + K2 * Rsq * Rsq;

  if (DW)
    *DW += DErr[0] * (Px * Dist * F + Cam[7] - Feat[0]) +
           DErr[1] * (Py * Dist * F + Cam[8] - Feat[1]);
  const double Dp0 = W * DErr[0], Dp1 = W * DErr[1];
  DCam[7] += Dp0;
  DCam[8] += Dp1;
  DCam[6] += (Dp0 * Px + Dp1 * Py) * Dist;
  const double DDist = (Dp0 * Px + Dp1 * Py) * F;
  DCam[9] += DDist * Rsq;
  DCam[10] += DDist * Rsq * Rsq;
  const double DRsq = DDist * (K1 + 2 * K2 * Rsq);
  const double DPx = Dp0 * Dist * F + 2 * Px * DRsq;
  const double DPy = Dp1 * Dist * F + 2 * Py * DRsq;
  const double DXcam[3] = {DPx / Xcam[2], DPy / Xcam[2],
                           -(DPx * Px + DPy * Py) / Xcam[2]};
  double DXo[3], DRot[3] = {};
  if (Theta2 != 0) {
    double DW[3], DWxP[3], DTmp = 0, DC = 0, DS = 0;
    for (int K = 0; K < 3; ++K) {
      DXo[K] = DXcam[K] * C;
      DWxP[K] = DXcam[K] * S;
      DW[K] = DXcam[K] * Tmp;
      DTmp += DXcam[K] * Wv[K];
      DC += DXcam[K] * Xo[K];
      DS += DXcam[K] * WxP[K];
    }
    DC -= DTmp * Dt;
    const double DDt = DTmp * (1 - C);
    for (int K = 0; K < 3; ++K) {
      DW[K] += DDt * Xo[K];
      DXo[K] += DDt * Wv[K];
    }
    crossAdjoint(Wv, Xo, DWxP, DW, DXo);
    double DTheta = C * DS - S * DC;
    for (int K = 0; K < 3; ++K)
      DTheta -= DW[K] * Rot[K] / Theta2;
    for (int K = 0; K < 3; ++K)
      DRot[K] = DW[K] / Theta + DTheta * Rot[K] / Theta;
  } else {
    for (int K = 0; K < 3; ++K)
      DXo[K] = DXcam[K];
    crossAdjoint(Rot, Xo, DXcam, DRot, DXo);
  }
  for (int K = 0; K < 3; ++K) {
    DCam[K] += DRot[K];
    DX[K] += DXo[K];
    DCam[3 + K] -= DXo[K];
  }
}

void pullback(const double *Cams, const double *X, const double *W,
              const int *Obs, int P, const double *DErr, double *DCams,
              double *DX) {
  for (int I = 0; I < P; ++I)
    observation(Cams + 11 * Obs[2 * I], X + 3 * Obs[2 * I + 1], W[I],
                DErr + 2 * I, DCams + 11 * Obs[2 * I], DX + 3 * Obs[2 * I + 1]);
}

/// ADBench's form: the weights' adjoints too, of the reprojection errors
/// (seeds DErr) and of the weight terms 1 - w^2 (seeds DWErr).
void adbenchPullback(const double *Cams, const double *X, const double *W,
                     const int *Obs, const double *Feats, int P,
                     const double *DErr, const double *DWErr, double *DCams,
                     double *DX, double *DW) {
  for (int I = 0; I < P; ++I)
    observation(Cams + 11 * Obs[2 * I], X + 3 * Obs[2 * I + 1], W[I],
                DErr + 2 * I, DCams + 11 * Obs[2 * I], DX + 3 * Obs[2 * I + 1],
                Feats + 2 * I, DW + I);
  for (int I = 0; I < P; ++I)
    DW[I] -= 2 * W[I] * DWErr[I];
}

} // namespace hand

namespace {

constexpr int Cams = 10, Points = 1000, P = 10000;

struct Data {
  std::vector<double> C, X, W, Feats, Err, DErr, DC, DX, WErr, DWErr, DW, ADErr;
  std::vector<int> Obs;
  Data()
      : C(11 * Cams), X(3 * Points), W(P), Feats(2 * P), Err(2 * P),
        DErr(2 * P, 1.0), DC(11 * Cams), DX(3 * Points), WErr(P), DWErr(P, 1.0),
        DW(P), ADErr(DErr), Obs(2 * P) {
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

void baHand(benchmark::State &State) {
  Data &D = data();
  for (auto _ : State) {
    hand::pullback(D.C.data(), D.X.data(), D.W.data(), D.Obs.data(), P,
                   D.DErr.data(), D.DC.data(), D.DX.data());
    benchmark::ClobberMemory();
  }
}

void adbenchPrimal(benchmark::State &State) {
  Data &D = data();
  for (auto _ : State) {
    adbench::ba_objective(Cams, Points, P, D.C.data(), D.X.data(), D.W.data(),
                          D.Obs.data(), D.Feats.data(), D.Err.data(),
                          D.WErr.data());
    benchmark::ClobberMemory();
  }
}

// ADBench's pullback clears the seeds of the reprojection errors as it reads
// them (they are outputs only): from the second call on they are zero,
// which changes no branch and no operation's cost.
void adbenchPullback(benchmark::State &State) {
  Data &D = data();
  for (auto _ : State) {
    adbench::ba_objective_pullback(
        Cams, Points, P, D.C.data(), D.X.data(), D.W.data(), D.Obs.data(),
        D.Feats.data(), D.Err.data(), D.WErr.data(), D.ADErr.data(),
        D.DWErr.data(), D.DC.data(), D.DX.data(), D.DW.data());
    benchmark::ClobberMemory();
  }
}

void adbenchHand(benchmark::State &State) {
  Data &D = data();
  for (auto _ : State) {
    hand::adbenchPullback(D.C.data(), D.X.data(), D.W.data(), D.Obs.data(),
                          D.Feats.data(), P, D.DErr.data(), D.DWErr.data(),
                          D.DC.data(), D.DX.data(), D.DW.data());
    benchmark::ClobberMemory();
  }
}

/// Before timing anything: the two vector-Jacobian products agree, of the
/// example's objective and of ADBench's.
bool sameGradients() {
  Data &D = data();
  std::vector<double> C1(D.C.size()), X1(D.X.size()), C2(D.C.size()),
      X2(D.X.size()), Seed(2 * P);
  for (int I = 0; I < 2 * P; ++I)
    Seed[I] = 1 + 0.25 * (I % 7);
  ba_objective_pullback(D.C.data(), D.X.data(), D.W.data(), D.Feats.data(),
                        D.Obs.data(), P, D.Err.data(), Seed.data(), C1.data(),
                        X1.data());
  hand::pullback(D.C.data(), D.X.data(), D.W.data(), D.Obs.data(), P,
                 Seed.data(), C2.data(), X2.data());
  // ADBench's pullback seeds its outputs in place (the seeds of the
  // reprojection errors are cleared as they are read): a copy each.
  std::vector<double> C3(D.C.size()), X3(D.X.size()), W3(P), C4(C3), X4(X3),
      W4(W3), Seed3(Seed), WSeed(P);
  for (int I = 0; I < P; ++I)
    WSeed[I] = 0.5 + 0.125 * (I % 3);
  adbench::ba_objective_pullback(Cams, Points, P, D.C.data(), D.X.data(),
                                 D.W.data(), D.Obs.data(), D.Feats.data(),
                                 D.Err.data(), D.WErr.data(), Seed3.data(),
                                 WSeed.data(), C3.data(), X3.data(), W3.data());
  hand::adbenchPullback(D.C.data(), D.X.data(), D.W.data(), D.Obs.data(),
                        D.Feats.data(), P, Seed.data(), WSeed.data(), C4.data(),
                        X4.data(), W4.data());
  auto Close = [](double A, double B) {
    return std::fabs(A - B) <= 1e-9 * std::fmax(1, std::fabs(B));
  };
  bool Ok = true;
  for (size_t I = 0; I < C1.size(); ++I)
    Ok &= Close(C1[I], C2[I]) && Close(C3[I], C4[I]);
  for (size_t I = 0; I < X1.size(); ++I)
    Ok &= Close(X1[I], X2[I]) && Close(X3[I], X4[I]);
  for (int I = 0; I < P; ++I)
    Ok &= Close(W3[I], W4[I]);
  return Ok;
}

} // namespace

BENCHMARK(baPrimal)->Name("ba/primal")->Unit(benchmark::kMicrosecond);
BENCHMARK(baPullback)->Name("ba/gradc_pullback")->Unit(benchmark::kMicrosecond);
BENCHMARK(baHand)->Name("ba/hand")->Unit(benchmark::kMicrosecond);
BENCHMARK(adbenchPrimal)
    ->Name("ba/adbench/primal")
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(adbenchPullback)
    ->Name("ba/adbench/gradc_pullback")
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(adbenchHand)->Name("ba/adbench/hand")->Unit(benchmark::kMicrosecond);

int main(int argc, char **argv) {
  if (!sameGradients()) {
    std::fprintf(stderr, "bench-bundle_adjustment: a pullback of gradc's and "
                         "the hand-written one differ\n");
    return 1;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  return 0;
}
