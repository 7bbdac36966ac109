// Memory as C++ has it: parameters read and written (in/out), outputs
// written any number of times, in branches and loops, and read back. Each
// gradient is a vector-Jacobian product checked against finite differences
// of the seeded sum, and against the interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 15 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

// Updated in place, then read: da is the seed of a's final contents on
// entry, the gradient with respect to a as it came in on exit.
GRADC_DIFF("grad wrt(a)")
double smooth(double *a, int n, int steps) {
  for (int s = 0; s < steps; ++s)
    for (int i = 1; i < n; ++i)
      a[i] = 0.5 * (a[i] + a[i - 1] * a[i - 1]);
  double t = 0;
  for (int i = 0; i < n; ++i)
    t += a[i];
  return t;
}
// TEXT-LABEL: inline double smooth_pullback(double *a, int n, int steps, double dout,
// TEXT-NEXT:                               double *da) {
// TEXT:         double da_old = da[i];
// TEXT:         da[i] = prod;
// TEXT-LABEL: inline double smooth_grad(double *a, int n, int steps, double *da) {
// TEXT-NEXT:    return smooth_pullback(a, n, steps, 1, da);

// A void function's output that it reads first is in/out by default.
GRADC_DIFF("grad")
void normalize(double *v, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += v[i] * v[i];
  double r = std::sqrt(s);
  for (int i = 0; i < n; ++i)
    v[i] = v[i] / r;
}
// TEXT-LABEL: inline void normalize_pullback(double *v, int n, double *dv) {

GRADC_DIFF("grad")
void heat(double *u, int n, int steps, double k) {
  for (int s = 0; s < steps; ++s) {
    double prev = u[0];
    for (int i = 1; i < n - 1; ++i) {
      double cur = u[i];
      u[i] = cur + k * (prev - 2 * cur + u[i + 1]);
      prev = cur;
    }
  }
}
// TEXT-LABEL: inline void heat_pullback(double *u, int n, int steps, double k, double *du,
// TEXT-NEXT:                            double &dk) {

// Zeroed, then accumulated into: an output, whose seed is only read.
GRADC_DIFF("out(g)")
void matvec_t(const double *A, const double *r, int m, int n, double *g) {
  for (int j = 0; j < n; ++j)
    g[j] = 0;
  for (int i = 0; i < m; ++i)
    for (int j = 0; j < n; ++j)
      g[j] += A[i * n + j] * r[i];
}
// TEXT-LABEL: inline void matvec_t_pullback(const double *A, const double *r, int m, int n,
// TEXT-NEXT:                                double *g, const double *dg, double *dA,
// TEXT-NEXT:                                double *dr) {
// TEXT-NOT:     dg[j] =
// TEXT:         dA[sum] += r[i] * dg[j];

GRADC_DIFF("out(y)")
void relu_out(double x, double &y) {
  if (x > 0)
    y = x;
  else
    y = 0.01 * x;
}
// TEXT-LABEL: inline void relu_out_pullback(double x, double &y, double dy, double &dx) {
// TEXT:           dx += dy;
// TEXT:           dx += 0.01 * dy;

GRADC_DIFF("grad wrt(w) out(loss)")
void accumulate(const double *w, int n, double &loss) {
  loss = 0;
  for (int i = 0; i < n; ++i)
    loss += w[i] * w[i];
}

GRADC_DIFF("grad wrt(x)")
void read_back(double x, double *err) {
  err[0] = x * x;
  err[1] = err[0] + x;
}

// Written again and again: the last write wins.
GRADC_DIFF("grad wrt(w)")
void last_wins(const double *w, int n, double *err) {
  for (int i = 0; i < n; ++i)
    err[0] = w[i] * 2;
}

GRADC_DIFF("grad")
void sum_squares(const double *x, int n, double *err) {
  *err = 0;
  for (int i = 0; i < n; ++i)
    *err = *err + x[i] * x[i];
}

