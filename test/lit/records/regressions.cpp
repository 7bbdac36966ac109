// Structs: the cases a review found (each was a crash, a header that did
// not compile or a refusal): int and bool members overwritten, `T b{}`
// with an array of structs inside, a member function of a nested type and
// one using a member type alias (their pullbacks spell types in full), a
// parameter named `self`, default member initializers, a struct local a
// helper reads inside a loop (a tape of structs) or after it changed, and
// structs as outputs (members written once; `r[i].a`, `r[i].b` in a loop).
// RUN: %gradc %s -o %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: FileCheck %s --check-prefix=HEAD < %t.grad.h
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 12 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <array>
#include <cmath>
#include <vector>

struct M {
  int n;
  double a;
};
GRADC_DIFF("grad")
double int_member(double x) {
  M m{3, x};
  m.n = 2;
  return m.a * m.n;
}
// An int member carries no derivative: no adjoint is written for it.
// TEXT-LABEL: inline double int_member_pullback(
// TEXT-NOT:     dm.n
// TEXT:         return int_member;

struct B2 {
  bool b;
  double a;
};
GRADC_DIFF("grad")
double bool_member(double x) {
  B2 s{};
  s.b = true;
  s.a = x;
  s.b = x > 0;
  return s.b ? s.a * s.a : -s.a;
}

struct P {
  double x, y;
};
struct Cam {
  P c[2];
  double f;
};
GRADC_DIFF("grad")
double nested_array(double x) {
  Cam b{};
  b.c[1].y = x;
  b.f = x * x;
  return b.c[1].y * b.f + b.c[0].x;
}

struct Outer {
  struct In {
    double x, y;
    double dot(const In &o) const { return x * o.x + y * o.y; }
  };
  In a;
  double k;
};
GRADC_DIFF("grad")
double nested_type(const Outer &p, const Outer::In &q) {
  return p.a.dot(q) * p.k;
}
// HEAD: inline void In_dot_pullback(const Outer::In &self, const Outer::In &o,

struct W {
  double x, y;
  double dot(const W &self) const { return x * self.x + y * self.y; }
};
GRADC_DIFF("grad")
double named_self(const W &a, const W &b) { return a.dot(b); }
// HEAD: inline void W_dot_pullback(const W &self_, const W &self, double dout,

struct V3 {
  using S = double;
  S x, y;
  S dot(const V3 &o, S k) const { return k * (x * o.x + y * o.y); }
};
GRADC_DIFF("grad")
double alias(const V3 &a, const V3 &b) { return a.dot(b, 2.0); }
// HEAD: inline void V3_dot_wrt_self_o_pullback(const V3 &self, const V3 &o, double k,

struct D {
  double a = 1.5;
  double b;
};
GRADC_DIFF("grad")
double defaults(double x) {
  D d{};
  d.b = x;
  D e;
  e.b = x * x;
  return d.a * d.b + e.a * e.b;
}

struct V2 {
  double x, y;
};
static double dotv(const V2 &a) { return a.x * a.y; }
GRADC_DIFF("grad wrt(w)")
double in_loop(const double *w, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    V2 v{w[i], s};
    s += dotv(v);
  }
  return s;
}
// TEXT-LABEL: inline double in_loop_pullback(
// TEXT:         gradc::tape<V2> v_tape;
// TEXT:           v_tape.push(v);
// TEXT:           v = v_tape.pop();

GRADC_DIFF("grad")
double changed_after(double a, double b) {
  V2 v{a, b};
  double r = dotv(v);
  v.x = v.x * r;
  r += dotv(v);
  return r;
}

struct Res {
  double a, b;
};
GRADC_DIFF("grad")
void one_out(const double *x, Res &r) {
  r.a = x[0] * x[1];
  r.b = std::sin(x[0]);
}
GRADC_DIFF("grad")
void outs(const double *x, Res *r, int n) {
  for (int i = 0; i < n; ++i) {
    r[i].a = x[i] * x[i];
    r[i].b = std::sin(x[i]);
  }
}
// TEXT-LABEL: inline void outs_pullback(const double *x, Res *r, int n, const Res *dr,
// TEXT:           dx[i] += std::cos(x[i]) * dr[i].b + 2 * x[i] * dr[i].a;

