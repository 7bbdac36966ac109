// erase and insert in the middle of a local std::vector (issue 14): each is
// the element copies it means, then the new length. erase moves the
// elements after what it removes down and drops the last (`v.pop_back()`,
// or `v.resize(...)` for a range), insert makes room at the end, moves the
// elements from its position up and stores the new one there. The
// backward sweep undoes the shift: the adjoints move back as the values
// moved, the erased element's adjoint stays zero, and what the copies
// overwrite is taped where the backward sweep needs it (the erased value
// read before, nonlinearly). A by-value vector parameter is a local; loops
// that erase or insert work the same way.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function first_out --at 'x=[0.5,-1.5,2,0.25]' -o - | FileCheck %s --check-prefix=AT
// CHECK: first_out: at
// CHECK: shifted: at
// CHECK: ranged: at
// CHECK: sorted_in: at
// CHECK: drained: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 5 checked against the interpreter, 0 mismatches
// AT: first_out(x = [0.5, -1.5, 2, 0.25])
// AT: param  x[0]           0.5                      0
// AT: param  x[1]           -1.5                     4
// AT: param  x[2]           2                        -3
#include <gradc/gradc.h>

#include <cmath>
#include <vector>

GRADC_DIFF("grad")
double first_out(std::vector<double> x) {
  x.erase(x.begin());
  return x[0] * x[1] * 2;
}
// The parameter's copy is x_2; erase moves the elements down, then drops
// the last, and the backward sweep moves their adjoints back up, the
// erased element's left zero.
// TEXT-LABEL: inline double first_out_pullback(
// TEXT:           x_2[k] = x_2[k + 1];
// TEXT:         x_2.pop_back();
// TEXT:         // vector_erase_insert.cpp:[[@LINE-9]]: x.erase(x.begin());
// TEXT:           d_x[k_old + 1] += d_x[k_old];
// TEXT-NEXT:      d_x[k_old] = 0;

GRADC_DIFF("grad")
double shifted(std::vector<double> x, double y) {
  double s = std::sin(x[1]) * x[1]; // x[1] is then overwritten
  x.insert(x.begin(), y);
  x.insert(x.begin() + 2, y * y);
  x.erase(x.end() - 1);
  for (size_t i = 0; i < x.size(); ++i)
    s += x[i] * (i + 1.0);
  return s * x[1];
}

GRADC_DIFF("grad")
double ranged(const std::vector<double> &w, int i, int j) {
  std::vector<double> v = w;
  double a = v[i] * v[j];
  v.erase(v.begin() + i, v.begin() + j);
  v.push_back(a);
  return v[0] * v.back() + v[i];
}

// Insertion sort into a vector that grows: an insert in a loop.
GRADC_DIFF("grad")
double sorted_in(const std::vector<double> &x) {
  std::vector<double> v;
  for (size_t k = 0; k < x.size(); ++k) {
    size_t p = 0;
    while (p < v.size() && v[p] < x[k])
      ++p;
    v.insert(v.begin() + p, x[k] * x[k]);
  }
  double s = 0;
  for (size_t k = 0; k < v.size(); ++k)
    s += v[k] * (k + 1.0);
  return s;
}

// An erase in a loop: each step reads the front, then drops it.
GRADC_DIFF("grad")
double drained(std::vector<double> x, double t) {
  double s = 0;
  while (x.size() > 1) {
    s = s * t + x[0] * x[1];
    x.erase(x.begin());
  }
  return s + x[0];
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  const std::vector<double> X = {0.5, -1.5, 2, 0.25};
  gradc_check::check_arrays(
      "first_out", {{"x", X}}, {},
      [](const Arrays &p) { return first_out(p[0]); },
      [](const Arrays &p, Arrays &d) { return first_out_grad(p[0], d[0]); },
      [](const Arrays &p, double s, Arrays &d) {
        first_out_pullback(p[0], s, d[0]);
      });
  gradc_check::check_arrays(
      "shifted", {{"x", X}, {"y", {0.75}}}, {},
      [](const Arrays &p) { return shifted(p[0], p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return shifted_grad(p[0], p[1][0], d[0], d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        shifted_pullback(p[0], p[1][0], s, d[0], d[1][0]);
      });
  gradc_check::check_arrays(
      "ranged", {{"w", {0.5, -1.5, 2, 0.25, 1.25}}}, {{"i", {1}}, {"j", {3}}},
      [](const Arrays &p) { return ranged(p[0], 1, 3); },
      [](const Arrays &p, Arrays &d) { return ranged_grad(p[0], 1, 3, d[0]); },
      [](const Arrays &p, double s, Arrays &d) {
        ranged_pullback(p[0], 1, 3, s, d[0]);
      });
  gradc_check::check_arrays(
      "sorted_in", {{"x", {0.5, -1.75, 2, 0.25, 1.25}}}, {},
      [](const Arrays &p) { return sorted_in(p[0]); },
      [](const Arrays &p, Arrays &d) { return sorted_in_grad(p[0], d[0]); },
      [](const Arrays &p, double s, Arrays &d) {
        sorted_in_pullback(p[0], s, d[0]);
      });
  gradc_check::check_arrays(
      "drained", {{"x", X}, {"t", {0.5}}}, {},
      [](const Arrays &p) { return drained(p[0], p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return drained_grad(p[0], p[1][0], d[0], d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        drained_pullback(p[0], p[1][0], s, d[0], d[1][0]);
      });
  return gradc_check::finish();
}
#endif
