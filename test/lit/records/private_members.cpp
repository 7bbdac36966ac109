// Classes that keep their data private and offer member functions: the
// class is used as written. Generated code lives outside the class, so it
// reaches a private member through an accessor of its own,
// `gradc_private::Particle_x_(self)`, defined once at the top of the
// header by the one route C++ gives outside a class (an explicit
// instantiation may name a private member; <gradc/gradc.h>). Annotated
// methods (one that changes its object: in/out), methods called from an
// annotated function, private members that are arrays and structs, and an
// accessor operator returning a private element by reference.
// The test reads gradients through the class's own public functions.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: FileCheck %s --check-prefix=HEAD < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK: Particle_energy: at
// CHECK: Particle_step: at
// CHECK: total: at
// CHECK: probe: at
// CHECK: grid: at
// CHECK: shapes: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 6 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

struct Vec2 {
  double x, y;
};

class Particle {
  double x_, v_;

public:
  Particle(double x, double v);
  GRADC_DIFF("grad")
  double energy() const { return 0.5 * v_ * v_ + std::sin(x_); }
  GRADC_DIFF("grad")
  void step(double dt);
  double x() const { return x_; }
  double v() const { return v_; }
};

Particle::Particle(double x, double v) : x_(x), v_(v) {}

void Particle::step(double dt) {
  x_ += v_ * dt;
  v_ -= std::cos(x_) * dt;
}
// The accessors come first, once each, in the order they are used.
// TEXT:      namespace gradc_private {
// TEXT-NEXT: struct tag_Particle_v_ {
// TEXT-NEXT:   using type = member_pointer<Particle, double>;
// TEXT-NEXT:   friend type member(tag_Particle_v_);
// TEXT-NEXT: };
// TEXT-NEXT: template struct access<tag_Particle_v_, &Particle::v_>;
// TEXT-NEXT: inline auto &Particle_v_(Particle &o) { return o.*member(tag_Particle_v_{}); }
// TEXT-NEXT: inline const auto &Particle_v_(const Particle &o) {
// TEXT-NEXT:   return o.*member(tag_Particle_v_{});
// TEXT-NEXT: }
// TEXT:      using type = member_pointer<Probe, double[3]>;
// TEXT:      } // namespace gradc_private
// TEXT-LABEL: inline double Particle_energy_pullback(const Particle &self, double dout,
// TEXT-NEXT:                                           Particle &dself) {
// TEXT:         gradc_private::Particle_v_(dself) += prod * dout;
// TEXT-NEXT:    gradc_private::Particle_v_(dself) +=
// TEXT-NEXT:        0.5 * (gradc_private::Particle_v_(self) * dout);
// TEXT-LABEL: inline void Probe_read_pullback(
// TEXT:         gradc_private::Probe_at_(dself).x += gradc_private::Probe_w_(self)[2] * prod;
// TEXT-LABEL: inline void Particle_step_pullback(Particle &self, double dt, Particle &dself,
// TEXT:         gradc_private::Particle_x_(self) += v_ * dt;

GRADC_DIFF("grad")
double total(const Particle &p, double dt) {
  return p.energy() * dt + p.x() * p.v();
}

class Probe {
  double w_[3];
  Vec2 at_;

public:
  Probe(double a, double b, double c, double x, double y)
      : w_{a, b, c}, at_{x, y} {}
  double read(const Particle &p) const {
    return w_[0] * p.x() + w_[1] * p.v() + w_[2] * at_.x * at_.y;
  }
  double w(int i) const { return w_[i]; }
  double at(int i) const { return i == 0 ? at_.x : at_.y; }
};

GRADC_DIFF("grad")
double probe(const Probe &q, const Particle &p) { return q.read(p) * p.x(); }

// An accessor returning a reference to a private element, inlined where
// it is called.
class Grid {
  double d_[4];

public:
  Grid() = default;
  double &operator()(int i) { return d_[i]; }
};

GRADC_DIFF("grad")
double grid(double x, double y) {
  Grid g{};
  g(0) = x;
  g(1) = x * y;
  return g(0) * g(1);
}
// TEXT-LABEL: inline double grid_pullback(
// TEXT:         gradc_private::Grid_d_(g)[0] = x;

// An instance of a class template, whose accessors are named after its
// arguments too, and protected data of a base read by a derived class.
template <class T> class Box {
  T lo_, hi_;

public:
  Box() = default;
  T width() const { return hi_ - lo_; }
  void set(T lo, T hi) {
    lo_ = lo;
    hi_ = hi;
  }
};

class Shape {
protected:
  double s_;
  static constexpr double k_ = 1.5;

public:
  Shape() = default;
};

