// A for loop's step that changes a variable inside an expression, the
// shoelace formula's `j = i++` above all: its changes in C++'s order,
// written as a step C++ runs the same (`j = i, ++i`: j the old i). Also a
// lagged index (`++i, k = j++`), two increments in one value (`m = j++ +
// k++`), a pre-increment (`j = ++i`) and a header declaration whose
// initializer changes a variable (`int k = j++`), declared before the loop.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function area --at 'x=[0,1,1.5,0],y=[0,0,1,1.2],n=4' | FileCheck %s --check-prefix=AT
// CHECK: area: at
// CHECK: lagged: at
// CHECK: pairs: at
// CHECK: ahead: at
// CHECK: from_next: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 5 checked against the interpreter, 0 mismatches
// AT: area(x = [0, 1, 1.5, 0], y = [0, 0, 1, 1.2], n = 4) = -1.4
// AT: param  x[0]{{ +}}0{{ +}}0.6
#include <gradc/gradc.h>

// The signed area of a polygon (the shoelace formula).
GRADC_DIFF("grad wrt(x, y)")
double area(const double *x, const double *y, int n) {
  double a = 0;
  for (int i = 0, j = n - 1; i < n; j = i++)
    a += (x[j] + x[i]) * (y[j] - y[i]);
  return 0.5 * a;
}
// TEXT-LABEL: inline double area_pullback(
// TEXT:         for (; i < n; j = i, ++i) {

GRADC_DIFF("grad wrt(w)")
double lagged(const double *w, int n) {
  double s = 0;
  int j = 0, k = 0;
  for (int i = 0; i < n; ++i, k = j++)
    s += w[k] * w[i];
  return s;
}
// TEXT-LABEL: inline double lagged_pullback(
// TEXT:         for (int i = 0; i < n; ++i, k = j, ++j) {

GRADC_DIFF("grad wrt(w)")
double pairs(const double *w, int n) {
  double s = 0;
  int j = 0, k = 1, m = 0;
  for (int i = 0; i < n; m = j++ + k++, ++i)
    s += w[m % n] * w[i] + w[j % n];
  return s;
}
// TEXT-LABEL: inline double pairs_pullback(
// TEXT:         for (int i = 0; i < n; m = j + k, ++j, ++k, ++i) {

GRADC_DIFF("grad wrt(w)")
double ahead(const double *w, int n) {
  double s = 0;
  int j = 0;
  for (int i = 0; i < n - 1; j = ++i)
    s += w[j] * w[i + 1];
  return s;
}
// TEXT-LABEL: inline double ahead_pullback(
// TEXT:         for (int i = 0; i < n - 1; j = i + 1, ++i) {

GRADC_DIFF("grad wrt(w)")
double from_next(const double *w, int n) {
  double s = 0;
  int j = 1;
  for (int k = j++; k < n; ++k)
    s += w[k] * j;
  return s;
}
// TEXT-LABEL: inline double from_next_pullback(
// TEXT:         int k = j_old;
// TEXT:         for (; k < n; ++k) {

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  const std::vector<double> X = {0, 1, 1.5, 0}, Y = {0, 0, 1, 1.2};
  gradc_check::check_arrays(
      "area", {{"x", X}, {"y", Y}}, {{"n", {4}}},
      [](const Arrays &p) { return area(p[0].data(), p[1].data(), 4); },
      [](const Arrays &p, Arrays &d) {
        return area_grad(p[0].data(), p[1].data(), 4, d[0].data(),
                         d[1].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        area_pullback(p[0].data(), p[1].data(), 4, s, d[0].data(),
                      d[1].data());
      });
  const std::vector<double> W = {0.5, -1, 2, 0.7, 1.3};
#define CHECK_W(name)                                                          \
  gradc_check::check_arrays(                                                   \
      #name, {{"w", W}}, {{"n", {5}}},                                         \
      [](const Arrays &p) { return name(p[0].data(), 5); },                    \
      [](const Arrays &p, Arrays &d) {                                         \
        return name##_grad(p[0].data(), 5, d[0].data());                       \
      },                                                                       \
      [](const Arrays &p, double s, Arrays &d) {                               \
        name##_pullback(p[0].data(), 5, s, d[0].data());                       \
      })
  CHECK_W(lagged);
  CHECK_W(pairs);
  CHECK_W(ahead);
  CHECK_W(from_next);
  return gradc_check::finish();
}
#endif
