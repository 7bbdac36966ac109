// A helper returning a std::vector of structs that it fills
// (`std::vector<Item> build(const std::vector<double> &x)`: one vector
// declared empty, push_back / emplace_back / pop_back, `return r;` at the
// end), called where a variable is declared (`auto items = build(x);`):
// gradc writes the helper's body there, its vector being the caller's,
// as it does for a helper growing a vector it is given. In a loop, with
// the helper's own locals, a struct built by a call, then sorted. Checked
// against central finite differences, the pullback and gradc's
// interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function pairs --at 'x=[0.5,-1,2]' -o - | FileCheck %s --check-prefix=AT
// CHECK: pairs: at
// CHECK: in_loop: at
// CHECK: with_locals: at
// CHECK: sorted_build: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
// AT: pairs(x = [0.5, -1, 2]) = 7.125
// AT: param  x[1]{{ +}}-1{{ +}}3
#include <gradc/gradc.h>

#include <algorithm>
#include <cmath>
#include <vector>

struct Item {
  double k, w;
};

std::vector<Item> build(const std::vector<double> &x) {
  std::vector<Item> r;
  for (double v : x)
    r.push_back({v, v * v});
  return r;
}

// The helper's body written where it is called, `r` being `items`.
// TEXT-LABEL: inline double pairs_pullback(
// TEXT: std::vector<Item> items;
// TEXT: double v = x[i];
// TEXT-NEXT: items.emplace_back();
// TEXT: items[diff].k = v;
// TEXT-NEXT: items[diff].w = v * v;
// TEXT-NOT: build(
// TEXT: // struct_vector_build.cpp:{{[0-9]+}} (in build): r.push_back({v, v * v});
// TEXT: return pairs;
GRADC_DIFF("grad")
double pairs(const std::vector<double> &x) {
  auto items = build(x);
  double s = 0;
  for (const Item &it : items)
    s += it.k * it.w;
  return s;
}

static Item make(double a, double b) { return {a * b, std::sin(b)}; }

std::vector<Item> scaled(const std::vector<double> &x, double t, int n) {
  std::vector<Item> out;
  double acc = 0;
  for (int i = 0; i < n; ++i) {
    acc += t * x[i];
    out.push_back(make(acc, x[i]));
  }
  out.emplace_back(Item{acc, t});
  if (out.size() > 2)
    out.pop_back();
  return out;
}

// Called in a loop: made anew each time its declaration runs.
GRADC_DIFF("grad")
double in_loop(const std::vector<double> &x, double t) {
  double s = 0;
  for (int r = 1; r <= 3; ++r) {
    std::vector<Item> items = scaled(x, t * r, r);
    for (std::size_t i = 0; i < items.size(); ++i)
      s += items[i].k * items[i].w;
  }
  return s;
}

// A helper's own locals, and its arguments computed at the call.
GRADC_DIFF("grad")
double with_locals(const std::vector<double> &x, double t) {
  auto a = scaled(x, 2 * t, static_cast<int>(x.size()));
  const auto &b = build(x); // (a temporary kept alive: a value)
  return a.back().k * b.front().w + a[0].w * b.size();
}

// Built, then sorted by a member.
GRADC_DIFF("grad")
double sorted_build(const std::vector<double> &x) {
  auto items = build(x);
  std::sort(items.begin(), items.end(),
            [](const Item &p, const Item &q) { return p.k < q.k; });
  return items[0].w - 2 * items.back().k * items[1].w;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  const std::vector<double> X = {0.5, -1.0, 2.0, 0.75};
  gradc_check::check_container("pairs", "x", pairs, pairs_grad,
                               pairs_pullback, X);
  for (const char *Name : {"in_loop", "with_locals"}) {
    bool Loop = Name[0] == 'i';
    gradc_check::check_arrays(
        Name, {{"x", X}, {"t", {0.3}}}, {},
        [=](const Arrays &p) {
          return Loop ? in_loop(p[0], p[1][0]) : with_locals(p[0], p[1][0]);
        },
        [=](const Arrays &p, Arrays &d) {
          return Loop ? in_loop_grad(p[0], p[1][0], d[0], d[1][0])
                      : with_locals_grad(p[0], p[1][0], d[0], d[1][0]);
        },
        [=](const Arrays &p, double s, Arrays &d) {
          if (Loop)
            in_loop_pullback(p[0], p[1][0], s, d[0], d[1][0]);
          else
            with_locals_pullback(p[0], p[1][0], s, d[0], d[1][0]);
        });
  }
  gradc_check::check_container("sorted_build", "x", sorted_build,
                               sorted_build_grad, sorted_build_pullback, X);
  return gradc_check::finish();
}
#endif
