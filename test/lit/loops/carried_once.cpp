// A variable a loop carries from one iteration to the next (`c = tanh(c *
// w[i] + 0.91)`), whose old value and new value the backward sweep both
// needs, is kept on one tape: the old value of iteration i + 1 is the new
// value of iteration i. The old values are pushed as the loop runs and the
// last new value once after it; the reversed loop pops that into `c_new`,
// and each reversed iteration reads its new value from `c_new` and leaves
// its old one there for the iteration before.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function chain --check --at 'w=[0.3,-0.7,1.1,0.4],n=4' | FileCheck %s --check-prefix=CHECK-FD
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
// CHECK-FD: ok: all 4 entries agree with finite differences
#include <gradc/gradc.h>

#include <cmath>

GRADC_DIFF("grad wrt(w)")
double chain(const double *w, int n) {
  double c = 0.5, s = 0;
  for (int i = 0; i < n; ++i) {
    c = std::tanh(c * w[i] + 0.91);
    s += c;
  }
  return s;
}
// TEXT-LABEL: inline double chain_pullback(
// TEXT:         gradc::tape<double> c_tape;
// TEXT-NOT:     tanh_tape
// TEXT:         for (int i = 0; i < n; ++i) {
// TEXT-NEXT:      c_tape.push_reserved(c);
// TEXT-NEXT:      c = std::tanh(c * w[i] + 0.91);
// TEXT-NEXT:      s += c;
// TEXT-NEXT:    }
// TEXT-NEXT:    c_tape.push(c);
// TEXT:         // carried_once.cpp:25: for (int i = 0; i < n; ++i)
// TEXT-NEXT:    double c_new = c_tape.pop();
// TEXT-NEXT:    for (int i = n - 1; i >= 0; --i) {
// TEXT:           double tanh_v = c_new;
// TEXT-NEXT:      double prod = (1 - tanh_v * tanh_v) * dc;
// TEXT-NEXT:      double c_old = c_tape.pop();
// TEXT-NEXT:      c_new = c_old;
// TEXT-NEXT:      dw[i] += c_old * prod;
// TEXT-LABEL: inline double chain_grad(

/// The old value read after the new one is computed: the same tape.
GRADC_DIFF("grad wrt(w)")
double both(const double *w, int n) {
  double c = 0.25, s = 0;
  for (int i = 0; i < n; ++i) {
    double old = c;
    c = std::exp(-c * w[i]);
    s += old * c + std::sin(c);
  }
  return s + c;
}
// TEXT-LABEL: inline double both_pullback(
// TEXT-NOT:     exp_tape
// TEXT:           double exp_v = c_new;
// TEXT-NEXT:      double old = c_tape.pop();
// TEXT-NEXT:      c_new = old;
// TEXT-LABEL: inline double both_grad(

/// A while loop, inside the loop over j: one push of c after each run of
/// the inner loop, popped before its reversed run.
GRADC_DIFF("grad wrt(w)")
double nested(const double *w, int n) {
  double c = 1, s = 0;
  for (int j = 0; j < n; ++j) {
    int k = j;
    while (k < n) {
      c = std::sin(c * w[k] + w[j]);
      s += c * c;
      ++k;
    }
    c = 0.5 * c + w[j];
  }
  return s + c;
}
// TEXT-LABEL: inline double nested_pullback(
// TEXT-NOT:     sin_tape
// TEXT:             c_tape.push(c);
// TEXT:             ++k;
// TEXT-NEXT:      }
// TEXT-NEXT:      c_tape.push(c);
// TEXT-LABEL: inline double nested_grad(

/// In a branch, the old value read three times.
GRADC_DIFF("grad wrt(w)")
double branch(const double *w, int n, int m) {
  double c = w[0], s = 0;
  if (m > 0 && n > 0)
    for (int i = 0; i < m; ++i) {
      c = std::log(1 + c * c * w[i] * w[i] + c);
      s += c * c;
    }
  return s * c;
}
// TEXT-LABEL: inline double branch_pullback(
// TEXT-NOT:     log_tape
// TEXT:           double c_new = c_tape.pop();
// TEXT-LABEL: inline double branch_grad(

/// A loop that breaks keeps its two tapes (an iteration that breaks before
/// the store does not store).
GRADC_DIFF("grad wrt(w)")
double breaks(const double *w, int n) {
  double c = 0.5, s = 0;
  for (int i = 0; i < n; ++i) {
    if (w[i] > 2)
      break;
    c = std::tanh(c * w[i] + 0.91);
    s += c;
  }
  return s;
}

// TEXT-LABEL: inline double breaks_pullback(
// TEXT:         gradc::tape<double> tanh_tape;

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

static void checkBranch(gradc_check::Vec W, int N, int M) {
  gradc_check::check_arrays(
      "branch", {{"w", W}}, {{"n", {double(N)}}, {"m", {double(M)}}},
      [&](const Arrays &p) { return branch(p[0].data(), N, M); },
      [&](const Arrays &p, Arrays &d) {
        return branch_grad(p[0].data(), N, M, d[0].data());
      },
      [&](const Arrays &p, double s, Arrays &d) {
        branch_pullback(p[0].data(), N, M, s, d[0].data());
      });
}

int main() {
  const gradc_check::Vec W = {0.3, -0.7, 1.1, 0.4};
  gradc_check::check_pointer("chain", "w", "n", chain, chain_grad, chain_pullback, W, 4);
  gradc_check::check_pointer("chain", "w", "n", chain, chain_grad, chain_pullback, {0.3}, 1);
  gradc_check::check_pointer("chain", "w", "n", chain, chain_grad, chain_pullback, {0.3}, 0);
  gradc_check::check_pointer("both", "w", "n", both, both_grad, both_pullback, W, 4);
  gradc_check::check_pointer("both", "w", "n", both, both_grad, both_pullback, W, 0);
  gradc_check::check_pointer("nested", "w", "n", nested, nested_grad, nested_pullback, W, 4);
  gradc_check::check_pointer("nested", "w", "n", nested, nested_grad, nested_pullback, {0.3, 0.8}, 2);
  checkBranch(W, 4, 4);
  checkBranch(W, 4, 0);
  gradc_check::check_pointer("breaks", "w", "n", breaks, breaks_grad, breaks_pullback, {0.3, -0.7, 2.5, 0.4},
          4);
  gradc_check::check_pointer("breaks", "w", "n", breaks, breaks_grad, breaks_pullback, W, 4);
  return gradc_check::finish();
}
#endif
