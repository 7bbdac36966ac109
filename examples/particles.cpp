// A few particles held in a local std::array<Particle, N>, pulled toward
// an anchor by springs of stiffness k, slowed by drag, and stepped with
// semi-implicit Euler; the loss is how far they end from their targets.
// The targets are a local C array of structs (Vec3 targets[N] = {...}).
// gradc generates particles_grad, the gradient with respect to the
// stiffness, the drag and the particles' starting velocities (an array
// of Vec3). Its backward sweep declares the adjoint of the local array as
// the array is declared (std::array<Particle, N> dps{};) and gives each
// step's pullback the particles as they were before it, from a tape of
// std::array<Particle, N>.
//
// The example prints the gradient next to central finite differences and
// checks that they agree; it prints it as test/support/gradc_check.h
// does, so that a test can also hold it to gradc's interpreter.
#include <gradc/gradc.h>

#include <array>
#include <cmath>
#include <cstdio>

struct Vec3 {
  double x, y, z;
};

struct Particle {
  Vec3 pos, vel;
  double mass;
};

constexpr int N = 3;

static double dist2(const Vec3 &a, const Vec3 &b) {
  double dx = a.x - b.x, dy = a.y - b.y, dz = a.z - b.z;
  return dx * dx + dy * dy + dz * dz;
}

/// One step of every particle: spring force toward the anchor, drag.
static void step(Particle *ps, int n, const Vec3 &anchor, double k,
                 double drag, double dt) {
  for (int i = 0; i < n; ++i) {
    Particle &p = ps[i];
    Vec3 f = {-k * (p.pos.x - anchor.x) - drag * p.vel.x,
              -k * (p.pos.y - anchor.y) - drag * p.vel.y,
              -k * (p.pos.z - anchor.z) - drag * p.vel.z};
    p.vel.x += dt * f.x / p.mass;
    p.vel.y += dt * f.y / p.mass;
    p.vel.z += dt * f.z / p.mass;
    p.pos.x += dt * p.vel.x;
    p.pos.y += dt * p.vel.y;
    p.pos.z += dt * p.vel.z;
  }
}

GRADC_DIFF("grad wrt(k, drag, v0)")
double particles(double k, double drag, const Vec3 *v0, int steps) {
  const Vec3 anchor = {0, 1, 0};
  std::array<Particle, N> ps{};
  for (int i = 0; i < N; ++i) {
    ps[i].pos = {1.0 * i, 0, 0.5};
    ps[i].vel = v0[i];
    ps[i].mass = 1 + 0.5 * i;
  }
  for (int t = 0; t < steps; ++t)
    step(ps.data(), N, anchor, k, drag, 0.05);
  Vec3 targets[N] = {{0.5, 1, 0}, {1, 1, 0.5}, {1.5, 0.5, 0}};
  double loss = 0;
  for (int i = 0; i < N; ++i)
    loss += ps[i].mass * dist2(ps[i].pos, targets[i]);
  return loss;
}

#ifndef __GRADC__
#include "particles.grad.h"

int main() {
  double k = 2.0, drag = 0.3;
  Vec3 v0[N] = {{0.5, -0.25, 0}, {0, 0.75, -0.5}, {-0.25, 0, 1}};
  const int steps = 20;
  double dk = 0, ddrag = 0;
  Vec3 dv0[N] = {};
  double f = particles_grad(k, drag, v0, steps, dk, ddrag, dv0);
  std::printf("particles: at k=[%.17g],drag=[%.17g],v0=[", k, drag);
  for (int i = 0; i < N; ++i)
    std::printf("%s%.17g,%.17g,%.17g", i ? "," : "", v0[i].x, v0[i].y,
                v0[i].z);
  std::printf("],steps=[%d]\nparticles: f = %.17g\n", steps, f);
  int Failures = 0;
  auto Check = [&](const char *Name, int I, double &P, double G) {
    double Saved = P, H = 1e-6 * std::fmax(1, std::fabs(Saved));
    P = Saved + H;
    double Up = particles(k, drag, v0, steps);
    P = Saved - H;
    double Down = particles(k, drag, v0, steps);
    P = Saved;
    double Fd = (Up - Down) / (2 * H);
    std::printf("particles: d(%s[%d]) = %.17g (finite difference %.10g)\n",
                Name, I, G, Fd);
    if (std::fabs(G - Fd) > 1e-6 * std::fmax(1, std::fabs(Fd))) {
      std::printf("  WRONG\n");
      ++Failures;
    }
  };
  Check("k", 0, k, dk);
  Check("drag", 0, drag, ddrag);
  for (int i = 0; i < N; ++i) {
    Check("v0", 3 * i, v0[i].x, dv0[i].x);
    Check("v0", 3 * i + 1, v0[i].y, dv0[i].y);
    Check("v0", 3 * i + 2, v0[i].z, dv0[i].z);
  }
  std::printf(Failures ? "FAILED\n" : "OK\n");
  return Failures;
}
#endif
