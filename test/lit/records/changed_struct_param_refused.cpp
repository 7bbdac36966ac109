// A method that changes its object, called on a struct the caller was
// given by reference: refused with advice that fits a struct (a local
// copy, assigned back); the advised rewrite is checked against finite
// differences in the interpreter.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h -- -DREFUSED 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
// RUN: %gradc %s --check --at 'p=[0.5,-1],dt=0.1' --function copied | FileCheck %s --check-prefix=COPY
#include <gradc/gradc.h>

struct State {
  double x, v;
  void step(double dt) {
    x += v * dt;
    v -= x * dt;
  }
  double energy() const { return x * x + v * v; }
};

#ifdef REFUSED
GRADC_DIFF("grad wrt(p, dt)")
double run(State &p, double dt) {
  // CHECK: changed_struct_param_refused.cpp:[[@LINE+1]]:3: error: step reads and writes the struct 'p', which is not a local variable here; gradc supports that for local structs: copy it into one ('State copy = p;'), call on the copy, and assign it back ('p = copy;')
  p.step(dt);
  return p.energy();
}
// CHECK: no output written
#endif

// COPY: ok: all 3 entries agree with finite differences
GRADC_DIFF("grad wrt(p, dt)")
double copied(State &p, double dt) {
  State copy = p;
  copy.step(dt);
  p = copy;
  return p.energy();
}
