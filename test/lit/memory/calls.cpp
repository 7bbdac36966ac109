// Calls that read and write what they are given: in-place helpers, scratch
// arrays reused across a loop, accumulators passed by reference. The
// caller keeps what the argument held before the call for the callee's
// pullback, and its adjoint is the callee's in/out adjoint.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 7 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

void softmax(double *z, int n) {
  double m = z[0];
  for (int i = 1; i < n; ++i)
    if (z[i] > m)
      m = z[i];
  double s = 0;
  for (int i = 0; i < n; ++i) {
    z[i] = std::exp(z[i] - m);
    s += z[i];
  }
  for (int i = 0; i < n; ++i)
    z[i] = z[i] / s;
}

GRADC_DIFF("grad")
double in_place(const double *x) {
  double z[3] = {x[0], 2 * x[1], x[2]};
  softmax(z, 3);
  return z[0] + 3 * z[1];
}
// softmax calls exp, which its pullback would call again: called at the
// top level, it is written inline, its exps computed once and taped, and
// the backward sweep's comments name it.
// TEXT-LABEL: inline double in_place_pullback(const double *x, double dout, double *dx) {
// TEXT-NOT:     softmax(
// TEXT:         double exp_v = std::exp(z[i] - m);
// TEXT:         // calls.cpp:{{[0-9]+}} (in softmax): z[i] = z[i] / s;
// TEXT:         double exp_v = exp_tape.pop();
// TEXT-NOT:     softmax_pullback
// TEXT-LABEL: inline double in_place_grad(const double *x, double *dx) {
// TEXT-NEXT:    return in_place_pullback(x, 1, dx);

void add_square(double &acc, double v) { acc += v * v; }

GRADC_DIFF("grad")
double accumulated(const double *x, int n) {
  double e = 0;
  for (int i = 0; i < n; ++i)
    add_square(e, x[i]);
  return e;
}

void lorenz(const double *y, const double *p, double *dy) {
  dy[0] = p[0] * (y[1] - y[0]);
  dy[1] = y[0] * (p[1] - y[2]) - y[1];
  dy[2] = y[0] * y[1] - p[2] * y[2];
}

// RK4 as it is usually written: the stages' arrays declared once, before
// the time loop, and written by the right-hand side at every step.
GRADC_DIFF("grad wrt(y0, p)")
double rk4(const double *y0, const double *p, double h, int steps) {
  double y[3] = {y0[0], y0[1], y0[2]};
  double k1[3], k2[3], k3[3], k4[3], tmp[3];
  for (int s = 0; s < steps; ++s) {
    lorenz(y, p, k1);
    for (int i = 0; i < 3; ++i)
      tmp[i] = y[i] + 0.5 * h * k1[i];
    lorenz(tmp, p, k2);
    for (int i = 0; i < 3; ++i)
      tmp[i] = y[i] + 0.5 * h * k2[i];
    lorenz(tmp, p, k3);
    for (int i = 0; i < 3; ++i)
      tmp[i] = y[i] + h * k3[i];
    lorenz(tmp, p, k4);
    for (int i = 0; i < 3; ++i)
      y[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
  }
  return y[0] * y[0] + y[1] + 0.5 * y[2];
}

void radial_distort(const double *k, double *proj) {
  double r2 = proj[0] * proj[0] + proj[1] * proj[1];
  double f = 1 + k[0] * r2 + k[1] * r2 * r2;
  proj[0] *= f;
  proj[1] *= f;
}

GRADC_DIFF("grad")
double distorted(const double *k, const double *x) {
  double proj[2] = {x[0] / x[2], x[1] / x[2]};
  radial_distort(k, proj);
  return proj[0] * proj[0] + proj[1];
}

void weighted(double w, double v, double *err) { *err = w * v * v; }

// The address of a local scalar passed as a helper's output, again and
// again.
GRADC_DIFF("grad")
double address_of(const double *x, int n) {
  double w_err = 0;
  double total = 0;
  for (int i = 0; i < n; ++i) {
    weighted(0.5 + i, x[i], &w_err);
    total += w_err * x[0];
  }
  return total;
}

void fill(double x, double *out) { out[0] = x * x; }

// Written, then written again by a call.
GRADC_DIFF("grad")
double written_twice(double x) {
  double h[1];
  h[0] = x;
  fill(x, h);
  return h[0] * x;
}

// A member function that changes its object.
struct Acc {
  double s, q;
  void add(double v) {
    s += v;
    q += v * v;
  }
};

GRADC_DIFF("grad")
double variance(const double *w, int n) {
  Acc a{};
  for (int i = 0; i < n; ++i)
    a.add(w[i]);
  return a.q / n - (a.s / n) * (a.s / n);
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "in_place", {{"x", {0.5, -0.25, 1}}}, {},
      [](const Arrays &p) { return in_place(p[0].data()); },
      [](const Arrays &p, Arrays &d) {
        return in_place_grad(p[0].data(), d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        in_place_pullback(p[0].data(), s, d[0].data());
      });
  gradc_check::check_arrays(
      "accumulated", {{"x", {0.5, -0.25, 1}}}, {{"n", {3}}},
      [](const Arrays &p) { return accumulated(p[0].data(), 3); },
      [](const Arrays &p, Arrays &d) {
        return accumulated_grad(p[0].data(), 3, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        accumulated_pullback(p[0].data(), 3, s, d[0].data());
      });
  gradc_check::check_arrays(
      "rk4", {{"y0", {1, 1, 1}}, {"p", {10, 28, 2.5}}},
      {{"h", {0.01}}, {"steps", {20}}},
      [](const Arrays &p) { return rk4(p[0].data(), p[1].data(), 0.01, 20); },
      [](const Arrays &p, Arrays &d) {
        return rk4_grad(p[0].data(), p[1].data(), 0.01, 20, d[0].data(),
                        d[1].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        rk4_pullback(p[0].data(), p[1].data(), 0.01, 20, s, d[0].data(),
                     d[1].data());
      });
  gradc_check::check_arrays(
      "distorted", {{"k", {0.1, -0.05}}, {"x", {0.5, -0.75, 2}}}, {},
      [](const Arrays &p) { return distorted(p[0].data(), p[1].data()); },
      [](const Arrays &p, Arrays &d) {
        return distorted_grad(p[0].data(), p[1].data(), d[0].data(),
                              d[1].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        distorted_pullback(p[0].data(), p[1].data(), s, d[0].data(),
                           d[1].data());
      });
  gradc_check::check_arrays(
      "address_of", {{"x", {0.5, -0.25, 1}}}, {{"n", {3}}},
      [](const Arrays &p) { return address_of(p[0].data(), 3); },
      [](const Arrays &p, Arrays &d) {
        return address_of_grad(p[0].data(), 3, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        address_of_pullback(p[0].data(), 3, s, d[0].data());
      });
  gradc_check::check_arrays(
      "written_twice", {{"x", {1.5}}}, {},
      [](const Arrays &p) { return written_twice(p[0][0]); },
      [](const Arrays &p, Arrays &d) {
        return written_twice_grad(p[0][0], d[0][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        written_twice_pullback(p[0][0], s, d[0][0]);
      });
  gradc_check::check_arrays(
      "variance", {{"w", {0.5, -0.25, 1, 2}}}, {{"n", {4}}},
      [](const Arrays &p) { return variance(p[0].data(), 4); },
      [](const Arrays &p, Arrays &d) {
        return variance_grad(p[0].data(), 4, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        variance_pullback(p[0].data(), 4, s, d[0].data());
      });
  return gradc_check::finish();
}
#endif
