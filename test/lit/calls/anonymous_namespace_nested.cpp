// A helper in an anonymous namespace inside a named one: its pullback is
// generated in the same namespaces and called by its name from the caller
// in the named namespace (`softplus_pullback`, never `sim:: ::...`).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 3 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

namespace sim {
namespace {
double softplus(double x) { return std::log1p(std::exp(x)); }
} // namespace

GRADC_DIFF("grad")
double f(double x) {
  double s = 0;
  for (int i = 0; i < 3; ++i)
    s += softplus(x * i);
  return s;
}
} // namespace sim

namespace {
double cube(double x) { return x * x * x; }
} // namespace

namespace other {
GRADC_DIFF("grad")
double g(double x) { return sim::softplus(x) * cube(x); }
} // namespace other

// TEXT:      namespace sim {
// TEXT-NEXT: namespace {
// TEXT:      inline void softplus_pullback(
// TEXT:      } // namespace
// TEXT-NEXT: } // namespace sim
// TEXT-LABEL: inline double f_pullback(
// TEXT:          {{^ *}}softplus_pullback(
// TEXT-LABEL: inline double g_pullback(
// TEXT:          cube_pullback(x,
// TEXT:          sim::softplus_pullback(x,

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_1(sim::f, 0.7);
  GRADC_CHECK_1(sim::f, -1.2);
  GRADC_CHECK_1(other::g, 0.4);
  return gradc_check::finish();
}
#endif
