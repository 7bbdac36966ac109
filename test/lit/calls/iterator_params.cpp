// Functions of the user's taking iterators (issue 14): `template <class It>
// double sum(It first, It last)` called as `sum(v.begin(), v.end())`, over
// const iterators, `cbegin()/cend()`, a part of a vector, a std::array and
// raw pointers (`sum(x, x + n)`); a helper writing through an iterator, one
// taking a single iterator, one taking two arrays' iterators (`dot(It a, It
// b, int n)`, `b` read through), one taking a lambda beside its range. gradc
// makes each a function of its own (`sum_range`), taking the pointer an
// iterator wraps and the range's end as an offset (`last_off`). Checked
// against central finite differences and gradc's interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function whole --check --at 'x=[0.5,-1,2]' | FileCheck %s --check-prefix=AT
// AT: ok: all 3 entries agree with finite differences
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 6 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <array>
#include <cmath>
#include <vector>

template <class It> double sum(It first, It last) {
  double s = 0;
  for (; first != last; ++first)
    s += *first * *first;
  return s;
}
// TEXT-LABEL: inline double sum_range(const double *first, int last_off) {
// TEXT: for (; first_off != last_off; ++first_off) {

// The element before the last, read through an iterator it makes.
template <class It> double lastTwo(It first, It last) {
  It it = last - 2;
  return *it * std::exp(*(it + 1)) + static_cast<double>(last - first);
}

// Writes through the iterator it is given.
void scale(std::vector<double>::iterator first,
           std::vector<double>::iterator last, double k) {
  while (first != last)
    *first++ *= k;
}

// One iterator and a count.
double head(std::vector<double>::const_iterator it, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += std::sin(it[i]);
  return s;
}

// Two iterators of one type that are read through: two arrays, not a range.
template <class It> double dot(It a, It b, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += a[i] * *b++;
  return s;
}

// A range and a lambda.
template <class It, class F> double apply(It first, It last, F f) {
  double s = 0;
  for (It it = first; it < last; ++it)
    s += f(*it);
  return s;
}

GRADC_DIFF("grad")
double whole(const std::vector<double> &x) {
  return sum(x.begin(), x.end()) + sum(x.cbegin() + 1, x.cend()) +
         lastTwo(x.begin(), x.end());
}
// TEXT-LABEL: inline double whole_pullback(
// TEXT: double sum_range_x = sum_range(x.data(), conv);

GRADC_DIFF("grad")
double pointers(const double *x, int n) { return sum(x, x + n) * x[0]; }

GRADC_DIFF("grad")
double arr(const std::array<double, 3> &a) {
  return sum(a.begin(), a.end()) + lastTwo(std::begin(a), std::end(a));
}

GRADC_DIFF("grad")
double scaled(const std::vector<double> &x, double k) {
  std::vector<double> y = x;
  scale(y.begin() + 1, y.end(), k);
  return sum(y.begin(), y.end()) + head(x.begin() + 1, 2) +
         dot(x.cbegin(), y.cbegin() + 1, 3) + dot(x.data(), x.data() + 2, 2);
}

GRADC_DIFF("grad")
double lambdas(const std::vector<double> &x, double k) {
  return apply(x.begin(), x.end(), [k](double v) { return std::exp(k * v); });
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  const std::vector<double> X = {0.5, -1, 2, 0.25, -0.75};
  gradc_check::check_container("whole", "x", whole, whole_grad, whole_pullback,
                               X);
  gradc_check::check_arrays(
      "pointers", {{"x", X}}, {{"n", {4}}},
      [](const Arrays &p) { return pointers(p[0].data(), 4); },
      [](const Arrays &p, Arrays &d) {
        return pointers_grad(p[0].data(), 4, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        pointers_pullback(p[0].data(), 4, s, d[0].data());
      });
  gradc_check::check_container("arr", "a", arr, arr_grad, arr_pullback,
                               {0.5, -0.25, 0.75});
  for (double K : {0.7, -1.3})
    gradc_check::check_arrays(
        "scaled", {{"x", X}, {"k", {K}}}, {},
        [](const Arrays &p) { return scaled(p[0], p[1][0]); },
        [](const Arrays &p, Arrays &d) {
          return scaled_grad(p[0], p[1][0], d[0], d[1][0]);
        },
        [](const Arrays &p, double s, Arrays &d) {
          scaled_pullback(p[0], p[1][0], s, d[0], d[1][0]);
        });
  gradc_check::check_arrays(
      "lambdas", {{"x", X}, {"k", {0.3}}}, {},
      [](const Arrays &p) { return lambdas(p[0], p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return lambdas_grad(p[0], p[1][0], d[0], d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        lambdas_pullback(p[0], p[1][0], s, d[0], d[1][0]);
      });
  return gradc_check::finish();
}
#endif
