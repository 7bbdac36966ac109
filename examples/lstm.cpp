// A two-layer LSTM over a character sequence, after ADBench's LSTM
// objective (lstm_l2_c1024): diagonal weights, so the hidden size is the
// input size b; sigmoid and tanh gates; each step predicts the next
// character, and the objective is the average negative log-likelihood of
// the characters under the softmax of the predictions.
//
// main_params holds, for each of the l layers, 4b weights then 4b biases
// (forget, input, output gates and the candidate cell); extra_params the
// input scaling, the output scaling and the output bias (b each); state
// the hidden values and cells of the layers (2b per layer); sequence c
// one-hot characters of b entries.
//
// gradc differentiates it with respect to main_params and extra_params; the
// example checks the gradient against central finite differences.
#include <gradc/gradc.h>

#include <cmath>
#include <cstdio>
#include <vector>

template <typename T> T sigmoid(T x) { return 1 / (1 + std::exp(-x)); }

/// log(sum(exp(v))) over b entries.
template <typename T> T logsumexp(const T *v, int b) {
  T s = 0;
  for (int i = 0; i < b; ++i)
    s += std::exp(v[i]);
  return std::log(s);
}

/// One step of one layer: updates hidden and cell from input.
template <typename T>
void lstm_model(int b, const T *weight, const T *bias, T *hidden, T *cell,
                const T *input) {
  std::vector<T> gates(4 * b);
  T *forget = &gates[0];
  T *ingate = &gates[b];
  T *outgate = &gates[2 * b];
  T *change = &gates[3 * b];
  for (int i = 0; i < b; ++i) {
    forget[i] = sigmoid(input[i] * weight[i] + bias[i]);
    ingate[i] = sigmoid(hidden[i] * weight[b + i] + bias[b + i]);
    outgate[i] = sigmoid(input[i] * weight[2 * b + i] + bias[2 * b + i]);
    change[i] = std::tanh(hidden[i] * weight[3 * b + i] + bias[3 * b + i]);
  }
  for (int i = 0; i < b; ++i)
    cell[i] = cell[i] * forget[i] + ingate[i] * change[i];
  for (int i = 0; i < b; ++i)
    hidden[i] = outgate[i] * std::tanh(cell[i]);
}

/// One time step through the l layers: output from input.
template <typename T>
void lstm_predict(int l, int b, const T *main_params, const T *extra_params,
                  T *state, const T *input, T *output) {
  // The scaled input (gradc refuses output holding it, as it is written
  // again after the layers read it).
  std::vector<T> x(b);
  for (int i = 0; i < b; ++i)
    x[i] = input[i] * extra_params[i];
  // gradc follows the layers' reads and writes of a local array, not of
  // the caller's state: work on a copy.
  std::vector<T> s(2 * l * b);
  for (int i = 0; i < 2 * l * b; ++i)
    s[i] = state[i];
  // Layer 0 reads the scaled input, layer i the hidden values of layer
  // i - 1 (gradc refuses one pointer moving from x into s).
  lstm_model(b, main_params, main_params + 4 * b, s.data(), s.data() + b,
             x.data());
  for (int i = 1; i < l; ++i)
    lstm_model(b, main_params + 8 * b * i, main_params + 8 * b * i + 4 * b,
               s.data() + 2 * b * i, s.data() + 2 * b * i + b,
               s.data() + 2 * b * (i - 1));
  for (int i = 0; i < 2 * l * b; ++i)
    state[i] = s[i];
  for (int i = 0; i < b; ++i)
    output[i] =
        s[2 * b * (l - 1) + i] * extra_params[b + i] + extra_params[2 * b + i];
}

template <typename T>
GRADC_DIFF("grad wrt(main_params, extra_params)")
T lstm_objective(int l, int c, int b, const T *main_params,
                 const T *extra_params, const T *state0, const T *sequence) {
  std::vector<T> state(2 * l * b);
  for (int i = 0; i < 2 * l * b; ++i)
    state[i] = state0[i];
  std::vector<T> ypred(b);
  T total = 0;
  int count = 0;
  const T *input = sequence;
  for (int t = 0; t < (c - 1) * b; t += b) {
    lstm_predict(l, b, main_params, extra_params, state.data(), input,
                 ypred.data());
    T lse = logsumexp(ypred.data(), b);
    const T *goal = sequence + t + b;
    for (int i = 0; i < b; ++i)
      total += goal[i] * (ypred[i] - lse);
    count += b;
    input = goal;
  }
  return -total / count;
}

template double lstm_objective<double>(int, int, int, const double *,
                                       const double *, const double *,
                                       const double *);

#ifndef __GRADC__
#include "lstm.grad.h"

/// Deterministic data in [-1, 1).
struct Lcg {
  unsigned long long S = 12345;
  double next() {
    S = S * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(S >> 11) / 9007199254740992.0 * 2 - 1;
  }
};

/// Parameters, state and a one-hot sequence of c characters of b entries.
struct LstmData {
  int l, c, b;
  std::vector<double> main_params, extra_params, state, sequence;
  LstmData(int l, int c, int b)
      : l(l), c(c), b(b), main_params(8 * l * b), extra_params(3 * b),
        state(2 * l * b), sequence(c * b) {
    Lcg R;
    for (double &V : main_params)
      V = R.next();
    for (double &V : extra_params)
      V = R.next();
    for (double &V : state)
      V = R.next();
    for (int t = 0; t < c; ++t)
      sequence[t * b + static_cast<int>((R.next() + 1) / 2 * b) % b] = 1;
  }
  double objective() const {
    return lstm_objective(l, c, b, main_params.data(), extra_params.data(),
                          state.data(), sequence.data());
  }
};

#ifndef LSTM_NO_MAIN
int main() {
  LstmData D(2, 6, 3);
  std::vector<double> dmain(D.main_params.size()),
      dextra(D.extra_params.size());
  double loss = lstm_objective_grad(
      D.l, D.c, D.b, D.main_params.data(), D.extra_params.data(),
      D.state.data(), D.sequence.data(), dmain.data(), dextra.data());
  std::printf("LSTM, l = %d, c = %d, b = %d: loss = %.12f\n", D.l, D.c, D.b,
              loss);
  // Central finite differences, parameter by parameter.
  int failures = 0;
  double worst = 0;
  auto Check = [&](const char *Name, std::vector<double> &P,
                   const std::vector<double> &G) {
    for (size_t I = 0; I < P.size(); ++I) {
      double Saved = P[I], H = 1e-6;
      P[I] = Saved + H;
      double Up = D.objective();
      P[I] = Saved - H;
      double Down = D.objective();
      P[I] = Saved;
      double Fd = (Up - Down) / (2 * H);
      double Err = std::fabs(Fd - G[I]) / std::fmax(1, std::fabs(Fd));
      worst = std::fmax(worst, Err);
      if (Err > 1e-6) {
        std::printf("  d%s[%zu] = %.10f, finite difference %.10f WRONG\n", Name,
                    I, G[I], Fd);
        ++failures;
      }
    }
  };
  Check("main_params", D.main_params, dmain);
  Check("extra_params", D.extra_params, dextra);
  std::printf("%zu partial derivatives against finite differences: largest "
              "relative difference %.1e %s\n",
              dmain.size() + dextra.size(), worst, failures ? "FAILED" : "ok");
  return failures != 0;
}
#endif
#endif
