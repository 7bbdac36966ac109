// return anywhere: inside loops (for, while, do, range-based for, a loop
// whose condition changes a variable), nested loops, a loop inside a
// branch, a switch inside a loop, an if followed by more of its block, a
// void function, a helper. The value goes through the local `result`; a
// return that more code would follow also sets `bool returned`, breaks
// out of its loop, and the code it skips is under `if (!returned)` (an
// outer loop's body ends with `if (returned) break;`). Checked against
// finite differences and the interpreter on the paths that return early
// and on those that do not.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// first_big at w = [0.5, 1, 3, 0.2], x = 1 returns at i = 2:
// s + w2 x = 0.25 + 1 + 3; d/dw = [1, 2, 1, 0], d/dx = w2 = 3.
// CHECK:      first_big: at w=[0.5,1,3,0.2{{0*1}}],x=[1],n=[4]
// CHECK-NEXT: first_big: f = 4.25
// CHECK-NEXT: first_big: d(w[0]) = 1 (
// CHECK-NEXT: first_big: d(w[1]) = 2 (
// CHECK-NEXT: first_big: d(w[2]) = 1 (
// CHECK-NEXT: first_big: d(w[3]) = 0 (
// CHECK-NEXT: first_big: d(x[0]) = 3 (
// Without an early return: (0.25 + 1 + 0.09 + 0.04) x.
// CHECK:      first_big: at w=[0.5,1,0.{{.*}}],x=[1],n=[4]
// CHECK-NEXT: first_big: f = 1.3800000000000001
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 29 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

GRADC_DIFF("grad wrt(w, x)")
double first_big(const double *w, int n, double x) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    if (w[i] * x > 2)
      return s + w[i] * x;
    s += w[i] * w[i];
  }
  return s * x;
}
// The return stores its value and breaks out; the rest of the body is its
// else, and the code after the loop runs when nothing returned.
// TEXT-LABEL: inline double first_big_pullback(
// TEXT:         bool returned = false;
// TEXT:         for (int i = 0; i < n; ++i) {
// TEXT-NEXT:      ++iters;
// TEXT-NEXT:      if (w[i] * x > 2) {
// TEXT-NEXT:        result = s + w[i] * x;
// TEXT-NEXT:        returned = true;
// TEXT-NEXT:        break;
// TEXT-NEXT:      } else {
// TEXT-NEXT:        s += w[i] * w[i];
// TEXT-NEXT:      }
// TEXT-NEXT:    }
// TEXT-NEXT:    bool cond = !returned;
// TEXT-NEXT:    if (cond) {
// TEXT-NEXT:      result = s * x;
// TEXT-NEXT:    }
// TEXT-NEXT:    double first_big = result;
// TEXT-NEXT:    double dresult = dout;
// TEXT-LABEL: inline double first_big_grad(
// TEXT:         return first_big_pullback(w, n, x, 1, dw, dx);

GRADC_DIFF("grad wrt(w, x)")
double nested(const double *w, int n, double x) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) {
      s += w[i] * w[j] * x;
      if (s > 3)
        return std::sin(s);
    }
    s *= 0.5;
  }
  return s;
}
// TEXT-LABEL: inline double nested_pullback(
// TEXT:            if (s > 3) {
// TEXT:              returned = true;
// TEXT-NEXT:         break;
// TEXT-NEXT:       }
// TEXT-NEXT:     }
// TEXT:          if (returned) {
// TEXT-NEXT:       break;
// TEXT-NEXT:     } else {
// TEXT-NEXT:       s *= 0.5;
// TEXT-NEXT:     }
// TEXT-LABEL: inline double nested_grad(
// TEXT:          return nested_pullback(w, n, x, 1, dw, dx);

