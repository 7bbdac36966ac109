// The two-layer LSTM objective of examples/lstm.cpp at ADBench's
// lstm_l2_c1024 size (l = 2 layers, c = 1024 characters, b = 14): the
// primal, gradc's gradient and a gradient written by hand: one forward
// sweep that keeps each step's gates, old state and cell tanh in a
// workspace, then one backward sweep over time carrying the adjoints of
// each layer's hidden values and cells. Beside it, ADBench's own form of
// the objective (adbench_lstm.cpp: the state updated in place, the loss
// written to `*loss`), against the same hand-written gradient.
#define LSTM_NO_MAIN
#include "../examples/lstm.cpp"

#include "adbench_lstm.cpp"
#include "adbench_lstm.grad.h"

#include <benchmark/benchmark.h>

#include <cmath>
#include <vector>

namespace hand {

double lstm_objective(int l, int c, int b, const double *main_params,
                      const double *extra_params, const double *state0,
                      const double *sequence, double *dmain_params,
                      double *dextra_params) {
  // Per step and layer: the layer's input, its old hidden values and cells,
  // the four gates and the tanh of the new cells; per step: the softmax.
  enum { In, Hin, Cin, F, I, O, G, Tc, PerLayer };
  const int steps = c - 1, layer_sz = PerLayer * b;
  const int step_sz = l * layer_sz + b;
  // Kept from call to call, as gradc's tapes keep their storage.
  thread_local std::vector<double> work;
  if (work.size() < static_cast<size_t>(steps) * step_sz)
    work.resize(static_cast<size_t>(steps) * step_sz);
  std::vector<double> h(state0, state0 + 2 * l * b);
  std::vector<double> y(b);
  double total = 0;
  for (int t = 0; t < steps; ++t) {
    double *ws = work.data() + static_cast<size_t>(t) * step_sz;
    const double *input = sequence + t * b;
    for (int j = 0; j < l; ++j) {
      double *wl = ws + j * layer_sz;
      const double *w = main_params + 8 * b * j, *bias = w + 4 * b;
      double *hid = h.data() + 2 * b * j, *cell = hid + b;
      for (int i = 0; i < b; ++i) {
        const double in =
            j == 0 ? input[i] * extra_params[i] : h[2 * b * (j - 1) + i];
        const double f = sigmoid(in * w[i] + bias[i]);
        const double ig = sigmoid(hid[i] * w[b + i] + bias[b + i]);
        const double o = sigmoid(in * w[2 * b + i] + bias[2 * b + i]);
        const double g = std::tanh(hid[i] * w[3 * b + i] + bias[3 * b + i]);
        const double cn = cell[i] * f + ig * g, tc = std::tanh(cn);
        wl[In * b + i] = in;
        wl[Hin * b + i] = hid[i];
        wl[Cin * b + i] = cell[i];
        wl[F * b + i] = f;
        wl[I * b + i] = ig;
        wl[O * b + i] = o;
        wl[G * b + i] = g;
        wl[Tc * b + i] = tc;
        cell[i] = cn;
        hid[i] = o * tc;
      }
    }
    const double *last = h.data() + 2 * b * (l - 1);
    double s = 0;
    for (int i = 0; i < b; ++i) {
      y[i] = last[i] * extra_params[b + i] + extra_params[2 * b + i];
      s += std::exp(y[i]);
    }
    const double lse = std::log(s);
    const double *goal = input + b;
    double *p = ws + l * layer_sz;
    for (int i = 0; i < b; ++i) {
      total += goal[i] * (y[i] - lse);
      p[i] = std::exp(y[i] - lse);
    }
  }
  const double count = static_cast<double>(steps) * b;

  const double dtotal = -1 / count;
  // The adjoints of each layer's hidden values and cells after step t.
  std::vector<double> dh(2 * l * b, 0.0);
  for (int t = steps - 1; t >= 0; --t) {
    const double *ws = work.data() + static_cast<size_t>(t) * step_sz;
    const double *input = sequence + t * b, *goal = input + b;
    const double *p = ws + l * layer_sz;
    double goal_sum = 0;
    for (int i = 0; i < b; ++i)
      goal_sum += goal[i];
    const double *wl_last = ws + (l - 1) * layer_sz;
    double *dlast = dh.data() + 2 * b * (l - 1);
    for (int i = 0; i < b; ++i) {
      const double dy = dtotal * (goal[i] - goal_sum * p[i]);
      dextra_params[2 * b + i] += dy;
      dextra_params[b + i] += wl_last[O * b + i] * wl_last[Tc * b + i] * dy;
      dlast[i] += extra_params[b + i] * dy;
    }
    for (int j = l - 1; j >= 0; --j) {
      const double *wl = ws + j * layer_sz;
      const double *w = main_params + 8 * b * j;
      double *dw = dmain_params + 8 * b * j, *dbias = dw + 4 * b;
      double *dhid = dh.data() + 2 * b * j, *dcell = dhid + b;
      for (int i = 0; i < b; ++i) {
        const double in = wl[In * b + i], hin = wl[Hin * b + i];
        const double f = wl[F * b + i], ig = wl[I * b + i], o = wl[O * b + i],
                     g = wl[G * b + i], tc = wl[Tc * b + i];
        const double dc = dcell[i] + dhid[i] * o * (1 - tc * tc);
        const double zf = dc * wl[Cin * b + i] * f * (1 - f);
        const double zi = dc * g * ig * (1 - ig);
        const double zo = dhid[i] * tc * o * (1 - o);
        const double zg = dc * ig * (1 - g * g);
        dw[i] += in * zf;
        dbias[i] += zf;
        dw[b + i] += hin * zi;
        dbias[b + i] += zi;
        dw[2 * b + i] += in * zo;
        dbias[2 * b + i] += zo;
        dw[3 * b + i] += hin * zg;
        dbias[3 * b + i] += zg;
        const double din = w[i] * zf + w[2 * b + i] * zo;
        dhid[i] = w[b + i] * zi + w[3 * b + i] * zg;
        dcell[i] = dc * f;
        if (j == 0)
          dextra_params[i] += input[i] * din;
        else
          dh[2 * b * (j - 1) + i] += din;
      }
    }
  }
  return -total / count;
}

} // namespace hand

