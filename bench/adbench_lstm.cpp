// ADBench's LSTM objective as ADBench writes it (lstm_objective of its C++
// tools, as held in test/lit/calls/lstm_adbench_shape.cpp): `lstm_predict`
// moving a pointer `xp` from its output into the state, the gates as
// pointers into one std::vector, the state updated in place, the loss
// written to `*loss`. bench-lstm times gradc's pullback of it beside the
// example's rewritten form; in a namespace, apart from the example's.
#include <cmath>
#include <gradc/gradc.h>
#include <vector>

namespace adbench {
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
    outgate[i] =
        sigmoid(input[i] * weight[2 * hsize + i] + bias[2 * hsize + i]);
    change[i] =
        std::tanh(hidden[i] * weight[3 * hsize + i] + bias[3 * hsize + i]);
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
} // namespace adbench
