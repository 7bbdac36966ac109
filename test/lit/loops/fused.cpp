// A loop whose iterations are independent runs each iteration's backward
// sweep at the end of that iteration, in one loop, as a hand-written
// gradient does: it reads the iteration's values where they are, with no
// tape and nothing computed twice, and helpers called there are written
// inline. Independent: no iteration reads or writes what another writes,
// except sums (`s += ...`) and scalars each iteration first overwrites; and
// nothing after the loop but the return gives it adjoints. Loops that are
// not so run backward on their own, after the forward sweep.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function residuals --at 'w=[0.5,-0.25],x=[1,2,3],y=[0.4,0.1,0.9],n=3,r=[0,0,0],dr=[1,2,3]' -o - | FileCheck %s --check-prefix=AT
// RUN: %gradc %s --function wrapped --check --at 'w=[0.5,-1.2,2,0.7],n=4' | FileCheck %s --check-prefix=WRAP
// WRAP: ok: all 4 entries agree with finite differences
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 12 checked against the interpreter, 0 mismatches
// AT: residuals(w = [0.5, -0.25]
// AT: param w[0]
#include <gradc/gradc.h>

#include <cmath>

// A residual per point, written by a helper that calls exp.
static void model(const double *w, double x, double *out) {
  *out = w[0] * std::exp(w[1] * x);
}

GRADC_DIFF("grad wrt(w) out(r)")
void residuals(const double *w, const double *x, const double *y, int n,
               double *r) {
  for (int i = 0; i < n; ++i) {
    double m;
    model(w, x[i], &m);
    r[i] = m - y[i];
  }
}
// TEXT-LABEL: inline void residuals_pullback(
// TEXT-NOT:     tape
// TEXT-NOT:     model
// TEXT:         for (int i = 0; i < n; ++i) {
// TEXT-NEXT:      double exp_v = std::exp(w[1] * x[i]);
// TEXT-NEXT:      double m = w[0] * exp_v;
// TEXT-NEXT:      r[i] = m - y[i];
// TEXT-EMPTY:
// TEXT-NEXT:      // fused.cpp:{{[0-9]+}}: r[i] = m - y[i];
// TEXT:           // fused.cpp:{{[0-9]+}} (in model): *out = w[0] * std::exp(w[1] * x);
// TEXT-NOT:       std::exp
// TEXT:         }
// TEXT-NOT:     for (

// Two outputs per iteration, at 2 * i and 2 * i + 1, and a scalar each
// iteration overwrites first.
GRADC_DIFF("grad wrt(a, b) out(E)")
void pairs(const double *a, double b, int n, double *E) {
  double t;
  for (int i = 0; i < n; ++i) {
    t = a[i] * b;
    E[2 * i] = std::sin(t);
    E[2 * i + 1] = t * t;
  }
}
// TEXT-LABEL: inline void pairs_pullback(
// TEXT-NOT:     tape
// TEXT:         for (int i = 0; i < n; ++i) {
// TEXT:           // fused.cpp:{{[0-9]+}}: E[2 * i] = std::sin(t);
// TEXT-NEXT:      dt += 2 * t * dE[2 * i + 1] + std::cos(t) * dE[2 * i];
// TEXT-NOT:     for (int i = n - 1

// An inner loop that may stop early: its count is read where it is.
GRADC_DIFF("grad wrt(W, x)")
double row_prefix(const double *W, const double *x, int n) {
  double s = 0;
  for (int r = 0; r < n; ++r)
    for (int c = 0; c < n; ++c) {
      if (W[r * n + c] < 0)
        break;
      s += W[r * n + c] * x[c];
    }
  return s;
}
// TEXT-LABEL: inline double row_prefix_pullback(
// TEXT-NOT:     tape
// TEXT:         for (int r = 0; r < n; ++r) {
// TEXT:           for (int c = iters - 1; c >= 0; --c) {
// TEXT-LABEL: inline double row_prefix_grad(

// A scalar output by reference, zeroed first and summed into.
GRADC_DIFF("grad wrt(w)")
void energy(const double *w, int n, double &e) {
  e = 0;
  for (int i = 0; i < n; ++i)
    e += std::cos(w[i]) * w[i];
}
// TEXT-LABEL: inline void energy_pullback(
// TEXT-NOT:     tape
// TEXT:         for (int i = 0; i < n; ++i) {
// TEXT-NEXT:      double cos_v = std::cos(w[i]);
// TEXT-NEXT:      e += cos_v * w[i];
// TEXT-EMPTY:
// TEXT-NEXT:      // fused.cpp:{{[0-9]+}}: e += std::cos(w[i]) * w[i];
// TEXT-NEXT:      dw[i] += cos_v * de - std::sin(w[i]) * (w[i] * de);
// TEXT-NEXT:    }
// TEXT-LABEL: inline void energy_grad(

