// Constants of namespace and class scope read by an annotated function and
// its helpers: `static const double c[] = {...}`, `constexpr` scalars and
// arrays, `inline constexpr`, `static constexpr` members (`C::k`, `m.k`),
// in namespaces, and `static const` / `static constexpr` locals of the
// function (a coefficient table kept inside it). They are data: a scalar is its value; an array is copied
// into a local array of its name at the top of the function, read and
// passed to helpers as any array, never differentiated. Checked against
// finite differences and the interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// horner at x = 2: ((0.5 x - 1.25) x + 2) x + 0.75 = 3.75, times 1.5,
// plus 0.25; d/dx = 1.5 (1.5 x^2 - 2.5 x + 2) = 4.5.
// CHECK:      horner: at 2
// CHECK-NEXT: horner: f = 5.875
// CHECK-NEXT: horner: d[0] = 4.5 (
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 6 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

static const double coef[] = {0.5, -1.25, 2.0, 0.75};
constexpr double kScale = 1.5;
inline constexpr double kShift = 0.25;
constexpr double table[3] = {1.0, 2.0, 4.0};
constexpr int order[3] = {2, 0, 1};
namespace phys {
inline constexpr double g = 9.81;
constexpr double w[2] = {0.5, 0.25};
} // namespace phys
struct Model {
  static constexpr double rate = 0.1;
  static constexpr double taps[3] = {0.2, 0.3, 0.5};
  static const int n = 3;
  double a;
};

GRADC_DIFF("grad")
double horner(double x) {
  double p = 0;
  for (int i = 0; i < 4; ++i)
    p = p * x + coef[i];
  return p * kScale + kShift;
}
// The copy is made once, at the top; constants are their values.
// TEXT-LABEL: inline double horner_pullback(double x, double dout, double &dx) {
// TEXT:         double coef[4] = {};
// TEXT-NEXT:    coef[0] = 0.5;
// TEXT-NEXT:    coef[1] = -1.25;
// TEXT-NEXT:    coef[2] = 2;
// TEXT-NEXT:    coef[3] = 0.75;
// TEXT:           p = p * x + coef[i];
// TEXT:         double horner = p * 1.5 + 0.25;
// TEXT:         double dp = 1.5 * dout;
// TEXT-LABEL: inline double horner_grad(double x, double &dx) {
// TEXT-NEXT:    return horner_pullback(x, 1, dx);

// A constant int array as indices, a namespace's constants.
GRADC_DIFF("grad")
double tabled(double x) {
  double s = 0;
  for (int i = 0; i < 3; ++i)
    s += table[order[i]] * std::sin(x * i);
  return s + table[1] * x + phys::g * x + phys::w[1];
}

GRADC_DIFF("grad")
double members(double x) {
  double s = Model::rate * x;
  for (int i = 0; i < Model::n; ++i)
    s += Model::taps[i] * x * x;
  return s;
}

// Through an object, whose own member is differentiated.
GRADC_DIFF("grad")
double through(const Model &m, double x) { return m.rate * x * m.a; }

// A helper reads a constant array itself, and is given one.
static double weighted(const double *v, double x) {
  double s = 0;
  for (int i = 0; i < 3; ++i)
    s += v[i] * Model::taps[i] * x;
  return s;
}

GRADC_DIFF("grad")
double helper(double x) { return weighted(table, x) + weighted(coef, x * x); }

GRADC_DIFF("grad")
double local_table(double x) {
  static const double c[3] = {1.0, -0.5, 0.25};
  static constexpr double k = 2.0;
  double p = 0;
  for (int i = 2; i >= 0; --i)
    p = p * x + c[i];
  return k * p;
}
// TEXT-LABEL: inline double local_table_pullback(double x, double dout,
// TEXT:         double c[3] = {};
// TEXT-NEXT:    c[0] = 1;
// TEXT:         double local_table = 2 * p;

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  GRADC_CHECK_1(horner, 2.0);
  GRADC_CHECK_1(tabled, 0.75);
  GRADC_CHECK_1(members, 0.75);
  gradc_check::check_arrays(
      "through", {{"m", {0.5}}, {"x", {0.75}}}, {},
      [](const Arrays &p) { return through(Model{p[0][0]}, p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        Model dm{0};
        double v = through_grad(Model{p[0][0]}, p[1][0], dm, d[1][0]);
        d[0][0] += dm.a;
        return v;
      },
      [](const Arrays &p, double s, Arrays &d) {
        Model dm{0};
        through_pullback(Model{p[0][0]}, p[1][0], s, dm, d[1][0]);
        d[0][0] += dm.a;
      });
  GRADC_CHECK_1(helper, 0.75);
  GRADC_CHECK_1(local_table, 0.6);
  return gradc_check::finish();
}
#endif
