// Under -std=c++20, `it != v.end()` with only `==` declared is written by
// Clang as `!(it == v.end())`: gradc reads it as the `!=` it was, so loops
// over iterators and a struct's `a != b` (from its operator==) work as
// under C++17. (They were refused: "this kind of expression is not
// supported (CXXRewrittenBinaryOperator)".)
// RUN: %gradc %s -o %t.grad.h -- -std=c++20
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -std=c++20 -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %gradc %s --check --at 'v=[0.5,-1,2],x=0.75' -- -std=c++20 | FileCheck %s --check-prefix=CHECK20
// CHECK-NOT: FAIL
// CHECK: ALL OK
// CHECK20: ok: all 4 entries agree with finite differences
#include <gradc/gradc.h>

#include <cmath>
#include <vector>

struct Tag {
  double a;
  bool operator==(const Tag &o) const { return a == o.a; }
};

GRADC_DIFF("grad")
double walk(const std::vector<double> &v, double x) {
  double s = 0;
  for (auto it = v.begin(); it != v.end(); ++it)
    s += std::sin(*it * x) * s + *it;
  for (auto it = v.rbegin(); it != v.rend(); ++it)
    s = s * 0.5 + *it * x;
  Tag p{x}, q{2.0};
  if (p != q)
    s += x;
  return s;
}
// TEXT-LABEL: inline double walk_pullback(
// TEXT:         for (int it_off = 0; it_off != static_cast<int>(v.size()); ++it_off) {

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

int main() {
  gradc_check::check_arrays(
      "walk", {{"v", {0.5, -1, 2}}, {"x", {0.75}}}, {},
      [](const Arrays &p) { return walk(p[0], p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return walk_grad(p[0], p[1][0], d[0], d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        walk_pullback(p[0], p[1][0], s, d[0], d[1][0]);
      });
  return gradc_check::finish();
}
#endif
