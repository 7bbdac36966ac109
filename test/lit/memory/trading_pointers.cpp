// Two pointers that trade two whole arrays, as a time stepper's buffers:
// `std::swap(src, dst)` or `T *tmp = src; src = dst; dst = tmp;`, the
// arrays named only through the pointers once they hold them. gradc trades
// the arrays' contents instead (`std::swap(a, b)`), each pointer naming its
// array throughout. Checked against central finite differences, the
// pullback and gradc's interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function heat --at 'u0=[0.5,1,-0.25,0.75,2],n=5,c=0.2' | FileCheck %s --check-prefix=AT
// CHECK: heat: at
// CHECK: heat_tmp: at
// CHECK: heat_vec: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
// AT: heat(u0 = [0.5, 1, -0.25, 0.75, 2], n = 5, c = 0.2)
#include <gradc/gradc.h>

#include <cmath>
#include <utility>
#include <vector>

// The arrays are zeroed where they are declared: the trade copies all 16
// elements, and C++ gives only n of them a value.
// TEXT-LABEL: inline double heat_pullback(
// TEXT: double a[16] = {};
// TEXT-NEXT: double b[16] = {};
// TEXT: b[i] = a[i] + c * (a_old - 2 * a[i] + a_old_2);
// TEXT: for (int i = 0; i < 16; ++i) {
// TEXT-NEXT: double a_old = a[i];
// TEXT-NEXT: a[i] = b[i];
// TEXT-NEXT: b[i] = a_old;
// TEXT: // trading_pointers.cpp:[[@LINE+12]]: std::swap(src, dst);
GRADC_DIFF("grad")
double heat(const double *u0, int n, double c) {
  double a[16], b[16];
  for (int i = 0; i < n; ++i)
    a[i] = u0[i];
  double *src = a, *dst = b;
  for (int t = 0; t < 5; ++t) {
    dst[0] = src[0];
    dst[n - 1] = src[n - 1];
    for (int i = 1; i < n - 1; ++i)
      dst[i] = src[i] + c * (src[i - 1] - 2 * src[i] + src[i + 1]);
    std::swap(src, dst);
  }
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += src[i] * src[i] * (i + 1);
  return s;
}

// C's form, through a temporary; `*src` and offsets read through too.
// TEXT-LABEL: inline double heat_tmp_pullback(
// TEXT: // trading_pointers.cpp:[[@LINE+12]]: src = dst;
GRADC_DIFF("grad")
double heat_tmp(const double *u0, int n, double c) {
  double a[8] = {0}, b[8] = {0};
  for (int i = 0; i < n; ++i)
    a[i] = u0[i];
  double *src = a;
  double *dst = b;
  for (int t = 0; t < 4; ++t) {
    for (int i = 0; i < n; ++i)
      *(dst + i) = src[i] * (1 + c * src[(i + 1) % n]);
    double *tmp = src;
    src = dst;
    dst = tmp;
  }
  return *src + src[n - 1] * dst[0];
}

// std::vectors by .data(), a helper writing through the pointers, and a
// trade that some steps skip.
static void step(const double *in, double *out, int n, double c) {
  for (int i = 0; i < n; ++i)
    out[i] = in[i] + c * std::sin(in[(i + 1) % n]) * in[i];
}

GRADC_DIFF("grad wrt(u0, c)")
double heat_vec(const std::vector<double> &u0, double c, int steps) {
  int n = static_cast<int>(u0.size());
  std::vector<double> a(u0), b(n);
  double *cur = a.data();
  double *nxt = b.data();
  for (int t = 0; t < steps; ++t) {
    step(cur, nxt, n, c);
    if (t % 3 != 1)
      std::swap(nxt, cur);
  }
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += cur[i] * cur[i] + 0.5 * nxt[i];
  return s;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

template <class F, class G, class Pb>
void checkStepper(const char *Name, F f, G g, Pb pb) {
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      Name, {{"u0", {0.5, 1, -0.25, 0.75, 2}}, {"c", {0.2}}}, {{"n", {5}}},
      [f](const Arrays &p) { return f(p[0].data(), 5, p[1][0]); },
      [g](const Arrays &p, Arrays &d) {
        return g(p[0].data(), 5, p[1][0], d[0].data(), d[1][0]);
      },
      [pb](const Arrays &p, double s, Arrays &d) {
        pb(p[0].data(), 5, p[1][0], s, d[0].data(), d[1][0]);
      });
}

int main() {
  using gradc_check::Arrays;
  checkStepper("heat", heat, heat_grad, heat_pullback);
  checkStepper("heat_tmp", heat_tmp, heat_tmp_grad, heat_tmp_pullback);
  gradc_check::check_arrays(
      "heat_vec", {{"u0", {0.5, 1, -0.25, 0.75, 2, 1.5}}, {"c", {0.3}}},
      {{"steps", {5}}},
      [](const Arrays &p) { return heat_vec(p[0], p[1][0], 5); },
      [](const Arrays &p, Arrays &d) {
        return heat_vec_grad(p[0], p[1][0], 5, d[0], d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        heat_vec_pullback(p[0], p[1][0], 5, s, d[0], d[1][0]);
      });
  return gradc_check::finish();
}
#endif
