// The loop kernels of issue 3 (and a recurrence through tanh): for each, the
// primal, gradc's gradient and a gradient written by hand the way a careful
// person stages it.
#include <gradc/gradc.h>

#include <cmath>

GRADC_DIFF("grad wrt(x)")
double sumsq(const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += x[i] * x[i];
  return s;
}

GRADC_DIFF("grad wrt(w, x)")
double dot(const double *w, const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += w[i] * x[i];
  return s;
}

// p(x) = c[0] + c[1] x + ... + c[n-1] x^(n-1); p is carried from one
// iteration to the next and its old value is needed backward.
GRADC_DIFF("grad wrt(c, x)")
double horner(const double *c, double x, int n) {
  double p = 0;
  for (int i = n - 1; i >= 0; --i)
    p = p * x + c[i];
  return p;
}

// A 16-32-1 network with sigmoid hidden units and a squared error.
GRADC_DIFF("grad wrt(W1, b1, W2, b2)")
double mlp(const double *W1, const double *b1, const double *W2, double b2,
           const double *x, double y) {
  double h[32];
  for (int j = 0; j < 32; ++j) {
    double z = b1[j];
    for (int k = 0; k < 16; ++k)
      z += W1[j * 16 + k] * x[k];
    h[j] = 1.0 / (1 + std::exp(-z));
  }
  double out = b2;
  for (int j = 0; j < 32; ++j)
    out += W2[j] * h[j];
  double err = out - y;
  return err * err;
}

// log(sum(exp(x))), computed stably by subtracting the largest element.
GRADC_DIFF("grad wrt(x)")
double lse(const double *x, int n) {
  double m = x[0];
  for (int i = 1; i < n; ++i)
    if (x[i] > m)
      m = x[i];
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += std::exp(x[i] - m);
  return m + std::log(s);
}

// A recurrence through a call: c is carried from one iteration to the next
// and the backward sweep needs both its old value and the tanh.
GRADC_DIFF("grad wrt(w)")
double chain(const double *w, int n) {
  double c = 0.5, s = 0;
  for (int i = 0; i < n; ++i) {
    c = std::tanh(c * w[i] + 0.91);
    s += c;
  }
  return s;
}

#ifndef __GRADC__
#include "kernels.grad.h"

#include <benchmark/benchmark.h>
#include <vector>

namespace hand {

double sumsq(const double *x, int n, double *dx) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += x[i] * x[i];
  for (int i = 0; i < n; ++i)
    dx[i] += 2 * x[i];
  return s;
}

double dot(const double *w, const double *x, int n, double *dw, double *dx) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += w[i] * x[i];
  for (int i = 0; i < n; ++i) {
    dw[i] += x[i];
    dx[i] += w[i];
  }
  return s;
}

// Backward, p's old values are recomputed as partial sums from the top:
// dp/dc[i] = x^(n-1-i) and dp/dx = sum of i c[i] x^(i-1).
double horner(const double *c, double x, int n, double *dc, double &dx) {
  std::vector<double> ps(n + 1);
  double p = 0;
  ps[n] = 0;
  for (int i = n - 1; i >= 0; --i) {
    p = p * x + c[i];
    ps[i] = p;
  }
  double dp = 1;
  for (int i = 0; i < n; ++i) {
    dc[i] += dp;
    dx += ps[i + 1] * dp;
    dp *= x;
  }
  return p;
}

double mlp(const double *W1, const double *b1, const double *W2, double b2,
           const double *x, double y, double *dW1, double *db1, double *dW2,
           double &db2) {
  double h[32];
  for (int j = 0; j < 32; ++j) {
    double z = b1[j];
    for (int k = 0; k < 16; ++k)
      z += W1[j * 16 + k] * x[k];
    h[j] = 1.0 / (1 + std::exp(-z));
  }
  double out = b2;
  for (int j = 0; j < 32; ++j)
    out += W2[j] * h[j];
  double err = out - y;
  double dout = 2 * err;
  db2 += dout;
  for (int j = 0; j < 32; ++j) {
    dW2[j] += h[j] * dout;
    double dz = W2[j] * dout * (1 - h[j]) * h[j];
    db1[j] += dz;
    for (int k = 0; k < 16; ++k)
      dW1[j * 16 + k] += x[k] * dz;
  }
  return err * err;
}

