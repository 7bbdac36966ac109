// ADBench's LSTM objective as ADBench writes it: `lstm_predict` scales the
// input into the output array `x2`, then a pointer `xp` that starts at x2
// moves into the state (`xp = &(s[i])`) after each layer has read through
// it, and `lstm_model` takes its gates as pointers into one std::vector.
// gradc learns every array a pointer variable is assigned before its first
// use, so `xp` may point into `x2` or `s` from the start (`xp_which`), as
// after `p = c ? a : b`. Held to finite differences and to gradc's
// interpreter at two layers of two units over three characters; the state
// is an output too (its seed is 0 here).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 1 checked against the interpreter, 0 mismatches
// TEXT-LABEL: inline void lstm_objective_pullback(
// TEXT:           int xp_which = 0;
// TEXT:             xp_which = 1;
#include <gradc/gradc.h>
#include <cmath>
#include <vector>

template <typename T> T sigmoid(T x) { return 1.0 / (1.0 + std::exp(-x)); }

template <typename T> T logsumexp(const T *const vect, int sz) {
  T vect_max = vect[0];
  for (int i = 1; i < sz; i++)
    if (vect[i] > vect_max)
      vect_max = vect[i];
  T lse = 0;
  for (int i = 0; i < sz; i++)
    lse += std::exp(vect[i] - vect_max);
  return std::log(lse) + vect_max;
}

template <typename T>
void lstm_model(int hsize, const T *const weight, const T *const bias,
                T *hidden, T *cell, const T *const input) {
  std::vector<T> gates(4 * hsize);
  T *forget = &(gates[0]);
  T *ingate = &(gates[hsize]);
  T *outgate = &(gates[2 * hsize]);
  T *change = &(gates[3 * hsize]);
  for (int i = 0; i < hsize; i++) {
    forget[i] = sigmoid(input[i] * weight[i] + bias[i]);
    ingate[i] = sigmoid(hidden[i] * weight[hsize + i] + bias[hsize + i]);
    outgate[i] = sigmoid(input[i] * weight[2 * hsize + i] + bias[2 * hsize + i]);
    change[i] = std::tanh(hidden[i] * weight[3 * hsize + i] + bias[3 * hsize + i]);
  }
  for (int i = 0; i < hsize; i++)
    cell[i] = cell[i] * forget[i] + ingate[i] * change[i];
  for (int i = 0; i < hsize; i++)
    hidden[i] = outgate[i] * std::tanh(cell[i]);
}

template <typename T>
void lstm_predict(int l, int b, const T *const w, const T *const w2, T *s,
                  const T *const x, T *x2) {
  for (int i = 0; i < b; i++)
    x2[i] = x[i] * w2[i];
  T *xp = x2;
  for (int i = 0; i <= 2 * l * b - 1; i += 2 * b) {
    lstm_model(b, &(w[i * 4]), &(w[(i + b) * 4]), &(s[i]), &(s[i + b]), xp);
    xp = &(s[i]);
  }
  for (int i = 0; i < b; i++)
    x2[i] = xp[i] * w2[b + i] + w2[2 * b + i];
}

GRADC_DIFF("grad wrt(main_params, extra_params)")
void lstm_objective(int l, int c, int b, const double *const main_params,
                    const double *const extra_params, double *state,
                    const double *const sequence, double *loss) {
  double total = 0.0;
  int count = 0;
  const double *input = &(sequence[0]);
  std::vector<double> ypred(b), ynorm(b);
  for (int t = 0; t <= (c - 1) * b - 1; t += b) {
    lstm_predict(l, b, main_params, extra_params, state, input, ypred.data());
    double lse = logsumexp(ypred.data(), b);
    for (int i = 0; i < b; i++)
      ynorm[i] = ypred[i] - lse;
    const double *ygold = &(sequence[t + b]);
    for (int i = 0; i < b; i++)
      total += ygold[i] * ynorm[i];
    count += b;
    input = ygold;
  }
  *loss = -total / count;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  const std::vector<double> State = {0.1, -0.2, 0.3, 0.4, -0.1, 0.2, 0.5, -0.3};
  const std::vector<double> Seq = {1, 0, 0, 1, 1, 0};
  gradc_check::check_arrays(
      "lstm_objective",
      {{"main_params",
        {0.1, -0.2, 0.3,  0.4, -0.5, 0.6, 0.7,  -0.8, 0.2, 0.1,  -0.3,
         0.5, 0.9,  -0.1, 0.4, 0.3,  0.6, -0.7, 0.2,  0.1, -0.4, 0.3,
         0.8, -0.2, 0.5,  0.1, -0.6, 0.2, 0.3,  -0.1, 0.7, 0.4}},
       {"extra_params", {0.5, -0.3, 0.8, 0.2, 0.1, -0.4}}},
      {{"l", {2}},
       {"c", {3}},
       {"b", {2}},
       {"state", State},
       {"sequence", Seq},
       {"loss", {0}},
       {"dstate", std::vector<double>(8, 0.0)},
       {"dloss", {1}}},
      [&](const Arrays &p) {
        std::vector<double> S = State;
        double Loss = 0;
        lstm_objective(2, 3, 2, p[0].data(), p[1].data(), S.data(), Seq.data(),
                       &Loss);
        return Loss;
      },
      [&](const Arrays &p, Arrays &d) {
        std::vector<double> S = State, DS(8, 0.0);
        double Loss = 0, DLoss = 1;
        lstm_objective_pullback(2, 3, 2, p[0].data(), p[1].data(), S.data(),
                                Seq.data(), &Loss, DS.data(), &DLoss,
                                d[0].data(), d[1].data());
        return Loss;
      },
      [&](const Arrays &p, double s, Arrays &d) {
        std::vector<double> S = State, DS(8, 0.0);
        double Loss = 0;
        lstm_objective_pullback(2, 3, 2, p[0].data(), p[1].data(), S.data(),
                                Seq.data(), &Loss, DS.data(), &s, d[0].data(),
                                d[1].data());
      });
  return gradc_check::finish();
}
#endif
