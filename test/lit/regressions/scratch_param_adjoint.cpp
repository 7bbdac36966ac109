// A pointer or std::vector parameter that is neither differentiated nor an
// output, written with values that carry derivatives and read back (a
// scratch buffer the caller passes): its adjoint needs one place per
// element, which the caller does not give and whose length gradc does not
// know. gradc declared it as one number (`double dy = 0;`) and gave a
// wrong gradient when more than one element was used; now it refuses at the
// store with advice. The neighbours that have somewhere to put it work: a
// `double &` (one number), the buffer given in wrt(...), and a
// scratch buffer only written (never read back). Checked against finite
// differences and the interpreter.
// RUN: not %gradc %s -o %t.refused.h -- -DREFUSED 2>&1 | FileCheck %s --check-prefix=REFUSED
// RUN: test ! -e %t.refused.h
// RUN: %gradc %s -o %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 3 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>
#include <vector>

#ifdef REFUSED
// REFUSED: scratch_param_adjoint.cpp:[[# @LINE + 4]]:5: error: 'y' is written with values that carry derivatives and read back, but it is neither differentiated nor an output, so its adjoint has nowhere to go (the caller gives no buffer for it, and its length is not known here): add it to wrt(...) (or out(...), in a function returning void), or compute into a local array or std::vector and copy that into 'y'
GRADC_DIFF("grad wrt(x)")
double through_pointer(const double *x, int n, double *y) {
  for (int i = 0; i < n; ++i)
    y[i] = std::sin(x[i]);
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += y[i] * x[i];
  return s;
}
// REFUSED: scratch_param_adjoint.cpp:[[# @LINE + 4]]:3: error: 'y' is written with values
GRADC_DIFF("grad wrt(x)")
double through_vector(const std::vector<double> &x, std::vector<double> &y) {
  y[0] = std::sin(x[0]);
  y[1] = std::cos(x[1]);
  return y[0] * y[1] + x[0];
}
#endif

// One number: its adjoint is one number.
GRADC_DIFF("grad wrt(x)")
double through_reference(double x, double &y) {
  y = std::sin(x);
  return y * x;
}

// Written only: nothing reads it back, so it carries nothing.
GRADC_DIFF("grad wrt(x)")
double written_only(const double *x, int n, double *y) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    y[i] = std::sin(x[i]);
    s += x[i] * x[i];
  }
  return s;
}

// Differentiated too: the caller's buffer dy is its adjoint (in: the
// seed of y's final contents; out: the gradient of its incoming ones).
GRADC_DIFF("grad wrt(x, y)")
double as_output(const double *x, int n, double *y) {
  for (int i = 0; i < n; ++i)
    y[i] = std::sin(x[i]);
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += y[i] * x[i];
  return s;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "through_reference", {{"x", {0.7}}}, {{"y", {0}}},
      [](const Arrays &p) {
        double y;
        return through_reference(p[0][0], y);
      },
      [](const Arrays &p, Arrays &d) {
        double y;
        return through_reference_grad(p[0][0], y, d[0][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        double y;
        through_reference_pullback(p[0][0], y, s, d[0][0]);
      });
  const std::vector<double> X = {0.5, -1.25, 2};
  gradc_check::check_arrays(
      "written_only", {{"x", X}}, {{"n", {3}}, {"y", {0, 0, 0}}},
      [](const Arrays &p) {
        double y[3];
        return written_only(p[0].data(), 3, y);
      },
      [](const Arrays &p, Arrays &d) {
        double y[3];
        return written_only_grad(p[0].data(), 3, y, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        double y[3];
        written_only_pullback(p[0].data(), 3, y, s, d[0].data());
      });
  // With a zero seed for y, dx is the gradient of the return value.
  gradc_check::check_arrays(
      "as_output", {{"x", X}}, {{"n", {3}}, {"y", {0, 0, 0}}},
      [](const Arrays &p) {
        double y[3];
        return as_output(p[0].data(), 3, y);
      },
      [](const Arrays &p, Arrays &d) {
        double y[3], dy[3] = {0, 0, 0};
        return as_output_grad(p[0].data(), 3, y, d[0].data(), dy);
      },
      [](const Arrays &p, double s, Arrays &d) {
        double y[3], dy[3] = {0, 0, 0};
        as_output_pullback(p[0].data(), 3, y, s, d[0].data(), dy);
      });
  return gradc_check::finish();
}
#endif
