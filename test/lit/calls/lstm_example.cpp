// examples/lstm.cpp, ADBench's two-layer LSTM objective (lstm_model,
// lstm_predict and the objective, through std::vector locals and pointers
// into them), held to finite differences and to gradc's interpreter at two
// layers of two units over three characters. The loop over characters
// carries the state, and its backward sweep runs after it: lstm_predict and
// lstm_model (which call sigmoid and tanh) are written inline there, their
// values taped once rather than computed again by pullbacks of their own.
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: %gradc %src_root/examples/lstm.cpp -o %t.dir/lstm.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.dir/lstm.grad.h
// RUN: %cxx -Wall -Wextra -Werror -I%t.dir %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %src_root/examples/lstm.cpp < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK:      lstm_objective<double>: at main_params=
// CHECK-NEXT: lstm_objective<double>: f = 0.3764060415864
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 1 checked against the interpreter, 0 mismatches
// TEXT-LABEL: inline void sigmoid_result_pullback(
// TEXT-NOT:     lstm_model_pullback
// TEXT-LABEL: lstm_objective_pullback(int l, int c, int b, const double *main_params,
// TEXT-NOT:     lstm_model_pullback
// TEXT-NOT:     lstm_predict{{.*}}_pullback
// TEXT:         for (int t = 0; t < (c - 1) * b; t += b) {
// TEXT:           std::vector<double> gates(prod_2);
// TEXT:           double tanh_v = std::tanh(cell[i_3]);
// TEXT-NEXT:      tanh_tape_3.push_reserved(tanh_v);
// TEXT:         double dtotal = -(dout / conv);
// TEXT:         // lstm.cpp:49 (in lstm_model): hidden[i] = outgate[i] *
// TEXT-LABEL: inline double lstm_objective_grad(
// TEXT:         return lstm_objective_pullback(l, c, b, main_params, extra_params, state0,
// TEXT-NEXT:                                   sequence, 1, dmain_params, dextra_params);
#define LSTM_NO_MAIN
#include "../../../examples/lstm.cpp"

#ifndef __GRADC__
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  const std::vector<double> State = {0.1, -0.2, 0.3, 0.4, -0.1, 0.2, 0.5, -0.3};
  const std::vector<double> Seq = {1, 0, 0, 1, 1, 0};
  gradc_check::check_arrays(
      "lstm_objective<double>",
      {{"main_params",
        {0.1, -0.2, 0.3,  0.4, -0.5, 0.6, 0.7,  -0.8, 0.2, 0.1,  -0.3,
         0.5, 0.9,  -0.1, 0.4, 0.3,  0.6, -0.7, 0.2,  0.1, -0.4, 0.3,
         0.8, -0.2, 0.5,  0.1, -0.6, 0.2, 0.3,  -0.1, 0.7, 0.4}},
       {"extra_params", {0.5, -0.3, 0.8, 0.2, 0.1, -0.4}}},
      {{"l", {2}},
       {"c", {3}},
       {"b", {2}},
       {"state0", State},
       {"sequence", Seq}},
      [&](const Arrays &p) {
        return lstm_objective(2, 3, 2, p[0].data(), p[1].data(), State.data(),
                              Seq.data());
      },
      [&](const Arrays &p, Arrays &d) {
        return lstm_objective_grad(2, 3, 2, p[0].data(), p[1].data(),
                                   State.data(), Seq.data(), d[0].data(),
                                   d[1].data());
      },
      [&](const Arrays &p, double s, Arrays &d) {
        lstm_objective_pullback(2, 3, 2, p[0].data(), p[1].data(), State.data(),
                                Seq.data(), s, d[0].data(), d[1].data());
      });
  return gradc_check::finish();
}
#endif
