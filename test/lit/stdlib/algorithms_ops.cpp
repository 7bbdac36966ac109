// <algorithm> calls that apply an operation (std::transform, std::for_each,
// std::for_each_n, std::count_if, std::all_of, std::any_of, std::none_of)
// and std::iota, std::reverse: each the counted loop it means, calling the
// lambda's function, the user's function, the <cmath> function or the
// functor's operator on each element. Checked against central finite
// differences, the pullback and gradc's interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %clangxx -DGRADC_OUT='"%t.grad.h"' %s -o %t.clang && %t.clang
// RUN: %gradc %s --function scale_in_place --at 'x=[0.5,-1.5],k=0.3' | FileCheck %s --check-prefix=AT
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
// TEXT-LABEL: inline double sines_lambda(double a) { return std::sin(a); }
// TEXT-LABEL: inline double weighted_lambda(double p, double q, double w) {
// TEXT-LABEL: inline void sum_squares_lambda(double a, double &s) { s += a * a; }
// TEXT-LABEL: inline void scale_in_place_lambda(double &a, double k) { a = std::exp(k * a); }
// TEXT-LABEL: inline bool predicates_lambda(double a) { return a > 0; }
// TEXT-LABEL: inline double nested_lambda(const double &a, double w, int r) {
// TEXT-LABEL: inline double sines_pullback(const std::vector<double> &x, double dout,
// TEXT: for (int i = 0; i < conv; ++i) {
// TEXT-NEXT: y[i] = sines_lambda(x[i]);
// TEXT-NEXT: }
// TEXT: for (int i = conv - 1; i >= 0; --i) {
// TEXT-NEXT: double da_sines_lambda = 0;
// TEXT-NEXT: sines_lambda_pullback(x[i], dy[i], da_sines_lambda);
// TEXT-NEXT: dx[i] += da_sines_lambda;
// TEXT-LABEL: inline double squares_pullback(const double *x, int n, double dout,
// TEXT: y[i] = square(x[i]);
// TEXT: square_pullback(x[i], dy[i], dt_square);
// TEXT-LABEL: inline double weighted_pullback(
// TEXT: c[i] = weighted_lambda(a[i], b[i], w);
// TEXT-LABEL: inline double sums_pullback(
// TEXT: c[i] = a[i] + b[i];
// TEXT: c[i] = -c[i];
// TEXT-LABEL: inline double sum_squares_pullback(
// TEXT: sum_squares_lambda(x[i], s);
// TEXT-LABEL: inline double scale_in_place_pullback(
// TEXT: double a = y[i];
// TEXT-NEXT: a_tape.push_array(&a, 1);
// TEXT-NEXT: scale_in_place_lambda(a, k);
// TEXT-NEXT: y[i] = a;
// TEXT-LABEL: inline double first_three_pullback(const double *x, double dout, double *dx) {
// TEXT: for (int i = 0; i < 3; ++i) {
// TEXT-NEXT: s_tape.push_array(&s, 1);
// TEXT-NEXT: first_three_lambda(a[i], s);
// TEXT: e[i] = std::exp(a[1 + i]);
// TEXT-LABEL: inline double predicates_pullback(
// TEXT: long long count = 0;
// TEXT: if (predicates_lambda(x[i])) {
// TEXT-NEXT: ++count;
// TEXT: bool all = true;
// TEXT: if (!predicates_lambda2(x[i])) {
// TEXT-NEXT: all = false;
// TEXT-NEXT: break;
// TEXT-LABEL: inline double counted_pullback(
// TEXT: double value = start;
// TEXT-NEXT: for (int i = 0; i < conv; ++i) {
// TEXT-NEXT: v[i] = value;
// TEXT-NEXT: value += 1;
// TEXT: for (int i = 0; i < 1; ++i) {
// TEXT-NEXT: int [[D:diff.*]] = 2 - i;
// TEXT-NEXT: double a_old = a[i];
// TEXT-NEXT: a[i] = a[[[D]]];
// TEXT-NEXT: a[[[D]]] = a_old;
// AT: param  x[0]{{ +}}0.5{{ +}}0.3485502728184849
// AT: param  k{{ +}}0.3{{ +}}-0.6387918578576559
// AT: Not shown: a, i
#include <gradc/gradc.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <numeric>
#include <vector>

double square(double t) { return t * t; }

GRADC_DIFF("grad")
double sines(const std::vector<double> &x) {
  std::vector<double> y(x.size());
  std::transform(x.begin(), x.end(), y.begin(),
                 [](double a) { return std::sin(a); });
  double s = 0;
  for (double v : y)
    s += v * v;
  return s;
}

GRADC_DIFF("grad")
double squares(const double *x, int n) {
  double y[4];
  std::transform(x, x + n, y, square);
  return std::accumulate(y, y + n, 0.0) * x[0];
}

