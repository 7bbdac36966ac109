// Found by the random tester (seed 98083, function 5, reduced): an in/out
// array that the function only overwrites with numbers kept its seed in
// its adjoint: `dio` came back holding the seed of the final io instead of
// the gradient with respect to the incoming io, which is zero. A store over
// differentiated memory whose adjoint the caller reads clears it even when
// nothing else about that memory carries a derivative.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
// TEXT-LABEL: inline double reset_pullback(
// TEXT: for (int i = 0; i < n; ++i) {
// TEXT-NEXT: io[i] = 1.0;
// TEXT-EMPTY:
// TEXT-NEXT: // inout_overwritten.cpp:{{[0-9]+}}: io[i] = 1.0;
// TEXT-NEXT: dio[i] = 0;
// TEXT-LABEL: inline double reset_ref_pullback(
// TEXT: dr = 0;
#include <gradc/gradc.h>

GRADC_DIFF("grad")
double reset(double *io, const double *v, int n) {
  for (int i = 0; i < n; ++i)
    io[i] = 1.0;
  return v[0] * v[0];
}

GRADC_DIFF("grad")
double reset_ref(double &r, double x) {
  r = 0.5;
  return x * x;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  using gradc_check::Role;
  gradc_check::check_vjp(
      "reset", false,
      {{"io", {0.5, -1, 2}, Role::InOut}, {"v", {1.5, 0.25}, Role::In}},
      {{"n", {3}}},
      [](Arrays &p) { return reset(p[0].data(), p[1].data(), 3); },
      [](Arrays &p, double s, Arrays &d) {
        reset_pullback(p[0].data(), p[1].data(), 3, s, d[0].data(),
                       d[1].data());
      },
      [](Arrays &p, Arrays &d) {
        return reset_grad(p[0].data(), p[1].data(), 3, d[0].data(),
                          d[1].data());
      });
  gradc_check::check_vjp(
      "reset_ref", false,
      {{"r", {0.75}, Role::InOut}, {"x", {-1.25}, Role::In}}, {},
      [](Arrays &p) { return reset_ref(p[0][0], p[1][0]); },
      [](Arrays &p, double s, Arrays &d) {
        reset_ref_pullback(p[0][0], p[1][0], s, d[0][0], d[1][0]);
      },
      [](Arrays &p, Arrays &d) {
        return reset_ref_grad(p[0][0], p[1][0], d[0][0], d[1][0]);
      });
  return gradc_check::finish();
}
#endif
