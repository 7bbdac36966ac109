// Non-virtual base classes: a derived struct holds its bases' members
// first, as C++ lays them out, and generated code names them through the
// derived object (`d.a`, also for `d.Base::a`). Parameters by const
// reference, by value, by pointer and as arrays; locals built by
// constructors that call the base's (`: Base{x, 0}`, `: Base(x, y)`) or by
// aggregate initialization; members written through the derived object;
// methods of a base called on a derived object, and from a method of the
// derived class; a derived object passed where a `const Base &` is
// expected; three levels; two bases (the second starts after the first).
// The adjoint of a derived struct is a struct of its type.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK: reads: at
// CHECK: byvalue: at
// CHECK: built: at
// CHECK: levels: at
// CHECK: bodies: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 5 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

struct Base {
  double a, b;
  double area() const { return a * b; }
  void grow(double k) { a *= k; }
};

struct Derived : Base {
  double c;
  Derived() = default;
  Derived(double x) : Base{x, 0}, c(1) {}
  Derived(double x, double y, double z) : Base{x, y}, c(z) {}
  double total() const { return area() + c * a; }
};

class Plain : public Base {
public:
  double w;
};

static double width(const Base &s) { return s.a + 2 * s.b; }

GRADC_DIFF("grad")
double reads(const Derived &d, double s) {
  return d.a * s + d.Base::b * d.c + d.area() + width(d) + d.total();
}
// A base's member is named through the derived object.
// TEXT-LABEL: inline double reads_pullback(const Derived &d, double s, double dout,
// TEXT:         double area_d = d.area();
// TEXT:         double width_d = width(d);
// TEXT:         Derived_total_pullback(d, dout, dd);
// TEXT:         width_pullback(d, dout, dd);
// TEXT:         Base_area_pullback(d, dout, dd);
// TEXT:         dd.b += d.c * dout;
// TEXT-LABEL: inline double reads_grad(const Derived &d, double s, Derived &dd, double &ds) {
// TEXT-NEXT:    return reads_pullback(d, s, 1, dd, ds);

GRADC_DIFF("grad wrt(d, ps)")
double byvalue(Derived d, const Plain *ps, int n) {
  double s = d.c * d.b;
  for (int i = 0; i < n; ++i)
    s += ps[i].w * ps[i].a + width(ps[i]);
  const Plain *last = &ps[n - 1];
  return s + last->b * last->w;
}
// TEXT-LABEL: inline double byvalue_pullback(Derived d, const Plain *ps, int n, double dout,
// TEXT:         dps[i].a += ps[i].w * ds;
// TEXT-LABEL: inline double byvalue_grad(Derived d, const Plain *ps, int n, Derived &dd,
// TEXT:         return byvalue_pullback(d, ps, n, 1, dd, dps);

GRADC_DIFF("grad")
double built(double x, double y, double z) {
  Derived p(x);
  Derived q(x, y, z);
  Plain r{{y, x}, z};
  q.grow(y);
  r.a = x * y;
  r.w += r.a;
  return p.total() + q.area() * q.c + r.area() * r.w;
}
// TEXT-LABEL: inline double built_pullback(
// TEXT:         Derived p;
// TEXT-NEXT:    p.a = x;
// TEXT:         Plain r{};
// TEXT-NEXT:    r.b = x;
// TEXT-LABEL: inline double built_grad(
// TEXT:         return built_pullback(x, y, z, 1, dx, dy, dz);

struct Third : Derived {
  double e;
  double all() const { return total() * e + a; }
};

struct Mass {
  double m;
  double weight(double g) const { return m * g; }
};

struct Body : Base, Mass {
  double v;
  Body() = default;
  Body(double x, double mass) : Base(), Mass{mass}, v(x) {}
  double kinetic() const { return 0.5 * m * v * v + weight(9.8) * a; }
};

static double heavy(const Mass &m) { return m.m * m.m; }

GRADC_DIFF("grad")
double levels(const Third &t, const Body &bd) {
  return t.all() + t.Derived::c * t.e + bd.kinetic() + heavy(bd) +
         bd.weight(t.e) + bd.b;
}
// TEXT-LABEL: inline double levels_pullback(const Third &t, const Body &bd, double dout,
// TEXT:         Mass_weight_pullback(bd, t.e, dout, dbd, dg_Mass_weight);
// TEXT:         heavy_pullback(bd, dout, dbd);
// TEXT-LABEL: inline double levels_grad(const Third &t, const Body &bd, Third &dt,
// TEXT:         return levels_pullback(t, bd, 1, dt, dbd);

