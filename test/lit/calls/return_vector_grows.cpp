// Helpers returning a std::vector whose size is known only once they have
// run (issue 14): built by push_back in a loop, returned from more than one
// place, or called in a loop with a size that depends on what the loop
// computes. The vector a call returns then changes size as a local vector
// that grows does: declared where the call is (before the loop, for a call
// in a loop, with a note), its adjoint sized once the forward sweep is over
// (`dv(v.size())`, `v.capacity()` for one made anew or assigned again), and
// a helper returning from several places fills a vector `result` that the
// return taken sizes.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function steps --at 'x=[0.5,-0.25,1.5,0.75,0.3],t=1.5' -o - | FileCheck %s --check-prefix=AT
// CHECK: picked: at
// CHECK: steps: at
// CHECK: steps: at
// CHECK: steps: at
// CHECK: windows: at
// CHECK: shrinking: at
// CHECK: mixed: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 7 checked against the interpreter, 0 mismatches
// AT: steps(x = [0.5, -0.25, 1.5, 0.75, 0.3], t = 1.5)
// AT: param  x[0]           0.5                      1.92200156375815{{[0-9]*}}
// AT: param  t              1.5                      4.69423138226253{{[0-9]*}}
// AT: v[4]           -0.11121892057658{{[0-9]*}}     (at the end)
#include <gradc/gradc.h>

#include <cmath>
#include <vector>

static std::vector<double> evens(const std::vector<double> &x, double t) {
  std::vector<double> r;
  for (size_t i = 0; i < x.size(); ++i)
    if (i % 2 == 0)
      r.push_back(x[i] * t);
  return r;
}
// TEXT-LABEL: inline void evens_pullback(const std::vector<double> &x, double t,
// TEXT-NEXT:                             const std::vector<double> &dout,
// TEXT-NEXT:                             std::vector<double> &dx, double &dt) {
// TEXT:         std::vector<double> dr(r.size());
// choose (below), called in a loop only: its pullback also takes the
// vector's seed in/out (and clears it), not the vector, which the caller
// has: the return taken sizes the seed of `result`.
// TEXT-LABEL: inline void choose_wrt_x_t_out_pullback(
// TEXT:         std::size_t result_size = 0;
// TEXT:         if (cond) {
// TEXT:           result_size = b.size();
// TEXT:         } else if (t < -1) {
// TEXT-NEXT:      gradc::refill(evens_result, evens(x, t));
// TEXT-NEXT:      result_size = evens_result.size();
// TEXT:         std::vector<double> dresult(result_size);

static double total(const std::vector<double> &v) {
  double s = 0;
  for (double e : v)
    s += e;
  return s;
}

GRADC_DIFF("grad")
double picked(const std::vector<double> &x, double t) {
  auto v = evens(x, t);
  return v[0] * v.back() + total(evens(x, 2 * t)) + evens(x, t)[1] +
         evens(x, t).size();
}
// TEXT-LABEL: inline double picked_pullback(
// TEXT:         std::vector<double> v = evens(x, t);
// TEXT:         std::vector<double> dv(v.size());
// TEXT:         evens_pullback(x, t, dv, dx, dt);

static std::vector<double> choose(const std::vector<double> &x, double t) {
  std::vector<double> a(x.size());
  for (size_t i = 0; i < x.size(); ++i)
    a[i] = std::sin(x[i]) * t;
  if (t > 1) {
    std::vector<double> b;
    b.push_back(t * t);
    b.push_back(a[0]);
    return b;
  }
  if (t < -1)
    return evens(x, t);
  return a;
}

GRADC_DIFF("grad")
double steps(const std::vector<double> &x, double t) {
  double s = 0;
  for (int k = 0; k < 3; ++k) {
    std::vector<double> v = choose(x, t);
    s += v[0] * v[1] + total(v);
    t = t * 0.5 - s * 0.1;
  }
  return s;
}
// TEXT-LABEL: inline double steps_pullback(
// TEXT:         // v of line [[@LINE-7]], made anew there, lives here for the backward sweep
// TEXT-NEXT:    std::vector<double> v;
// TEXT-NEXT:    for (int k = 0; k < 3; ++k) {
// TEXT-NEXT:      t_tape.push_reserved(t_2);
// TEXT-NEXT:      gradc::refill(v, choose(x, t_2));