GRADC_DIFF("grad")
double weighted(const std::array<double, 3> &a, const std::array<double, 3> &b,
                double w) {
  std::array<double, 3> c{};
  std::transform(a.begin(), a.end(), b.cbegin(), c.begin(),
                 [w](auto p, auto q) { return w * p * q; });
  return c[0] + c[1] * c[2];
}

GRADC_DIFF("grad")
double sums(const std::vector<double> &a, const std::vector<double> &b) {
  std::vector<double> c(a.size());
  std::transform(a.begin(), a.end(), b.begin(), c.begin(), std::plus<>());
  std::transform(c.begin(), c.end(), c.begin(), std::negate<double>());
  return std::inner_product(c.begin(), c.end(), a.begin(), 0.0);
}

GRADC_DIFF("grad")
double sum_squares(const std::vector<double> &x) {
  double s = 0;
  std::for_each(x.begin(), x.end(), [&](double a) { s += a * a; });
  return s;
}

GRADC_DIFF("grad")
double scale_in_place(const std::vector<double> &x, double k) {
  std::vector<double> y = x;
  std::for_each(y.begin(), y.end(), [k](double &a) { a = std::exp(k * a); });
  std::transform(y.begin() + 1, y.end(), y.begin() + 1,
                 [](double a) { return a * a; });
  return std::accumulate(y.begin(), y.end(), 0.0);
}

GRADC_DIFF("grad")
double first_three(const double *x) {
  double a[4] = {x[0], x[1], x[2], x[3]};
  double s = 1;
  std::for_each_n(std::begin(a), 3, [&s](double t) { s *= std::sin(t) + 2; });
  double e[3];
  std::transform(a + 1, a + 4, e, static_cast<double (*)(double)>(std::exp));
  return s + e[0] * e[2];
}

GRADC_DIFF("grad")
double predicates(const std::vector<double> &x) {
  long k = std::count_if(x.begin(), x.end(), [](double a) { return a > 0; });
  double s = std::accumulate(x.begin(), x.end(), 0.0);
  if (std::all_of(x.begin(), x.end(), [](double a) { return a > -10; }))
    s *= 2;
  if (std::any_of(x.cbegin(), x.cend(), [&s](double a) { return a > s; }))
    s += 1;
  if (std::none_of(x.begin(), x.end(), [](double a) { return a > 100; }))
    s = s * s;
  return s * k;
}

GRADC_DIFF("grad")
double counted(const std::vector<double> &x, double start) {
  std::vector<double> v(x.size());
  std::iota(v.begin(), v.end(), start);
  std::reverse(v.begin(), v.end());
  double a[3] = {x[0], 2 * x[1], x[2]};
  std::reverse(std::begin(a), std::end(a));
  return std::inner_product(v.begin(), v.end(), x.begin(), 0.0) +
         a[0] * a[1] - a[2];
}

// A for_each whose lambda counts in an integer it captures by reference:
// each pullback runs on the count the call started from.
GRADC_DIFF("grad")
double ramp(const std::vector<double> &x) {
  int k = 0;
  double s = 0;
  std::for_each(x.begin(), x.end(), [&](double a) {
    ++k;
    s += k * a * a;
  });
  return s;
}

// In loops and branches, a generic lambda taking `auto &`, and in a helper.
double soft(double t) { return std::log1p(std::exp(t)); }
double softsum(const double *x, int n) {
  double y[8];
  std::transform(x, x + n, y, [](double a) { return soft(a) * a; });
  return std::accumulate(y, y + n, 0.0);
}

