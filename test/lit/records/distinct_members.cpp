// Two different std::array members of one struct passed to one helper
// (an RK stage's state and its slope, scratch of one object) are distinct
// memory: each parameter reaches its own member and no more, so the call
// is accepted. The same member twice, or the whole struct beside one of
// its members, do overlap and stay refused.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --at k=0.7,s0=1.2,s1=-0.4 --function euler | FileCheck %s --check-prefix=AT
// RUN: rm -f %t.refused.h
// RUN: not %gradc %s -o %t.refused.h -- -DREFUSED 2>&1 | FileCheck %s --check-prefix=REFUSED
// RUN: not test -e %t.refused.h
// CHECK: euler: at
// CHECK: rk2: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 2 checked against the interpreter, 0 mismatches
// AT: euler(k = 0.7, s0 = 1.2, s1 = -0.4)
#include <gradc/gradc.h>

#include <array>

using State = std::array<double, 2>;

struct Decay {
  double k;
  void rhs(const State &s, State &ds) const {
    ds[0] = -k * s[0];
    ds[1] = -k * s[1] * s[0];
  }
};

struct Scratch {
  State slope, tmp;
};

static void axpy(double h, const State &x, State &y) {
  for (int i = 0; i < 2; ++i)
    y[i] += h * x[i];
}

#ifndef REFUSED
GRADC_DIFF("grad")
double euler(double k, double s0, double s1) {
  Decay sys{k};
  State s{s0, s1};
  for (int n = 0; n < 3; ++n) {
    Scratch w{};
    w.tmp = s;
    sys.rhs(w.tmp, w.slope);
    for (int i = 0; i < 2; ++i)
      s[i] += 0.1 * w.slope[i];
  }
  return s[1];
}
// TEXT-LABEL: inline double euler_pullback(
// TEXT:         sys.rhs(w.tmp, w.slope);
// TEXT:         Decay_rhs_wrt_self_s_ds_pullback(sys, w.tmp, w.slope, dsys, dw.tmp,
// TEXT-NEXT:                                    dw.slope);

GRADC_DIFF("grad")
double rk2(double k, double s0, double s1) {
  Decay sys{k};
  State s{s0, s1};
  for (int n = 0; n < 2; ++n) {
    Scratch w{};
    sys.rhs(s, w.slope);
    w.tmp = s;
    axpy(0.05, w.slope, w.tmp);
    sys.rhs(w.tmp, w.slope);
    axpy(0.1, w.slope, s);
  }
  return s[0] * s[1];
}
// TEXT-LABEL: inline double rk2_pullback(
// TEXT:         axpy(0.05, w.slope, w.tmp);
#else
GRADC_DIFF("grad")
double same(double k, double s0, double s1) {
  Decay sys{k};
  Scratch w{{s0, s1}, {}};
  // REFUSED: distinct_members.cpp:[[@LINE+1]]:3: error: 's' and 'ds' of rhs point into the same 'w', and it writes through one of them
  sys.rhs(w.slope, w.slope);
  return w.slope[1];
}

static void scale(Scratch &w, State &x) {
  for (int i = 0; i < 2; ++i)
    x[i] *= w.tmp[i];
}

GRADC_DIFF("grad")
double whole(double s0, double s1) {
  Scratch w{{s0, s1}, {s1, s0}};
  // REFUSED: distinct_members.cpp:[[@LINE+1]]:3: error: 'w' and 'x' of scale point into the same 'w', and it writes through one of them (it reaches 4 elements through 'w', and 'x' starts 2 after it)
  scale(w, w.tmp);
  return w.tmp[0] + w.tmp[1];
}
// REFUSED: no output written
#endif

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  GRADC_CHECK_3(euler, 0.7, 1.2, -0.4);
  GRADC_CHECK_3(rk2, 0.9, 0.8, 0.5);
  return gradc_check::finish();
}
#endif