double lse(const double *x, int n, double *dx) {
  double m = x[0];
  for (int i = 1; i < n; ++i)
    if (x[i] > m)
      m = x[i];
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += std::exp(x[i] - m);
  for (int i = 0; i < n; ++i)
    dx[i] += std::exp(x[i] - m) / s;
  return m + std::log(s);
}

double chain(const double *w, int n, double *dw) {
  // Every value of c, kept from call to call as gradc's tapes keep theirs.
  thread_local std::vector<double> c;
  c.resize(n + 1);
  c[0] = 0.5;
  double s = 0;
  for (int i = 0; i < n; ++i) {
    c[i + 1] = std::tanh(c[i] * w[i] + 0.91);
    s += c[i + 1];
  }
  double dc = 0;
  for (int i = n - 1; i >= 0; --i) {
    dc += 1;
    const double g = (1 - c[i + 1] * c[i + 1]) * dc;
    dw[i] += c[i] * g;
    dc = w[i] * g;
  }
  return s;
}

} // namespace hand

namespace {

constexpr int Big = 1 << 20;
constexpr int Small = 1000;
constexpr int Chain = 1 << 16;
// Horner's x: dp = x^i stays a normal number over Big steps (0.999^Big
// underflows past i = 708,000, and subnormal multiplications, microcode
// assists on Intel cores, then took most of both gradients' time).
constexpr double HornerX = 0.9995;

std::vector<double> ramp(int N, double From, double To) {
  std::vector<double> V(N);
  for (int I = 0; I < N; ++I)
    V[I] = From + (To - From) * I / N;
  return V;
}

struct Data {
  std::vector<double> X = ramp(Big, -1, 1), W = ramp(Big, 2, -2);
  // Horner coefficients decay so that p stays finite at x = HornerX.
  std::vector<double> C = ramp(Big, 1e-6, 1e-7);
  std::vector<double> D1 = std::vector<double>(Big), D2 = D1;
  std::vector<double> L = ramp(Small, -3, 4);
  // The network: weights, one input and its gradients.
  std::vector<double> W1 = ramp(512, -0.3, 0.3), B1 = ramp(32, -0.1, 0.1),
                      W2 = ramp(32, 0.5, -0.5), In = ramp(16, -1, 1),
                      DW1 = std::vector<double>(512),
                      DB1 = std::vector<double>(32),
                      DW2 = std::vector<double>(32);
};
Data &data() {
  static Data D;
  return D;
}

#define RUN(Expr)                                                              \
  for (auto _ : State) {                                                       \
    benchmark::DoNotOptimize(Expr);                                            \
    benchmark::ClobberMemory();                                                \
  }

void sumsqPrimal(benchmark::State &State) {
  Data &D = data();
  RUN(sumsq(D.X.data(), Big));
}
void sumsqGradc(benchmark::State &State) {
  Data &D = data();
  RUN(sumsq_grad(D.X.data(), Big, D.D1.data()));
}
void sumsqHand(benchmark::State &State) {
  Data &D = data();
  RUN(hand::sumsq(D.X.data(), Big, D.D1.data()));
}

void dotPrimal(benchmark::State &State) {
  Data &D = data();
  RUN(dot(D.W.data(), D.X.data(), Big));
}
void dotGradc(benchmark::State &State) {
  Data &D = data();
  RUN(dot_grad(D.W.data(), D.X.data(), Big, D.D1.data(), D.D2.data()));
}
void dotHand(benchmark::State &State) {
  Data &D = data();
  RUN(hand::dot(D.W.data(), D.X.data(), Big, D.D1.data(), D.D2.data()));
}

void hornerPrimal(benchmark::State &State) {
  Data &D = data();
  RUN(horner(D.C.data(), HornerX, Big));
}
// DX is observed: a compiler that inlines the gradient would otherwise drop
// its dx sum as dead (clang did, for the hand-written one, which then
// timed one multiplication an element fewer than gradc's).
void hornerGradc(benchmark::State &State) {
  Data &D = data();
  double DX = 0;
  RUN(horner_grad(D.C.data(), HornerX, Big, D.D1.data(), DX));
  benchmark::DoNotOptimize(DX);
}
void hornerHand(benchmark::State &State) {
  Data &D = data();
  double DX = 0;
  RUN(hand::horner(D.C.data(), HornerX, Big, D.D1.data(), DX));
  benchmark::DoNotOptimize(DX);
}

// 1000 samples per iteration, as an epoch of training would.
constexpr int Samples = 1000;
void mlpPrimal(benchmark::State &State) {
  Data &D = data();
  for (auto _ : State) {
    double S = 0;
    for (int I = 0; I < Samples; ++I)
      S += mlp(D.W1.data(), D.B1.data(), D.W2.data(), 0.1, D.In.data(),
               I * 1e-3);
    benchmark::DoNotOptimize(S);
  }
}
void mlpGradc(benchmark::State &State) {
  Data &D = data();
  double DB2 = 0;
  for (auto _ : State) {
    double S = 0;
    for (int I = 0; I < Samples; ++I)
      S += mlp_grad(D.W1.data(), D.B1.data(), D.W2.data(), 0.1, D.In.data(),
                    I * 1e-3, D.DW1.data(), D.DB1.data(), D.DW2.data(), DB2);
    benchmark::DoNotOptimize(S);
    benchmark::ClobberMemory();
  }
  benchmark::DoNotOptimize(DB2);
}
void mlpHand(benchmark::State &State) {
  Data &D = data();
  double DB2 = 0;
  for (auto _ : State) {
    double S = 0;
    for (int I = 0; I < Samples; ++I)
      S += hand::mlp(D.W1.data(), D.B1.data(), D.W2.data(), 0.1, D.In.data(),
                     I * 1e-3, D.DW1.data(), D.DB1.data(), D.DW2.data(), DB2);
    benchmark::DoNotOptimize(S);
    benchmark::ClobberMemory();
  }
  benchmark::DoNotOptimize(DB2);
}

void lsePrimal(benchmark::State &State) {
  Data &D = data();
  RUN(lse(D.L.data(), Small));
}
void lseGradc(benchmark::State &State) {
  Data &D = data();
  RUN(lse_grad(D.L.data(), Small, D.D1.data()));
}
void lseHand(benchmark::State &State) {
  Data &D = data();
  RUN(hand::lse(D.L.data(), Small, D.D1.data()));
}

void chainPrimal(benchmark::State &State) {
  Data &D = data();
  RUN(chain(D.X.data(), Chain));
}
void chainGradc(benchmark::State &State) {
  Data &D = data();
  RUN(chain_grad(D.X.data(), Chain, D.D1.data()));
}
void chainHand(benchmark::State &State) {
  Data &D = data();
  RUN(hand::chain(D.X.data(), Chain, D.D1.data()));
}

} // namespace

