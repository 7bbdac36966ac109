// Loops over iterators (issue 14): `auto it = v.begin()` of a std::vector
// is the pointer it wraps, a pointer that moves (`it_off`): `*it`, `it[k]`,
// `*it = ...`, `++it`, `it++`, `--it`, `it += k`, `it != v.end()`, `it <
// e`, `e - v.begin()`, a second iterator moved beside the first, a loop
// running backward, `cbegin`/`cend`, the spelled type
// `std::vector<double>::iterator`; a std::array's iterators (pointers).
// Checked against central finite differences and gradc's interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function sumsq --check --at 'x=[0.5,-1,2]' | FileCheck %s --check-prefix=AT
// AT: ok: all 3 entries agree with finite differences
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 8 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

GRADC_DIFF("grad")
double sumsq(const std::vector<double> &x) {
  double s = 0;
  for (auto it = x.begin(); it != x.end(); ++it)
    s += *it * *it;
  return s;
}
// TEXT-LABEL: inline double sumsq_pullback(const std::vector<double> &x, double dout,
// TEXT: for (int it_off = 0; it_off != static_cast<int>(x.size()); ++it_off) {
// TEXT-NEXT: s += x[it_off] * x[it_off];

// Pairs of neighbours, a step of two, the end held in a variable, and the
// number of elements as a difference of iterators.
GRADC_DIFF("grad")
double pairs(const std::vector<double> &x) {
  double s = 0;
  auto e = x.end();
  for (auto it = x.begin() + 1; it < e; it += 2)
    s += it[-1] * *it;
  return s * static_cast<double>(e - x.begin());
}
// TEXT-LABEL: inline double pairs_pullback(
// TEXT: static_cast<long long>(e_off)

// Written through the iterator (of a local copy), read back.
GRADC_DIFF("grad")
double written(const std::vector<double> &x) {
  std::vector<double> y = x;
  double s = 0;
  for (std::vector<double>::iterator it = y.begin(); it != y.end(); it++) {
    *it = std::sin(*it);
    s += *it * s + *it;
  }
  return s + y[0];
}

// The largest element, over const iterators.
GRADC_DIFF("grad")
double largest(const std::vector<double> &x) {
  double m = x[0];
  for (auto it = x.cbegin(); it != x.cend(); ++it)
    if (*it > m)
      m = *it;
  return m * m;
}

// Two iterators moved together.
GRADC_DIFF("grad")
double dot(const std::vector<double> &x, const std::vector<double> &y) {
  double s = 0;
  auto jt = y.begin();
  for (auto it = x.begin(); it != x.end(); ++it, ++jt)
    s += *it * *jt;
  return s;
}

// Backward, from the end.
GRADC_DIFF("grad")
double horner(const std::vector<double> &c, double t) {
  double s = 0;
  auto it = c.end();
  while (it != c.begin()) {
    --it;
    s = s * t + *it;
  }
  return s;
}

// What std::transform returns, kept.
GRADC_DIFF("grad")
double kept(const std::vector<double> &x) {
  std::vector<double> y(x.size());
  auto it = std::transform(x.begin(), x.end() - 1, y.begin(),
                           [](double a) { return a * a; });
  *it = std::sin(x[0]);
  return y[0] * y[1] + *it * static_cast<double>(it - y.begin());
}

// A std::array's iterators are pointers.
GRADC_DIFF("grad")
double arr(const std::array<double, 3> &a) {
  double s = 0;
  for (auto it = a.begin(); it != a.end(); ++it)
    s += std::exp(*it) * s + *it;
  return s;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  const std::vector<double> X = {0.5, -1, 2, 0.25, -0.75};
  const std::vector<double> Y = {1.5, 0.3, -0.4, 0.8, 0.6};
  gradc_check::check_container("sumsq", "x", sumsq, sumsq_grad, sumsq_pullback,
                               X);
  gradc_check::check_container("pairs", "x", pairs, pairs_grad, pairs_pullback,
                               X);
  gradc_check::check_container("written", "x", written, written_grad,
                               written_pullback, X);
  gradc_check::check_container("largest", "x", largest, largest_grad,
                               largest_pullback, X);
  gradc_check::check_container("kept", "x", kept, kept_grad, kept_pullback, X);
  gradc_check::check_arrays(
      "dot", {{"x", X}, {"y", Y}}, {},
      [](const Arrays &p) { return dot(p[0], p[1]); },
      [](const Arrays &p, Arrays &d) {
        return dot_grad(p[0], p[1], d[0], d[1]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        dot_pullback(p[0], p[1], s, d[0], d[1]);
      });
  gradc_check::check_arrays(
      "horner", {{"c", Y}, {"t", {0.7}}}, {},
      [](const Arrays &p) { return horner(p[0], p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return horner_grad(p[0], p[1][0], d[0], d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        horner_pullback(p[0], p[1][0], s, d[0], d[1][0]);
      });
  gradc_check::check_container("arr", "a", arr, arr_grad, arr_pullback,
                               {0.5, -0.25, 0.75});
  return gradc_check::finish();
}
#endif
