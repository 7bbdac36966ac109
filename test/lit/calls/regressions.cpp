// Cases a review of the call support found wrong, each now checked against
// finite differences and the interpreter:
// - a call's seed read after the adjoint it comes from was zeroed
//   (s = sq(s) * 0.5 in a loop printed the zeroing first);
// - a custom pullback that reads the output its call saved, on a local of
//   a loop body;
// - a recursive function with a custom pullback (gradc crashed);
// - a const& parameter of a callee, and one named `o` (whose adjoint would
//   be the keyword `do`);
// - a callee that only reads through a non-const pointer or reference,
//   also on a variable of a loop (copied through its address);
// - instances of a template with a non-type parameter (numbered pullbacks);
// - a helper that writes one element of an array (or member of a struct) it
//   is given and then reads another the caller set: its pullback was given
//   an uninitialized copy instead of the array as the call found it.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// The recursive function: gradc's interpreter cannot run a body it could
// not lower, so this one is checked against finite differences only.
// RUN: %gradc %s -o %t.rec.h -- -DRECURSIVE
// RUN: %cxx -DRECURSIVE -DGRADC_OUT='"%t.rec.h"' %s -o %t.rec && %t.rec | FileCheck %s --check-prefix=REC
// RUN: not %gradc %s -o %t.bad.h -- -DHEADER 2>&1 | FileCheck %s --check-prefix=HEADER
// RUN: not %gradc %s -o %t.bad.h -- -DCOLLIDE 2>&1 | FileCheck %s --check-prefix=COLLIDE
// x -> x^2 / 2 three times: x^8 / 2^7, d = 8 x^7 / 2^7.
// CHECK:      halve_squares: at 0.5
// CHECK-NEXT: halve_squares: f = 3.0517578125e-05
// CHECK-NEXT: halve_squares: d[0] = 0.00048828125 (
// CHECK:      saved_output: at 0.25
// x^3 + x, through the custom pullback 3 x^2.
// REC:      power: at 0.5
// REC-NEXT: power: f = 0.625
// REC-NEXT: power: d[0] = 1.75 (
// REC: ALL OK
// s = 3x read through a double &: 9 x^2 * x, d = 27 x^2.
// CHECK:      ref_read: at 0.5
// CHECK-NEXT: ref_read: f = 1.125
// CHECK-NEXT: ref_read: d[0] = 6.75 (
// CHECK:      ref_in_loop: at 0.5
// |w|^2 over 3 elements plus twice over 2.
// CHECK:      sums: at w=[0.5,1,2]
// CHECK-NEXT: sums: f = 7.75
// CHECK-NEXT: sums: d(w[0]) = 3 (
// CHECK-NEXT: sums: d(w[1]) = 6 (
// CHECK-NEXT: sums: d(w[2]) = 4 (
// CHECK:      by_reference: at 0.5 2
// CHECK:      reads_only: at v=[1,2,3],n=[3]
// CHECK-NEXT: reads_only: f = 14
// CHECK-NEXT: reads_only: d(v[0]) = 2 (
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 9 checked against the interpreter, 0 mismatches
// TEXT-DAG: inline void sumN_pullback(
// TEXT-DAG: inline void sumN_2_pullback(
#include <gradc/gradc.h>

#include <cmath>

static double sq(double v) { return v * v; }

GRADC_DIFF("grad")
double halve_squares(double x) {
  double s = x;
  for (int i = 0; i < 3; ++i)
    s = sq(s) * 0.5;
  return s;
}

void pair(double a, double *o) {
  o[0] = a * a;
  o[1] = std::exp(a);
}

// Reads o[1], exp(a), saved by the call.
GRADC_DIFF("custom")
void pair_pullback(double a, double *o, const double *dout, double &da) {
  da += 2 * a * dout[0] + o[1] * dout[1];
}

GRADC_DIFF("grad")
double saved_output(double x) {
  double s = x;
  for (int i = 0; i < 2; ++i) {
    double t[2];
    pair(s * 0.5, t);
    s = s + t[0] * 0.1 + t[1] * 0.01;
  }
  return s;
}

static double rd(double &a) { return a * a; }

GRADC_DIFF("grad")
double ref_read(double x) {
  double s = x * 3;
  return rd(s) * x;
}

GRADC_DIFF("grad")
double ref_in_loop(double x) {
  double s = x, t = 0;
  for (int i = 0; i < 3; ++i) {
    t += rd(s);
    s = s * 0.5;
  }
  return t;
}

template <int N> double sumN(const double *v) {
  double s = 0;
  for (int i = 0; i < N; ++i)
    s += v[i] * v[i];
  return s;
}

