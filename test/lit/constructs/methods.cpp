// Annotated member functions defined in their class: free functions
// Class_method_grad / _pullback with the object first. A method that
// changes its object has it in/out: dself holds the seed of the object's
// final members on entry and the gradient with respect to its incoming
// members on exit. Checked against finite differences and the interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK:      State_energy: at self=[0.5,-1.25],k=[2]
// 0.5 * v^2 + 0.5 * k * x^2 = 0.78125 + 0.25
// CHECK-NEXT: State_energy: f = 1.03125
// CHECK-NEXT: State_energy: d(self[0]) = 1 (
// CHECK-NEXT: State_energy: d(self[1]) = -1.25 (
// CHECK-NEXT: State_energy: d(k[0]) = 0.125 (
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 4 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

struct State {
  double x, v;

  // Changes its object: State_step_pullback(State &self, double dt,
  // State &dself, double &ddt), dself in/out.
  GRADC_DIFF("grad")
  void step(double dt) {
    x += dt * v;
    v -= dt * x;
  }

  GRADC_DIFF("grad")
  double energy(double k) const { return 0.5 * v * v + 0.5 * k * x * x; }

  // Only the object.
  GRADC_DIFF("grad wrt(this)")
  double potential(double k) const { return k * std::sin(x) * v; }

  // Returns a value and changes its object, in a loop, and calls a method
  // that reads it.
  GRADC_DIFF("grad")
  double advance(double dt, int n) {
    for (int i = 0; i < n; ++i) {
      x += dt * v;
      v -= dt * std::sin(x);
    }
    return energy(1.0);
  }
};
// TEXT-LABEL: inline void State_step_pullback(State &self, double dt, State &dself,
// TEXT-NEXT:                                 double &ddt) {
// TEXT-LABEL: inline double State_energy_grad(const State &self, double k, State &dself,
// TEXT-NEXT:                                  double &dk) {
// TEXT-LABEL: inline double State_potential_grad(const State &self, double k, State &dself) {
// TEXT-LABEL: inline double State_advance_grad(State &self, double dt, int n, State &dself,
// TEXT-NEXT:                                  double &ddt) {

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  using gradc_check::as;
  using gradc_check::back;
  using gradc_check::Role;
  gradc_check::check_arrays(
      "State_energy", {{"self", {0.5, -1.25}}, {"k", {2}}}, {},
      [](const Arrays &p) { return as<State>(p[0]).energy(p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        State ds = as<State>(d[0]);
        double R = State_energy_grad(as<State>(p[0]), p[1][0], ds, d[1][0]);
        back(ds, d[0]);
        return R;
      },
      [](const Arrays &p, double s, Arrays &d) {
        State ds = as<State>(d[0]);
        State_energy_pullback(as<State>(p[0]), p[1][0], s, ds, d[1][0]);
        back(ds, d[0]);
      });
  gradc_check::check_arrays(
      "State_potential", {{"self", {0.5, -1.25}}}, {{"k", {2}}},
      [](const Arrays &p) { return as<State>(p[0]).potential(2); },
      [](const Arrays &p, Arrays &d) {
        State ds = as<State>(d[0]);
        double R = State_potential_grad(as<State>(p[0]), 2, ds);
        back(ds, d[0]);
        return R;
      },
      [](const Arrays &p, double s, Arrays &d) {
        State ds = as<State>(d[0]);
        State_potential_pullback(as<State>(p[0]), 2, s, ds);
        back(ds, d[0]);
      });
  gradc_check::check_vjp(
      "State_step", true,
      {{"self", {0.5, -1.25}, Role::InOut}, {"dt", {0.1}, Role::In}}, {},
      [](Arrays &p) {
        State s = as<State>(p[0]);
        s.step(p[1][0]);
        back(s, p[0]);
        return 0.0;
      },
      [](Arrays &p, double, Arrays &d) {
        State s = as<State>(p[0]), ds = as<State>(d[0]);
        State_step_pullback(s, p[1][0], ds, d[1][0]);
        back(s, p[0]);
        back(ds, d[0]);
      });
  gradc_check::check_vjp(
      "State_advance", false,
      {{"self", {0.5, -1.25}, Role::InOut}, {"dt", {0.1}, Role::In}},
      {{"n", {3}}},
      [](Arrays &p) {
        State s = as<State>(p[0]);
        double R = s.advance(p[1][0], 3);
        back(s, p[0]);
        return R;
      },
      [](Arrays &p, double dout, Arrays &d) {
        State s = as<State>(p[0]), ds = as<State>(d[0]);
        State_advance_pullback(s, p[1][0], 3, dout, ds, d[1][0]);
        back(s, p[0]);
        back(ds, d[0]);
      },
      [](Arrays &p, Arrays &d) {
        State s = as<State>(p[0]), ds = as<State>(d[0]);
        double R = State_advance_grad(s, p[1][0], 3, ds, d[1][0]);
        back(s, p[0]);
        back(ds, d[0]);
        return R;
      });
  return gradc_check::finish();
}
#endif
