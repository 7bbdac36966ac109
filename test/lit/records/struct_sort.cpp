// std::sort and std::stable_sort over containers of structs: by a lambda
// (the top k items by key), by a function of the user's, by the struct's
// own operator< (a member, a hidden friend), over a copy of a parameter,
// a C array and part of a range. Each is an insertion sort moving whole
// structs through a local `key`; the derivative of a sorted member flows
// back to the element it came from. At ties (equal keys, `ties`) the
// elements keep their order, and so does the gradient. Checked against
// central finite differences, the pullback and gradc's interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: FileCheck %s --check-prefix=HELPER < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function topk --at 'x=[0.3,1.2,-0.5,0.9,2],w=[1.5,0.2,0.7,-1.1,0.4]' -o - | FileCheck %s --check-prefix=AT
// CHECK: topk: at
// CHECK: by_operator: at
// CHECK: by_friend: at
// CHECK: ties: at
// CHECK: array_part: at
// CHECK: in_helper: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
// AT: topk(x = [0.3, 1.2, -0.5, 0.9, 2], w = [1.5, 0.2, 0.7, -1.1, 0.4]) = 1.04
// AT: param  x[1]{{ +}}1.2{{ +}}0.2
// AT: param  x[3]{{ +}}0.9{{ +}}0
// AT: param  w[4]{{ +}}0.4{{ +}}2
#include <gradc/gradc.h>

#include <algorithm>
#include <cmath>
#include <vector>

struct Item {
  double key;
  double w;
};

// The two items of largest key, weighted.
// TEXT-LABEL: inline double topk_pullback(
// TEXT: for (int i = 1; i < {{.*}}; ++i) {
// TEXT-NEXT: Item key;
// TEXT-NEXT: key.key = items[i].key;
// TEXT-NEXT: key.w = items[i].w;
// TEXT-NEXT: int j = i;
// TEXT: while (j > 0) {
// TEXT: topk_lambda(key, items[j - 1]);
// TEXT: break;
// TEXT: items[j].key = items[{{diff.*}}].key;
// TEXT: items[j].key = key.key;
// TEXT-NEXT: items[j].w = key.w;
// TEXT: // struct_sort.cpp:{{[0-9]+}}: std::sort(items.begin(), items.end(),
// TEXT: ditems[{{diff.*}}].key += {{.*}};
GRADC_DIFF("grad")
double topk(const std::vector<double> &x, const std::vector<double> &w) {
  std::vector<Item> items;
  for (std::size_t i = 0; i < x.size(); ++i)
    items.push_back({x[i], w[i]});
  std::sort(items.begin(), items.end(),
            [](const Item &a, const Item &b) { return a.key > b.key; });
  double s = 0;
  for (int i = 0; i < 2; ++i)
    s += items[i].key * items[i].w;
  return s;
}

struct Ranked {
  double v;
  double c;
  bool operator<(const Ranked &o) const { return v * c < o.v * o.c; }
};

// The struct's own operator<, called as written, over a copy of a
// parameter; a rank-weighted sum.
// TEXT-LABEL: inline double by_operator_pullback(
// TEXT: key < rs[j - 1]
GRADC_DIFF("grad")
double by_operator(const std::vector<Ranked> &ps) {
  std::vector<Ranked> rs = ps;
  std::stable_sort(rs.begin(), rs.end());
  double s = 0;
  for (std::size_t i = 0; i < rs.size(); ++i)
    s += (i + 1.0) * rs[i].v * std::sin(rs[i].c);
  return s;
}

struct Point {
  double x, y;
  friend bool operator<(const Point &a, const Point &b) {
    return a.x * a.x + a.y * a.y < b.x * b.x + b.y * b.y;
  }
};

// A hidden friend operator<, a vector filled in a loop.
GRADC_DIFF("grad")
double by_friend(const std::vector<double> &x, double t) {
  std::vector<Point> ps(x.size());
  for (std::size_t i = 0; i < x.size(); ++i)
    ps[i] = Point{x[i], t * x[i] - 1};
  std::sort(ps.begin(), ps.end());
  return ps[0].x * ps[1].y - ps.back().x;
}

struct Grouped {
  int group;
  double v;
};

static bool byGroup(const Grouped &a, const Grouped &b) {
  return a.group < b.group;
}