GRADC_DIFF("grad")
double sums(const double (&w)[3]) { return sumN<3>(w) + 2 * sumN<2>(w); }

#ifdef RECURSIVE
double pw(double v, int k) { return k == 0 ? 1.0 : v * pw(v, k - 1); }

GRADC_DIFF("custom")
void pw_pullback(double v, int k, double dout, double &dv) {
  dv += dout * k * pw(v, k - 1);
}

GRADC_DIFF("grad")
double power(double x) { return pw(x, 3) + x; }
#endif

static double scale(const double &o, double k) { return o * k; }

GRADC_DIFF("grad")
double by_reference(double x, double y) { return scale(x, y) + scale(y, y); }

static double total(double *v, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += v[i] * v[i];
  return s;
}

GRADC_DIFF("grad wrt(v)")
double reads_only(double *v, int n) { return total(v, n); }

#ifdef HEADER
GRADC_DIFF("grad")
double header(double x, int n) {
  double s = 0;
  int k = n;
  // HEADER: regressions.cpp:[[@LINE+1]]:15: error: a loop header that computes with derivatives (in the loop's initialization or step) is not supported yet; move that computation into the loop body
  for (double t = x; k > 0; t = t * x) {
    s += t;
    --k;
  }
  return s;
}
#endif

#ifdef COLLIDE
// COLLIDE: regressions.cpp:[[@LINE+2]]:8: error: 'other' would generate sq_pullback, as 'sq' (line [[#@LINE-102]]), which is called, does; give it another name(...)
GRADC_DIFF("grad name(sq)")
double other(double v) { return std::exp(v); }
#endif

// Writes p[0] first, then reads p[1], which the caller set.
static void setarr(double *p, double x) {
  p[0] = x;
  p[1] = p[1] * x;
}
GRADC_DIFF("grad")
double write_then_read(double x, double y) {
  double p[2];
  p[1] = y;
  setarr(p, x);
  return p[0] * p[1];
}
// TEXT-LABEL: inline double write_then_read_pullback(
// TEXT: p_tape.pop_array(p_2, 2);
// TEXT-NEXT: setarr_wrt_p_x_pullback(p_2, x, dp, dx);

// The same through a struct's members, on the elements of a local array.
struct Particle {
  double m = 2.0;
  double x;
  double v = 0.5;
  double a = 0.0;
};
static void force(Particle &b, double g) {
  b.a = -g;
  b.a -= std::sin(b.x) / b.m;
  b.v += 0.1 * b.a;
  b.x += 0.1 * b.v;
}
GRADC_DIFF("grad")
double particles(double x0, double g) {
  Particle bs[3];
  for (int i = 0; i < 3; ++i)
    bs[i].x = x0 * (i + 1);
  for (int t = 0; t < 4; ++t)
    for (int i = 0; i < 3; ++i)
      force(bs[i], g);
  double e = 0;
  for (const Particle &b : bs)
    e += b.x * b.x + b.m * b.v * b.v;
  return e;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  GRADC_CHECK_1(halve_squares, 0.5);
  GRADC_CHECK_1(saved_output, 0.25);
  GRADC_CHECK_1(ref_read, 0.5);
  GRADC_CHECK_1(ref_in_loop, 0.5);
  using A3 = const double(&)[3];
  gradc_check::check_arrays(
      "sums", {{"w", {0.5, 1, 2}}}, {},
      [](const Arrays &p) { return sums(reinterpret_cast<A3>(*p[0].data())); },
      [](const Arrays &p, Arrays &d) {
        return sums_grad(reinterpret_cast<A3>(*p[0].data()), d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        sums_pullback(reinterpret_cast<A3>(*p[0].data()), s, d[0].data());
      });
#ifdef RECURSIVE
  GRADC_CHECK_1(power, 0.5);
  return gradc_check::finish();
#endif
  GRADC_CHECK_2(by_reference, 0.5, 2.0);
  GRADC_CHECK_2(write_then_read, 0.4, 1.3);
  GRADC_CHECK_2(particles, 0.4, 1.3);
  gradc_check::check_arrays(
      "reads_only", {{"v", {1, 2, 3}}}, {{"n", {3}}},
      [](const Arrays &p) {
        Arrays q = p;
        return reads_only(q[0].data(), 3);
      },
      [](const Arrays &p, Arrays &d) {
        Arrays q = p;
        return reads_only_grad(q[0].data(), 3, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        Arrays q = p;
        reads_only_pullback(q[0].data(), 3, s, d[0].data());
      });
  return gradc_check::finish();
}
#endif