// A return in an if that more of the enclosing block follows.
GRADC_DIFF("grad wrt(x)")
double inbranch(double x) {
  double y = x;
  if (x > 0) {
    if (x > 1)
      return x * x;
    y = 2 * x;
  }
  return y;
}
// TEXT-LABEL: inline double inbranch_pullback(double x, double dout, double &dx) {
// TEXT:           if (x > 1) {
// TEXT-NEXT:        result = x * x;
// TEXT-NEXT:        returned = true;
// TEXT-NEXT:      } else {
// TEXT-NEXT:        y = 2 * x;
// TEXT-NEXT:      }
// TEXT-NEXT:    }
// TEXT-NEXT:    bool cond_2 = !returned;
// TEXT-NEXT:    if (cond_2) {
// TEXT-NEXT:      result = y;
// TEXT-NEXT:    }
// TEXT-LABEL: inline double inbranch_grad(double x, double &dx) {
// TEXT-NEXT:    return inbranch_pullback(x, 1, dx);

GRADC_DIFF("grad wrt(x)")
double newton(double x, int maxit) {
  double t = x;
  int k = 0;
  while (k < maxit) {
    double f = t * t - x;
    if (std::fabs(f) < 1e-12)
      return t;
    t = t - f / (2 * t);
    ++k;
  }
  return t;
}

// The condition changes a variable: it is tested after the return's test.
GRADC_DIFF("grad wrt(w)")
double do_return(const double *w, int n) {
  double s = 1;
  int i = 0;
  do {
    s = s * w[i] + 0.5;
    if (s > 4) {
      return s * s;
    }
  } while (++i < n);
  return s;
}

static double first_above(const double *w, int n, double x) {
  for (int i = 0; i < n; ++i)
    if (w[i] > x)
      return w[i] * x;
  return x;
}

GRADC_DIFF("grad wrt(w, x)")
double calls(const double *w, int n, double x) {
  return first_above(w, n, x) + first_above(w, n, 2 * x);
}

GRADC_DIFF("grad wrt(w)")
double in_switch(const double *w, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    switch (i % 3) {
    case 0:
      s += w[i];
      break;
    case 1:
      if (s > 1)
        return s * w[i];
      s *= w[i];
      break;
    default:
      s -= w[i] * w[i];
    }
  }
  return s;
}

// A case that returns, and code after the switch.
GRADC_DIFF("grad wrt(x)")
double case_return(double x, int k) {
  double y = x;
  switch (k) {
  case 0:
    return x * x;
  default:
    y = 2 * x;
  }
  return y * x;
}

GRADC_DIFF("grad wrt(a)")
double ranged(double a) {
  double v[4] = {1.0, 2.0, 3.0, 4.0};
  double s = 0;
  for (double e : v) {
    s += e * a;
    if (s > 5)
      return s * a;
  }
  return s;
}

GRADC_DIFF("grad wrt(w, x)")
double triple(const double *w, int n, double x) {
  double s = x;
  if (x > 0) {
    for (int i = 0; i < n; ++i) {
      for (int j = 0; j < n; ++j) {
        for (int k = 0; k < n; ++k) {
          s = s * 0.9 + w[i] * w[j] * w[k];
          if (s > 2.5)
            return s * x;
        }
        s += 0.1 * w[j];
      }
    }
    s = s * s;
  }
  return s + x;
}

GRADC_DIFF("grad wrt(x)")
double countdown(double x, int n) {
  double s = x;
  while (n--) {
    s = s * x;
    if (s > 3)
      return s;
  }
  return -s;
}

