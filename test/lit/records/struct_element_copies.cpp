// An element of a std::vector or std::array of structs copied into a local
// struct (`Body c = bs[i];`), bound by reference (`const Body &b = bs[i];`)
// and by a structured binding (`auto [x, y, m] = bs[i];`), and a local
// struct written back (`bs[i] = c;`); and std::for_each over such a
// container, its operation given each struct. Checked against finite
// differences and the interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK: copied: at
// CHECK: bound: at
// CHECK: local: at
// CHECK: visited: at
// CHECK: shifted: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 5 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <vector>

struct Body {
  double x, y, m;
};

// A copy changed: bs is not.
GRADC_DIFF("grad")
double copied(const std::vector<Body> &bs, double k) {
  double s = 0;
  for (std::size_t i = 0; i < bs.size(); ++i) {
    Body c = bs[i];
    c.x *= k;
    s += c.x * c.y + std::sin(c.m);
  }
  return s;
}
// TEXT-LABEL: inline double copied_pullback(
// TEXT: Body c;
// TEXT: c.x = bs[i].x;
// TEXT: // struct_element_copies.cpp:[[@LINE-9]]: Body c = bs[i];
// TEXT: dbs[i].x += dc.x;

// A reference and a structured binding, of a std::array of structs.
GRADC_DIFF("grad")
double bound(const std::array<Body, 3> &bs, double k) {
  double s = 0;
  for (std::size_t i = 0; i < bs.size(); ++i) {
    const Body &b = bs[i];
    auto [x, y, m] = bs[(i + 1) % 3];
    s += b.x * k * y + x * m;
  }
  return s;
}

// A local vector's elements copied out, changed and written back.
GRADC_DIFF("grad")
double local(const std::vector<Body> &bs, double k) {
  std::vector<Body> cs = bs;
  for (std::size_t i = 0; i < cs.size(); ++i) {
    Body c = cs[i];
    c.x = c.x * k + c.y;
    cs[i] = c;
  }
  return cs[0].x * cs[1].y + cs[2].x * cs[2].m;
}
// TEXT-LABEL: inline double local_pullback(
// TEXT: cs[i].x = c.x;

// std::for_each over a std::vector and a std::array of structs.
GRADC_DIFF("grad")
double visited(const std::vector<Body> &bs, double k) {
  double s = 0;
  std::for_each(bs.begin(), bs.end(),
                [&](const Body &b) { s += k * b.x * b.y + b.m; });
  std::array<Body, 2> two = {{{k, 1, 2}, {3, k * k, 1}}};
  std::for_each(two.begin(), two.end(), [&](const Body &b) { s *= b.y; });
  return s;
}
// TEXT-LABEL: inline double visited_pullback(
// TEXT: visited_lambda(bs[i], s, k);

// In and out: each element but the last becomes the next one changed.
GRADC_DIFF("grad")
void shifted(std::vector<Body> &bs, double k) {
  for (std::size_t i = 0; i + 1 < bs.size(); ++i) {
    Body c = bs[i + 1];
    c.y = c.x * k + bs[i].m;
    bs[i] = c;
  }
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;
using gradc_check::Role;

template <class C> static C bodies(const std::vector<double> &v) {
  C b{};
  if constexpr (std::is_same_v<C, std::vector<Body>>)
    b.resize(v.size() / 3);
  for (std::size_t i = 0; i < b.size(); ++i)
    b[i] = {v[3 * i], v[3 * i + 1], v[3 * i + 2]};
  return b;
}
template <class C> static void back(const C &b, std::vector<double> &v) {
  for (std::size_t i = 0; i < b.size(); ++i) {
    v[3 * i] = b[i].x;
    v[3 * i + 1] = b[i].y;
    v[3 * i + 2] = b[i].m;
  }
}

/// Checks F(C bs, double k).
#define CHECK_BK(F, C)                                                         \
  gradc_check::check_arrays(                                                   \
      #F, {{"bs", Bs}, {"k", {0.7}}}, {},                                      \
      [](const Arrays &p) { return F(bodies<C>(p[0]), p[1][0]); },             \
      [](const Arrays &p, Arrays &d) {                                         \
        C db = bodies<C>(d[0]);                                                \
        double f = F##_grad(bodies<C>(p[0]), p[1][0], db, d[1][0]);            \
        back(db, d[0]);                                                        \
        return f;                                                              \
      },                                                                       \
      [](const Arrays &p, double s, Arrays &d) {                               \
        C db = bodies<C>(d[0]);                                                \
        F##_pullback(bodies<C>(p[0]), p[1][0], s, db, d[1][0]);                \
        back(db, d[0]);                                                        \
      })

int main() {
  const std::vector<double> Bs = {0.5, -1, 2, 0.25, 1.5, 0.75, -0.5, 1.25, 3};
  using V = std::vector<Body>;
  using A = std::array<Body, 3>;
  CHECK_BK(copied, V);
  CHECK_BK(bound, A);
  CHECK_BK(local, V);
  CHECK_BK(visited, V);
  gradc_check::check_vjp(
      "shifted", true, {{"bs", Bs, Role::InOut}, {"k", {0.6}, Role::In}}, {},
      [](Arrays &p) {
        V b = bodies<V>(p[0]);
        shifted(b, p[1][0]);
        back(b, p[0]);
        return 0.0;
      },
      [](Arrays &p, double, Arrays &d) {
        V b = bodies<V>(p[0]), db = bodies<V>(d[0]);
        shifted_pullback(b, p[1][0], db, d[1][0]);
        back(b, p[0]);
        back(db, d[0]);
      });
  return gradc_check::finish();
}
#endif