BENCHMARK(sumsqPrimal)->Name("sumsq/primal")->Unit(benchmark::kMicrosecond);
BENCHMARK(sumsqGradc)->Name("sumsq/gradc")->Unit(benchmark::kMicrosecond);
BENCHMARK(sumsqHand)->Name("sumsq/hand")->Unit(benchmark::kMicrosecond);
BENCHMARK(dotPrimal)->Name("dot/primal")->Unit(benchmark::kMicrosecond);
BENCHMARK(dotGradc)->Name("dot/gradc")->Unit(benchmark::kMicrosecond);
BENCHMARK(dotHand)->Name("dot/hand")->Unit(benchmark::kMicrosecond);
BENCHMARK(hornerPrimal)->Name("horner/primal")->Unit(benchmark::kMicrosecond);
BENCHMARK(hornerGradc)->Name("horner/gradc")->Unit(benchmark::kMicrosecond);
BENCHMARK(hornerHand)->Name("horner/hand")->Unit(benchmark::kMicrosecond);
BENCHMARK(mlpPrimal)->Name("mlp/primal")->Unit(benchmark::kMicrosecond);
BENCHMARK(mlpGradc)->Name("mlp/gradc")->Unit(benchmark::kMicrosecond);
BENCHMARK(mlpHand)->Name("mlp/hand")->Unit(benchmark::kMicrosecond);
BENCHMARK(lsePrimal)->Name("lse/primal")->Unit(benchmark::kMicrosecond);
BENCHMARK(lseGradc)->Name("lse/gradc")->Unit(benchmark::kMicrosecond);
BENCHMARK(lseHand)->Name("lse/hand")->Unit(benchmark::kMicrosecond);
BENCHMARK(chainPrimal)->Name("chain/primal")->Unit(benchmark::kMicrosecond);
BENCHMARK(chainGradc)->Name("chain/gradc")->Unit(benchmark::kMicrosecond);
BENCHMARK(chainHand)->Name("chain/hand")->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
#endif