GRADC_DIFF("grad")
double bodies(const Body *bs, int n, double x) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    Body b(x, bs[i].m);
    b.a = bs[i].v;
    b.b = x;
    s += b.kinetic() + heavy(bs[i]);
  }
  return s;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;
using gradc_check::as;
using gradc_check::as_array;
using gradc_check::back;

int main() {
  gradc_check::check_arrays(
      "reads", {{"d", {1.5, -2, 0.75}}, {"s", {0.5}}}, {},
      [](const Arrays &p) { return reads(as<Derived>(p[0]), p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        Derived dd = as<Derived>(d[0]);
        double f = reads_grad(as<Derived>(p[0]), p[1][0], dd, d[1][0]);
        back(dd, d[0]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        Derived dd = as<Derived>(d[0]);
        reads_pullback(as<Derived>(p[0]), p[1][0], s, dd, d[1][0]);
        back(dd, d[0]);
      });
  gradc_check::check_arrays(
      "byvalue", {{"d", {1.5, -2, 0.75}}, {"ps", {1, 2, 3, -1, 0.5, 2}}},
      {{"n", {2}}},
      [](const Arrays &p) {
        return byvalue(as<Derived>(p[0]), as_array<Plain>(p[1]).data(), 2);
      },
      [](const Arrays &p, Arrays &d) {
        Derived dd = as<Derived>(d[0]);
        std::vector<Plain> dps = as_array<Plain>(d[1]);
        double f = byvalue_grad(as<Derived>(p[0]),
                                as_array<Plain>(p[1]).data(), 2, dd,
                                dps.data());
        back(dd, d[0]);
        back(dps, d[1]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        Derived dd = as<Derived>(d[0]);
        std::vector<Plain> dps = as_array<Plain>(d[1]);
        byvalue_pullback(as<Derived>(p[0]), as_array<Plain>(p[1]).data(), 2,
                         s, dd, dps.data());
        back(dd, d[0]);
        back(dps, d[1]);
      });
  gradc_check::check_arrays(
      "built", {{"x", {0.7}}, {"y", {-1.3}}, {"z", {2.1}}}, {},
      [](const Arrays &p) { return built(p[0][0], p[1][0], p[2][0]); },
      [](const Arrays &p, Arrays &d) {
        return built_grad(p[0][0], p[1][0], p[2][0], d[0][0], d[1][0],
                          d[2][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        built_pullback(p[0][0], p[1][0], p[2][0], s, d[0][0], d[1][0],
                       d[2][0]);
      });
  gradc_check::check_arrays(
      "levels", {{"t", {1.5, -2, 0.75, 1.25}}, {"bd", {0.5, 2, 3, -1.5}}},
      {},
      [](const Arrays &p) {
        return levels(as<Third>(p[0]), as<Body>(p[1]));
      },
      [](const Arrays &p, Arrays &d) {
        Third dt = as<Third>(d[0]);
        Body db = as<Body>(d[1]);
        double f = levels_grad(as<Third>(p[0]), as<Body>(p[1]), dt, db);
        back(dt, d[0]);
        back(db, d[1]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        Third dt = as<Third>(d[0]);
        Body db = as<Body>(d[1]);
        levels_pullback(as<Third>(p[0]), as<Body>(p[1]), s, dt, db);
        back(dt, d[0]);
        back(db, d[1]);
      });
  gradc_check::check_arrays(
      "bodies", {{"bs", {1, 2, 3, 4, -0.5, 0.25, 1.5, 0.75}}, {"x", {0.3}}},
      {{"n", {2}}},
      [](const Arrays &p) {
        return bodies(as_array<Body>(p[0]).data(), 2, p[1][0]);
      },
      [](const Arrays &p, Arrays &d) {
        std::vector<Body> db = as_array<Body>(d[0]);
        double f = bodies_grad(as_array<Body>(p[0]).data(), 2, p[1][0],
                               db.data(), d[1][0]);
        back(db, d[0]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        std::vector<Body> db = as_array<Body>(d[0]);
        bodies_pullback(as_array<Body>(p[0]).data(), 2, p[1][0], s,
                        db.data(), d[1][0]);
        back(db, d[0]);
      });
  return gradc_check::finish();
}
#endif
