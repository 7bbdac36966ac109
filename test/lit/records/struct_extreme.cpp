// std::max_element and std::min_element over a container of structs with
// a comparison of the user's: the iterator they return is another name
// for the element found (`it->x`, `(*it).v`), and `it - bodies.begin()`
// its index. Over a std::vector parameter, a local std::vector built in
// the function, a C array (a pointer `const Body *`) and a std::array.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function heaviest --at 'bodies=[1,2,3,4,5,6,7,8,0.5],s=0.5' -o - | FileCheck %s --check-prefix=AT
// CHECK: heaviest: at
// CHECK: lightest_built: at
// CHECK: fastest_array: at
// CHECK: slowest_std_array: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 4 checked against the interpreter, 0 mismatches
// AT: heaviest(bodies = [1, 2, 3, 4, 5, 6, 7, 8, 0.5], s = 0.5) = 7
// AT: param  bodies[3]      4                        0.5
// AT: param  bodies[4]      5                        1
// AT: param  s              0.5                      4
#include <gradc/gradc.h>

#include <algorithm>
#include <array>
#include <vector>

struct Body {
  double x, v, m;
};

GRADC_DIFF("grad")
double heaviest(const std::vector<Body> &bodies, double s) {
  auto it = std::max_element(
      bodies.begin(), bodies.end(),
      [](const Body &a, const Body &b) { return a.m < b.m; });
  return it->x * s + (*it).v * double(it - bodies.begin());
}
// TEXT-LABEL: inline double heaviest_pullback(
// TEXT: int best = 0;
// TEXT-NEXT: for (int i = 0; i < static_cast<int>(bodies.size()); ++i) {
// TEXT-NEXT: bool heaviest_lambda_v = heaviest_lambda(bodies[best], bodies[i]);
// TEXT-NEXT: if (heaviest_lambda_v) {
// TEXT-NEXT: best = i;
// TEXT: double heaviest = bodies[best].x * s + bodies[best].v * conv;
// TEXT: dbodies[best].x += s * dout;

GRADC_DIFF("grad")
double lightest_built(const std::vector<double> &xs, double s) {
  std::vector<Body> bodies(xs.size());
  for (size_t i = 0; i < xs.size(); ++i)
    bodies[i] = Body{xs[i], s * xs[i], xs[i] * xs[i]};
  auto it = std::min_element(bodies.begin() + 1, bodies.end(),
                             [](const Body &a, const Body &b) {
                               return a.m < b.m;
                             });
  return it->x * s + it->v + std::distance(bodies.begin(), it);
}
// TEXT-LABEL: inline double lightest_built_pullback(
// TEXT: lightest_built_lambda(bodies[1 + i], bodies[1 + best]);
// TEXT: int it = 1 + best;
// TEXT: dbodies[it].x += s * dout;

GRADC_DIFF("grad")
double fastest_array(const Body *bodies, double s) {
  const Body *it = std::max_element(
      bodies, bodies + 3,
      [](const Body &a, const Body &b) { return a.v * a.v < b.v * b.v; });
  return it->v * it->m * s + (*it).x + double(it - bodies);
}

GRADC_DIFF("grad")
double slowest_std_array(const std::array<Body, 3> &bodies, double s) {
  auto it = std::min_element(bodies.begin(), bodies.end(),
                             [](const Body &a, const Body &b) {
                               return std::abs(a.v) < std::abs(b.v);
                             });
  const Body &b = *it;
  return b.x * s - b.m * b.v;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  using gradc_check::as_array;
  using gradc_check::back;
  const std::vector<double> Bs = {1, 2, 3, 4, -5, 6, 7, 8, 0.5};
  gradc_check::check_arrays(
      "heaviest", {{"bodies", Bs}, {"s", {0.5}}}, {},
      [](const Arrays &p) { return heaviest(as_array<Body>(p[0]), p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        std::vector<Body> db = as_array<Body>(d[0]);
        double f = heaviest_grad(as_array<Body>(p[0]), p[1][0], db, d[1][0]);
        back(db, d[0]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        std::vector<Body> db = as_array<Body>(d[0]);
        heaviest_pullback(as_array<Body>(p[0]), p[1][0], s, db, d[1][0]);
        back(db, d[0]);
      });
  gradc_check::check_arrays(
      "lightest_built", {{"xs", {0.5, -1.5, 0.75, 2}}, {"s", {0.25}}}, {},
      [](const Arrays &p) { return lightest_built(p[0], p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return lightest_built_grad(p[0], p[1][0], d[0], d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        lightest_built_pullback(p[0], p[1][0], s, d[0], d[1][0]);
      });
  gradc_check::check_arrays(
      "fastest_array", {{"bodies", Bs}, {"s", {0.5}}}, {},
      [](const Arrays &p) {
        return fastest_array(as_array<Body>(p[0]).data(), p[1][0]);
      },
      [](const Arrays &p, Arrays &d) {
        std::vector<Body> db = as_array<Body>(d[0]);
        double f = fastest_array_grad(as_array<Body>(p[0]).data(), p[1][0],
                                      db.data(), d[1][0]);
        back(db, d[0]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        std::vector<Body> db = as_array<Body>(d[0]);
        fastest_array_pullback(as_array<Body>(p[0]).data(), p[1][0], s,
                               db.data(), d[1][0]);
        back(db, d[0]);
      });
  auto arr = [](const std::vector<double> &v) {
    std::vector<Body> c = as_array<Body>(v);
    return std::array<Body, 3>{c[0], c[1], c[2]};
  };
  auto put = [](const std::array<Body, 3> &a, std::vector<double> &v) {
    back(std::vector<Body>(a.begin(), a.end()), v);
  };
  gradc_check::check_arrays(
      "slowest_std_array", {{"bodies", Bs}, {"s", {0.5}}}, {},
      [&](const Arrays &p) { return slowest_std_array(arr(p[0]), p[1][0]); },
      [&](const Arrays &p, Arrays &d) {
        std::array<Body, 3> db = arr(d[0]);
        double f = slowest_std_array_grad(arr(p[0]), p[1][0], db, d[1][0]);
        put(db, d[0]);
        return f;
      },
      [&](const Arrays &p, double s, Arrays &d) {
        std::array<Body, 3> db = arr(d[0]);
        slowest_std_array_pullback(arr(p[0]), p[1][0], s, db, d[1][0]);
        put(db, d[0]);
      });
  return gradc_check::finish();
}
#endif
