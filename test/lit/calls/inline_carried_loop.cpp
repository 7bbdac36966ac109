// A loop that carries a value from one iteration to the next runs its
// backward sweep after it. A void helper it calls that calls sin, exp, ...
// is written inline there: its values are taped as the loop runs, and the
// backward sweep reads them, rather than a pullback of the helper running
// the helper again (twice, with the helper's own forward sweep). A vector
// the helper declares is sized at the function's top level (`prod`) when
// its size can be computed there; otherwise the call stays a call.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
#include <gradc/gradc.h>

#include <cmath>
#include <vector>

/// One step of a small recurrent cell: h and c change, in is read.
static void step(int n, const double *w, double *h, double *c,
                 const double *in) {
  std::vector<double> gate(2 * n);
  for (int i = 0; i < n; ++i) {
    gate[i] = std::tanh(in[i] * w[i]);
    gate[n + i] = 1 / (1 + std::exp(-h[i]));
  }
  for (int i = 0; i < n; ++i) {
    c[i] = c[i] * gate[n + i] + gate[i];
    h[i] = std::tanh(c[i]) * w[n + i];
  }
}

/// h, c and the input live in one vector, as an LSTM's state does.
GRADC_DIFF("grad wrt(w)")
double run(const double *w, int n, int steps) {
  std::vector<double> s(3 * n);
  for (int i = 0; i < n; ++i)
    s[2 * n + i] = 0.5 * i - 0.3;
  for (int t = 0; t < steps; ++t)
    step(n, w, s.data(), s.data() + n, s.data() + 2 * n);
  double total = 0;
  for (int i = 0; i < 2 * n; ++i)
    total += s[i];
  return total;
}
// TEXT-NOT:     step{{.*}}_pullback
// TEXT-LABEL: inline double run_pullback(
// TEXT-NOT:     {{[^a-z_]step(_[a-z_]*)?\(}}
// TEXT:         int prod_2 = 2 * n;
// TEXT:         for (int t = 0; t < steps; ++t) {
// TEXT-NEXT:      double *c = s.data() + n;
// TEXT-NEXT:      double *in = s.data() + 2 * n;
// TEXT-NEXT:      std::vector<double> gate(prod_2);
// TEXT:           double tanh_v = std::tanh(in_old * w[i_2]);
// TEXT-NEXT:      tanh_tape{{_*[0-9]*}}.push_reserved(tanh_v);
// TEXT:         // inline_carried_loop.cpp:31 (in step): h[i] = std::tanh(c[i]) * w[n +
// TEXT-NOT:     {{[^a-z_]step(_[a-z_]*)?\(}}
// TEXT-LABEL: inline double run_grad(

/// The helper's vector is as long as a number the loop reads: it cannot
/// be sized before the loop, and the call stays a call.
static void grow(int m, double *h) {
  std::vector<double> tmp(m);
  for (int i = 0; i < m; ++i)
    tmp[i] = std::sin(h[i]);
  for (int i = 0; i < m; ++i)
    h[i] += tmp[i] * tmp[i];
}

GRADC_DIFF("grad wrt(x)")
double sized_in_loop(const double *x, const int *len, int steps) {
  std::vector<double> h(4);
  for (int i = 0; i < 4; ++i)
    h[i] = x[i];
  for (int t = 0; t < steps; ++t)
    grow(len[t], h.data());
  return h[0] + 2 * h[1] + 3 * h[2] + 4 * h[3];
}
// TEXT-LABEL: inline double sized_in_loop_pullback(
// TEXT:         grow(len[t], h.data());
// TEXT:         grow_pullback(len[t], h_2.data(), dh.data());

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

int main() {
  for (int Steps : {0, 1, 3}) {
    gradc_check::check_arrays(
        "run", {{"w", {0.9, 0.7, -0.5, 1.1, 0.3, -0.8}}},
        {{"n", {3}}, {"steps", {double(Steps)}}},
        [&](const Arrays &p) { return run(p[0].data(), 3, Steps); },
        [&](const Arrays &p, Arrays &d) {
          return run_grad(p[0].data(), 3, Steps, d[0].data());
        },
        [&](const Arrays &p, double s, Arrays &d) {
          run_pullback(p[0].data(), 3, Steps, s, d[0].data());
        });
  }
  const int Len[3] = {4, 2, 3};
  gradc_check::check_arrays(
      "sized_in_loop", {{"x", {0.4, -0.2, 0.9, 0.1}}},
      {{"len", {4, 2, 3}}, {"steps", {3}}},
      [&](const Arrays &p) { return sized_in_loop(p[0].data(), Len, 3); },
      [&](const Arrays &p, Arrays &d) {
        return sized_in_loop_grad(p[0].data(), Len, 3, d[0].data());
      },
      [&](const Arrays &p, double s, Arrays &d) {
        sized_in_loop_pullback(p[0].data(), Len, 3, s, d[0].data());
      });
  return gradc_check::finish();
}
#endif
