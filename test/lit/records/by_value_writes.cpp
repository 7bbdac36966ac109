// Parameters passed by value that the body writes, in annotated functions
// and in helpers: structs (members assigned, std::swap), std::array
// (elements through a range-for reference), std::vector (elements, and a
// loop over its size) and numbers. Each is the function's own copy: a
// local of the same name, copied from the parameter at entry, whose
// adjoint flows into the parameter's there.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: FileCheck %s --check-prefix=UNIT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function=scalars --check --at x=0.5,n=3 | FileCheck %s --check-prefix=AT
// RUN: %gradc %s --function=doubled --check --at 'z=[1.5,2]' | FileCheck %s --check-prefix=COMPLEX
// CHECK: facing: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 5 checked against the interpreter, 0 mismatches
// AT: ok: the entry agrees with finite differences
// COMPLEX: ok: all 2 entries agree with finite differences
#include <gradc/gradc.h>

#include <array>
#include <cmath>
#include <complex>
#include <utility>
#include <vector>

struct Vec3 {
  double x, y, z;
};

static Vec3 normalize(Vec3 v) {
  double n = std::sqrt(v.x * v.x + v.y * v.y + v.z * v.z);
  v.x /= n;
  v.y /= n;
  v.z /= n;
  return v;
}
// TEXT-LABEL: inline void normalize_pullback(Vec3 v, const Vec3 &dout, Vec3 &dv) {
// TEXT-NEXT:    Vec3 v_2;
// TEXT-NEXT:    v_2.x = v.x;
// TEXT:         dv.x += d_v.x;

GRADC_DIFF("grad")
double facing(const Vec3 &n, const Vec3 &l) {
  Vec3 a = normalize(n), b = normalize(l);
  return a.x * b.x + a.y * b.y + a.z * b.z;
}

struct Pt {
  double x, y;
};

// Written by std::swap, in the annotated function.
GRADC_DIFF("grad")
double mirror(Pt p, const std::array<double, 3> &a) {
  std::swap(p.x, p.y);
  p.y *= a[0];
  return p.x * a[1] + p.y * p.y * a[2];
}
// TEXT-LABEL: inline double mirror_pullback(Pt p, const std::array<double, 3> &a, double dout,
// TEXT-NEXT:                                  Pt &dp, std::array<double, 3> &da) {
// TEXT-NEXT:    Pt p_2;
// TEXT-NEXT:    p_2.x = p.x;
// TEXT-NEXT:    p_2.y = p.y;

template <std::size_t N>
std::array<double, N> unit(std::array<double, N> v) {
  double n = 0;
  for (double x : v)
    n += x * x;
  n = std::sqrt(n);
  for (double &x : v)
    x /= n;
  return v;
}

GRADC_DIFF("grad")
double cos_sim(const std::array<double, 4> &a, const std::array<double, 4> &b) {
  auto na = unit(a);
  auto nb = unit(b);
  double s = 0;
  for (std::size_t i = 0; i < 4; ++i)
    s += na[i] * nb[i];
  return s;
}
// (The helpers' pullbacks come first.)
// UNIT-LABEL: inline void unit_pullback(std::array<double, 4{{.*}}> v,
// UNIT:         std::array<double, 4{{.*}}> v_2;
// UNIT-NEXT:    for (int i = 0; i < 4; ++i) {
// UNIT-NEXT:      v_2[i] = v[i];

// An in-place prefix sum of a std::vector passed by value.
GRADC_DIFF("grad")
double cumsum(std::vector<double> x) {
  for (std::size_t i = 1; i < x.size(); ++i)
    x[i] += x[i - 1];
  double L = 0;
  for (std::size_t i = 0; i < x.size(); ++i)
    L += std::sin(x[i]) * x[x.size() - 1 - i];
  return L;
}
// TEXT-LABEL: inline double cumsum_pullback(std::vector<double> x, double dout,
// TEXT:         std::vector<double> x_2(size);

// Numbers: written at the top level, in a loop, and in a helper.
static void square(double a, double *out) {
  a = a * a;
  *out = a;
}
GRADC_DIFF("grad wrt(x)")
double scalars(double x, int n) {
  x *= 2;
  for (int i = 0; i < n; ++i)
    x = std::sin(x) + 0.5 * x;
  double r;
  square(x, &r);
  return r;
}