// Keys that tie: the elements of one group keep their order, so each
// rank's weight goes to the element the stable order put there.
GRADC_DIFF("grad")
double ties(const std::vector<double> &x) {
  std::vector<Grouped> g;
  for (std::size_t i = 0; i < x.size(); ++i)
    g.push_back({static_cast<int>(i % 2), x[i]});
  std::stable_sort(g.begin(), g.end(), byGroup);
  double s = 0;
  for (std::size_t i = 0; i < g.size(); ++i)
    s += (i + 1.0) * (i + 1.0) * g[i].v;
  return s;
}

// Part of a C array of structs, sorted in a loop.
GRADC_DIFF("grad")
double array_part(const double *x, double t) {
  double s = 0;
  for (int r = 0; r < 2; ++r) {
    Item a[4];
    for (int i = 0; i < 4; ++i)
      a[i] = {std::cos(x[i] + r * t), x[i] * t};
    std::sort(a + 1, a + 4, [](const Item &p, const Item &q) {
      return p.key < q.key;
    });
    s += a[1].w * a[3].key + a[0].w;
  }
  return s;
}

// Sorted inside a helper of the user's, which gets a pullback of its own.
// HELPER-LABEL: inline void smallest_pullback(
// HELPER: Item key;
// HELPER-LABEL: inline double in_helper_pullback(
// HELPER: smallest_pullback(c, dout, dc);
static double smallest(const std::vector<Item> &given) {
  std::vector<Item> s = given;
  std::sort(s.begin(), s.end(),
            [](const Item &a, const Item &b) { return a.key < b.key; });
  return s[0].w * s[1].key;
}

GRADC_DIFF("grad")
double in_helper(const std::vector<Item> &items) {
  std::vector<Item> c = items;
  return smallest(c) + c[0].key;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  using gradc_check::as_array;
  using gradc_check::back;
  const std::vector<double> X = {0.3, 1.2, -0.5, 0.9, 2.0};
  const std::vector<double> W = {1.5, 0.2, 0.7, -1.1, 0.4};
  gradc_check::check_arrays(
      "topk", {{"x", X}, {"w", W}}, {},
      [](const Arrays &p) { return topk(p[0], p[1]); },
      [](const Arrays &p, Arrays &d) {
        return topk_grad(p[0], p[1], d[0], d[1]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        topk_pullback(p[0], p[1], s, d[0], d[1]);
      });
  const std::vector<double> Ps = {0.5, 1.5, -1.0, 0.25, 2.0, 0.75, 0.3, -2.0};
  gradc_check::check_arrays(
      "by_operator", {{"ps", Ps}}, {},
      [](const Arrays &p) { return by_operator(as_array<Ranked>(p[0])); },
      [](const Arrays &p, Arrays &d) {
        std::vector<Ranked> dp = as_array<Ranked>(d[0]);
        double f = by_operator_grad(as_array<Ranked>(p[0]), dp);
        back(dp, d[0]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        std::vector<Ranked> dp = as_array<Ranked>(d[0]);
        by_operator_pullback(as_array<Ranked>(p[0]), s, dp);
        back(dp, d[0]);
      });
  gradc_check::check_arrays(
      "by_friend", {{"x", X}, {"t", {0.7}}}, {},
      [](const Arrays &p) { return by_friend(p[0], p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return by_friend_grad(p[0], p[1][0], d[0], d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        by_friend_pullback(p[0], p[1][0], s, d[0], d[1][0]);
      });
  gradc_check::check_container("ties", "x", ties, ties_grad, ties_pullback,
                               X);
  gradc_check::check_arrays(
      "array_part", {{"x", {0.4, -0.3, 1.1, 0.2}}, {"t", {0.6}}}, {},
      [](const Arrays &p) { return array_part(p[0].data(), p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return array_part_grad(p[0].data(), p[1][0], d[0].data(), d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        array_part_pullback(p[0].data(), p[1][0], s, d[0].data(), d[1][0]);
      });
  gradc_check::check_arrays(
      "in_helper", {{"items", Ps}}, {},
      [](const Arrays &p) { return in_helper(as_array<Item>(p[0])); },
      [](const Arrays &p, Arrays &d) {
        std::vector<Item> di = as_array<Item>(d[0]);
        double f = in_helper_grad(as_array<Item>(p[0]), di);
        back(di, d[0]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        std::vector<Item> di = as_array<Item>(d[0]);
        in_helper_pullback(as_array<Item>(p[0]), s, di);
        back(di, d[0]);
      });
  return gradc_check::finish();
}
#endif
