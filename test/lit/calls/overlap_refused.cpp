// Two arguments of a call point into one array, the callee writes through
// one of them, and gradc sees that they overlap: the pullback, which takes
// its pointer parameters for distinct memory, would be wrong. Refused at
// the call with advice; the advised rewrite (a copy of what it reads) is
// checked against finite differences in the interpreter. Arguments into
// one array that do not overlap (`s`, `s + 2` for a callee reaching two
// elements) are accepted.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h -- -DREFUSED 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
// RUN: %gradc %s --check --at 'w=[0.2,-0.6,1.3,0.5]' --function copied | FileCheck %s --check-prefix=COPY
// RUN: %gradc %s --check --at 'w=[0.2,-0.6,1.3,0.5]' --function apart | FileCheck %s --check-prefix=APART
#include <gradc/gradc.h>

#include <cmath>

static void shift(int n, double *out, const double *in) {
  for (int i = 0; i < n; ++i)
    out[i] = std::sin(in[i]) + out[i];
}

static void pair(double *out, const double *in) {
  out[0] = in[0] * in[1];
  out[1] = in[0] + in[1];
}

#ifdef REFUSED
GRADC_DIFF("grad")
double overlap(const double *w) {
  double s[4];
  for (int i = 0; i < 4; ++i)
    s[i] = w[i];
  // CHECK: overlap_refused.cpp:[[@LINE+1]]:3: error: 'out' and 'in' of shift point into the same 's', and it writes through one of them (it reaches 3 elements through 'out', and 'in' starts 1 after it); gradc's pullbacks take pointer arguments for distinct memory: pass a copy of what it reads
  shift(3, s, s + 1);
  return s[0] * s[3];
}

GRADC_DIFF("grad")
double same(const double *w) {
  double s[2] = {w[0], w[1]};
  // CHECK: overlap_refused.cpp:[[@LINE+1]]:3: error: 'out' and 'in' of pair point into the same 's'
  pair(s, s);
  return s[0] + s[1];
}

GRADC_DIFF("grad")
double element(const double *w, int n) {
  double s[4] = {w[0], w[1], w[2], w[3]};
  double r = 0;
  for (int i = 0; i < n; ++i) {
    // CHECK: overlap_refused.cpp:[[@LINE+1]]:5: error: 'out' and 'in' of pair point into the same 's'
    pair(&s[i], &s[i]);
    r += s[i];
  }
  return r;
}
// CHECK: no output written
#endif

// COPY: ok: all 4 entries agree with finite differences
GRADC_DIFF("grad")
double copied(const double *w) {
  double s[4], in[3];
  for (int i = 0; i < 4; ++i)
    s[i] = w[i];
  for (int i = 0; i < 3; ++i)
    in[i] = s[i + 1];
  shift(3, s, in);
  return s[0] * s[3];
}

// APART: ok: all 4 entries agree with finite differences
GRADC_DIFF("grad")
double apart(const double *w) {
  double s[4];
  for (int i = 0; i < 4; ++i)
    s[i] = w[i];
  pair(s + 2, s);
  return s[2] * s[3] + s[0];
}
