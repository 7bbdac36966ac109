// An annotated function template is differentiated as each of its
// instances in the file: the ones the file uses and the ones it
// instantiates explicitly. Each gets its own f_grad and f_pullback
// overload; a template helper it calls is instantiated along with it.
// RUN: %gradc %s -o %t.grad.h 2> %t.err
// RUN: FileCheck %s --check-prefix=WARN < %t.err
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK:      norm<double>: at x=[3,4],n=[2]
// CHECK-NEXT: norm<double>: f = 5
// CHECK-NEXT: norm<double>: d(x[0]) = 0.600000000000000
// CHECK-NEXT: norm<double>: d(x[1]) = 0.80000000000000
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 1 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

template <typename T> T sqnorm(const T *v, int n) {
  T s = 0;
  for (int i = 0; i < n; ++i)
    s += v[i] * v[i];
  return s;
}

template <typename T>
GRADC_DIFF("grad")
T norm(const T *x, int n) {
  return std::sqrt(sqnorm(x, n));
}

// Explicitly, for double; and used with float below.
template double norm<double>(const double *, int);
inline float norm_f(const float *x) { return norm(x, 2); }

// Callees' pullbacks come first, one overload per instance.
// TEXT:      inline void sqnorm_pullback(const double *v, int n, double dout, double *dv) {
// TEXT:      inline void sqnorm_pullback(const float *v, int n, float dout, float *dv) {
// TEXT:      inline double norm_pullback(const double *x, int n, double dout, double *dx) {
// TEXT:        sqnorm_pullback(x, n, {{.*}}, dx);
// TEXT:      inline double norm_grad(const double *x, int n, double *dx) {
// TEXT-NEXT:   return norm_pullback(x, n, 1, dx);
// TEXT:      inline float norm_pullback(const float *x, int n, float dout, float *dx) {
// TEXT:        sqnorm_pullback(x, n, {{.*}}, dx);
// TEXT:      inline float norm_grad(const float *x, int n, float *dx) {
// TEXT-NEXT:   return norm_pullback(x, n, 1, dx);

// In an instance, the template's parameters are their arguments: N is 2
// and act<T> is act<float> (the header would not compile otherwise).
template <typename T> T act(T x) { return x / (T(1) + std::exp(-x)); }

template <int N, typename T>
GRADC_DIFF("grad")
T scaled_act(const T *w) {
  T s = 0;
  for (int i = 0; i < N; ++i)
    s += act<T>(w[i]);
  return s * N;
}
template float scaled_act<2, float>(const float *);
// TEXT-LABEL: inline float scaled_act_pullback(const float *w, float dout, float *dw) {
// TEXT:         for (int i = 0; i < 2; ++i) {
// TEXT:           act<float>(w[i]);
// TEXT-LABEL: inline float scaled_act_grad(const float *w, float *dw) {
// TEXT-NEXT:    return scaled_act_pullback(w, 1, dw);

// WARN: templates.cpp:[[@LINE+3]]:3: warning: template 'never' is annotated with GRADC_DIFF but no instance of it is in this file; instantiate it, for example with 'template double never<double>(...);'
template <typename T>
GRADC_DIFF("grad")
T never(T x) { return x * x; }

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"


int main() {
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "norm<double>", {{"x", {3, 4}}}, {{"n", {2}}},
      [](const Arrays &p) { return norm(p[0].data(), 2); },
      [](const Arrays &p, Arrays &d) {
        return norm_grad(p[0].data(), 2, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        norm_pullback(p[0].data(), 2, s, d[0].data());
      });
  float xf[2] = {3, 4}, df[2] = {0, 0};
  gradc_check::expect("norm_grad<float>", norm_grad(xf, 2, df), 5);
  return gradc_check::finish();
}
#endif
