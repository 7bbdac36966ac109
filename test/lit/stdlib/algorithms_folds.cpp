// Folds of <numeric> with operations of the user's: std::accumulate with
// std::multiplies, std::plus<>() and lambdas (capturing by value and by
// reference), std::inner_product with two operations, std::transform_reduce
// (binary and unary) and std::reduce (with and without an operation): each
// the left fold it means, calling the operation on the accumulator and each
// element. Checked against central finite differences, the pullback and
// gradc's interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function product --at 'v=[0.5,-2,4]' | FileCheck %s --check-prefix=AT
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
// AT: param  v[0]{{ +}}0.5{{ +}}-8
// AT: param  v[1]{{ +}}-2{{ +}}2
// AT: param  v[2]{{ +}}4{{ +}}-1
// TEXT-LABEL: inline double squares_lambda(double acc, double x) { return acc + x * x; }
// TEXT-LABEL: inline double distance2_lambda(double x, double y) { return (x - y) * (x - y); }
// TEXT-LABEL: inline double product_pullback(const std::vector<double> &v, double dout,
// TEXT: double prod = 1.0;
// TEXT: for (int i = 0; i < conv; ++i) {
// TEXT-NEXT: prod_tape.push_reserved(prod);
// TEXT-NEXT: prod *= v[i];
// TEXT-LABEL: inline double products_pullback(const double *x, int n, double dout,
// TEXT: sum += x[1 + i];
// TEXT: sum_2 -= x[i];
// TEXT-LABEL: inline double squares_pullback(const std::vector<double> &v, double dout,
// TEXT: acc = squares_lambda(acc, v[i]);
// TEXT: squares_lambda_pullback(acc_old, v[i], dacc_old, dacc_squares_lambda,
// TEXT-LABEL: inline double distance2_pullback(
// TEXT: sum += distance2_lambda(a[i], b[i]);
// TEXT-LABEL: inline double reductions_pullback(
// TEXT: dot += a[i] * b[i];
// TEXT: prod *= a[i] + b[i];
// TEXT: double reductions_lambda_v = reductions_lambda(a[i]);
// TEXT-LABEL: inline double reduced_pullback(
// TEXT: double sum = 0;
// TEXT-NEXT: for (int i = 0; i < conv; ++i) {
// TEXT-NEXT: sum += a[i];
#include <gradc/gradc.h>

#include <array>
#include <cmath>
#include <functional>
#include <numeric>
#include <vector>

GRADC_DIFF("grad")
double product(const std::vector<double> &v) {
  return std::accumulate(v.begin(), v.end(), 1.0, std::multiplies<double>());
}

GRADC_DIFF("grad")
double products(const double *x, int n) {
  double p = std::accumulate(x, x + n, 1.0, std::multiplies<>());
  double s = std::accumulate(x + 1, x + n, 0.5, std::plus<>());
  double d = std::accumulate(x, x + n, 0.0, std::minus<>());
  return p + s * d;
}

GRADC_DIFF("grad")
double squares(const std::vector<double> &v) {
  return std::accumulate(v.begin(), v.end(), 0.0,
                         [](double acc, double x) { return acc + x * x; });
}

// A lambda capturing by value and one capturing by reference, generic.
GRADC_DIFF("grad")
double weighted(const std::vector<double> &v, double w) {
  double a = std::accumulate(v.begin(), v.end(), 0.0, [w](double acc, double x) {
    return acc + w * std::sin(x);
  });
  double k = 0.5 * w;
  double b = std::accumulate(v.begin(), v.end(), 1.0, [&](auto s, const auto &x) {
    return s * (1 + k * x);
  });
  return a * b;
}

// std::inner_product with two operations: a squared distance.
GRADC_DIFF("grad")
double distance2(const std::array<double, 3> &a, const std::array<double, 3> &b) {
  return std::inner_product(a.begin(), a.end(), b.begin(), 0.0, std::plus<>(),
                            [](double x, double y) { return (x - y) * (x - y); });
}

// std::transform_reduce: binary without operations (a dot product), binary
// with two, unary with a lambda.
GRADC_DIFF("grad")
double reductions(const std::vector<double> &a, const std::vector<double> &b) {
  double dot = std::transform_reduce(a.begin(), a.end(), b.begin(), 0.0);
  double prod = std::transform_reduce(a.begin(), a.end(), b.begin(), 1.0,
                                      std::multiplies<>(), std::plus<>());
  double sq = std::transform_reduce(a.begin(), a.end(), 0.0, std::plus<>(),
                                    [](double x) { return std::exp(-x * x); });
  return dot + prod * sq;
}

// std::reduce with no initial value, with one, with std::multiplies.
GRADC_DIFF("grad")
double reduced(const std::vector<double> &a) {
  double s = std::reduce(a.begin(), a.end());
  double t = std::reduce(a.begin() + 1, a.end(), 0.25);
  double p = std::reduce(a.begin(), a.end(), 1.0, std::multiplies<>());
  return s * t + p;
}

