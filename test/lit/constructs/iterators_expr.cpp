// Iterators (issue 14) moved inside expressions, `*it++` (`s += *it++ * w`,
// `*out++ = f(*in++)`), over a std::vector and over raw pointers;
// std::next, std::prev, std::advance and std::distance; reverse iterators
// (`rbegin()`, `rend()`, `crbegin()`, `r.base()`, `std::reverse_iterator<It>
// r(it)`, `std::make_reverse_iterator(it)`). Checked against central
// finite differences and gradc's interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function backward --check --at 'x=[0.5,-1,2]' | FileCheck %s --check-prefix=AT
// AT: ok: all 3 entries agree with finite differences
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 10 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <array>
#include <cmath>
#include <iterator>
#include <vector>

// `*it++` read, two iterators moving together.
GRADC_DIFF("grad")
double weighted(const std::vector<double> &x, const std::vector<double> &w) {
  double s = 0;
  auto it = x.begin();
  auto wt = w.begin();
  while (it != x.end())
    s += *it++ * *wt++;
  return s;
}
// TEXT-LABEL: inline double weighted_pullback(
// TEXT: s += x[it_off_old] * w[wt_off_old];

// `*out++ = f(*in++)` over iterators, then over pointers.
GRADC_DIFF("grad")
double mapped(const std::vector<double> &x) {
  std::vector<double> y(x.size());
  auto in = x.begin();
  auto out = y.begin();
  while (in != x.end())
    *out++ = std::sin(*in++);
  double s = 0;
  const double *p = y.data();
  for (double *q = y.data(); q != y.data() + y.size();)
    *q++ *= *p++;
  for (double v : y)
    s += v;
  return s;
}

// std::next, std::prev, std::distance and std::advance.
GRADC_DIFF("grad")
double stepped(const std::vector<double> &x) {
  double s = 0;
  auto last = std::prev(x.end());
  for (auto it = x.begin(); it != last; std::advance(it, 1))
    s += *it * *std::next(it);
  auto mid = std::next(x.begin(), 2);
  return s + *mid * static_cast<double>(std::distance(x.begin(), mid)) +
         std::prev(mid)[0];
}

// std::advance and std::distance of a raw pointer.
GRADC_DIFF("grad")
double pointers(const double *x, int n) {
  double s = 0;
  const double *p = x;
  while (std::distance(p, x + n) > 1) {
    s += *p * p[1];
    std::advance(p, 2);
  }
  return s;
}

// Backward with reverse iterators: Horner's rule.
GRADC_DIFF("grad")
double backward(const std::vector<double> &x) {
  double s = 0;
  for (auto it = x.rbegin(); it != x.rend(); ++it)
    s = s * 0.5 + std::exp(*it);
  return s;
}
// TEXT-LABEL: inline double backward_pullback(
// TEXT: for (int it_off = static_cast<int>(x.size()) - 1; it_off != -1; --it_off) {

// Reverse iterators compared, indexed, subtracted and unwrapped.
GRADC_DIFF("grad")
double reversed(const std::vector<double> &x) {
  double s = 0;
  auto e = x.crend();
  for (auto r = x.crbegin(); r < e - 1; r += 2)
    s += r[0] * r[1] * static_cast<double>(e - r);
  auto r = x.rbegin();
  ++r;
  return s + *r.base() * *std::next(x.rbegin()) +
         static_cast<double>(std::distance(x.rbegin(), x.rend()));
}

// Reverse iterators made of iterators: each designates the element before.
GRADC_DIFF("grad")
double made(const std::vector<double> &x) {
  std::reverse_iterator<std::vector<double>::const_iterator> r(x.end());
  auto q = std::make_reverse_iterator(x.begin() + 2);
  return *r * std::sin(*q) + q[1];
}

// A std::array's reverse iterators.
GRADC_DIFF("grad")
double arr(const std::array<double, 3> &a) {
  double s = 1;
  for (auto it = a.rbegin(); it != a.rend(); it++)
    s = s * *it + 1;
  return s;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  const std::vector<double> X = {0.5, -1, 2, 0.25, -0.75};
  const std::vector<double> Y = {1.5, 0.3, -0.4, 0.8, 0.6};
  gradc_check::check_container("mapped", "x", mapped, mapped_grad,
                               mapped_pullback, X);
  gradc_check::check_container("stepped", "x", stepped, stepped_grad,
                               stepped_pullback, X);
  gradc_check::check_container("made", "x", made, made_grad, made_pullback, X);
  gradc_check::check_container("backward", "x", backward, backward_grad,
                               backward_pullback, X);
  gradc_check::check_container("reversed", "x", reversed, reversed_grad,
                               reversed_pullback, X);
  gradc_check::check_container("reversed", "x", reversed, reversed_grad,
                               reversed_pullback, Y);
  gradc_check::check_arrays(
      "weighted", {{"x", X}, {"w", Y}}, {},
      [](const Arrays &p) { return weighted(p[0], p[1]); },
      [](const Arrays &p, Arrays &d) {
        return weighted_grad(p[0], p[1], d[0], d[1]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        weighted_pullback(p[0], p[1], s, d[0], d[1]);
      });
  gradc_check::check_arrays(
      "pointers", {{"x", X}}, {{"n", {5}}},
      [](const Arrays &p) { return pointers(p[0].data(), 5); },
      [](const Arrays &p, Arrays &d) {
        return pointers_grad(p[0].data(), 5, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        pointers_pullback(p[0].data(), 5, s, d[0].data());
      });
  gradc_check::check_arrays(
      "pointers", {{"x", Y}}, {{"n", {4}}},
      [](const Arrays &p) { return pointers(p[0].data(), 4); },
      [](const Arrays &p, Arrays &d) {
        return pointers_grad(p[0].data(), 4, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        pointers_pullback(p[0].data(), 4, s, d[0].data());
      });
  gradc_check::check_container("arr", "a", arr, arr_grad, arr_pullback,
                               {0.5, -0.25, 0.75});
  return gradc_check::finish();
}
#endif
