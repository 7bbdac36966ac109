// A break that more of its loop's body follows, past the end of its own
// `if` (a Newton iteration's convergence test in the middle of the body, a
// search that stops early): the loop's body declares `bool stop = false;`,
// the break sets it, the statements after it run under `if (!stop)`, and
// the body's own list goes on under `if (stop) break; else { ... }`, so
// that every jump ends its path. Also the test of a `do` loop whose
// condition counts (`while (++it < 50)`), which a break skips.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function=nested --check --at x=0.5,y=0.3 | FileCheck %s --check-prefix=AT
// CHECK: nested: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 7 checked against the interpreter, 0 mismatches
// AT: ok: all 2 entries agree with finite differences
#include <gradc/gradc.h>

#include <cmath>
#include <vector>

// At x = 0.5, y = 0.3 it breaks at k = 3.
GRADC_DIFF("grad")
double nested(double x, double y) {
  double s = 0;
  for (int k = 0; k < 6; ++k) {
    s += x * k;
    if (k > 1) {
      double t = std::sin(s);
      if (t < 0.2)
        break;
      s += t * y;
    }
    s *= 0.9;
  }
  return s;
}
// TEXT-LABEL: inline double nested_pullback(
// TEXT:         for (int k = 0; k < 6; ++k) {
// TEXT-NEXT:      ++iters;
// TEXT-NEXT:      bool stop = false;
// TEXT:           if (cond) {
// TEXT-NEXT:        stop = true;
// TEXT-NEXT:      } else {
// TEXT-NEXT:        s += t * y;
// TEXT-NEXT:      }
// TEXT:         if (stop) {
// TEXT-NEXT:      break;
// TEXT-NEXT:    } else {
// TEXT-NEXT:      s *= 0.9;
// TEXT-NEXT:    }

// Breaks at k = 6 from x = 0.7.
GRADC_DIFF("grad")
double whiles(double x) {
  double s = x;
  int k = 0;
  while (k < 8) {
    ++k;
    if (k % 2 == 0) {
      if (s > 3.0)
        break;
      s = s * 1.3 + x;
    }
    s += 0.1 * x;
  }
  return s;
}

// The do loop's test is the last statement of its body: a break at the
// end of the body skips it.
GRADC_DIFF("grad")
double cubic_root(double a, double c) {
  double x = 1.0;
  int it = 0;
  do {
    double fx = x * x * x + a * x - c;
    double dfx = 3 * x * x + a;
    double step = fx / dfx;
    x -= step;
    if (std::fabs(step) < 1e-14)
      break;
  } while (++it < 50);
  return x;
}
// TEXT-LABEL: inline double cubic_root_pullback(
// TEXT:           if (std::fabs(step) < 1e-14) {
// TEXT-NEXT:        break;
// TEXT-NEXT:      } else {
// TEXT:             it = sum;
// TEXT-NEXT:        if (!(sum < 50)) {
// TEXT-NEXT:          break;

// And one in the middle of such a loop's body.
GRADC_DIFF("grad")
double halving(double a, double c) {
  double x = 1.0;
  int it = 0;
  do {
    double step = (x * x * x + a * x - c) / (3 * x * x + a);
    if (it > 0) {
      if (std::fabs(step) < 1e-14)
        break;
      x -= 0.5 * step;
    }
    x -= 0.5 * step;
  } while (++it < 80);
  return x;
}

// Over a std::vector: breaks at its third element.
GRADC_DIFF("grad")
double ranged(const std::vector<double> &v, double x) {
  double s = 0;
  for (double e : v) {
    if (e > 0) {
      if (e * x > 2.0)
        break;
      s += e * x;
    }
    s += 0.5 * e;
  }
  return s;
}

// The break would have to skip `s += 1` and the statements after the outer
// if.
GRADC_DIFF("grad")
double stop_at_negative(const double *w, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    if (w[i] < 1) {
      if (w[i] < 0)
        break;
      s += 1;
    }
    s += w[i] * w[i];
  }
  return s;
}

// In a loop that carries no derivative: the same flag.
GRADC_DIFF("grad wrt(x)")
double passive(double x, int n) {
  int m = 0;
  for (int i = 0; i < n; ++i) {
    if (i > 1) {
      if (i * i > n)
        break;
      m += 2;
    }
    m += 1;
  }
  return x * m;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  GRADC_CHECK_2(nested, 0.5, 0.3);
  GRADC_CHECK_1(whiles, 0.7);
  GRADC_CHECK_2(cubic_root, 1.3, 2.1);
  GRADC_CHECK_2(halving, 1.3, 2.1);
  gradc_check::check_arrays(
      "ranged", {{"v", {0.5, -1, 2, 0.75}}, {"x", {1.5}}}, {},
      [](const Arrays &p) { return ranged(p[0], p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return ranged_grad(p[0], p[1][0], d[0], d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        ranged_pullback(p[0], p[1][0], s, d[0], d[1][0]);
      });
  gradc_check::check_arrays(
      "stop_at_negative", {{"w", {0.5, 2, -0.5, 0.25}}}, {{"n", {4}}},
      [](const Arrays &p) { return stop_at_negative(p[0].data(), 4); },
      [](const Arrays &p, Arrays &d) {
        return stop_at_negative_grad(p[0].data(), 4, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        stop_at_negative_pullback(p[0].data(), 4, s, d[0].data());
      });
  gradc_check::check_arrays(
      "passive", {{"x", {0.5}}}, {{"n", {5}}},
      [](const Arrays &p) { return passive(p[0][0], 5); },
      [](const Arrays &p, Arrays &d) {
        return passive_grad(p[0][0], 5, d[0][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        passive_pullback(p[0][0], 5, s, d[0][0]);
      });
  return gradc_check::finish();
}
#endif