// After the loop, a sum with what does not depend on it: that is computed
// before the loop, whose backward sweep needs only -dout for s.
static double sqsum(const double *a, int k) {
  double t = 0;
  for (int j = 0; j < k; ++j)
    t += a[j] * a[j];
  return t;
}

GRADC_DIFF("grad wrt(w)")
double objective(const double *w, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += std::exp(w[i]) * w[i];
  return 0.5 * n - s + n * sqsum(w, 2);
}
// TEXT-LABEL: inline double objective_pullback(
// TEXT-NOT:     tape
// TEXT:         double sqsum_w = sqsum(w, 2);
// TEXT:         double ds = -dout;
// TEXT-NEXT:    for (int i = 0; i < n; ++i) {
// TEXT-NOT:     for (
// TEXT:         double objective = 0.5 * n - s + n * sqsum_w;
// TEXT-LABEL: inline double objective_grad(

// A mean: the sum divided by what is known before the loop.
GRADC_DIFF("grad wrt(w)")
double mean_square(const double *w, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += w[i] * w[i];
  return -s / n;
}
// TEXT-LABEL: inline double mean_square_pullback(
// TEXT:         double ds = -(dout / n);
// TEXT-NEXT:    for (int i = 0; i < n; ++i) {
// TEXT-LABEL: inline double mean_square_grad(

// Not independent, each for its own reason: these run backward on their own.
// What follows reads the scalar each iteration overwrites: the last
// iteration's (found by an adversarial tester: fused, the first iteration
// took its adjoint).
GRADC_DIFF("grad wrt(w)")
double last_sine(const double *w, int n) {
  double s = 0, t = 0;
  for (int i = 0; i < n; ++i) {
    t = std::sin(w[i]);
    s += t * w[i];
  }
  return s + t;
}
// TEXT-LABEL: inline double last_sine_pullback(
// TEXT:         for (int i = n - 1; i >= 0; --i) {
// TEXT-LABEL: inline double last_sine_grad(

// An index that a narrowing conversion wraps: every iteration writes r[0].
GRADC_DIFF("grad wrt(w)")
double wrapped(const double *w, int n) {
  double r[4] = {0, 0, 0, 0};
  double s = 0;
  for (int i = 0; i < n; ++i) {
    r[(int)(i * 4294967296LL)] = w[i] * w[i];
    s += w[i];
  }
  return s + r[0];
}
// TEXT-LABEL: inline double wrapped_pullback(
// TEXT:         for (int i = n - 1; i >= 0; --i) {
// TEXT-LABEL: inline double wrapped_grad(

// Iteration i reads what iteration i - 1 wrote.
GRADC_DIFF("grad wrt(w)")
double prefix(const double *w, int n) {
  double c[8];
  c[0] = w[0];
  for (int i = 1; i < n; ++i)
    c[i] = c[i - 1] * w[i] + w[i];
  return c[n - 1];
}
// TEXT-LABEL: inline double prefix_pullback(
// TEXT:         for (int i = n - 1; i >= 1; --i) {
// TEXT-LABEL: inline double prefix_grad(

// The return needs the whole sum before any adjoint is known.
GRADC_DIFF("grad wrt(w)")
double lse(const double *w, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += std::exp(w[i]);
  return std::log(s);
}
// TEXT-LABEL: inline double lse_pullback(
// TEXT:         for (int i = n - 1; i >= 0; --i) {
// TEXT-LABEL: inline double lse_grad(

// Every iteration writes the same element.
GRADC_DIFF("grad wrt(w) out(last)")
void last_square(const double *w, int n, double *last) {
  for (int i = 0; i < n; ++i)
    last[0] = w[i] * w[i];
}
// TEXT-LABEL: inline void last_square_pullback(
// TEXT:         for (int i = n - 1; i >= 0; --i) {

// The sum is read, not only added to.
GRADC_DIFF("grad wrt(w)")
double damped(const double *w, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s = 0.5 * s + w[i] * w[i];
  return s;
}
// TEXT-LABEL: inline double damped_pullback(
// TEXT:         for (int i = n - 1; i >= 0; --i) {
// TEXT-LABEL: inline double damped_grad(