class Square : public Shape {
  double t_;

public:
  Square() = default;
  void set(double s, double t) {
    s_ = s;
    t_ = t;
  }
  double area() const { return s_ * s_ * k_ + t_; }
};

GRADC_DIFF("grad")
double shapes(double x, double y) {
  Box<double> b;
  b.set(x, x * y);
  Square q;
  q.set(y, x);
  return b.width() * q.area();
}
// HEAD:        template struct access<tag_Box_double_lo_, &Box<double>::lo_>;
// HEAD-LABEL:  inline void Square_area_pullback(
// HEAD:          gradc_private::Shape_s_(dself) += gradc_private::Shape_s_(self) * prod;

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;
using gradc_check::Role;
using gradc_check::Vec;

// Through the class's public functions only.
static Particle particle(const Vec &v) { return Particle(v[0], v[1]); }
static void back(const Particle &p, Vec &v) {
  v[0] = p.x();
  v[1] = p.v();
}
static Probe probeOf(const Vec &v) { return Probe(v[0], v[1], v[2], v[3], v[4]); }
static void back(const Probe &q, Vec &v) {
  for (int i = 0; i < 3; ++i)
    v[i] = q.w(i);
  v[3] = q.at(0);
  v[4] = q.at(1);
}

int main() {
  gradc_check::check_arrays(
      "Particle_energy", {{"self", {0.5, -1.25}}}, {},
      [](const Arrays &p) { return particle(p[0]).energy(); },
      [](const Arrays &p, Arrays &d) {
        Particle ds = particle(d[0]);
        double R = Particle_energy_grad(particle(p[0]), ds);
        back(ds, d[0]);
        return R;
      },
      [](const Arrays &p, double s, Arrays &d) {
        Particle ds = particle(d[0]);
        Particle_energy_pullback(particle(p[0]), s, ds);
        back(ds, d[0]);
      });
  gradc_check::check_vjp(
      "Particle_step", true,
      {{"self", {0.5, -1.25}, Role::InOut}, {"dt", {0.1}, Role::In}}, {},
      [](Arrays &p) {
        Particle s = particle(p[0]);
        s.step(p[1][0]);
        back(s, p[0]);
        return 0.0;
      },
      [](Arrays &p, double, Arrays &d) {
        Particle s = particle(p[0]), ds = particle(d[0]);
        Particle_step_pullback(s, p[1][0], ds, d[1][0]);
        back(s, p[0]);
        back(ds, d[0]);
      });
  gradc_check::check_arrays(
      "total", {{"p", {0.5, -1.25}}, {"dt", {0.3}}}, {},
      [](const Arrays &p) { return total(particle(p[0]), p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        Particle dp = particle(d[0]);
        double R = total_grad(particle(p[0]), p[1][0], dp, d[1][0]);
        back(dp, d[0]);
        return R;
      },
      [](const Arrays &p, double s, Arrays &d) {
        Particle dp = particle(d[0]);
        total_pullback(particle(p[0]), p[1][0], s, dp, d[1][0]);
        back(dp, d[0]);
      });
  gradc_check::check_arrays(
      "probe", {{"q", {0.5, -1, 2, 0.75, 1.5}}, {"p", {0.5, -1.25}}}, {},
      [](const Arrays &p) { return probe(probeOf(p[0]), particle(p[1])); },
      [](const Arrays &p, Arrays &d) {
        Probe dq = probeOf(d[0]);
        Particle dp = particle(d[1]);
        double R = probe_grad(probeOf(p[0]), particle(p[1]), dq, dp);
        back(dq, d[0]);
        back(dp, d[1]);
        return R;
      },
      [](const Arrays &p, double s, Arrays &d) {
        Probe dq = probeOf(d[0]);
        Particle dp = particle(d[1]);
        probe_pullback(probeOf(p[0]), particle(p[1]), s, dq, dp);
        back(dq, d[0]);
        back(dp, d[1]);
      });
  gradc_check::check_arrays(
      "grid", {{"x", {0.5}}, {"y", {-1.25}}}, {},
      [](const Arrays &p) { return grid(p[0][0], p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return grid_grad(p[0][0], p[1][0], d[0][0], d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        grid_pullback(p[0][0], p[1][0], s, d[0][0], d[1][0]);
      });
  gradc_check::check_arrays(
      "shapes", {{"x", {0.5}}, {"y", {-1.25}}}, {},
      [](const Arrays &p) { return shapes(p[0][0], p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return shapes_grad(p[0][0], p[1][0], d[0][0], d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        shapes_pullback(p[0][0], p[1][0], s, d[0][0], d[1][0]);
      });
  return gradc_check::finish();
}
#endif
