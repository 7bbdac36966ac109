// Structs of numbers: parameters by const reference, by value and by
// pointer (arrays of structs, with an int member used as an index), locals
// with initializer lists, nested structs, `->` and `(*p).m`, member
// functions (const, calling each other through `*this`) and a free helper
// taking a struct. A struct's adjoint is a struct of its type (`Camera
// &dcam`), and members keep their names in the generated code.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: FileCheck %s --check-prefix=HEAD < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// proj = f * (r . X + t0) = 7 * (1 + 4 + 9 + 4) with X = (1, 2, 3).
// CHECK:      proj: at cam=[1,2,3,4,5,6,7],X=[1,2,3]
// CHECK-NEXT: proj: f = 126
// CHECK-NEXT: proj: d(cam[0]) = 7 (
// CHECK-NEXT: proj: d(cam[1]) = 14 (
// CHECK-NEXT: proj: d(cam[2]) = 21 (
// CHECK-NEXT: proj: d(cam[3]) = 7 (
// CHECK-NEXT: proj: d(cam[4]) = 0 (
// CHECK-NEXT: proj: d(cam[5]) = 0 (
// CHECK-NEXT: proj: d(cam[6]) = 18 (
// CHECK-NEXT: proj: d(X[0]) = 7 (
// CHECK-NEXT: proj: d(X[1]) = 14 (
// CHECK-NEXT: proj: d(X[2]) = 21 (
// CHECK:      total: at cams=
// CHECK:      local: at
// CHECK:      energy: at
// CHECK:      arrow: at
// CHECK:      running: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 6 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

struct Camera {
  double r[3], t[3], f;
};

struct Obs {
  double cam; // which camera, as the data files store it
  double u, v;
};

GRADC_DIFF("grad")
double proj(const Camera &cam, const double *X) {
  double p = cam.r[0] * X[0] + cam.r[1] * X[1] + cam.r[2] * X[2] + cam.t[0];
  return cam.f * p;
}
// TEXT-LABEL: inline double proj_pullback(const Camera &cam, const double *X, double dout,
// TEXT:         double p = cam.r[0] * X[0] + cam.r[1] * X[1] + cam.r[2] * X[2] + cam.t[0];
// TEXT:         dcam.f += p * dout;
// TEXT:         dcam.t[0] += dp;
// TEXT:         dcam.r[2] += X[2] * dp;

GRADC_DIFF("grad wrt(cams)")
double total(const Camera *cams, const Obs *obs, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    int c = static_cast<int>(obs[i].cam);
    double e = cams[c].f * obs[i].u - obs[i].v;
    s += e * e;
  }
  return s;
}
// An array of structs: its elements' members by index.
// TEXT-LABEL: inline double total_pullback(const Camera *cams, const Obs *obs, int n,
// TEXT-NEXT:                           double dout, Camera *dcams) {
// TEXT:           dcams[c].f += obs[i].u * de;

GRADC_DIFF("grad")
double local(double x, double y) {
  Camera c{{x, 0, y}, {}, 0};
  c.f = x * y;
  c.t[1] = std::sin(x);
  return c.f * c.t[1] + c.r[0] * c.r[2];
}
// A local struct's adjoint is a local struct, zeroed.
// TEXT-LABEL: inline double local_pullback(
// TEXT:         Camera c{};
// TEXT:         c.r[0] = x;
// TEXT:         Camera dc{};

struct Vec3 {
  double x, y, z;
  double dot(const Vec3 &o) const { return x * o.x + y * o.y + z * o.z; }
  double norm2() const { return dot(*this); }
};

struct Pose {
  Vec3 t;
  double s;
  double scaled(const double *p) const {
    return s * (t.x * p[0] + t.y * p[1] + t.z * p[2]);
  }
};

static double len(const Vec3 &v) { return std::sqrt(v.norm2()); }

GRADC_DIFF("grad")
double energy(const Pose &pose, Vec3 v, const double (&p)[3]) {
  Vec3 w{v.x * pose.s, v.y, 0};
  w.z = pose.t.z + v.z;
  return len(w) + pose.scaled(p) + pose.t.dot(v);
}
// Member functions get pullbacks named after their struct, with the object
// first (`self`); a call on a member passes the member.
// (Callees' pullbacks come first in the header.)
// HEAD:        inline void Vec3_dot_pullback(const Vec3 &self, const Vec3 &o, double dout,
// HEAD-NEXT:                                 Vec3 &dself, Vec3 &d_o) {
// HEAD:          dself.z += o.z * dout;
// HEAD:        inline void Vec3_norm2_pullback(const Vec3 &self, double dout, Vec3 &dself) {
// HEAD-NEXT:     // structs.cpp:{{[0-9]+}}: return dot(*this);
// HEAD-NEXT:     Vec3_dot_pullback(self, self, dout, dself, dself);
// TEXT-LABEL:  inline double energy_pullback(const Pose &pose, Vec3 v, const double (&p)[3],
// TEXT-NEXT:                             double dout, Pose &dpose, Vec3 &dv, double *dp) {
// TEXT:          double scaled_pose = pose.scaled(p);
// TEXT-NEXT:     double dot_v = pose.t.dot(v);
// TEXT:          Vec3_dot_pullback(pose.t, v, dout, dpose.t, dv);
// TEXT-NEXT:     Pose_scaled_pullback(pose, p, dout, dpose, dp);