namespace {

LstmData &data() {
  static LstmData Dt(2, 1024, 14);
  return Dt;
}

void lstmPrimal(benchmark::State &State) {
  LstmData &Dt = data();
  for (auto _ : State)
    benchmark::DoNotOptimize(Dt.objective());
}

void lstmGradc(benchmark::State &State) {
  LstmData &Dt = data();
  std::vector<double> DMain(Dt.main_params.size()),
      DExtra(Dt.extra_params.size());
  for (auto _ : State) {
    benchmark::DoNotOptimize(lstm_objective_grad(
        Dt.l, Dt.c, Dt.b, Dt.main_params.data(), Dt.extra_params.data(),
        Dt.state.data(), Dt.sequence.data(), DMain.data(), DExtra.data()));
    benchmark::ClobberMemory();
  }
}

void lstmHand(benchmark::State &State) {
  LstmData &Dt = data();
  std::vector<double> DMain(Dt.main_params.size()),
      DExtra(Dt.extra_params.size());
  for (auto _ : State) {
    benchmark::DoNotOptimize(hand::lstm_objective(
        Dt.l, Dt.c, Dt.b, Dt.main_params.data(), Dt.extra_params.data(),
        Dt.state.data(), Dt.sequence.data(), DMain.data(), DExtra.data()));
    benchmark::ClobberMemory();
  }
}

/// ADBench's objective, from the initial state (which it updates in place).
double adbenchObjective(const LstmData &Dt, std::vector<double> &State) {
  State = Dt.state;
  double Loss;
  adbench::lstm_objective(Dt.l, Dt.c, Dt.b, Dt.main_params.data(),
                          Dt.extra_params.data(), State.data(),
                          Dt.sequence.data(), &Loss);
  return Loss;
}

/// gradc's pullback of ADBench's objective, from the initial state, seeding
/// the loss with 1 and the final state with 0.
double adbenchGradient(const LstmData &Dt, std::vector<double> &State,
                       std::vector<double> &DState, double *DMain,
                       double *DExtra) {
  State = Dt.state;
  DState.assign(Dt.state.size(), 0.0);
  double Loss, Seed = 1;
  adbench::lstm_objective_pullback(Dt.l, Dt.c, Dt.b, Dt.main_params.data(),
                                   Dt.extra_params.data(), State.data(),
                                   Dt.sequence.data(), &Loss, DState.data(),
                                   &Seed, DMain, DExtra);
  return Loss;
}

void adbenchPrimal(benchmark::State &State) {
  LstmData &Dt = data();
  std::vector<double> S;
  for (auto _ : State)
    benchmark::DoNotOptimize(adbenchObjective(Dt, S));
}

void adbenchGradc(benchmark::State &State) {
  LstmData &Dt = data();
  std::vector<double> S, DS, DMain(Dt.main_params.size()),
      DExtra(Dt.extra_params.size());
  for (auto _ : State) {
    benchmark::DoNotOptimize(
        adbenchGradient(Dt, S, DS, DMain.data(), DExtra.data()));
    benchmark::ClobberMemory();
  }
}

/// Before timing anything: the two gradients agree, of the example's
/// objective and of ADBench's.
bool sameGradients() {
  LstmData &Dt = data();
  std::vector<double> M1(Dt.main_params.size()), E1(Dt.extra_params.size()),
      M2(M1.size()), E2(E1.size());
  double F1 = lstm_objective_grad(Dt.l, Dt.c, Dt.b, Dt.main_params.data(),
                                  Dt.extra_params.data(), Dt.state.data(),
                                  Dt.sequence.data(), M1.data(), E1.data());
  double F2 = hand::lstm_objective(Dt.l, Dt.c, Dt.b, Dt.main_params.data(),
                                   Dt.extra_params.data(), Dt.state.data(),
                                   Dt.sequence.data(), M2.data(), E2.data());
  auto Close = [](double A, double B) {
    return std::fabs(A - B) <= 1e-9 * std::fmax(1, std::fabs(B));
  };
  std::vector<double> S, DS, M3(M1.size()), E3(E1.size());
  double F3 = adbenchGradient(Dt, S, DS, M3.data(), E3.data());
  bool Ok = Close(F1, F2) && Close(F1, Dt.objective()) && Close(F3, F2) &&
            Close(adbenchObjective(Dt, S), F2);
  for (size_t I = 0; I < M1.size(); ++I)
    Ok &= Close(M1[I], M2[I]) && Close(M3[I], M2[I]);
  for (size_t I = 0; I < E1.size(); ++I)
    Ok &= Close(E1[I], E2[I]) && Close(E3[I], E2[I]);
  return Ok;
}

} // namespace

BENCHMARK(lstmPrimal)->Name("lstm/primal")->Unit(benchmark::kMicrosecond);
BENCHMARK(lstmGradc)->Name("lstm/gradc")->Unit(benchmark::kMicrosecond);
BENCHMARK(lstmHand)->Name("lstm/hand")->Unit(benchmark::kMicrosecond);
BENCHMARK(adbenchPrimal)
    ->Name("lstm/adbench/primal")
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(adbenchGradc)
    ->Name("lstm/adbench/gradc")
    ->Unit(benchmark::kMicrosecond);

int main(int argc, char **argv) {
  if (!sameGradients()) {
    std::fprintf(stderr, "bench-lstm: a gradient of gradc's and the "
                         "hand-written one differ\n");
    return 1;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  return 0;
}
