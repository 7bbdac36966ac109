// A helper that changes a struct the caller was given by reference,
// through a pointer to a struct (which may point at an array of them):
// refused with advice (take one struct by reference, which gradc supports:
// records/changed_params.cpp); the advised rewrites are checked against
// finite differences in the interpreter.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h -- -DREFUSED 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
// RUN: %gradc %s --check --at 'p=[0.5,-1],dt=0.1' --function copied | FileCheck %s --check-prefix=COPY
// RUN: %gradc %s --check --at 'p=[0.5,-1],dt=0.1' --function by_reference | FileCheck %s --check-prefix=REF
#include <gradc/gradc.h>

struct State {
  double x, v;
  void step(double dt) {
    x += v * dt;
    v -= x * dt;
  }
  double energy() const { return x * x + v * v; }
};

static void advance(State *s, double dt) { s->step(dt); }

#ifdef REFUSED
GRADC_DIFF("grad wrt(p, dt)")
double run(State &p, double dt) {
  // CHECK: changed_struct_param_refused.cpp:[[@LINE+1]]:3: error: advance reads and writes 'p' through a pointer to a struct, which gradc does not support for memory that is not a local variable here; have advance take one struct by reference ('State &s'), or copy what it changes into a local and assign it back after the call
  advance(&p, dt);
  return p.energy();
}
// CHECK: no output written
#endif

// COPY: ok: all 3 entries agree with finite differences
GRADC_DIFF("grad wrt(p, dt)")
double copied(State &p, double dt) {
  State copy = p;
  advance(&copy, dt);
  p = copy;
  return p.energy();
}

// REF: ok: all 3 entries agree with finite differences
GRADC_DIFF("grad wrt(p, dt)")
double by_reference(State &p, double dt) {
  p.step(dt);
  return p.energy();
}
