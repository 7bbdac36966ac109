// A struct with a const integer member (a size fixed when it is made),
// taken by const reference and read: its adjoint `Grid &dg` only ever
// has its numbers added into (`dg.h += ...`).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// CHECK-NOT: FAIL
// CHECK: ALL OK
#include <gradc/gradc.h>

#include <cmath>

struct Grid {
  const int n;
  double h;
};

static double wave(const Grid &g, double x) {
  double s = 0;
  for (int i = 0; i < g.n; ++i)
    s += std::sin(g.h * x * i);
  return s;
}

GRADC_DIFF("grad")
double total(const Grid &g, double x) { return wave(g, x) * g.h + g.n * x; }
// TEXT-LABEL: inline double total_pullback(const Grid &g, double x, double dout, Grid &dg,
// TEXT: wave_pullback(g, x, {{.*}}, dg, dx);

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

int main() {
  gradc_check::check_arrays(
      "total", {{"h", {0.7}}, {"x", {0.4}}}, {},
      [](const Arrays &p) { return total(Grid{3, p[0][0]}, p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        Grid dg{3, d[0][0]};
        double f = total_grad(Grid{3, p[0][0]}, p[1][0], dg, d[1][0]);
        d[0][0] = dg.h;
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        Grid dg{3, d[0][0]};
        total_pullback(Grid{3, p[0][0]}, p[1][0], s, dg, d[1][0]);
        d[0][0] = dg.h;
      });
  return gradc_check::finish();
}
#endif