GRADC_DIFF("grad")
double arrow(const Vec3 *a, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += a[i].x * a[i].y;
  const Vec3 *first = a;
  return s + first->z * (*a).x;
}
// TEXT-LABEL: inline double arrow_pullback(const Vec3 *a, int n, double dout, Vec3 *da) {
// TEXT:         da->x += a->z * dout;
// TEXT:         da[i].y += a[i].x * ds;

struct Stats {
  double sum, prod;
};

GRADC_DIFF("grad wrt(w)")
double running(const double *w, int n) {
  Stats st{0, 1};
  for (int i = 0; i < n; ++i) {
    st.sum += w[i];
    st.prod *= w[i];
  }
  return st.sum * st.prod;
}
// A member overwritten in a loop is taped like any variable in memory.
// TEXT-LABEL: inline double running_pullback(
// TEXT:         st.prod *= w[i];

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;
using gradc_check::as;
using gradc_check::as_array;
using gradc_check::back;

int main() {
  const double X[] = {1, 2, 3};
  gradc_check::check_arrays(
      "proj", {{"cam", {1, 2, 3, 4, 5, 6, 7}}, {"X", {1, 2, 3}}}, {},
      [](const Arrays &p) { return proj(as<Camera>(p[0]), p[1].data()); },
      [](const Arrays &p, Arrays &d) {
        Camera dc = as<Camera>(d[0]);
        double f = proj_grad(as<Camera>(p[0]), p[1].data(), dc, d[1].data());
        back(dc, d[0]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        Camera dc = as<Camera>(d[0]);
        proj_pullback(as<Camera>(p[0]), p[1].data(), s, dc, d[1].data());
        back(dc, d[0]);
      });
  (void)X;
  static const Obs Data[] = {{1, 0.5, 2}, {0, -1.5, 1}, {1, 2, -3}};
  gradc_check::check_arrays(
      "total",
      {{"cams",
        {0.1, 0.2, 0.3, 1, 2, 3, 1.5, -0.1, 0.4, 0.2, 3, 2, 1, 0.75}}},
      {{"obs", {1, 0.5, 2, 0, -1.5, 1, 1, 2, -3}}, {"n", {3}}},
      [](const Arrays &p) {
        return total(as_array<Camera>(p[0]).data(), Data, 3);
      },
      [](const Arrays &p, Arrays &d) {
        std::vector<Camera> dc = as_array<Camera>(d[0]);
        double f =
            total_grad(as_array<Camera>(p[0]).data(), Data, 3, dc.data());
        back(dc, d[0]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        std::vector<Camera> dc = as_array<Camera>(d[0]);
        total_pullback(as_array<Camera>(p[0]).data(), Data, 3, s, dc.data());
        back(dc, d[0]);
      });
  gradc_check::check_arrays(
      "local", {{"x", {0.7}}, {"y", {-1.3}}}, {},
      [](const Arrays &p) { return local(p[0][0], p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return local_grad(p[0][0], p[1][0], d[0][0], d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        local_pullback(p[0][0], p[1][0], s, d[0][0], d[1][0]);
      });
  gradc_check::check_arrays(
      "energy",
      {{"pose", {1, 2, 3, 0.5}}, {"v", {1, 2, 3}}, {"p", {0.5, -1, 2}}}, {},
      [](const Arrays &p) {
        using A3 = const double(&)[3];
        return energy(as<Pose>(p[0]), as<Vec3>(p[1]),
                      reinterpret_cast<A3>(*p[2].data()));
      },
      [](const Arrays &p, Arrays &d) {
        using A3 = const double(&)[3];
        Pose dpose = as<Pose>(d[0]);
        Vec3 dv = as<Vec3>(d[1]);
        double f = energy_grad(as<Pose>(p[0]), as<Vec3>(p[1]),
                               reinterpret_cast<A3>(*p[2].data()), dpose, dv,
                               d[2].data());
        back(dpose, d[0]);
        back(dv, d[1]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        using A3 = const double(&)[3];
        Pose dpose = as<Pose>(d[0]);
        Vec3 dv = as<Vec3>(d[1]);
        energy_pullback(as<Pose>(p[0]), as<Vec3>(p[1]),
                        reinterpret_cast<A3>(*p[2].data()), s, dpose, dv,
                        d[2].data());
        back(dpose, d[0]);
        back(dv, d[1]);
      });
  gradc_check::check_arrays(
      "arrow", {{"a", {1, 2, 3, -0.5, 0.25, 4}}}, {{"n", {2}}},
      [](const Arrays &p) { return arrow(as_array<Vec3>(p[0]).data(), 2); },
      [](const Arrays &p, Arrays &d) {
        std::vector<Vec3> da = as_array<Vec3>(d[0]);
        double f = arrow_grad(as_array<Vec3>(p[0]).data(), 2, da.data());
        back(da, d[0]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        std::vector<Vec3> da = as_array<Vec3>(d[0]);
        arrow_pullback(as_array<Vec3>(p[0]).data(), 2, s, da.data());
        back(da, d[0]);
      });
  gradc_check::check_arrays(
      "running", {{"w", {1.5, -2, 0.75}}}, {{"n", {3}}},
      [](const Arrays &p) { return running(p[0].data(), 3); },
      [](const Arrays &p, Arrays &d) {
        return running_grad(p[0].data(), 3, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        running_pullback(p[0].data(), 3, s, d[0].data());
      });
  return gradc_check::finish();
}
#endif
