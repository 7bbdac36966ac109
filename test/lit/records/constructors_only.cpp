// Classes built only by their constructors (no default constructor), as
// people write them: a local `Gaussian g(mu, s);`, `Gaussian g{mu, s};`,
// `auto g = Gaussian(mu, s);`, a constructor whose body assigns members,
// default arguments, delegating constructors, a user-provided default
// constructor, and a struct holding such a class. gradc declares each
// local and its adjoint zeroed by gradc::zero (which needs no default
// constructor), then the inlined constructor sets the members.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function nll --at 'x=[0.5,-1,2],n=3,mu=0.25,s=1.5' | FileCheck %s --check-prefix=AT
// CHECK: nll: at
// CHECK: drift: at
// CHECK: forms: at
// CHECK: chained: at
// CHECK: held: at
// CHECK: inner_default: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 6 checked against the interpreter, 0 mismatches
// AT: nll(x = [0.5, -1, 2], n = 3, mu = 0.25, s = 1.5) = 2.2580619909911595
// AT: param  x[2]           2                        0.7777777777777777
// AT: param  mu             0.25                     -0.3333333333333333
// AT: param  s              1.5                      0.611111111111111
#include <gradc/gradc.h>

#include <cmath>

class Gaussian {
public:
  Gaussian(double mu, double s) : mu_(mu), inv_(1.0 / s) {}
  double logpdf(double x) const {
    double z = (x - mu_) * inv_;
    return -0.5 * z * z - std::log(1.0 / inv_);
  }
  double mean() const { return mu_; }

private:
  double mu_, inv_;
};

GRADC_DIFF("grad")
double nll(const double *x, int n, double mu, double s) {
  Gaussian g(mu, s);
  double t = 0;
  for (int i = 0; i < n; ++i)
    t -= g.logpdf(x[i]);
  return t;
}
// TEXT-LABEL: inline double nll_pullback(
// TEXT:         Gaussian g = gradc::zero<Gaussian>();
// TEXT-NEXT:    gradc_private::Gaussian_mu_(g) = mu;
// TEXT:         Gaussian dg = gradc::zero<Gaussian>();
// TEXT:         Gaussian_logpdf_pullback(g, x[i], -dt, dg, dx_Gaussian_logpdf);

// Remade in a loop and in straight code: the objects the pullbacks read
// are kept on tapes of Gaussian (gradc::tape, gradc::fixed_tape), which hold
// a class without a default constructor too.
GRADC_DIFF("grad")
double drift(const double *x, int n, double mu, double s) {
  Gaussian g(mu, s);
  double t = 0;
  for (int i = 0; i < n; ++i) {
    t -= g.logpdf(x[i]);
    g = Gaussian(g.mean() * 0.5 + x[i], s);
  }
  Gaussian h(t, s);
  t += h.logpdf(mu);
  h = Gaussian(h.mean() * 0.5, s * mu);
  return t + h.logpdf(0.25);
}
// TEXT-LABEL: inline double drift_pullback(
// TEXT:         gradc::tape<Gaussian> g_tape;
// TEXT:         gradc::fixed_tape<Gaussian, 2> h_tape;

struct Box {
  double lo, hi;
  Box(double a, double b = 2) {
    lo = a < b ? a : b;
    hi = a * b;
  }
  Box(double a, double b, double c) : Box(a * c, b) { hi += c; }
  double width() const { return hi - lo; }
};

GRADC_DIFF("grad")
double forms(double mu, double s) {
  Gaussian a{mu, s};
  auto b = Gaussian(s, mu);
  Box c(mu, s, 0.5);
  Box d(s);
  Box e = Box(mu, s);
  return a.logpdf(s) + b.logpdf(mu) + c.width() * d.width() + e.width() +
         Gaussian(mu, 2).logpdf(s);
}
// TEXT-LABEL: inline double forms_pullback(
// TEXT:         Gaussian a = gradc::zero<Gaussian>();
// TEXT:         Box c = gradc::zero<Box>();

struct Counter {
  double v;
  Counter() : v(1.5) {}
  Counter(double x) : Counter() { v *= x; }
};

