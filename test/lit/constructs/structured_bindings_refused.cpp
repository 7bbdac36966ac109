// What stays refused around structured bindings: an error at the
// construct, with advice, and no output.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

struct V {
  double x;
  double w[2];
};

GRADC_DIFF("grad")
double copy_array(const V &v) {
  // CHECK: structured_bindings_refused.cpp:[[@LINE+1]]:8: error: binding 'w' copies an array; bind by reference (auto &[...])
  auto [x, w] = v;
  return x * w[0];
}

// A temporary struct: its array member is copied too.
GRADC_DIFF("grad")
double write_copy(const V &v) {
  const auto &[x, w] = v;
  // CHECK: structured_bindings_refused.cpp:[[@LINE+1]]:8: error: binding 'u' copies an array; bind by reference (auto &[...])
  auto [y, u] = V{x, {w[0], w[1]}};
  return y;
}

GRADC_DIFF("grad")
double of_c_array(double t) {
  double a[2] = {t, 2 * t};
  // CHECK: structured_bindings_refused.cpp:[[@LINE+1]]:8: error: structured bindings of 'double[2]' are not supported; gradc supports them of structs of numbers and std::array
  auto [p, q] = a;
  p = q * t;
  return p;
}
