// A ball on a spring, with quadratic drag and gravity, stepped with
// semi-implicit Euler, written as physics code is: a Vec3 with operators
// (member, free and friend `+ - * /`, unary `-`, `+=` and `*=`), a Body
// stepped by a helper that returns the next one. `miss` is the squared distance between
// where the ball ends and a target; gradc generates miss_grad, the
// gradient with respect to the spring constant, the drag and the launch
// velocity, through every operator (the pullback of `a - b` on Vec3 is
// Vec3_minus_pullback, of `s * v` double_times_Vec3_pullback).
//
// The example prints the gradient next to central finite differences and
// checks that they agree; it prints it as test/support/gradc_check.h
// does, so that a test can also hold it to gradc's interpreter.
#include <gradc/gradc.h>

#include <cmath>
#include <cstdio>

struct Vec3 {
  double x, y, z;
  Vec3 operator+(const Vec3 &o) const { return {x + o.x, y + o.y, z + o.z}; }
  Vec3 operator-(const Vec3 &o) const { return {x - o.x, y - o.y, z - o.z}; }
  Vec3 operator-() const { return {-x, -y, -z}; }
  Vec3 &operator+=(const Vec3 &o) {
    x += o.x;
    y += o.y;
    z += o.z;
    return *this;
  }
  Vec3 &operator*=(double s) {
    x *= s;
    y *= s;
    z *= s;
    return *this;
  }
  friend Vec3 operator*(double s, const Vec3 &v) {
    return {s * v.x, s * v.y, s * v.z};
  }
};

inline Vec3 operator*(const Vec3 &v, double s) {
  return {v.x * s, v.y * s, v.z * s};
}
inline Vec3 operator/(const Vec3 &v, double s) {
  return {v.x / s, v.y / s, v.z / s};
}
inline double operator*(const Vec3 &a, const Vec3 &b) {
  return a.x * b.x + a.y * b.y + a.z * b.z;
}
inline double norm(const Vec3 &v) { return std::sqrt(v * v); }

struct Body {
  Vec3 pos, vel;
  double mass;
};

// One step: the spring pulls toward the anchor, drag opposes the
// velocity, gravity pulls down; the velocity is updated first.
static Body step(const Body &b, const Vec3 &anchor, double k, double drag,
                 double dt) {
  Vec3 stretch = b.pos - anchor;
  Vec3 force = -k * stretch - drag * norm(b.vel) * b.vel +
               b.mass * Vec3{0, 0, -9.81};
  Body next = b;
  next.vel += force / b.mass * dt;
  next.pos += dt * next.vel;
  return next;
}

GRADC_DIFF("grad")
double miss(double k, double drag, double vx, double vz) {
  Body b{{0, 0, 1}, {vx, 0.5, vz}, 2.0};
  Vec3 anchor{1, 0, 0};
  for (int i = 0; i < 40; ++i)
    b = step(b, anchor, k, drag, 0.03);
  Vec3 d = b.pos - Vec3{1.5, 0.4, 0.2};
  return d * d;
}

#ifndef __GRADC__
#include "physics_step.grad.h"

int main() {
  double p[4] = {4.0, 0.3, 1.5, 2.0}; // k, drag, vx, vz
  double d[4] = {};
  double f = miss_grad(p[0], p[1], p[2], p[3], d[0], d[1], d[2], d[3]);
  std::printf("miss: at %.17g %.17g %.17g %.17g\n", p[0], p[1], p[2], p[3]);
  std::printf("miss: f = %.17g\n", f);
  int Failures = 0;
  for (int I = 0; I < 4; ++I) {
    double Hi[4] = {p[0], p[1], p[2], p[3]}, Lo[4] = {p[0], p[1], p[2], p[3]};
    double H = 1e-6 * std::fmax(1, std::fabs(p[I]));
    Hi[I] += H;
    Lo[I] -= H;
    double Fd = (miss(Hi[0], Hi[1], Hi[2], Hi[3]) -
                 miss(Lo[0], Lo[1], Lo[2], Lo[3])) /
                (2 * H);
    std::printf("miss: d[%d] = %.17g (finite difference %.10g)\n", I, d[I],
                Fd);
    if (std::fabs(d[I] - Fd) > 1e-5 * std::fmax(1, std::fabs(Fd))) {
      std::printf("  WRONG\n");
      ++Failures;
    }
  }
  std::printf(Failures ? "FAILED\n" : "OK\n");
  return Failures;
}
#endif
