// Helpers taking a range as two pointers of one type that they compare
// (`sum(const double *first, const double *last)`, `for (; first !=
// last; ++first)`), called as `sum(v.data(), v.data() + n)` and `sum(a,
// a + n)`: the helper becomes `sum_range(const double *first, int
// last_off)`, as a template over iterators does
// (calls/iterator_params.cpp). Two pointers the helper does not compare
// stay two arrays (`dot`).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function tail --at 'a=[0.5,-1,2,0.25],n=4' -o - | FileCheck %s --check-prefix=AT
// CHECK: summed: at
// CHECK: tail: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 2 checked against the interpreter, 0 mismatches
// AT: tail(a = [0.5, -1, 2, 0.25], n = 4)
// AT: param a[1] -1
#include <gradc/gradc.h>

#include <vector>

static double sum(const double *first, const double *last) {
  double s = 0;
  for (; first != last; ++first)
    s += *first;
  return s;
}
// TEXT-LABEL: inline double sum_range(const double *first, int last_off) {
// TEXT: for (; first_off != last_off; ++first_off) {
// TEXT-NEXT: s += first[first_off];

static double squares(const double *first, const double *last) {
  double s = 0;
  for (long k = 0; k < last - first; ++k)
    s += first[k] * first[k];
  return s;
}

static double dot(const double *a, const double *b, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += a[i] * b[i];
  return s;
}

GRADC_DIFF("grad")
double summed(const std::vector<double> &v, int n) {
  return sum(v.data(), v.data() + n) * squares(v.data() + 1, v.data() + n) +
         dot(v.data(), v.data() + 1, n - 1);
}
// TEXT-LABEL: inline double summed_pullback(
// TEXT: double sum_range_v = sum_range(v.data(), n);

GRADC_DIFF("grad")
double tail(const double *a, int n) {
  return sum(a + 1, a + n) * sum(a, a + n);
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

int main() {
  gradc_check::check_arrays(
      "summed", {{"v", {0.5, -1, 2, 0.25, 1.5}}}, {{"n", {4}}},
      [](const Arrays &p) { return summed(p[0], 4); },
      [](const Arrays &p, Arrays &d) { return summed_grad(p[0], 4, d[0]); },
      [](const Arrays &p, double s, Arrays &d) {
        summed_pullback(p[0], 4, s, d[0]);
      });
  gradc_check::check_arrays(
      "tail", {{"a", {0.5, -1, 2, 0.25}}}, {{"n", {4}}},
      [](const Arrays &p) { return tail(p[0].data(), 4); },
      [](const Arrays &p, Arrays &d) {
        return tail_grad(p[0].data(), 4, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        tail_pullback(p[0].data(), 4, s, d[0].data());
      });
  return gradc_check::finish();
}
#endif