// Squared back in place: the output's seed changes as it goes.
GRADC_DIFF("grad")
void square_twice(double x, double *out) {
  out[0] = x;
  out[0] = out[0] * out[0];
  out[1] = out[0] * out[0];
}

// Scratch memory written before it is read: da of it comes back zero.
GRADC_DIFF("grad")
double scratch(double x, double *tmp) {
  tmp[0] = x * x;
  tmp[1] = tmp[0] + x;
  return tmp[0] * tmp[1];
}

GRADC_DIFF("grad")
void clip(double *g, int n, double c) {
  for (int i = 0; i < n; ++i) {
    if (g[i] > c)
      g[i] = c;
    else if (g[i] < -c)
      g[i] = -c;
  }
}

// Only part of the output is written: the rest passes its seed through.
GRADC_DIFF("grad")
void part(double x, double *out) {
  out[0] = x * x;
  out[0] = out[0] + x;
}

// A parameter passed by value is a local: assigned anywhere.
GRADC_DIFF("grad")
double halve(double x, int n) {
  for (int i = 0; i < n; ++i)
    x = x * 0.5 + 1;
  return x;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  using gradc_check::Role;
  gradc_check::check_vjp(
      "smooth", false, {{"a", {0.5, -0.25, 0.75, 0.1}, Role::InOut}},
      {{"n", {4}}, {"steps", {2}}},
      [](Arrays &p) { return smooth(p[0].data(), 4, 2); },
      [](Arrays &p, double s, Arrays &d) {
        smooth_pullback(p[0].data(), 4, 2, s, d[0].data());
      },
      [](Arrays &p, Arrays &d) {
        return smooth_grad(p[0].data(), 4, 2, d[0].data());
      });
  gradc_check::check_vjp(
      "normalize", true, {{"v", {0.5, -1.25, 2}, Role::InOut}}, {{"n", {3}}},
      [](Arrays &p) {
        normalize(p[0].data(), 3);
        return 0.0;
      },
      [](Arrays &p, double, Arrays &d) {
        normalize_pullback(p[0].data(), 3, d[0].data());
      });
  gradc_check::check_vjp(
      "heat", true,
      {{"u", {1, 0.5, -0.25, 0.75, 0.2}, Role::InOut}, {"k", {0.2}, Role::In}},
      {{"n", {5}}, {"steps", {3}}},
      [](Arrays &p) {
        heat(p[0].data(), 5, 3, p[1][0]);
        return 0.0;
      },
      [](Arrays &p, double, Arrays &d) {
        heat_pullback(p[0].data(), 5, 3, p[1][0], d[0].data(), d[1][0]);
      });
  gradc_check::check_vjp(
      "matvec_t", true,
      {{"A", {1, 2, 3, -1, 0.5, 0.25}, Role::In},
       {"r", {0.5, -2}, Role::In},
       {"g", {0, 0, 0}, Role::Out}},
      {{"m", {2}}, {"n", {3}}},
      [](Arrays &p) {
        matvec_t(p[0].data(), p[1].data(), 2, 3, p[2].data());
        return 0.0;
      },
      [](Arrays &p, double, Arrays &d) {
        matvec_t_pullback(p[0].data(), p[1].data(), 2, 3, p[2].data(),
                          d[2].data(), d[0].data(), d[1].data());
      });
  for (double x : {1.5, -2.0})
    gradc_check::check_vjp(
        "relu_out", true, {{"x", {x}, Role::In}, {"y", {0}, Role::Out}}, {},
        [](Arrays &p) {
          relu_out(p[0][0], p[1][0]);
          return 0.0;
        },
        [](Arrays &p, double, Arrays &d) {
          relu_out_pullback(p[0][0], p[1][0], d[1][0], d[0][0]);
        });
  gradc_check::check_vjp(
      "accumulate", true,
      {{"w", {0.5, -1, 2}, Role::In}, {"loss", {0}, Role::Out}}, {{"n", {3}}},
      [](Arrays &p) {
        accumulate(p[0].data(), 3, p[1][0]);
        return 0.0;
      },
      [](Arrays &p, double, Arrays &d) {
        accumulate_pullback(p[0].data(), 3, p[1][0], d[1][0], d[0].data());
      });
  gradc_check::check_vjp(
      "read_back", true, {{"x", {1.5}, Role::In}, {"err", {0, 0}, Role::Out}},
      {},
      [](Arrays &p) {
        read_back(p[0][0], p[1].data());
        return 0.0;
      },
      [](Arrays &p, double, Arrays &d) {
        read_back_pullback(p[0][0], p[1].data(), d[1].data(), d[0][0]);
      });
  gradc_check::check_vjp(
      "last_wins", true,
      {{"w", {0.5, -1, 2}, Role::In}, {"err", {0}, Role::Out}}, {{"n", {3}}},
      [](Arrays &p) {
        last_wins(p[0].data(), 3, p[1].data());
        return 0.0;
      },
      [](Arrays &p, double, Arrays &d) {
        last_wins_pullback(p[0].data(), 3, p[1].data(), d[1].data(),
                           d[0].data());
      });
  gradc_check::check_vjp(
      "sum_squares", true,
      {{"x", {0.5, -1, 2}, Role::In}, {"err", {0}, Role::Out}}, {{"n", {3}}},
      [](Arrays &p) {
        sum_squares(p[0].data(), 3, p[1].data());
        return 0.0;
      },
      [](Arrays &p, double, Arrays &d) {
        sum_squares_pullback(p[0].data(), 3, p[1].data(), d[1].data(),
                             d[0].data());
      });
  gradc_check::check_vjp(
      "square_twice", true,
      {{"x", {1.25}, Role::In}, {"out", {0, 0}, Role::Out}}, {},
      [](Arrays &p) {
        square_twice(p[0][0], p[1].data());
        return 0.0;
      },
      [](Arrays &p, double, Arrays &d) {
        square_twice_pullback(p[0][0], p[1].data(), d[1].data(), d[0][0]);
      });
  gradc_check::check_vjp(
      "scratch", false, {{"x", {1.5}, Role::In}, {"tmp", {0, 0}, Role::InOut}},
      {},
      [](Arrays &p) { return scratch(p[0][0], p[1].data()); },
      [](Arrays &p, double s, Arrays &d) {
        scratch_pullback(p[0][0], p[1].data(), s, d[0][0], d[1].data());
      },
      [](Arrays &p, Arrays &d) {
        return scratch_grad(p[0][0], p[1].data(), d[0][0], d[1].data());
      });
  gradc_check::check_vjp(
      "clip", true,
      {{"g", {0.5, 2.5, -3, -0.25}, Role::InOut}, {"c", {1}, Role::In}},
      {{"n", {4}}},
      [](Arrays &p) {
        clip(p[0].data(), 4, p[1][0]);
        return 0.0;
      },
      [](Arrays &p, double, Arrays &d) {
        clip_pullback(p[0].data(), 4, p[1][0], d[0].data(), d[1][0]);
      });
  gradc_check::check_vjp(
      "part", true, {{"x", {0.75}, Role::In}, {"out", {0, 0}, Role::Out}}, {},
      [](Arrays &p) {
        part(p[0][0], p[1].data());
        return 0.0;
      },
      [](Arrays &p, double, Arrays &d) {
        part_pullback(p[0][0], p[1].data(), d[1].data(), d[0][0]);
      });
  gradc_check::check_vjp(
      "halve", false, {{"x", {3}, Role::In}}, {{"n", {3}}},
      [](Arrays &p) { return halve(p[0][0], 3); },
      [](Arrays &p, double s, Arrays &d) {
        halve_pullback(p[0][0], 3, s, d[0][0]);
      },
      [](Arrays &p, Arrays &d) { return halve_grad(p[0][0], 3, d[0][0]); });
  return gradc_check::finish();
}
#endif
