// std::pair of numbers is a struct whose members are `first` and
// `second`: locals made from braces, `std::make_pair` and copies, members
// read and written (also through `std::get<I>`), structured bindings,
// parameters by value, `const &` and `&` (an in/out parameter), helpers
// returning a pair. The adjoint of a pair is a pair of the same type.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function scaled --at 'p=[1.5,-2],s=3' | FileCheck %s --check-prefix=AT
// CHECK: locals: at
// CHECK: bindings: at
// CHECK: helpers: at
// CHECK: mixed: at
// CHECK: scaled: at
// CHECK: update: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 6 checked against the interpreter, 0 mismatches
// RUN: %gradc %s --function sumv --check --at 'v=[1,2,-0.5,3],s=0.5' | FileCheck %s --check-prefix=SUMV
// SUMV: v[3]           -0.375
// SUMV: ok: all 5 entries agree with finite differences
// AT:      scaled(p = [1.5, -2], s = 3) = -9
// AT:      param  p.first   1.5  -6
// AT-NEXT: param  p.second  -2  4.5
#include <gradc/gradc.h>

#include <cmath>
#include <utility>
#include <vector>

// Returns in branches, braces and std::make_pair.
static std::pair<double, double> minmax2(double a, double b) {
  if (a < b)
    return {a, b};
  return std::make_pair(b, a);
}

static std::pair<double, double> polar(const std::pair<double, double> &p) {
  double r = std::sqrt(p.first * p.first + p.second * p.second);
  return std::make_pair(r, std::atan2(p.second, p.first));
}

static double dot(std::pair<double, double> a, std::pair<double, double> b) {
  return a.first * b.first + a.second * b.second;
}

// TEXT-LABEL: inline double locals_pullback(double x, double y, double dout, double &dx,
GRADC_DIFF("grad")
double locals(double x, double y) {
  std::pair<double, double> p{x, y};
  std::pair<double, double> q = {x * y, 2.0};
  auto r = std::make_pair(y, x);
  std::pair<double, double> s;
  s = p;
  s.first = s.first * q.second;
  std::get<1>(s) += std::get<0>(r);
  r = std::make_pair(r.second, r.first);
  std::pair<double, double> c = q;
  c.second = c.second * y;
  // TEXT: return s.first * s.second + r.first * c.second + q.first;
  return s.first * s.second + r.first * c.second + q.first;
}

GRADC_DIFF("grad")
double bindings(double x, double y) {
  std::pair<double, double> p{x, y};
  auto [a, b] = p;
  p.first = 3 * a;
  const auto &[u, v] = p;
  auto &[m, n] = p;
  n = m * b;
  auto [lo, hi] = minmax2(x * y, x + y);
  return a * b + u * v + lo * hi;
}

GRADC_DIFF("grad")
double helpers(double x, double y) {
  std::pair<double, double> p = minmax2(x, y);
  auto pol = polar(p);
  p = polar(std::make_pair(pol.first, y));
  return dot(p, pol) + minmax2(y, x).second * polar({x, y}).first;
}

// Numbers of other types: an int is data, a float is converted.
// TEXT-LABEL: inline double mixed_pullback(double x, float y, double dout, double &dx,
GRADC_DIFF("grad")
double mixed(double x, float y) {
  std::pair<double, int> k{x, 3};
  std::pair<float, double> f = std::make_pair(y, x);
  std::pair<double, double> g = f;
  return k.first * k.second + g.first * g.second + f.first;
}

// A pair parameter: its adjoint is a pair.
// TEXT: inline double scaled_grad(const std::pair<double, double> &p, double s,
// TEXT-NEXT: std::pair<double, double> &dp, double &ds) {
GRADC_DIFF("grad")
double scaled(const std::pair<double, double> &p, double s) {
  std::pair<double, double> q = p;
  q.first *= s;
  return q.first * q.second;
}

// A pair read and written: one adjoint buffer in and out.
// TEXT: inline double update_grad(std::pair<double, double> &p, double s,
GRADC_DIFF("grad")
double update(std::pair<double, double> &p, double s) {
  p.first = p.first * s + p.second;
  p.second = std::sin(p.second);
  return p.first * p.second;
}

// A container of pairs is a container of structs: its adjoint is one too.
// TEXT: inline double sumv_pullback(const std::vector<std::pair<double, double>> &v,
// TEXT-NEXT: double s, double dout,
// TEXT-NEXT: std::vector<std::pair<double, double>> &dv,
GRADC_DIFF("grad")
double sumv(const std::vector<std::pair<double, double>> &v, double s) {
  double acc = 0;
  for (std::size_t i = 0; i < v.size(); ++i)
    acc += v[i].first * std::get<1>(v[i]) * s;
  // TEXT: acc += v[i].first * v[i].second;
  for (const auto &[a, b] : v)
    acc += a * b;
  return acc * s;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"
#include <cstdio>
#include <tuple>

using P2 = std::pair<double, double>;

int main() {
  using V = gradc_check::Vec;
  for (auto [name, fn, gr, pb] :
       {std::tuple{"locals", &locals, &locals_grad, &locals_pullback},
        std::tuple{"bindings", &bindings, &bindings_grad, &bindings_pullback},
        std::tuple{"helpers", &helpers, &helpers_grad, &helpers_pullback}})
    gradc_check::check(
        name, [fn = fn](const V &p) { return fn(p[0], p[1]); },
        [gr = gr](const V &p, V &d) { return gr(p[0], p[1], d[0], d[1]); },
        [pb = pb](const V &p, double s, V &d) { pb(p[0], p[1], s, d[0], d[1]); },
        {0.5, -1.25});
  gradc_check::check(
      "mixed",
      [](const V &p) { return mixed(p[0], static_cast<float>(p[1])); },
      [](const V &p, V &d) {
        float dy = static_cast<float>(d[1]);
        double f = mixed_grad(p[0], static_cast<float>(p[1]), d[0], dy);
        d[1] = dy;
        return f;
      },
      [](const V &p, double s, V &d) {
        float dy = static_cast<float>(d[1]);
        mixed_pullback(p[0], static_cast<float>(p[1]), s, d[0], dy);
        d[1] = dy;
      },
      {0.5, -1.25}, 1e-3);
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "scaled", {{"p", {1.5, -2}}, {"s", {3}}}, {},
      [](const Arrays &p) { return scaled({p[0][0], p[0][1]}, p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        P2 dp{d[0][0], d[0][1]};
        double f = scaled_grad({p[0][0], p[0][1]}, p[1][0], dp, d[1][0]);
        d[0] = {dp.first, dp.second};
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        P2 dp{d[0][0], d[0][1]};
        scaled_pullback({p[0][0], p[0][1]}, p[1][0], s, dp, d[1][0]);
        d[0] = {dp.first, dp.second};
      });
  // update changes p: its adjoint holds the seed of p as update leaves
  // it, and comes back with the gradient with respect to p as it was.
  using gradc_check::Role;
  gradc_check::check_vjp(
      "update", false,
      {{"p", {0.75, -0.5}, Role::InOut}, {"s", {2}, Role::In}}, {},
      [](Arrays &p) {
        P2 q{p[0][0], p[0][1]};
        double f = update(q, p[1][0]);
        p[0] = {q.first, q.second};
        return f;
      },
      [](Arrays &p, double s, Arrays &d) {
        P2 q{p[0][0], p[0][1]}, dq{d[0][0], d[0][1]};
        update_pullback(q, p[1][0], s, dq, d[1][0]);
        p[0] = {q.first, q.second};
        d[0] = {dq.first, dq.second};
      });
  return gradc_check::finish();
}
#endif
