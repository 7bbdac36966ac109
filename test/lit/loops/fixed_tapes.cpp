// Tapes whose size gradc knows when it writes the code live on the stack:
// pushes outside loops (an array of a branch), or in loops of constant trip
// counts (nested ones multiply, a loop that may break counts as its bound).
// A loop of n iterations keeps the growing tape.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 5 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

GRADC_DIFF("grad wrt(w, x)")
double three_steps(const double *w, double x) {
  double p = x;
  for (int i = 0; i < 3; ++i)
    p = p * std::sin(p) + w[i];
  return p;
}
// TEXT-LABEL: inline double three_steps_pullback(
// TEXT:          gradc::fixed_tape<double, 3> p_tape;
// TEXT-NOT:      reserve
// TEXT:          for (int i = 0; i < 3; ++i) {
// TEXT-NEXT:       p_tape.push_reserved(p);
// TEXT-LABEL: inline double three_steps_grad(
// TEXT:         return three_steps_pullback(w, x, 1, dw, dx);

GRADC_DIFF("grad wrt(w, x)")
double grid(const double *w, double x) {
  double p = x;
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 3; ++j)
      p = p * std::cos(p) + w[i * 3 + j];
  return p;
}
// Two iterations of three: six values.
// TEXT-LABEL: inline double grid_pullback(
// TEXT:          gradc::fixed_tape<double, 6> p_tape;
// TEXT-LABEL: inline double grid_grad(
// TEXT-NEXT:    return grid_pullback(w, x, 1, dw, dx);

GRADC_DIFF("grad")
double branch(double x, double y) {
  double s = x;
  if (y > 0)
    s = s * std::sin(s) + y;
  s = s * y;
  return s;
}
// A branch outside loops runs at most once: what its backward branch reads
// is kept in variables declared before it, not on a tape.
// TEXT-LABEL: inline double branch_pullback(
// TEXT-NOT:      tape
// TEXT:          double s_old = 0;
// TEXT-NEXT:     double sin_s_old = 0;
// TEXT-NEXT:     if (cond) {
// TEXT-NEXT:       s_old = s;
// TEXT-NEXT:       sin_s_old = std::sin(s_old);
// TEXT:          if (cond) {
// TEXT:            ds = sin_s_old * ds + std::cos(s_old) * (s_old * ds);
// TEXT-LABEL: inline double branch_grad(
// TEXT-NEXT:    return branch_pullback(x, y, 1, dx, dy);

GRADC_DIFF("grad wrt(w, x)")
double until(const double *w, double x) {
  double p = x;
  for (int i = 0; i < 4; ++i) {
    if (p > 10)
      break;
    p = p * p + w[i];
  }
  return p;
}
// At most four iterations, whenever it breaks.
// TEXT-LABEL: inline double until_pullback(
// TEXT:          gradc::fixed_tape<double, 4> p_tape;
// TEXT-LABEL: inline double until_grad(
// TEXT-NEXT:    return until_pullback(w, x, 1, dw, dx);

GRADC_DIFF("grad wrt(w, x)")
double n_steps(const double *w, int n, double x) {
  double p = x;
  for (int i = 0; i < n; ++i)
    p = p * std::sin(p) + w[i];
  return p;
}
// TEXT-LABEL: inline double n_steps_pullback(
// TEXT:          gradc::tape<double> p_tape;
// TEXT:          p_tape.reserve(n);
// TEXT-LABEL: inline double n_steps_grad(
// TEXT:         return n_steps_pullback(w, n, x, 1, dw, dx);

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  using gradc_check::Vec;
  gradc_check::check_arrays(
      "three_steps", {{"w", {0.3, -0.2, 0.5}}, {"x", {0.7}}}, {},
      [](const Arrays &p) { return three_steps(p[0].data(), p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return three_steps_grad(p[0].data(), p[1][0], d[0].data(), d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        three_steps_pullback(p[0].data(), p[1][0], s, d[0].data(), d[1][0]);
      });
  gradc_check::check_arrays(
      "grid", {{"w", {0.3, -0.2, 0.5, 0.1, 0.4, -0.3}}, {"x", {0.7}}}, {},
      [](const Arrays &p) { return grid(p[0].data(), p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return grid_grad(p[0].data(), p[1][0], d[0].data(), d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        grid_pullback(p[0].data(), p[1][0], s, d[0].data(), d[1][0]);
      });
  gradc_check::check(
      "branch", [](const Vec &p) { return branch(p[0], p[1]); },
      [](const Vec &p, Vec &d) { return branch_grad(p[0], p[1], d[0], d[1]); },
      [](const Vec &p, double s, Vec &d) {
        branch_pullback(p[0], p[1], s, d[0], d[1]);
      },
      {0.8, 0.6});
  // Breaks in the third iteration: p grows past 10.
  gradc_check::check_arrays(
      "until", {{"w", {1.5, 2.0, 0.5, 0.25}}, {"x", {1.2}}}, {},
      [](const Arrays &p) { return until(p[0].data(), p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return until_grad(p[0].data(), p[1][0], d[0].data(), d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        until_pullback(p[0].data(), p[1][0], s, d[0].data(), d[1][0]);
      });
  gradc_check::check_arrays(
      "n_steps", {{"w", {0.3, -0.2, 0.5, 0.1}}, {"x", {0.7}}}, {{"n", {4}}},
      [](const Arrays &p) { return n_steps(p[0].data(), 4, p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return n_steps_grad(p[0].data(), 4, p[1][0], d[0].data(), d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        n_steps_pullback(p[0].data(), 4, p[1][0], s, d[0].data(), d[1][0]);
      });
  return gradc_check::finish();
}
#endif
