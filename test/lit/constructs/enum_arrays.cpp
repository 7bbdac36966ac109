// Arrays of enums and pointers to them: a local array (`geo::Kind
// kinds[3] = {...}`, `switch (kinds[i])`), a pointer parameter, a
// std::vector and a std::array of them (parameters and locals, range-based
// `for`, push_back), passed on to a helper. They are passive integer arrays;
// the generated code names the enum in full, as it does for scalars.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function pointed --at 'x=0.5,kinds=[1,0,2],n=3' -o - | FileCheck %s --check-prefix=AT
// CHECK: listed: at
// CHECK: pointed: at
// CHECK: held: at
// CHECK: fixed: at
// CHECK: grown: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 5 checked against the interpreter, 0 mismatches
// AT: pointed(x = 0.5, kinds = [1, 0, 2], n = 3) = 0.875
// AT: param x 0.5 2.75
#include <gradc/gradc.h>
#include <array>
#include <vector>

namespace geo {
enum class Kind { Ball, Box, Rod };
enum Axis { X, Y, Z };
} // namespace geo

GRADC_DIFF("grad")
double listed(double x) {
  geo::Kind kinds[3] = {geo::Kind::Rod, geo::Kind::Box, geo::Kind::Ball};
  double s = 0;
  for (int i = 0; i < 3; ++i) {
    switch (kinds[i]) {
    case geo::Kind::Ball:
      s += x * x;
      break;
    case geo::Kind::Box:
      s += 2 * x;
      break;
    default:
      s += x * s;
    }
  }
  return s;
}
// TEXT-LABEL: inline double listed_pullback(
// TEXT:   geo::Kind kinds[3] = {};
// TEXT:   kinds[0] = geo::Kind::Rod;
// TEXT:   kinds[1] = geo::Kind::Box;
// TEXT:     geo::Kind kinds_old = kinds[i];
// TEXT:     if (kinds_old == geo::Kind::Ball) {

static double term(double x, const geo::Kind *ks, int i) {
  return ks[i] == geo::Kind::Rod ? x * x * x : x;
}

GRADC_DIFF("grad")
double pointed(double x, const geo::Kind *kinds, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += kinds[i] == geo::Kind::Box ? x * x : term(x, kinds, i);
  return s;
}
// TEXT-LABEL: inline double pointed_pullback(double x, const geo::Kind *kinds, int n,
// TEXT:     bool cond = kinds[i] == geo::Kind::Box;

GRADC_DIFF("grad")
double held(double x, const std::vector<geo::Kind> &kinds) {
  double s = 0;
  for (geo::Kind k : kinds)
    s += k == geo::Kind::Box ? x * x : x;
  return s;
}
// TEXT-LABEL: inline double held_pullback(double x,
// TEXT:     geo::Kind k = kinds[i];

GRADC_DIFF("grad")
double fixed(double x, const std::array<geo::Axis, 3> &axes) {
  double c[3] = {x, 2 * x, x * x};
  double s = 0;
  for (std::size_t i = 0; i < axes.size(); ++i)
    s += c[axes[i]] * (axes[i] + 1);
  return s;
}
// TEXT-LABEL: inline double fixed_pullback(

GRADC_DIFF("grad")
double grown(double x, int n) {
  std::array<geo::Kind, 3> ka = {geo::Kind::Rod, geo::Kind::Box,
                                 geo::Kind::Ball};
  std::vector<geo::Kind> kv;
  for (int i = 0; i < n; ++i)
    kv.push_back(static_cast<geo::Kind>(i % 3));
  geo::Axis ax[2] = {geo::Y, geo::Z};
  ax[0] = static_cast<geo::Axis>(n % 3);
  const geo::Kind *p = ka.data();
  double s = 0;
  for (geo::Kind k : ka)
    s += k == geo::Kind::Box ? x : 2 * x;
  for (std::size_t i = 0; i < kv.size(); ++i)
    s += term(x, kv.data(), static_cast<int>(i));
  return s + term(x, p, 0) * ax[0] + ax[1];
}
// TEXT-LABEL: inline double grown_pullback(
// TEXT:   std::array<geo::Kind, 3> ka{};
// TEXT:   std::vector<geo::Kind> kv;
// TEXT:     kv.push_back(static_cast<geo::Kind>(i % 3));
// TEXT:   geo::Axis ax[2] = {};
// TEXT:     geo::Kind k = ka[i];

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "listed", {{"x", {0.75}}}, {},
      [](const Arrays &p) { return listed(p[0][0]); },
      [](const Arrays &p, Arrays &d) { return listed_grad(p[0][0], d[0][0]); },
      [](const Arrays &p, double s, Arrays &d) {
        listed_pullback(p[0][0], s, d[0][0]);
      });
  const geo::Kind ks[3] = {geo::Kind::Box, geo::Kind::Ball, geo::Kind::Rod};
  gradc_check::check_arrays(
      "pointed", {{"x", {0.5}}}, {{"kinds", {1, 0, 2}}, {"n", {3}}},
      [&](const Arrays &p) { return pointed(p[0][0], ks, 3); },
      [&](const Arrays &p, Arrays &d) {
        return pointed_grad(p[0][0], ks, 3, d[0][0]);
      },
      [&](const Arrays &p, double s, Arrays &d) {
        pointed_pullback(p[0][0], ks, 3, s, d[0][0]);
      });
  const std::vector<geo::Kind> kv(ks, ks + 3);
  gradc_check::check_arrays(
      "held", {{"x", {1.5}}}, {{"kinds", {1, 0, 2}}},
      [&](const Arrays &p) { return held(p[0][0], kv); },
      [&](const Arrays &p, Arrays &d) {
        return held_grad(p[0][0], kv, d[0][0]);
      },
      [&](const Arrays &p, double s, Arrays &d) {
        held_pullback(p[0][0], kv, s, d[0][0]);
      });
  const std::array<geo::Axis, 3> axes = {geo::Z, geo::X, geo::Z};
  gradc_check::check_arrays(
      "fixed", {{"x", {1.25}}}, {{"axes", {2, 0, 2}}},
      [&](const Arrays &p) { return fixed(p[0][0], axes); },
      [&](const Arrays &p, Arrays &d) {
        return fixed_grad(p[0][0], axes, d[0][0]);
      },
      [&](const Arrays &p, double s, Arrays &d) {
        fixed_pullback(p[0][0], axes, s, d[0][0]);
      });
  gradc_check::check_arrays(
      "grown", {{"x", {0.5}}}, {{"n", {5}}},
      [](const Arrays &p) { return grown(p[0][0], 5); },
      [](const Arrays &p, Arrays &d) { return grown_grad(p[0][0], 5, d[0][0]); },
      [](const Arrays &p, double s, Arrays &d) {
        grown_pullback(p[0][0], 5, s, d[0][0]);
      });
  return gradc_check::finish();
}
#endif