// Second review: members of members written as outputs in a loop, through
// a reference; containers passed to helpers (and `&h[1]`); a static member
// function called inside its class, named with its class in the pullback.
struct Vec3 {
  double x, y, z;
};
struct Particle {
  Vec3 pos;
  double mass;
};
GRADC_DIFF("grad")
void place(const double *x, Particle *ps, int n) {
  for (int i = 0; i < n; ++i) {
    Particle &p = ps[i];
    p.pos.x = x[i] * x[i];
    p.mass = 2 * x[i];
    ps[i].pos.y = x[i];
  }
}

static double norm3(const std::array<double, 3> &a) {
  return a[0] * a[0] + a[1] * a[1] + a[2] * a[2];
}
static void squares(const std::vector<double> &v, std::vector<double> &h) {
  for (int i = 0; i < static_cast<int>(v.size()); ++i)
    h[i] = v[i] * v[i];
}
GRADC_DIFF("grad wrt(x)")
double containers(double x, int n) {
  std::array<double, 3> a{x, 2 * x, 1};
  std::vector<double> v(n);
  std::vector<double> h(n);
  for (int i = 0; i < n; ++i)
    v[i] = x + i;
  squares(v, h);
  const double *p = &h[1];
  return norm3(a) + h[0] + p[0];
}
// TEXT-LABEL: inline double containers_pullback(double x, int n, double dout, double &dx) {
// TEXT:         squares(v, h);
// TEXT:         double norm3_a = norm3(a);

struct Sq {
  static double sq(double a) { return a * a; }
  double x, y;
  double n() const { return sq(x) + sq(y); }
};
GRADC_DIFF("grad")
double statics(const Sq &v) { return v.n(); }
// HEAD: inline void Sq_sq_pullback(double a, double dout, double &da) {
// HEAD: inline void Sq_n_pullback(const Sq &self, double dout, Sq &dself) {
// HEAD:   Sq_sq_pullback(self.y, dout,

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;
using gradc_check::as;
using gradc_check::back;

