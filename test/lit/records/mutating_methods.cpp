// Member functions that change their object (`p.step(dt, k)` of `void
// step(double dt, double k) { ...; v += a * dt; x += v * dt; }`), called on
// a local object of the annotated function, in loops, on a struct passed
// by reference, calling each other (`leapfrog` calls `kick` and `drift`),
// beside methods that read the object and return a value; an argument
// read from the object itself (`p.pull(p.x * 0.5, k)`) is a value taken
// before the call. A const reference to the object's own member, which
// the call changes, is a real overlap and stays refused. Checked against
// finite differences, compiled and in the interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --check --function by_ref --at 'p=[0.5,-0.25],k=0.7' | FileCheck %s --check-prefix=BYREF
// RUN: rm -f %t.refused.h
// RUN: not %gradc %s -o %t.refused.h -- -DREFUSED 2>&1 | FileCheck %s --check-prefix=REFUSED
// RUN: not test -e %t.refused.h
// CHECK: sim: at
// CHECK: reads: at
// CHECK: leap: at
// CHECK: pulled: at
// CHECK: by_ref: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 5 checked against the interpreter, 0 mismatches
// BYREF: ok: all 3 entries agree with finite differences
#include <gradc/gradc.h>

#include <cmath>

struct Particle {
  double x, v;
  void step(double dt, double k) {
    double a = -k * x;
    v += a * dt;
    x += v * dt;
  }
  double energy(double k) const { return 0.5 * v * v + 0.5 * k * x * x; }
  double speed2() { return v * v; }
  void kick(double dt, double k) { v -= k * std::sin(x) * dt; }
  void drift(double dt) { x += v * dt; }
  void leapfrog(double dt, double k) {
    kick(0.5 * dt, k);
    drift(dt);
    kick(0.5 * dt, k);
  }
  void pull(double target, double k) { v += k * (target - x); }
  void scale_by(const double &s) {
    x *= s;
    v *= s;
  }
};

#ifndef REFUSED
GRADC_DIFF("grad")
double sim(double x0, double v0, double k) {
  Particle p{x0, v0};
  for (int i = 0; i < 10; ++i)
    p.step(0.1, k);
  return p.x * p.x + p.v;
}
// TEXT-LABEL: inline void Particle_step_wrt_self_k_pullback(Particle &self,
// A method calling methods of its own object (`leapfrog`): each has a
// pullback of its own.
// TEXT-LABEL: inline void Particle_leapfrog_wrt_self_k_pullback(
// TEXT:         Particle_kick_wrt_self_k_pullback(self_2, prod_2, k, dself, dk);
// TEXT:         Particle_drift_wrt_self_pullback(self_3, dt, dself);
// TEXT-LABEL: inline double sim_pullback(
// TEXT:           p_tape.push(p);
// TEXT-NEXT:      p.step(0.1, k);
// TEXT:           p_2 = p_tape.pop();
// TEXT-NEXT:      Particle_step_wrt_self_k_pullback(p_2, 0.1, k, dp, dk_sum);

GRADC_DIFF("grad")
double reads(double x0, double v0, double k) {
  Particle p{x0, v0};
  p.step(0.2, k);
  return p.energy(k) + p.speed2();
}

// TEXT-LABEL: inline double reads_pullback(
// TEXT:         Particle_speed2_pullback(p, dout, dp);
// TEXT-NEXT:    Particle_energy_pullback(p, k, dout, dp, dk);

GRADC_DIFF("grad")
double leap(double x0, double v0, double k) {
  Particle p{x0, v0};
  for (int i = 0; i < 5; ++i)
    p.leapfrog(0.1, k);
  return p.energy(k);
}

GRADC_DIFF("grad")
double pulled(double x0, double v0, double k) {
  Particle p{x0, v0};
  for (int i = 0; i < 3; ++i) {
    p.pull(p.x * 0.5, k);
    p.drift(0.1);
  }
  return p.x * p.v;
}

// The argument is read before the call changes the object.
// TEXT-LABEL: inline double pulled_pullback(
// TEXT:           p.pull(p.x * 0.5, k);
// TEXT:           Particle_pull_pullback(p_3, p_old * 0.5, k, dp,

GRADC_DIFF("grad")
double by_ref(Particle &p, double k) {
  for (int i = 0; i < 4; ++i)
    p.step(0.1, k);
  return p.x * p.v;
}
#else
GRADC_DIFF("grad")
double aliased(double x0, double v0) {
  Particle p{x0, v0};
  // REFUSED: mutating_methods.cpp:[[@LINE+1]]:{{[0-9]+}}: error: 's' of p.scale_by is a const reference to 'p.x', which this call writes through its object: C++ reads there what the call writes
  p.scale_by(p.x);
  return p.x * p.v;
}
#endif

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;
using gradc_check::Role;

int main() {
  GRADC_CHECK_3(sim, 0.5, -0.25, 0.7);
  GRADC_CHECK_3(reads, 0.5, -0.25, 0.7);
  GRADC_CHECK_3(leap, 0.5, -0.25, 0.7);
  GRADC_CHECK_3(pulled, 0.5, -0.25, 0.7);
  gradc_check::check_vjp(
      "by_ref", false,
      {{"p", {0.5, -0.25}, Role::InOut}, {"k", {0.7}, Role::In}}, {},
      [&](Arrays &p) {
        Particle q{p[0][0], p[0][1]};
        double f = by_ref(q, p[1][0]);
        p[0] = {q.x, q.v};
        return f;
      },
      [&](Arrays &p, double s, Arrays &d) {
        Particle q{p[0][0], p[0][1]}, dq{d[0][0], d[0][1]};
        by_ref_pullback(q, p[1][0], s, dq, d[1][0]);
        p[0] = {q.x, q.v};
        d[0] = {dq.x, dq.v};
      });
  return gradc_check::finish();
}
#endif