// A std::complex passed by value.
GRADC_DIFF("grad")
double doubled(std::complex<double> z) {
  z *= 2.0;
  return std::norm(z);
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  using gradc_check::as;
  using gradc_check::back;
  gradc_check::check_arrays(
      "facing", {{"n", {0.1, 0.3, 1.0}}, {"l", {0.4, 0.2, 0.9}}}, {},
      [](const Arrays &p) { return facing(as<Vec3>(p[0]), as<Vec3>(p[1])); },
      [](const Arrays &p, Arrays &d) {
        Vec3 dn = as<Vec3>(d[0]), dl = as<Vec3>(d[1]);
        double f = facing_grad(as<Vec3>(p[0]), as<Vec3>(p[1]), dn, dl);
        back(dn, d[0]);
        back(dl, d[1]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        Vec3 dn = as<Vec3>(d[0]), dl = as<Vec3>(d[1]);
        facing_pullback(as<Vec3>(p[0]), as<Vec3>(p[1]), s, dn, dl);
        back(dn, d[0]);
        back(dl, d[1]);
      });
  auto A3 = [](const gradc_check::Vec &v) {
    return std::array<double, 3>{v[0], v[1], v[2]};
  };
  gradc_check::check_arrays(
      "mirror", {{"p", {0.3, 0.8}}, {"a", {0.5, -1.7, 1.1}}}, {},
      [&](const Arrays &p) { return mirror(as<Pt>(p[0]), A3(p[1])); },
      [&](const Arrays &p, Arrays &d) {
        Pt dp = as<Pt>(d[0]);
        std::array<double, 3> da = A3(d[1]);
        double f = mirror_grad(as<Pt>(p[0]), A3(p[1]), dp, da);
        back(dp, d[0]);
        d[1] = {da[0], da[1], da[2]};
        return f;
      },
      [&](const Arrays &p, double s, Arrays &d) {
        Pt dp = as<Pt>(d[0]);
        std::array<double, 3> da = A3(d[1]);
        mirror_pullback(as<Pt>(p[0]), A3(p[1]), s, dp, da);
        back(dp, d[0]);
        d[1] = {da[0], da[1], da[2]};
      });
  auto A4 = [](const gradc_check::Vec &v) {
    return std::array<double, 4>{v[0], v[1], v[2], v[3]};
  };
  gradc_check::check_arrays(
      "cos_sim", {{"a", {0.5, 1.3, -0.2, 0.9}}, {"b", {1, 0.2, 0.3, -0.4}}},
      {},
      [&](const Arrays &p) { return cos_sim(A4(p[0]), A4(p[1])); },
      [&](const Arrays &p, Arrays &d) {
        std::array<double, 4> da = A4(d[0]), db = A4(d[1]);
        double f = cos_sim_grad(A4(p[0]), A4(p[1]), da, db);
        d[0] = {da[0], da[1], da[2], da[3]};
        d[1] = {db[0], db[1], db[2], db[3]};
        return f;
      },
      [&](const Arrays &p, double s, Arrays &d) {
        std::array<double, 4> da = A4(d[0]), db = A4(d[1]);
        cos_sim_pullback(A4(p[0]), A4(p[1]), s, da, db);
        d[0] = {da[0], da[1], da[2], da[3]};
        d[1] = {db[0], db[1], db[2], db[3]};
      });
  gradc_check::check_arrays(
      "cumsum", {{"x", {0.5, 1.3, -0.2, 0.9}}}, {},
      [](const Arrays &p) { return cumsum(p[0]); },
      [](const Arrays &p, Arrays &d) { return cumsum_grad(p[0], d[0]); },
      [](const Arrays &p, double s, Arrays &d) {
        cumsum_pullback(p[0], s, d[0]);
      });
  gradc_check::check_arrays(
      "scalars", {{"x", {0.5}}}, {{"n", {3}}},
      [](const Arrays &p) { return scalars(p[0][0], 3); },
      [](const Arrays &p, Arrays &d) {
        return scalars_grad(p[0][0], 3, d[0][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        scalars_pullback(p[0][0], 3, s, d[0][0]);
      });
  return gradc_check::finish();
}
#endif
