// Enums, unscoped and `enum class`: locals, parameters, struct members,
// `switch` on them with enumerators as case labels, comparisons, an
// enumerator converted to an index (`static_cast<int>(Axis::Y)`), and
// unscoped enumerators in arithmetic. They carry no derivative; the
// generated code names them as the user's code can see them (in full).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function shaped --at 'x=0.5,k=1' -o - | FileCheck %s --check-prefix=AT
// CHECK: shaped: at
// CHECK: picked: at
// CHECK: weighted: at
// CHECK: branched: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 7 checked against the interpreter, 0 mismatches
// AT: shaped(x = 0.5, k = 1)
#include <gradc/gradc.h>

namespace geo {
enum class Kind { Ball, Box, Rod };
enum Axis { X, Y, Z };
struct Part {
  Kind kind;
  double size;
};
} // namespace geo

namespace {
enum Mode : unsigned char { Fast = 1, Slow = 4 };
} // namespace

GRADC_DIFF("grad")
double shaped(double x, geo::Kind k) {
  double v = 0;
  switch (k) {
  case geo::Kind::Ball:
    v = x * x * x;
    break;
  case geo::Kind::Box:
    v = 2 * x;
    break;
  default:
    v = x;
  }
  geo::Kind other = geo::Kind::Rod;
  if (k != other && k == geo::Kind::Box)
    v += x * x;
  return v;
}
// TEXT-LABEL: inline double shaped_pullback(double x, geo::Kind k, double dout, double &dx) {
// TEXT:   bool cond = k == geo::Kind::Ball;
// TEXT:   } else if (k == geo::Kind::Box) {
// TEXT:   bool cond_2 = k != geo::Kind::Rod && k == geo::Kind::Box;

GRADC_DIFF("grad")
double picked(const double *w, double x, geo::Axis a) {
  double c[3] = {x, 2 * x, x * x};
  geo::Axis b = geo::Y;
  int i = static_cast<int>(geo::Kind::Box);
  double s = c[a] * w[static_cast<int>(b)] + c[geo::Z] + w[i];
  Mode m = Slow;
  return s * (m + geo::X);
}
// TEXT-LABEL: inline double picked_pullback(
// TEXT:   int i = static_cast<int>(geo::Kind::Box);
// TEXT:   double s = c[a] * w[1] + c[geo::Axis::Z] + w[i];
// TEXT:   static_cast<double>(Mode::Slow + geo::Axis::X);

GRADC_DIFF("grad")
double weighted(const geo::Part &p, double x) {
  geo::Kind k = p.kind;
  if (k == geo::Kind::Rod)
    return p.size * x;
  return p.size * x * x;
}
// TEXT-LABEL: inline double weighted_pullback(
// TEXT:   geo::Kind k = p.kind;

// An enum class value of a branch that its backward sweep reads again:
// declared before the branch, value-initialized (an enum class takes no 0).
GRADC_DIFF("grad")
double branched(double x, int k) {
  double v = x;
  if (x > 0) {
    geo::Kind m = static_cast<geo::Kind>(k % 3);
    switch (m) {
    case geo::Kind::Ball:
      v = v * x;
      break;
    default:
      v = 2 * v * x;
    }
  }
  return v;
}
// TEXT-LABEL: inline double branched_pullback(
// TEXT:   geo::Kind m{};
// TEXT:     m = static_cast<geo::Kind>(k % 3);

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  for (int k = 0; k < 3; ++k)
    gradc_check::check_arrays(
        "shaped", {{"x", {0.5}}}, {{"k", {double(k)}}},
        [k](const Arrays &p) { return shaped(p[0][0], geo::Kind(k)); },
        [k](const Arrays &p, Arrays &d) {
          return shaped_grad(p[0][0], geo::Kind(k), d[0][0]);
        },
        [k](const Arrays &p, double s, Arrays &d) {
          shaped_pullback(p[0][0], geo::Kind(k), s, d[0][0]);
        });
  gradc_check::check_arrays(
      "picked", {{"w", {0.5, -1.5, 2}}, {"x", {0.75}}}, {{"a", {2}}},
      [](const Arrays &p) { return picked(p[0].data(), p[1][0], geo::Z); },
      [](const Arrays &p, Arrays &d) {
        return picked_grad(p[0].data(), p[1][0], geo::Z, d[0].data(), d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        picked_pullback(p[0].data(), p[1][0], geo::Z, s, d[0].data(), d[1][0]);
      });
  gradc_check::check_arrays(
      "weighted", {{"x", {1.25}}}, {{"p", {1, 2}}},
      [](const Arrays &p) {
        return weighted(geo::Part{geo::Kind::Box, 2.0}, p[0][0]);
      },
      [](const Arrays &p, Arrays &d) {
        geo::Part dp{};
        return weighted_grad(geo::Part{geo::Kind::Box, 2.0}, p[0][0], dp,
                             d[0][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        geo::Part dp{};
        weighted_pullback(geo::Part{geo::Kind::Box, 2.0}, p[0][0], s, dp,
                          d[0][0]);
      });
  for (int k = 0; k < 2; ++k)
    gradc_check::check_arrays(
        "branched", {{"x", {0.75}}}, {{"k", {double(k)}}},
        [k](const Arrays &p) { return branched(p[0][0], k); },
        [k](const Arrays &p, Arrays &d) {
          return branched_grad(p[0][0], k, d[0][0]);
        },
        [k](const Arrays &p, double s, Arrays &d) {
          branched_pullback(p[0][0], k, s, d[0][0]);
        });
  return gradc_check::finish();
}
#endif
