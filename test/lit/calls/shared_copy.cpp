// Arguments of one call that point into one local array share one copy:
// it is pushed once before the call (not once per argument), and the
// pullback runs on it as the call ran on the array. In a reversed loop the
// vector the copy is popped into is declared once, before the loop. (The
// helper calls no sin, exp, ...: one that does is written inline instead,
// calls/inline_carried_loop.cpp.)
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
  for (int i = 0; i < n; ++i) {
    c[i] = c[i] * w[i] + in[i];
    h[i] = c[i] / (1 + c[i] * c[i]) * w[n + i];
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
// TEXT-LABEL: inline double run_pullback(
// TEXT:         gradc::tape<double> s_tape;
// TEXT-NOT:     gradc::tape
// TEXT:         s_tape.push_array(s.data(), prod);
// TEXT-NEXT:    step(n, w, s.data(), ptr, ptr_2);
// TEXT:         // shared_copy.cpp:35: for (int t = 0; t < steps; ++t)
// TEXT-NEXT:    std::vector<double> s_2(prod);
// TEXT-NEXT:    for (int t = steps - 1; t >= 0; --t) {
// TEXT-NEXT:      // shared_copy.cpp:36: step(n, w, s.data(), s.data() + n, s.data() + 2 * n);
// TEXT-NEXT:      s_tape.pop_array(s_2.data(), prod);
// TEXT-NEXT:      double *ptr = s_2.data() + n;
// TEXT:           step_wrt_w_h_c_in_pullback(n, w, s_2.data(), ptr, ptr_2, dw, ds.data(),
// TEXT-LABEL: inline double run_grad(const double *w, int n, int steps, double *dw) {
// TEXT-NEXT:    return run_pullback(w, n, steps, 1, dw);

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
  return gradc_check::finish();
}
#endif