// It may stop early.
GRADC_DIFF("grad wrt(w)")
double positives(const double *w, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    if (w[i] < 0)
      break;
    s += w[i] * w[i];
  }
  return s;
}
// TEXT-LABEL: inline double positives_pullback(
// TEXT:         for (int i = iters - 1; i >= 0; --i) {
// TEXT-LABEL: inline double positives_grad(

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;
using gradc_check::Role;

int main() {
  const double X[3] = {1, 2, 3}, Y[3] = {0.4, 0.1, 0.9};
  gradc_check::check_vjp(
      "residuals", true,
      {{"w", {0.5, -0.25}, Role::In}, {"r", {0, 0, 0}, Role::Out}},
      {{"x", {1, 2, 3}}, {"y", {0.4, 0.1, 0.9}}, {"n", {3}}},
      [&](Arrays &p) {
        residuals(p[0].data(), X, Y, 3, p[1].data());
        return 0.0;
      },
      [&](Arrays &p, double, Arrays &d) {
        residuals_pullback(p[0].data(), X, Y, 3, p[1].data(), d[1].data(),
                           d[0].data());
      });
  gradc_check::check_vjp(
      "pairs", true,
      {{"a", {0.5, -1.5, 2}, Role::In},
       {"b", {0.75}, Role::In},
       {"E", {0, 0, 0, 0, 0, 0}, Role::Out}},
      {{"n", {3}}},
      [](Arrays &p) {
        pairs(p[0].data(), p[1][0], 3, p[2].data());
        return 0.0;
      },
      [](Arrays &p, double, Arrays &d) {
        pairs_pullback(p[0].data(), p[1][0], 3, p[2].data(), d[2].data(),
                       d[0].data(), d[1][0]);
      });
  gradc_check::check_arrays(
      "row_prefix", {{"W", {1, 2, -1, 4, 3, -2, 5, 6, 0.5}}, {"x", {2, 3, 4}}},
      {{"n", {3}}},
      [](const Arrays &p) { return row_prefix(p[0].data(), p[1].data(), 3); },
      [](const Arrays &p, Arrays &d) {
        return row_prefix_grad(p[0].data(), p[1].data(), 3, d[0].data(),
                               d[1].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        row_prefix_pullback(p[0].data(), p[1].data(), 3, s, d[0].data(),
                            d[1].data());
      });
  gradc_check::check_arrays(
      "energy", {{"w", {0.5, -1, 2, 0.25}}}, {{"n", {4}}},
      [](const Arrays &p) {
        double e;
        energy(p[0].data(), 4, e);
        return e;
      },
      [](const Arrays &p, Arrays &d) {
        double e;
        energy_grad(p[0].data(), 4, e, d[0].data());
        return e;
      },
      [](const Arrays &p, double s, Arrays &d) {
        double e;
        energy_pullback(p[0].data(), 4, e, s, d[0].data());
      });
  auto Plain = [](const char *Name, double (*F)(const double *, int),
                  double (*G)(const double *, int, double *),
                  double (*Pb)(const double *, int, double, double *)) {
    gradc_check::check_arrays(
        Name, {{"w", {0.5, -1, 2, 0.25}}}, {{"n", {4}}},
        [&](const Arrays &p) { return F(p[0].data(), 4); },
        [&](const Arrays &p, Arrays &d) {
          return G(p[0].data(), 4, d[0].data());
        },
        [&](const Arrays &p, double s, Arrays &d) {
          Pb(p[0].data(), 4, s, d[0].data());
        });
  };
  Plain("objective", objective, objective_grad, objective_pullback);
  Plain("mean_square", mean_square, mean_square_grad, mean_square_pullback);
  Plain("prefix", prefix, prefix_grad, prefix_pullback);
  Plain("last_sine", last_sine, last_sine_grad, last_sine_pullback);
  Plain("lse", lse, lse_grad, lse_pullback);
  Plain("damped", damped, damped_grad, damped_pullback);
  Plain("positives", positives, positives_grad, positives_pullback);
  gradc_check::check_vjp(
      "last_square", true,
      {{"w", {0.5, -1, 2, 0.25}, Role::In}, {"last", {0}, Role::Out}},
      {{"n", {4}}},
      [](Arrays &p) {
        last_square(p[0].data(), 4, p[1].data());
        return 0.0;
      },
      [](Arrays &p, double, Arrays &d) {
        last_square_pullback(p[0].data(), 4, p[1].data(), d[1].data(),
                             d[0].data());
      });
  return gradc_check::finish();
}
#endif
