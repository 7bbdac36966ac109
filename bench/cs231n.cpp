// The CS231n f(x, y) over 10^7 inputs: the primal, gradc's f_grad, and the
// seed's hand-staged backward pass written in C++.
#include <gradc/gradc.h>

#include <cmath>
#include <vector>

GRADC_DIFF("grad")
double f(double x, double y) {
  double sigy = 1.0 / (1 + std::exp(-y));
  double num = x + sigy;
  double sigx = 1.0 / (1 + std::exp(-x));
  double xpy = x + y;
  double xpysqr = xpy * xpy;
  double den = sigx + xpysqr;
  double invden = 1.0 / den;
  return num * invden;
}

#ifndef __GRADC__
#include "cs231n.grad.h"

#include <benchmark/benchmark.h>

// The seed's backward pass, translated line by line.
static double handGrad(double x, double y, double &dx, double &dy) {
  double sigy = 1.0 / (1 + std::exp(-y));
  double num = x + sigy;
  double sigx = 1.0 / (1 + std::exp(-x));
  double xpy = x + y;
  double xpysqr = xpy * xpy;
  double den = sigx + xpysqr;
  double invden = 1.0 / den;
  double f = num * invden;
  double dnum = invden;
  double dinvden = num;
  double dden = (-1.0 / (den * den)) * dinvden;
  double dsigx = dden;
  double dxpysqr = dden;
  double dxpy = (2 * xpy) * dxpysqr;
  dx += dxpy;
  dy += dxpy;
  dx += ((1 - sigx) * sigx) * dsigx;
  dx += dnum;
  double dsigy = dnum;
  dy += ((1 - sigy) * sigy) * dsigy;
  return f;
}

namespace {
constexpr int N = 10'000'000;

struct Inputs {
  std::vector<double> X, Y, DX, DY;
  Inputs() : X(N), Y(N), DX(N), DY(N) {
    for (int I = 0; I < N; ++I) {
      X[I] = -3 + 6.0 * I / N;
      Y[I] = 2 - 5.0 * I / N;
    }
  }
};
Inputs &inputs() {
  static Inputs In;
  return In;
}

void primal(benchmark::State &State) {
  Inputs &In = inputs();
  for (auto _ : State) {
    double S = 0;
    for (int I = 0; I < N; ++I)
      S += f(In.X[I], In.Y[I]);
    benchmark::DoNotOptimize(S);
  }
}

template <double (*G)(double, double, double &, double &)>
void gradient(benchmark::State &State) {
  Inputs &In = inputs();
  for (auto _ : State) {
    double S = 0;
    for (int I = 0; I < N; ++I)
      S += G(In.X[I], In.Y[I], In.DX[I], In.DY[I]);
    benchmark::DoNotOptimize(S);
    benchmark::ClobberMemory();
  }
}
} // namespace

BENCHMARK(primal)->Unit(benchmark::kMillisecond);
BENCHMARK(gradient<f_grad>)->Name("gradc_f_grad")->Unit(benchmark::kMillisecond);
BENCHMARK(gradient<handGrad>)->Name("hand_written")->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
#endif
