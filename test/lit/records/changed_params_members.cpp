// Helpers changing a std::array parameter and a struct member of a struct
// parameter (`step(s.body, dt)`): the pullback runs on a taped copy of the
// callee's parameter type, named after the member. Checked against finite
// differences in the interpreter; the header compiles cleanly.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t
// RUN: %gradc %s --check --function arr --at 'v=[0.5,-0.25,1],a=0.7' | FileCheck %s --check-prefix=ARR
// RUN: %gradc %s --check --function nested --at 's=[0.5,-0.25,1.2],dt=0.2' | FileCheck %s --check-prefix=NESTED
// ARR: ok: all 4 entries agree with finite differences
// NESTED: ok: all 4 entries agree with finite differences
#include <gradc/gradc.h>

#include <array>

struct Body {
  double x, v;
};
struct Sys {
  Body body;
  double g;
};

static void scale3(std::array<double, 3> &v, double a) {
  for (double &e : v)
    e = a * e * e + e;
}
static void step(Body &b, double dt) {
  b.x += b.v * dt;
  b.v -= b.x * b.x * dt;
}

GRADC_DIFF("grad")
double arr(std::array<double, 3> &v, double a) {
  scale3(v, a);
  scale3(v, 0.5);
  return v[0] * v[1] + v[2];
}
// TEXT-LABEL: inline double arr_pullback(
// TEXT:          v_tape_2.push_array(v.data(), 3);
// TEXT-NEXT:     scale3(v, a);
// TEXT:          std::array<double, 3> v_3;
// TEXT-NEXT:     v_tape_2.pop_array(v_3.data(), 3);
// TEXT-NEXT:     scale3_pullback(v_3, a, dv, da);

GRADC_DIFF("grad")
double nested(Sys &s, double dt) {
  step(s.body, dt);
  s.g *= s.body.x;
  step(s.body, s.g);
  return s.body.x * s.g;
}
// TEXT-LABEL: inline double nested_pullback(
// TEXT:          body_tape_2.push(s.body);
// TEXT-NEXT:     step(s.body, dt);
// TEXT:          body_tape.push(s.body);
// TEXT:          Body body;
// TEXT-NEXT:     body = body_tape.pop();
// TEXT:          step_pullback(body, g_2, ds.body, ddt_step);

#ifndef __GRADC__
#include GRADC_OUT

int main() {
  std::array<double, 3> v{0.5, -0.25, 1}, dv{};
  double da = 0;
  arr_grad(v, 0.7, dv, da);
  Sys s{{0.5, -0.25}, 1.2}, ds{};
  double ddt = 0;
  nested_grad(s, 0.2, ds, ddt);
  return 0;
}
#endif
