// Helpers that change the size of a caller's local std::vector, defined
// in a header the file includes: written where they are called, as those
// of the file are, their statements placed at the call and saying where
// they are written (`(in add_squares, features.h:10)`), so that no
// comment or --at row points at a line of the wrong file.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function sumsq --at 'xs=[0.5,-1,2],s=0.75' -o - | FileCheck %s --check-prefix=AT
// CHECK: sumsq: at
// CHECK: looped: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 2 checked against the interpreter, 0 mismatches
// AT: sumsq(xs = [0.5, -1, 2], s = 0.75) = 3.9375
// AT: param  xs[2]          2                        3
// AT: {{[0-9]+}}     out[2]         4                        (at the end)
#include <gradc/gradc.h>

#include "Inputs/features.h"

GRADC_DIFF("grad")
double sumsq(const std::vector<double> &xs, double s) {
  std::vector<double> out;
  add_squares(out, xs);
  double t = 0;
  for (double o : out)
    t += o * s;
  return t;
}
// TEXT-LABEL: inline double sumsq_pullback(
// TEXT: out.push_back(xs[i] * xs[i]);
// TEXT: // growing_helpers_header.cpp:{{[0-9]+}} (in add_squares, features.h:9): for ...
// TEXT: // growing_helpers_header.cpp:{{[0-9]+}} (in add_squares, features.h:10): ...

GRADC_DIFF("grad")
double looped(const double *w, int n, double x) {
  std::vector<double> f;
  for (int k = 0; k < n; ++k)
    add_feature(f, w[k] * x);
  double s = 0;
  for (std::size_t i = 0; i < f.size(); ++i)
    s += f[i] * w[i % n];
  return s;
}
// TEXT-LABEL: inline double looped_pullback(
// TEXT: f.push_back(std::sin(v));
// TEXT: // growing_helpers_header.cpp:{{[0-9]+}} (in add_feature, features.h:15): ...

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "sumsq", {{"xs", {0.5, -1, 2}}, {"s", {0.75}}}, {},
      [](const Arrays &p) { return sumsq(p[0], p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return sumsq_grad(p[0], p[1][0], d[0], d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        sumsq_pullback(p[0], p[1][0], s, d[0], d[1][0]);
      });
  gradc_check::check_arrays(
      "looped", {{"w", {0.5, -0.25, 1}}, {"x", {0.75}}}, {{"n", {3}}},
      [](const Arrays &p) { return looped(p[0].data(), 3, p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return looped_grad(p[0].data(), 3, p[1][0], d[0].data(), d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        looped_pullback(p[0].data(), 3, p[1][0], s, d[0].data(), d[1][0]);
      });
  return gradc_check::finish();
}
#endif
