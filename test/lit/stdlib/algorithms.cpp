// <numeric> and <algorithm> over pointers, arrays, std::array and
// std::vector iterators: each call is the counted loop it means. Checked
// against central finite differences, the pullback and gradc's interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %clangxx -DGRADC_OUT='"%t.grad.h"' %s -o %t.clang && %t.clang
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
// TEXT-LABEL: inline double sum_squared_pullback(const double *x, int n, double dout,
// TEXT-NEXT: double *dx) {
// TEXT-NEXT: double sum = 0.0;
// TEXT-NEXT: for (int i = 0; i < n; ++i) {
// TEXT-NEXT: sum += x[i];
// TEXT-NEXT: }
// TEXT-NEXT: double s = sum;
// TEXT: for (int i = n - 1; i >= 0; --i) {
// TEXT-NEXT: dx[i] += dsum;
// TEXT-LABEL: inline double dot_pullback(const double *a, const double *b, int n, double dout,
// TEXT: dot += a[i] * b[i];
// TEXT-LABEL: inline double vector_sum_pullback(const std::vector<double> &v, double dout,
// TEXT: int conv = static_cast<int>(v.size());
// TEXT: for (int i = 0; i < conv; ++i) {
// TEXT-LABEL: inline double fill_copy_pullback(const double *x, double dout, double *dx) {
// TEXT: h[i] = 0.0;
// TEXT: h[1 + i] = x[i];
// TEXT-LABEL: inline double largest_pullback(const double *x, int n, double dout,
// TEXT: int best = 0;
// TEXT: if (x[best] < x[i]) {
#include <gradc/gradc.h>

#include <algorithm>
#include <array>
#include <numeric>
#include <vector>

GRADC_DIFF("grad")
double sum_squared(const double *x, int n) {
  double s = std::accumulate(x, x + n, 0.0);
  return s * s;
}

GRADC_DIFF("grad")
double dot(const double *a, const double *b, int n) {
  return std::inner_product(a, a + n, b, 0.0);
}

GRADC_DIFF("grad")
double vector_sum(const std::vector<double> &v) {
  return std::accumulate(v.begin(), v.end(), 0.0) *
         std::accumulate(v.begin() + 1, v.end(), 1.0);
}

GRADC_DIFF("grad")
double array_sums(const std::array<double, 3> &v) {
  std::array<double, 3> w{};
  std::copy(v.begin(), v.end(), w.begin());
  return std::accumulate(w.begin(), w.end(), 1.0) *
         std::inner_product(std::begin(v), std::end(v), w.begin(), 0.0);
}

GRADC_DIFF("grad")
double fill_copy(const double *x) {
  double h[4];
  std::fill(h, h + 4, 0.0);
  std::copy(x, x + 3, h + 1);
  std::fill_n(h, 2, x[0] * x[3]);
  return h[0] * h[1] + h[2] * h[3];
}

GRADC_DIFF("grad")
double largest(const double *x, int n) {
  return *std::max_element(x, x + n) * *std::min_element(x + 1, x + n);
}

GRADC_DIFF("grad")
double vector_largest(const std::vector<double> &v) {
  auto k = std::max_element(v.begin(), v.end()) - v.begin();
  return *std::min_element(v.begin(), v.end()) * v[k] * (1 + k);
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  const std::vector<double> X = {0.5, -1.5, 2, 0.25};
  const std::vector<double> Y = {1.5, 0.75, -0.5, 2.5};
  gradc_check::check_arrays(
      "sum_squared", {{"x", X}}, {{"n", {4}}},
      [](const Arrays &p) { return sum_squared(p[0].data(), 4); },
      [](const Arrays &p, Arrays &d) {
        return sum_squared_grad(p[0].data(), 4, d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        sum_squared_pullback(p[0].data(), 4, s, d[0].data());
      });
  gradc_check::check_arrays(
      "dot", {{"a", X}, {"b", Y}}, {{"n", {4}}},
      [](const Arrays &p) { return dot(p[0].data(), p[1].data(), 4); },
      [](const Arrays &p, Arrays &d) {
        return dot_grad(p[0].data(), p[1].data(), 4, d[0].data(),
                        d[1].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        dot_pullback(p[0].data(), p[1].data(), 4, s, d[0].data(),
                     d[1].data());
      });
  gradc_check::check_arrays(
      "vector_sum", {{"v", X}}, {},
      [](const Arrays &p) { return vector_sum(p[0]); },
      [](const Arrays &p, Arrays &d) { return vector_sum_grad(p[0], d[0]); },
      [](const Arrays &p, double s, Arrays &d) {
        vector_sum_pullback(p[0], s, d[0]);
      });
  gradc_check::check_arrays(
      "array_sums", {{"v", {0.5, -1.5, 2}}}, {},
      [](const Arrays &p) { return array_sums({p[0][0], p[0][1], p[0][2]}); },
      [](const Arrays &p, Arrays &d) {
        std::array<double, 3> V{p[0][0], p[0][1], p[0][2]}, DV{};
        double R = array_sums_grad(V, DV);
        for (int I = 0; I < 3; ++I)
          d[0][I] += DV[I];
        return R;
      },
      [](const Arrays &p, double s, Arrays &d) {
        std::array<double, 3> V{p[0][0], p[0][1], p[0][2]}, DV{};
        array_sums_pullback(V, s, DV);
        for (int I = 0; I < 3; ++I)
          d[0][I] += DV[I];
      });
  gradc_check::check_arrays(
      "fill_copy", {{"x", X}}, {},
      [](const Arrays &p) { return fill_copy(p[0].data()); },
      [](const Arrays &p, Arrays &d) {
        return fill_copy_grad(p[0].data(), d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        fill_copy_pullback(p[0].data(), s, d[0].data());
      });
  for (int N : {2, 3, 4})
    gradc_check::check_arrays(
        "largest", {{"x", X}}, {{"n", {double(N)}}},
        [=](const Arrays &p) { return largest(p[0].data(), N); },
        [=](const Arrays &p, Arrays &d) {
          return largest_grad(p[0].data(), N, d[0].data());
        },
        [=](const Arrays &p, double s, Arrays &d) {
          largest_pullback(p[0].data(), N, s, d[0].data());
        });
  gradc_check::check_arrays(
      "vector_largest", {{"v", Y}}, {},
      [](const Arrays &p) { return vector_largest(p[0]); },
      [](const Arrays &p, Arrays &d) {
        return vector_largest_grad(p[0], d[0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        vector_largest_pullback(p[0], s, d[0]);
      });
  return gradc_check::finish();
}
#endif
