// Aliases of integer types of the user's own (`typedef int index_t;`,
// `using Index = std::ptrdiff_t;`) for parameters, locals and counters: the
// generated code writes the alias, as the user did, when it can name it (at
// namespace scope); an alias declared inside the function is written as
// the type it names.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function folded --at 'x=[1,2,3],n=3,m=2' -o - | FileCheck %s --check-prefix=AT
// CHECK: folded: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 1 checked against the interpreter, 0 mismatches
// AT: folded(x = [1, 2, 3], n = 3, m = 2) = 12
// AT: param x[0] 1 5
#include <gradc/gradc.h>
#include <algorithm>
#include <cstddef>

typedef int index_t;
namespace num {
using Index = std::ptrdiff_t;
} // namespace

GRADC_DIFF("grad")
double folded(const double *x, index_t n, num::Index m) {
  typedef long local_t;
  double s = 0;
  for (index_t i = 0; i < n; ++i) {
    num::Index j = i % m;
    local_t k = std::max(j + 1, static_cast<num::Index>(1));
    s += x[i] * x[j] * k;
  }
  return s;
}
// TEXT-LABEL: inline double folded_pullback(const double *x, index_t n, num::Index m,
// TEXT:   for (index_t i = 0; i < n; ++i) {
// TEXT:     num::Index j = i % m;
// TEXT:     long k = std::max(j + 1, static_cast<num::Index>(1));

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "folded", {{"x", {1, 2, 3}}}, {{"n", {3}}, {"m", {2}}},
      [](const Arrays &p) { return folded(p[0].data(), 3, 2); },
      [](const Arrays &p, Arrays &d) {
        return folded_grad(p[0].data(), 3, 2, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        folded_pullback(p[0].data(), 3, 2, s, d[0].data());
      });
  return gradc_check::finish();
}
#endif
