// std::vector locals declared in a loop or a branch that grow there: the
// temporary list built per iteration and then reduced. Each is declared
// before the top-level statement that holds it and emptied where the user
// declared it, so that the backward sweep has its elements and, from a
// tape, its length per iteration.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK: rows: at
// CHECK: branches: at
// CHECK: nested: at
// CHECK: sized: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 4 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <algorithm>
#include <cmath>
#include <vector>

static double total(const std::vector<double> &v) {
  double s = 0;
  for (double e : v)
    s += e;
  return s;
}

GRADC_DIFF("grad wrt(a)")
double rows(const double *a, int n, int m) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    std::vector<double> row;
    row.reserve(m);
    for (int j = 0; j < m; ++j)
      row.push_back(a[i * m + j] * a[i * m + j]);
    double mx = row[0];
    for (double r : row)
      mx = std::max(mx, r);
    s += mx * row.size() + row.back();
  }
  for (int i = 0; i < n; ++i) {
    std::vector<double> row;
    for (int j = 0; j <= i; ++j)
      row.emplace_back(std::exp(a[j] * s));
    s += total(row);
  }
  return s;
}

GRADC_DIFF("grad wrt(a)")
double branches(const double *a, int n) {
  double s = 0.5;
  for (int i = 0; i < n; ++i) {
    if (a[i] > 0) {
      std::vector<double> t(2, a[i]);
      t.emplace_back(std::sin(a[i]));
      t.push_back(t[0] * t[2]);
      t.pop_back();
      s += t.back() * t[1] + t.size();
    } else {
      std::vector<double> u;
      for (int k = 0; k <= i; ++k)
        u.push_back(a[k] * s);
      if (u.size() > 1)
        u.pop_back();
      s += total(u) * u.back();
    }
  }
  return s;
}

GRADC_DIFF("grad wrt(a, w)")
double nested(const double *a, const std::vector<double> &w, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    std::vector<double> h = w;
    for (int j = 0; j < n; ++j) {
      std::vector<double> col(1);
      col[0] = a[j];
      for (int k = 0; k < j; ++k)
        col.push_back(col[k] * h[k]);
      h.push_back(col.back());
      s += col.back() * col.size();
    }
    s += h.back() * h.size() + h[0];
  }
  return s;
}

// A vector sized in the loop with a size computed there: made anew there
// as well.
GRADC_DIFF("grad wrt(x)")
double sized(double x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    std::vector<double> t(i + 2, x * i);
    t[0] = x;
    s += t[0] * t[i + 1] + t.size();
  }
  return s;
}

// TEXT-LABEL: inline double rows_pullback(
// TEXT:         // row of line {{[0-9]+}}, made anew there, lives here for the backward sweep
// TEXT-NEXT:    std::vector<double> row;
// TEXT:         for (int i = 0; i < n; ++i) {
// TEXT-NEXT:      row.clear();
// TEXT-NEXT:      row_size_tape_4.reserve(m);
// TEXT-LABEL: inline double sized_pullback(
// TEXT:           t.clear();
// TEXT-NEXT:      std::size_t conv = static_cast<std::size_t>(sum);
// TEXT-NEXT:      t.resize(conv);
// TEXT:         std::vector<double> dt(t.capacity());

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  gradc_check::check_arrays(
      "rows", {{"a", {0.5, -0.75, 0.25, 0.3, 0.9, -0.2}}},
      {{"n", {2}}, {"m", {3}}},
      [](const Arrays &p) { return rows(p[0].data(), 2, 3); },
      [](const Arrays &p, Arrays &d) {
        return rows_grad(p[0].data(), 2, 3, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        rows_pullback(p[0].data(), 2, 3, s, d[0].data());
      });
  gradc_check::check_arrays(
      "branches", {{"a", {0.5, -0.75, 0.25, -0.3}}}, {{"n", {4}}},
      [](const Arrays &p) { return branches(p[0].data(), 4); },
      [](const Arrays &p, Arrays &d) {
        return branches_grad(p[0].data(), 4, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        branches_pullback(p[0].data(), 4, s, d[0].data());
      });
  gradc_check::check_arrays(
      "nested", {{"a", {0.5, -0.75, 0.25}}, {"w", {0.4, 1.1}}}, {{"n", {3}}},
      [](const Arrays &p) { return nested(p[0].data(), p[1], 3); },
      [](const Arrays &p, Arrays &d) {
        return nested_grad(p[0].data(), p[1], 3, d[0].data(), d[1]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        nested_pullback(p[0].data(), p[1], 3, s, d[0].data(), d[1]);
      });
  gradc_check::check_arrays(
      "sized", {{"x", {0.7}}}, {{"n", {3}}},
      [](const Arrays &p) { return sized(p[0][0], 3); },
      [](const Arrays &p, Arrays &d) { return sized_grad(p[0][0], 3, d[0][0]); },
      [](const Arrays &p, double s, Arrays &d) {
        sized_pullback(p[0][0], 3, s, d[0][0]);
      });
  return gradc_check::finish();
}
#endif
