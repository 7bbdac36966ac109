// Structured bindings of a copy that the function assigns to
// (`auto [a, b] = q; a = b * 2 + a;`, also in a loop and with ++): each
// such name is a variable of its own, initialized from its member, and
// the struct it copied is left alone (found refused by an adversarial
// tester).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function rescaled --check --at 'q=[0.5,1.5],t=0.3' | FileCheck %s --check-prefix=AT
// RUN: %gradc %s --function bumped --check --at 'v=[0.5,1.5]' | FileCheck %s --check-prefix=AT
// AT: ok: all {{[0-9]+}} entries agree with finite differences
// CHECK: rescaled: at
// CHECK: bumped: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 2 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <array>
#include <cmath>

struct Q {
  double a, b;
};

GRADC_DIFF("grad")
double rescaled(const Q &q, double t) {
  auto [a, b] = q;
  a = b * 2 + a;
  for (int i = 0; i < 3; ++i)
    b *= std::sin(a + t);
  return a * b + q.a;
}
// TEXT-LABEL: inline double rescaled_pullback(
// TEXT: double a = q.a;
// TEXT-NEXT: double b = q.b;
// TEXT-NEXT: a += b * 2;

GRADC_DIFF("grad")
double bumped(const std::array<double, 2> &v) {
  auto [x, y] = v;
  x += y * y;
  ++y;
  return x * y + v[1];
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "rescaled", {{"q", {0.5, 1.5}}, {"t", {0.3}}}, {},
      [](const Arrays &p) { return rescaled(Q{p[0][0], p[0][1]}, p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        Q dq{d[0][0], d[0][1]};
        double f = rescaled_grad(Q{p[0][0], p[0][1]}, p[1][0], dq, d[1][0]);
        d[0] = {dq.a, dq.b};
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        Q dq{d[0][0], d[0][1]};
        rescaled_pullback(Q{p[0][0], p[0][1]}, p[1][0], s, dq, d[1][0]);
        d[0] = {dq.a, dq.b};
      });
  gradc_check::check_container("bumped", "v", bumped, bumped_grad,
                               bumped_pullback, {0.5, 1.5});
  return gradc_check::finish();
}
#endif