GRADC_DIFF("grad")
double chained(double x) {
  Counter a;
  Counter b(x);
  return a.v * b.v + x;
}

struct Base {
  double a;
};
struct Twice : Base {
  double c;
  Twice(double x) : Base{x}, c(x) {}
  Twice(double x, double y) : Twice(x) { c = y * a; }
};

struct Model {
  Gaussian g;
  double w;
};

GRADC_DIFF("grad")
double held(double mu, double s, double w) {
  Model m{Gaussian(mu, s), w};
  Twice t(mu, s);
  return m.w * m.g.logpdf(0.5) + m.g.mean() + t.a * t.c;
}

// A member whose class has a default constructor of the user's: `Outer o;`
// runs it, and the adjoint `d_o` must not (it would start at 1, and dx
// come out 1 too large).
struct Inner {
  double a;
  Inner() : a(1) {}
};
struct Outer {
  Inner i;
  double b;
};

GRADC_DIFF("grad")
double inner_default(double x, double y) {
  Outer o;
  double before = o.i.a;
  o.i.a = x * x;
  o.b = y;
  return o.i.a + o.b * x + before;
}
// TEXT-LABEL: inline double inner_default_pullback(
// TEXT:         Outer o = gradc::zero<Outer>();
// TEXT-NEXT:    o.i.a = 1;
// TEXT:         Outer d_o = gradc::zero<Outer>();

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"
int main() {
  using V = gradc_check::Vec;
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "nll", {{"x", {0.5, -1, 2}}, {"mu", {0.25}}, {"s", {1.5}}},
      /*Passive=*/{{"n", {3}}},
      [](const Arrays &p) { return nll(p[0].data(), 3, p[1][0], p[2][0]); },
      [](const Arrays &p, Arrays &d) {
        return nll_grad(p[0].data(), 3, p[1][0], p[2][0], d[0].data(), d[1][0],
                        d[2][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        nll_pullback(p[0].data(), 3, p[1][0], p[2][0], s, d[0].data(), d[1][0],
                     d[2][0]);
      });
  gradc_check::check_arrays(
      "drift", {{"x", {0.5, -1, 2}}, {"mu", {0.25}}, {"s", {1.5}}},
      /*Passive=*/{{"n", {3}}},
      [](const Arrays &p) { return drift(p[0].data(), 3, p[1][0], p[2][0]); },
      [](const Arrays &p, Arrays &d) {
        return drift_grad(p[0].data(), 3, p[1][0], p[2][0], d[0].data(),
                          d[1][0], d[2][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        drift_pullback(p[0].data(), 3, p[1][0], p[2][0], s, d[0].data(),
                       d[1][0], d[2][0]);
      });
  gradc_check::check(
      "forms", [](const V &p) { return forms(p[0], p[1]); },
      [](const V &p, V &d) { return forms_grad(p[0], p[1], d[0], d[1]); },
      [](const V &p, double s, V &d) {
        forms_pullback(p[0], p[1], s, d[0], d[1]);
      },
      {0.75, 1.25});
  gradc_check::check(
      "chained", [](const V &p) { return chained(p[0]); },
      [](const V &p, V &d) { return chained_grad(p[0], d[0]); },
      [](const V &p, double s, V &d) { chained_pullback(p[0], s, d[0]); },
      {0.5});
  gradc_check::check(
      "held", [](const V &p) { return held(p[0], p[1], p[2]); },
      [](const V &p, V &d) {
        return held_grad(p[0], p[1], p[2], d[0], d[1], d[2]);
      },
      [](const V &p, double s, V &d) {
        held_pullback(p[0], p[1], p[2], s, d[0], d[1], d[2]);
      },
      {0.25, 1.5, -2});
  gradc_check::check(
      "inner_default", [](const V &p) { return inner_default(p[0], p[1]); },
      [](const V &p, V &d) {
        return inner_default_grad(p[0], p[1], d[0], d[1]);
      },
      [](const V &p, double s, V &d) {
        inner_default_pullback(p[0], p[1], s, d[0], d[1]);
      },
      {2, 3});
  return gradc_check::finish();
}
#endif
