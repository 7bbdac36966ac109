// A row copied out of a container of rows by `front()`, `back()` or
// `at(i)` (`A2 r = p.back();`) was declared and never filled: the call
// was taken for a helper writing its result (a wrong value and gradient,
// found by an adversarial tester). It is a copy of the row, as
// `A2 r = p[i];` is.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function last --check --at 'p=[[0.5,1],[2,3]]' | FileCheck %s --check-prefix=AT
// RUN: %gradc %s --function picks --check --at 'm=[[0.5,1],[2,3],[1.5,-0.5]],k=1' | FileCheck %s --check-prefix=AT
// AT: ok: all {{[0-9]+}} entries agree with finite differences
// CHECK: last: at
// CHECK: picks: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 2 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <array>
#include <vector>

using A2 = std::array<double, 2>;

GRADC_DIFF("grad")
double last(const std::vector<A2> &p) {
  A2 r = p.back();
  r[0] += 1;
  const auto &[u, v] = p.front();
  return r[0] * r[1] + u * v;
}
// TEXT-LABEL: inline double last_pullback(
// TEXT: A2 r;
// TEXT-NEXT: for (int i = 0; i < 2; ++i) {
// TEXT-NEXT: r[i] = row[i];

GRADC_DIFF("grad wrt(m)")
double picks(const std::array<A2, 3> &m, int k) {
  A2 a = m.front();
  A2 b = m.at(k);
  a[1] *= b[0];
  std::array<A2, 2> loc{};
  loc[0] = m[1];
  loc[1] = m[2];
  A2 c = loc.back();
  c[0] -= 0.5;
  for (int i = 0; i < 2; ++i) {
    A2 r = loc.at(i);
    r[1] += c[0];
    a[0] += r[1] * r[0];
  }
  return a[0] * a[1] + b[1] + c[0] * m[2][0];
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

template <class Rows> static Rows rows(const std::vector<double> &v) {
  Rows m{};
  if constexpr (!std::is_same_v<Rows, std::array<A2, 3>>)
    m.resize(v.size() / 2);
  for (std::size_t i = 0; i < v.size(); ++i)
    m[i / 2][i % 2] = v[i];
  return m;
}
template <class Rows> static void flat(const Rows &m, std::vector<double> &v) {
  v.clear();
  for (const A2 &row : m)
    v.insert(v.end(), row.begin(), row.end());
}

int main() {
  using gradc_check::Arrays;
  using Vec = std::vector<A2>;
  using Arr = std::array<A2, 3>;
  gradc_check::check_arrays(
      "last", {{"p", {0.5, 1, 2, 3, -0.75, 1.25}}}, {},
      [](const Arrays &p) { return last(rows<Vec>(p[0])); },
      [](const Arrays &p, Arrays &d) {
        Vec dP = rows<Vec>(d[0]);
        double f = last_grad(rows<Vec>(p[0]), dP);
        flat(dP, d[0]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        Vec dP = rows<Vec>(d[0]);
        last_pullback(rows<Vec>(p[0]), s, dP);
        flat(dP, d[0]);
      });
  gradc_check::check_arrays(
      "picks", {{"m", {0.5, 1, 2, 3, 1.5, -0.5}}}, {{"k", {1}}},
      [](const Arrays &p) { return picks(rows<Arr>(p[0]), 1); },
      [](const Arrays &p, Arrays &d) {
        Arr dM = rows<Arr>(d[0]);
        double f = picks_grad(rows<Arr>(p[0]), 1, dM);
        flat(dM, d[0]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        Arr dM = rows<Arr>(d[0]);
        picks_pullback(rows<Arr>(p[0]), 1, s, dM);
        flat(dM, d[0]);
      });
  return gradc_check::finish();
}
#endif