GRADC_DIFF("grad")
double nested(const double *x, int n, double w) {
  double s = 0;
  for (int r = 0; r < 2; ++r) {
    double y[4];
    std::transform(x, x + n, y, [w, r](auto &a) { return w * a + r; });
    if (y[0] > 0)
      std::for_each(y, y + n, [&s](const double &v) { s += soft(v); });
    else
      s += std::count_if(y, y + n, [](double v) { return v > 0; }) * w;
  }
  return s + softsum(x, n);
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  const std::vector<double> X = {0.5, -1.5, 2, 0.25};
  const std::vector<double> Y = {1.5, 0.75, -0.5, 2.5};
  gradc_check::check_arrays(
      "sines", {{"x", X}}, {}, [](const Arrays &p) { return sines(p[0]); },
      [](const Arrays &p, Arrays &d) { return sines_grad(p[0], d[0]); },
      [](const Arrays &p, double s, Arrays &d) {
        sines_pullback(p[0], s, d[0]);
      });
  for (int N : {1, 3, 4})
    gradc_check::check_arrays(
        "squares", {{"x", X}}, {{"n", {double(N)}}},
        [=](const Arrays &p) { return squares(p[0].data(), N); },
        [=](const Arrays &p, Arrays &d) {
          return squares_grad(p[0].data(), N, d[0].data());
        },
        [=](const Arrays &p, double s, Arrays &d) {
          squares_pullback(p[0].data(), N, s, d[0].data());
        });
  auto A3 = [](const std::vector<double> &v) {
    return std::array<double, 3>{v[0], v[1], v[2]};
  };
  gradc_check::check_arrays(
      "weighted", {{"a", {0.5, -1.5, 2}}, {"b", {1.5, 0.75, -0.5}}, {"w", {0.7}}},
      {},
      [=](const Arrays &p) { return weighted(A3(p[0]), A3(p[1]), p[2][0]); },
      [=](const Arrays &p, Arrays &d) {
        std::array<double, 3> DA{}, DB{};
        double DW = 0;
        double R = weighted_grad(A3(p[0]), A3(p[1]), p[2][0], DA, DB, DW);
        for (int I = 0; I < 3; ++I) {
          d[0][I] += DA[I];
          d[1][I] += DB[I];
        }
        d[2][0] += DW;
        return R;
      },
      [=](const Arrays &p, double s, Arrays &d) {
        std::array<double, 3> DA{}, DB{};
        double DW = 0;
        weighted_pullback(A3(p[0]), A3(p[1]), p[2][0], s, DA, DB, DW);
        for (int I = 0; I < 3; ++I) {
          d[0][I] += DA[I];
          d[1][I] += DB[I];
        }
        d[2][0] += DW;
      });
  gradc_check::check_arrays(
      "sums", {{"a", X}, {"b", Y}}, {},
      [](const Arrays &p) { return sums(p[0], p[1]); },
      [](const Arrays &p, Arrays &d) {
        return sums_grad(p[0], p[1], d[0], d[1]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        sums_pullback(p[0], p[1], s, d[0], d[1]);
      });
  gradc_check::check_arrays(
      "sum_squares", {{"x", X}}, {},
      [](const Arrays &p) { return sum_squares(p[0]); },
      [](const Arrays &p, Arrays &d) { return sum_squares_grad(p[0], d[0]); },
      [](const Arrays &p, double s, Arrays &d) {
        sum_squares_pullback(p[0], s, d[0]);
      });
  gradc_check::check_arrays(
      "scale_in_place", {{"x", X}, {"k", {0.3}}}, {},
      [](const Arrays &p) { return scale_in_place(p[0], p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return scale_in_place_grad(p[0], p[1][0], d[0], d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        scale_in_place_pullback(p[0], p[1][0], s, d[0], d[1][0]);
      });
  gradc_check::check_arrays(
      "first_three", {{"x", X}}, {},
      [](const Arrays &p) { return first_three(p[0].data()); },
      [](const Arrays &p, Arrays &d) {
        return first_three_grad(p[0].data(), d[0].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        first_three_pullback(p[0].data(), s, d[0].data());
      });
  for (const std::vector<double> &P :
       {X, Y, std::vector<double>{0.5, 1.5, 2, 3}})
    gradc_check::check_arrays(
        "predicates", {{"x", P}}, {},
        [](const Arrays &p) { return predicates(p[0]); },
        [](const Arrays &p, Arrays &d) { return predicates_grad(p[0], d[0]); },
        [](const Arrays &p, double s, Arrays &d) {
          predicates_pullback(p[0], s, d[0]);
        });
  gradc_check::check_arrays(
      "counted", {{"x", X}, {"start", {0.3}}}, {},
      [](const Arrays &p) { return counted(p[0], p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return counted_grad(p[0], p[1][0], d[0], d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        counted_pullback(p[0], p[1][0], s, d[0], d[1][0]);
      });
  gradc_check::check_arrays(
      "ramp", {{"x", X}}, {}, [](const Arrays &p) { return ramp(p[0]); },
      [](const Arrays &p, Arrays &d) { return ramp_grad(p[0], d[0]); },
      [](const Arrays &p, double s, Arrays &d) {
        ramp_pullback(p[0], s, d[0]);
      });
  for (double W : {0.7, -0.7})
    gradc_check::check_arrays(
        "nested", {{"x", X}, {"w", {W}}}, {{"n", {4}}},
        [](const Arrays &p) { return nested(p[0].data(), 4, p[1][0]); },
        [](const Arrays &p, Arrays &d) {
          return nested_grad(p[0].data(), 4, p[1][0], d[0].data(), d[1][0]);
        },
        [](const Arrays &p, double s, Arrays &d) {
          nested_pullback(p[0].data(), 4, p[1][0], s, d[0].data(), d[1][0]);
        });
  return gradc_check::finish();
}
#endif