static std::vector<double> window(const std::vector<double> &x, int from,
                                  int n) {
  std::vector<double> r(n);
  for (int i = 0; i < n; ++i)
    r[i] = x[from + i];
  return r;
}

GRADC_DIFF("grad wrt(x)")
double windows(const std::vector<double> &x) {
  double s = 0;
  for (int k = 1; k < 4; ++k) {
    // Sized by the counter: known once the call has run.
    auto w = window(x, 4 - k, k);
    for (size_t i = 0; i < w.size(); ++i)
      s += w[i] * w[i] * (s + 1);
  }
  return s;
}
// TEXT-LABEL: inline double windows_pullback(
// TEXT:         std::vector<double> dw(w.capacity());

GRADC_DIFF("grad wrt(x)")
double shrinking(const std::vector<double> &x) {
  double s = 0;
  for (int k = 3; k >= 1; --k) {
    // The last call's vector is the shortest: refilled, w keeps the
    // longest one's storage, which the backward sweep sizes by.
    auto w = window(x, 4 - k, k);
    for (size_t i = 0; i < w.size(); ++i)
      s += w[i] * w[i] * (s + 1);
  }
  return s;
}
// TEXT-LABEL: inline double shrinking_pullback(
// TEXT:           gradc::refill(w, window(x, 4 - k, k));
// TEXT:         std::vector<double> dw(w.capacity());

struct Gain {
  double w;
  std::vector<double> grow(const std::vector<double> &x) const {
    std::vector<double> r;
    for (double e : x)
      r.push_back(e * w);
    return r;
  }
};

static std::vector<double> ones(int n) {
  std::vector<double> r(n, 1.0);
  return r;
}

GRADC_DIFF("grad")
double mixed(const std::vector<double> &x, double t) {
  std::vector<double> h = evens(x, 0.5);
  double s0 = h[2] * t;
  h = ones(1); // shorter now: its adjoint keeps the longest
  const std::vector<double> &r = evens(x, t * t);
  double s = s0 + h[0] * r[2];
  Gain a{t};
  auto g = a.grow(x);
  s += g[2] * g[0];
  std::vector<double> u = evens(x, t);
  u.push_back(t * 3);
  return s + u.back() * u[0];
}
// TEXT-LABEL: inline double mixed_pullback(
// TEXT:         std::vector<double> dh(h.capacity());

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  const std::vector<double> X = {0.5, -0.25, 1.5, 0.75, 0.3};
  auto Check = [&](const char *Name, double T, auto F, auto G, auto Pb) {
    gradc_check::check_arrays(
        Name, {{"x", X}, {"t", {T}}}, {},
        [&](const Arrays &p) { return F(p[0], p[1][0]); },
        [&](const Arrays &p, Arrays &d) {
          return G(p[0], p[1][0], d[0], d[1][0]);
        },
        [&](const Arrays &p, double s, Arrays &d) {
          Pb(p[0], p[1][0], s, d[0], d[1][0]);
        });
  };
#define GRADC_FNS(f) f, f##_grad, f##_pullback
  Check("picked", 0.7, GRADC_FNS(picked));
  Check("steps", 0.7, GRADC_FNS(steps));
  Check("steps", 1.5, GRADC_FNS(steps));
  Check("steps", -1.5, GRADC_FNS(steps));
  gradc_check::check_arrays(
      "windows", {{"x", X}}, {}, [](const Arrays &p) { return windows(p[0]); },
      [](const Arrays &p, Arrays &d) { return windows_grad(p[0], d[0]); },
      [](const Arrays &p, double s, Arrays &d) {
        windows_pullback(p[0], s, d[0]);
      });
  gradc_check::check_arrays(
      "shrinking", {{"x", X}}, {},
      [](const Arrays &p) { return shrinking(p[0]); },
      [](const Arrays &p, Arrays &d) { return shrinking_grad(p[0], d[0]); },
      [](const Arrays &p, double s, Arrays &d) {
        shrinking_pullback(p[0], s, d[0]);
      });
  Check("mixed", 0.7, GRADC_FNS(mixed));
  return gradc_check::finish();
}
#endif
