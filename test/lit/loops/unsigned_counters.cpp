// Loops over an unsigned counter (`size_t i`, `unsigned i`), the commonest
// loop over a std::vector, are counted loops: a sum runs its backward sweep
// inside the forward loop, and any other loop counts a signed copy of the
// counter (`i_back`: an unsigned one would wrap below 0), reading the
// counter as the forward loop had it; so does one counting down to `i > 0`. Loops that do not run (n < 2 below)
// and loops that break are checked too.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function skip --at 'w=[0.5,2],n=1,x=0.3' | FileCheck %s --check-prefix=AT
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
// AT: param x 0.3 1
#include <gradc/gradc.h>

#include <cmath>
#include <cstddef>
#include <vector>

GRADC_DIFF("grad")
double sumsq(const std::vector<double> &v) {
  double s = 0;
  for (size_t i = 0; i < v.size(); ++i)
    s += v[i] * v[i] * v[0];
  return s;
}
// TEXT-LABEL: inline double sumsq_pullback(
// TEXT-NOT:     tape
// TEXT:         for (std::size_t i = 0; i < v.size(); ++i) {
// TEXT-NOT:     iter

GRADC_DIFF("grad")
double horner(const std::vector<double> &c, double x) {
  double p = 0;
  for (size_t i = 0; i < c.size(); ++i)
    p = p * x + c[i];
  return p;
}
// TEXT-LABEL: inline double horner_pullback(
// TEXT:         p_tape.reserve(c.size());
// TEXT:         for (long long i_back = static_cast<long long>(c.size()) - 1; i_back >= 0;
// TEXT-NEXT:         --i_back) {
// TEXT-NEXT:      std::size_t i = static_cast<std::size_t>(i_back);

GRADC_DIFF("grad")
double skip(const double *w, unsigned n, double x) {
  double p = x;
  for (unsigned i = 2; i < n; ++i)
    p = std::sin(p * w[i]) + w[i - 2];
  return p;
}
// TEXT-LABEL: inline double skip_pullback(
// TEXT:         for (long long i_back = static_cast<long long>(n) - 1; i_back >= 2;
// TEXT-NEXT:         --i_back) {
// TEXT-NEXT:      unsigned i = static_cast<unsigned>(i_back);

GRADC_DIFF("grad")
double stop(const double *w, unsigned n, double x) {
  double p = x;
  for (unsigned i = 0; i != n; ++i) {
    p = p * w[i] + 1;
    if (p > 4)
      break;
  }
  return p;
}

GRADC_DIFF("grad")
double down(const double *w, unsigned n, double x) {
  double p = x;
  for (unsigned i = n; i > 0; --i)
    p = std::cos(p * w[i - 1]);
  return p;
}
// TEXT-LABEL: inline double down_pullback(
// TEXT:         for (long long i_back = 1; i_back <= static_cast<long long>(n); ++i_back) {
// TEXT-NEXT:      unsigned i = static_cast<unsigned>(i_back);

GRADC_DIFF("grad")
double nested(const std::vector<double> &w, double x) {
  double p = x;
  for (std::size_t k = 1; k < 3; ++k)
    for (std::size_t i = k; i < w.size(); ++i)
      p = std::tanh(p * w[i - k] + w[i]);
  return p;
}
// TEXT-LABEL: inline double nested_pullback(
// TEXT:         for (long long k_back = 2; k_back >= 1; --k_back) {
// TEXT-NEXT:      std::size_t k = static_cast<std::size_t>(k_back);
// TEXT:           for (long long i_back = static_cast<long long>(w.size()) - 1;
// TEXT-NEXT:           i_back >= static_cast<long long>(k); --i_back) {

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

using gradc_check::Arrays;

int main() {
  const std::vector<double> W = {0.5, 1.5, -0.7, 0.9, 1.2};
  gradc_check::check_arrays(
      "sumsq", {{"v", W}}, {}, [](const Arrays &p) { return sumsq(p[0]); },
      [](const Arrays &p, Arrays &d) { return sumsq_grad(p[0], d[0]); },
      [](const Arrays &p, double s, Arrays &d) {
        sumsq_pullback(p[0], s, d[0]);
      });
  gradc_check::check_arrays(
      "horner", {{"c", W}, {"x", {0.7}}}, {},
      [](const Arrays &p) { return horner(p[0], p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return horner_grad(p[0], p[1][0], d[0], d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        horner_pullback(p[0], p[1][0], s, d[0], d[1][0]);
      });
  for (unsigned n : {0u, 1u, 2u, 5u}) {
    gradc_check::check_arrays(
        "skip", {{"w", W}, {"x", {0.3}}}, {{"n", {double(n)}}},
        [&](const Arrays &p) { return skip(p[0].data(), n, p[1][0]); },
        [&](const Arrays &p, Arrays &d) {
          return skip_grad(p[0].data(), n, p[1][0], d[0].data(), d[1][0]);
        },
        [&](const Arrays &p, double s, Arrays &d) {
          skip_pullback(p[0].data(), n, p[1][0], s, d[0].data(), d[1][0]);
        });
    gradc_check::check_arrays(
        "down", {{"w", W}, {"x", {0.3}}}, {{"n", {double(n)}}},
        [&](const Arrays &p) { return down(p[0].data(), n, p[1][0]); },
        [&](const Arrays &p, Arrays &d) {
          return down_grad(p[0].data(), n, p[1][0], d[0].data(), d[1][0]);
        },
        [&](const Arrays &p, double s, Arrays &d) {
          down_pullback(p[0].data(), n, p[1][0], s, d[0].data(), d[1][0]);
        });
    gradc_check::check_arrays(
        "stop", {{"w", W}, {"x", {0.3}}}, {{"n", {double(n)}}},
        [&](const Arrays &p) { return stop(p[0].data(), n, p[1][0]); },
        [&](const Arrays &p, Arrays &d) {
          return stop_grad(p[0].data(), n, p[1][0], d[0].data(), d[1][0]);
        },
        [&](const Arrays &p, double s, Arrays &d) {
          stop_pullback(p[0].data(), n, p[1][0], s, d[0].data(), d[1][0]);
        });
  }
  gradc_check::check_arrays(
      "stop", {{"w", {3, 2, 1}}, {"x", {1.5}}}, {{"n", {3}}},
      [](const Arrays &p) { return stop(p[0].data(), 3, p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return stop_grad(p[0].data(), 3, p[1][0], d[0].data(), d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        stop_pullback(p[0].data(), 3, p[1][0], s, d[0].data(), d[1][0]);
      });
  for (size_t n : {1, 2, 5}) {
    std::vector<double> V(W.begin(), W.begin() + n);
    gradc_check::check_arrays(
        "nested", {{"w", V}, {"x", {0.3}}}, {},
        [](const Arrays &p) { return nested(p[0], p[1][0]); },
        [](const Arrays &p, Arrays &d) {
          return nested_grad(p[0], p[1][0], d[0], d[1][0]);
        },
        [](const Arrays &p, double s, Arrays &d) {
          nested_pullback(p[0], p[1][0], s, d[0], d[1][0]);
        });
  }
  return gradc_check::finish();
}
#endif