// A void function: `return;` leaves the rest of the output unwritten.
GRADC_DIFF("grad wrt(w) out(y)")
void until_negative(const double *w, int n, double &y) {
  y = 0;
  for (int i = 0; i < n; ++i) {
    if (w[i] < 0)
      return;
    y += w[i] * w[i];
  }
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;
using gradc_check::Vec;

// f(const double *w, int n, double x), wrt(w, x).
template <class F, class G, class P>
void check_wnx(const char *Name, F f, G g, P pb, const Vec &w, double x) {
  int n = int(w.size());
  gradc_check::check_arrays(
      Name, {{"w", w}, {"x", {x}}}, {{"n", {double(n)}}},
      [=](const Arrays &p) { return f(p[0].data(), n, p[1][0]); },
      [=](const Arrays &p, Arrays &d) {
        return g(p[0].data(), n, p[1][0], d[0].data(), d[1][0]);
      },
      [=](const Arrays &p, double s, Arrays &d) {
        pb(p[0].data(), n, p[1][0], s, d[0].data(), d[1][0]);
      });
}

// f(const double *w, int n), wrt(w).
template <class F, class G, class P>
void check_wn(const char *Name, F f, G g, P pb, const Vec &w) {
  int n = int(w.size());
  gradc_check::check_arrays(
      Name, {{"w", w}}, {{"n", {double(n)}}},
      [=](const Arrays &p) { return f(p[0].data(), n); },
      [=](const Arrays &p, Arrays &d) {
        return g(p[0].data(), n, d[0].data());
      },
      [=](const Arrays &p, double s, Arrays &d) {
        pb(p[0].data(), n, s, d[0].data());
      });
}

// f(double x, int k), wrt(x); Passive names k.
template <class F, class G, class P>
void check_xk(const char *Name, const char *Passive, F f, G g, P pb, double x,
              int k) {
  gradc_check::check_arrays(
      Name, {{"x", {x}}}, {{Passive, {double(k)}}},
      [=](const Arrays &p) { return f(p[0][0], k); },
      [=](const Arrays &p, Arrays &d) { return g(p[0][0], k, d[0][0]); },
      [=](const Arrays &p, double s, Arrays &d) { pb(p[0][0], k, s, d[0][0]); });
}

int main() {
  for (const Vec &w : {Vec{0.5, 1, 3, 0.2}, Vec{0.5, 1, 0.3, 0.2}})
    check_wnx("first_big", first_big, first_big_grad, first_big_pullback, w,
              1);
  for (double x : {1.0, 0.25})
    check_wnx("nested", nested, nested_grad, nested_pullback, {0.5, 0.9, 1.2},
              x);
  for (double x : {0.5, -0.5, 1.5})
    GRADC_CHECK_1(inbranch, x);
  for (int maxit : {2, 20})
    check_xk("newton", "maxit", newton, newton_grad, newton_pullback, 2,
             maxit);
  for (const Vec &w : {Vec{1.5, 2, 1.2}, Vec{0.2, 0.3, 0.4}})
    check_wn("do_return", do_return, do_return_grad, do_return_pullback, w);
  for (double x : {0.6, 2.5})
    check_wnx("calls", calls, calls_grad, calls_pullback, {0.3, 1, 2}, x);
  for (const Vec &w : {Vec{0.5, 1.5, 2, 0.7, 0.9, 1.1},
                       Vec{0.5, 0.3, 0.2, 0.7, 0.9, 1.1},
                       Vec{1.5, 1.5, 2, 0.7, 0.9, 1.1}})
    check_wn("in_switch", in_switch, in_switch_grad, in_switch_pullback, w);
  for (int k : {0, 1})
    check_xk("case_return", "k", case_return, case_return_grad,
             case_return_pullback, 0.75, k);
  for (double a : {0.3, 0.7, 2.0})
    GRADC_CHECK_1(ranged, a);
  for (double x : {0.5, -0.5, 0.05})
    check_wnx("triple", triple, triple_grad, triple_pullback, {0.5, 0.9, 1.2},
              x);
  for (double x : {1.1, 1.5, 0.5})
    check_xk("countdown", "n", countdown, countdown_grad, countdown_pullback, x,
             4);
  for (const Vec &w : {Vec{0.5, -1, 2}, Vec{0.5, 1, 2}})
    gradc_check::check_arrays(
        "until_negative", {{"w", w}}, {{"n", {3}}},
        [](const Arrays &p) {
          double y;
          until_negative(p[0].data(), 3, y);
          return y;
        },
        [](const Arrays &p, Arrays &d) {
          double y;
          until_negative_grad(p[0].data(), 3, y, d[0].data());
          return y;
        },
        [](const Arrays &p, double s, Arrays &d) {
          double y;
          until_negative_pullback(p[0].data(), 3, y, s, d[0].data());
        });
  return gradc_check::finish();
}
#endif