// In a loop, over a local array, with a lambda calling a helper of the file.
double soft(double t) { return std::log1p(std::exp(t)); }
GRADC_DIFF("grad")
double nested(const double *x, double w) {
  double s = 0;
  for (int r = 0; r < 2; ++r) {
    double y[3] = {x[0] * w, x[1] + r, x[2]};
    s += std::accumulate(y, y + 3, 0.0, [w](double acc, double t) {
      return acc + soft(w * t);
    });
  }
  return s;
}

// A function of the file as the operation, a lambda variable taking const
// references (also called on its own), std::inner_product with a lambda
// reducing, and a mutable lambda (the algorithm changes a copy of it).
double add_square(double a, double b) { return a + b * b; }
// TEXT-LABEL: inline double operations_pullback(
// TEXT: acc = add_square(acc, a[i]);
// TEXT: acc_2 = operations_f(acc_2, a[i], w);
GRADC_DIFF("grad")
double operations(const std::vector<double> &a, const std::vector<double> &b,
                  double w) {
  double s = std::accumulate(a.begin(), a.end(), 0.0, add_square);
  auto f = [w](const double &acc, const double &x) { return acc * w + x; };
  double t = std::accumulate(a.begin(), a.end(), 0.0, f) + f(1.0, w);
  double u = std::inner_product(
      a.begin(), a.end(), b.begin(), 1.0,
      [](double acc, double p) { return acc * (1 + 0.25 * p); },
      std::multiplies<>());
  double c = w;
  auto g = [c](double acc, double x) mutable {
    c += x;
    return acc + c * x;
  };
  double v = std::accumulate(a.begin(), a.end(), 0.0, g) + g(0.0, 1.0);
  return s + t * u + v;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  const std::vector<double> X = {0.5, -1.5, 2, 0.25};
  const std::vector<double> Y = {1.5, 0.75, -0.5, 2.5};
  gradc_check::check_container("product", "v", product, product_grad,
                               product_pullback, X);
  for (int N : {1, 3, 4})
    gradc_check::check_arrays(
        "products", {{"x", X}}, {{"n", {double(N)}}},
        [=](const Arrays &p) { return products(p[0].data(), N); },
        [=](const Arrays &p, Arrays &d) {
          return products_grad(p[0].data(), N, d[0].data());
        },
        [=](const Arrays &p, double s, Arrays &d) {
          products_pullback(p[0].data(), N, s, d[0].data());
        });
  gradc_check::check_container("squares", "v", squares, squares_grad,
                               squares_pullback, X);
  gradc_check::check_arrays(
      "weighted", {{"v", X}, {"w", {0.7}}}, {},
      [](const Arrays &p) { return weighted(p[0], p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return weighted_grad(p[0], p[1][0], d[0], d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        weighted_pullback(p[0], p[1][0], s, d[0], d[1][0]);
      });
  auto A3 = [](const std::vector<double> &v) {
    return std::array<double, 3>{v[0], v[1], v[2]};
  };
  auto Back = [](const std::array<double, 3> &a, std::vector<double> &v) {
    for (int I = 0; I < 3; ++I)
      v[I] += a[I];
  };
  gradc_check::check_arrays(
      "distance2", {{"a", {0.5, -1.5, 2}}, {"b", {1.5, 0.75, -0.5}}}, {},
      [=](const Arrays &p) { return distance2(A3(p[0]), A3(p[1])); },
      [=](const Arrays &p, Arrays &d) {
        std::array<double, 3> DA{}, DB{};
        double R = distance2_grad(A3(p[0]), A3(p[1]), DA, DB);
        Back(DA, d[0]);
        Back(DB, d[1]);
        return R;
      },
      [=](const Arrays &p, double s, Arrays &d) {
        std::array<double, 3> DA{}, DB{};
        distance2_pullback(A3(p[0]), A3(p[1]), s, DA, DB);
        Back(DA, d[0]);
        Back(DB, d[1]);
      });
  gradc_check::check_arrays(
      "reductions", {{"a", X}, {"b", Y}}, {},
      [](const Arrays &p) { return reductions(p[0], p[1]); },
      [](const Arrays &p, Arrays &d) {
        return reductions_grad(p[0], p[1], d[0], d[1]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        reductions_pullback(p[0], p[1], s, d[0], d[1]);
      });
  gradc_check::check_container("reduced", "a", reduced, reduced_grad,
                               reduced_pullback,
                               {0.5, -1.5, 2, 0.25, 0.75, -0.5});
  gradc_check::check_arrays(
      "nested", {{"x", {0.5, -1.5, 2}}, {"w", {0.7}}}, {},
      [](const Arrays &p) { return nested(p[0].data(), p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        return nested_grad(p[0].data(), p[1][0], d[0].data(), d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        nested_pullback(p[0].data(), p[1][0], s, d[0].data(), d[1][0]);
      });
  gradc_check::check_arrays(
      "operations", {{"a", X}, {"b", Y}, {"w", {0.7}}}, {},
      [](const Arrays &p) { return operations(p[0], p[1], p[2][0]); },
      [](const Arrays &p, Arrays &d) {
        return operations_grad(p[0], p[1], p[2][0], d[0], d[1], d[2][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        operations_pullback(p[0], p[1], p[2][0], s, d[0], d[1], d[2][0]);
      });
  return gradc_check::finish();
}
#endif