int main() {
  GRADC_CHECK_1(int_member, 1.25);
  GRADC_CHECK_1(bool_member, 0.75);
  GRADC_CHECK_1(bool_member, -0.75);
  GRADC_CHECK_1(nested_array, 1.25);
  GRADC_CHECK_1(defaults, -0.5);
  GRADC_CHECK_2(changed_after, 0.5, 2.0);
  gradc_check::check_arrays(
      "nested_type", {{"p", {1, 2, 0.5}}, {"q", {-1, 3}}}, {},
      [](const Arrays &p) {
        return nested_type(as<Outer>(p[0]), as<Outer::In>(p[1]));
      },
      [](const Arrays &p, Arrays &d) {
        Outer dp = as<Outer>(d[0]);
        Outer::In dq = as<Outer::In>(d[1]);
        double f = nested_type_grad(as<Outer>(p[0]), as<Outer::In>(p[1]), dp,
                                    dq);
        back(dp, d[0]);
        back(dq, d[1]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        Outer dp = as<Outer>(d[0]);
        Outer::In dq = as<Outer::In>(d[1]);
        nested_type_pullback(as<Outer>(p[0]), as<Outer::In>(p[1]), s, dp, dq);
        back(dp, d[0]);
        back(dq, d[1]);
      });
  gradc_check::check_arrays(
      "named_self", {{"a", {1, 2}}, {"b", {-1, 3}}}, {},
      [](const Arrays &p) { return named_self(as<W>(p[0]), as<W>(p[1])); },
      [](const Arrays &p, Arrays &d) {
        W da = as<W>(d[0]), db = as<W>(d[1]);
        double f = named_self_grad(as<W>(p[0]), as<W>(p[1]), da, db);
        back(da, d[0]);
        back(db, d[1]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        W da = as<W>(d[0]), db = as<W>(d[1]);
        named_self_pullback(as<W>(p[0]), as<W>(p[1]), s, da, db);
        back(da, d[0]);
        back(db, d[1]);
      });
  gradc_check::check_arrays(
      "alias", {{"a", {1, 2}}, {"b", {-1, 3}}}, {},
      [](const Arrays &p) { return alias(as<V3>(p[0]), as<V3>(p[1])); },
      [](const Arrays &p, Arrays &d) {
        V3 da = as<V3>(d[0]), db = as<V3>(d[1]);
        double f = alias_grad(as<V3>(p[0]), as<V3>(p[1]), da, db);
        back(da, d[0]);
        back(db, d[1]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        V3 da = as<V3>(d[0]), db = as<V3>(d[1]);
        alias_pullback(as<V3>(p[0]), as<V3>(p[1]), s, da, db);
        back(da, d[0]);
        back(db, d[1]);
      });
  gradc_check::check_arrays(
      "in_loop", {{"w", {0.5, -1, 2}}}, {{"n", {3}}},
      [](const Arrays &p) { return in_loop(p[0].data(), 3); },
      [](const Arrays &p, Arrays &d) {
        return in_loop_grad(p[0].data(), 3, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        in_loop_pullback(p[0].data(), 3, s, d[0].data());
      });
  // Outputs: the pullback with the seed on one member at a time gives that
  // member's gradient, here known in closed form.
  const double X[] = {0.5, -2};
  Res R;
  Res Seed{1, 0};
  double DX[2] = {0, 0};
  one_out_pullback(X, R, Seed, DX);
  gradc_check::expect("d(r.a)/dx0", DX[0], -2);
  gradc_check::expect("d(r.a)/dx1", DX[1], 0.5);
  Seed = {0, 1};
  DX[0] = DX[1] = 0;
  one_out_pullback(X, R, Seed, DX);
  gradc_check::expect("d(r.b)/dx0", DX[0], std::cos(0.5));
  gradc_check::expect("d(r.b)/dx1", DX[1], 0);
  Res Rs[2];
  Res Seeds[2] = {{1, 0}, {0, 1}};
  DX[0] = DX[1] = 0;
  outs_pullback(X, Rs, 2, Seeds, DX);
  gradc_check::expect("d(r[0].a)/dx0", DX[0], 1);
  gradc_check::expect("d(r[1].b)/dx1", DX[1], std::cos(-2));
  gradc_check::expect("r[1].b", Rs[1].b, std::sin(-2));
  gradc_check::check_arrays(
      "containers", {{"x", {0.5}}}, {{"n", {3}}},
      [](const Arrays &p) { return containers(p[0][0], 3); },
      [](const Arrays &p, Arrays &d) {
        return containers_grad(p[0][0], 3, d[0][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        containers_pullback(p[0][0], 3, s, d[0][0]);
      });
  gradc_check::check_arrays(
      "statics", {{"v", {3, -4}}}, {},
      [](const Arrays &p) { return statics(as<Sq>(p[0])); },
      [](const Arrays &p, Arrays &d) {
        Sq dv = as<Sq>(d[0]);
        double f = statics_grad(as<Sq>(p[0]), dv);
        back(dv, d[0]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        Sq dv = as<Sq>(d[0]);
        statics_pullback(as<Sq>(p[0]), s, dv);
        back(dv, d[0]);
      });
  // place: seeds on ps[1].pos.x and ps[0].mass and ps[1].pos.y.
  const double PX[] = {1.5, -0.5};
  Particle Ps[2], Dps[2] = {};
  Dps[1].pos.x = 1;
  Dps[0].mass = 1;
  Dps[1].pos.y = 1;
  double PDX[2] = {0, 0};
  place_pullback(PX, Ps, 2, Dps, PDX);
  gradc_check::expect("d(ps[0].mass)/dx0", PDX[0], 2);
  gradc_check::expect("d(ps[1].pos.x + ps[1].pos.y)/dx1", PDX[1], 2 * -0.5 + 1);
  gradc_check::expect("ps[1].mass", Ps[1].mass, -1);
  return gradc_check::finish();
}
#endif
