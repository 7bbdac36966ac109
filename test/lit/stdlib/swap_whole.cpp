// std::swap of two local arrays, std::arrays and std::vectors of numbers
// of one size, and `T.swap(Tn)` of vectors: the old and new state of an
// explicit time stepper, swapped after each step. Each is the loop that
// exchanges their elements. Checked against central finite differences,
// the pullback and gradc's interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function heat --at 'u0=[0.5,1,-0.25,0.75],k=0.2,n=4' | FileCheck %s --check-prefix=AT
// CHECK: swapped_arrays: at
// CHECK: heat: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
// AT: heat(u0 = [0.5, 1, -0.25, 0.75], k = 0.2, n = 4)
#include <gradc/gradc.h>

#include <array>
#include <utility>
#include <vector>

GRADC_DIFF("grad")
double swapped_arrays(double x, double y) {
  double a[2] = {x, y}, b[2] = {x * y, 1.0};
  std::swap(a, b);
  std::array<double, 3> c{x, 2 * x, y}, d{y, y, x};
  std::swap(c, d);
  return a[0] * b[1] + a[1] + c[0] * d[2] + c[2];
}
// TEXT-LABEL: inline double swapped_arrays_pullback(

// One explicit step of the heat equation on a ring, into Tn.
static void step(const std::vector<double> &T, std::vector<double> &Tn,
                 double k) {
  int n = static_cast<int>(T.size());
  for (int i = 0; i < n; ++i)
    Tn[i] = T[i] + k * (T[(i + n - 1) % n] - 2 * T[i] + T[(i + 1) % n]);
}

GRADC_DIFF("grad wrt(u0, k)")
double heat(const double *u0, double k, int n) {
  std::vector<double> T(n), Tn(n);
  for (int i = 0; i < n; ++i)
    T[i] = u0[i];
  for (int s = 0; s < 3; ++s) {
    step(T, Tn, k);
    T.swap(Tn);
  }
  std::swap(T, Tn);
  double e = 0;
  for (int i = 0; i < n; ++i)
    e += T[i] * T[i] * (i + 1) + Tn[i];
  return e;
}
// TEXT-LABEL: inline double heat_pullback(
// TEXT:         step(T, Tn, k);
// TEXT:           for (int i = 0; i < n; ++i) {
// TEXT-NEXT:        double T_old = T[i];
// TEXT-NEXT:        T[i] = Tn[i];
// TEXT-NEXT:        Tn[i] = T_old;
// TEXT:         // swap_whole.cpp:{{[0-9]+}}: T.swap(Tn);
// TEXT-NEXT:      for (int i = n - 1; i >= 0; --i) {
// TEXT-NEXT:        double dTn_old = dTn[i];

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  GRADC_CHECK_2(swapped_arrays, 0.5, -1.25);
  gradc_check::check_arrays(
      "heat", {{"u0", {0.5, 1, -0.25, 0.75}}, {"k", {0.2}}}, {{"n", {4}}},
      [](const Arrays &p) { return heat(p[0].data(), p[1][0], 4); },
      [](const Arrays &p, Arrays &d) {
        return heat_grad(p[0].data(), p[1][0], 4, d[0].data(), d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        heat_pullback(p[0].data(), p[1][0], 4, s, d[0].data(), d[1][0]);
      });
  return gradc_check::finish();
}
#endif
