// A mass-spring system written with structs, as simulation code is: a
// Vec3 with member functions, particles and springs as arrays of structs
// (a spring names its two particles by index), gravity as a std::array and
// a scratch std::vector of spring lengths. The forces on the particles are
// minus the gradient of the potential energy; gradc generates
// energy_grad, whose adjoint is an array of Particle like the input (so
// dps[i].pos is the gradient with respect to particle i's position).
//
// The example prints the forces and checks every entry of the gradient
// against central finite differences.
#include <gradc/gradc.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <vector>

struct Vec3 {
  double x, y, z;
  double dot(const Vec3 &o) const { return x * o.x + y * o.y + z * o.z; }
  double norm() const { return std::sqrt(dot(*this)); }
};

struct Particle {
  Vec3 pos;
  double mass;
};

struct Spring {
  int a, b;       // the particles it joins
  double rest, k; // rest length and stiffness
};

static double distance(const Vec3 &p, const Vec3 &q) {
  Vec3 d{p.x - q.x, p.y - q.y, p.z - q.z};
  return d.norm();
}

/// Spring energy 1/2 k (|pa - pb| - rest)^2 plus the potential m g . p of
/// each particle in the field g.
GRADC_DIFF("grad wrt(ps)")
double energy(const Particle *ps, int np, const Spring *springs, int ns,
              const std::array<double, 3> &g) {
  std::vector<double> stretch(ns);
  for (int s = 0; s < ns; ++s) {
    const Spring &sp = springs[s];
    stretch[s] = distance(ps[sp.a].pos, ps[sp.b].pos) - sp.rest;
  }
  double e = 0;
  for (int s = 0; s < ns; ++s)
    e += 0.5 * springs[s].k * stretch[s] * stretch[s];
  for (int i = 0; i < np; ++i)
    e -= ps[i].mass *
         (g[0] * ps[i].pos.x + g[1] * ps[i].pos.y + g[2] * ps[i].pos.z);
  return e;
}

#ifndef __GRADC__
#include "springs.grad.h"

int main() {
  std::vector<Particle> ps = {
      {{0, 0, 0}, 1.0}, {{1.2, 0.1, 0}, 0.5}, {{0.3, 1.1, -0.2}, 2.0}};
  std::vector<Spring> springs = {
      {0, 1, 1.0, 10}, {1, 2, 1.5, 4}, {0, 2, 1.0, 6}};
  const std::array<double, 3> g = {0, 0, -9.81};
  const int np = 3, ns = 3;
  std::vector<Particle> dps(np, Particle{{0, 0, 0}, 0});
  double e = energy_grad(ps.data(), np, springs.data(), ns, g, dps.data());
  std::printf("energy = %.6f\n", e);
  int failures = 0;
  for (int i = 0; i < np; ++i) {
    std::printf("force on particle %d: (%9.4f, %9.4f, %9.4f)\n", i,
                -dps[i].pos.x, -dps[i].pos.y, -dps[i].pos.z);
    double *coords[] = {&ps[i].pos.x, &ps[i].pos.y, &ps[i].pos.z, &ps[i].mass};
    double grads[] = {dps[i].pos.x, dps[i].pos.y, dps[i].pos.z, dps[i].mass};
    for (int c = 0; c < 4; ++c) {
      double saved = *coords[c], h = 1e-6 * std::fmax(1, std::fabs(saved));
      *coords[c] = saved + h;
      double up = energy(ps.data(), np, springs.data(), ns, g);
      *coords[c] = saved - h;
      double down = energy(ps.data(), np, springs.data(), ns, g);
      *coords[c] = saved;
      double fd = (up - down) / (2 * h);
      if (std::fabs(fd - grads[c]) > 1e-5 * std::fmax(1, std::fabs(fd))) {
        std::printf(
            "FAIL: particle %d coordinate %d: %g, finite difference %g\n", i, c,
            grads[c], fd);
        ++failures;
      }
    }
  }
  std::printf(failures ? "%d FAILURES\n"
                       : "gradient matches finite "
                         "differences\n",
              failures);
  return failures;
}
#endif
