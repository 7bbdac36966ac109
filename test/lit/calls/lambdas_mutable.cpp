// 'mutable' lambdas: each lambda object has its own copy of what it
// captures by value, which its calls change and the next call reads. That
// copy is a variable of the caller's, named after the object and the
// capture (g_c for g's c), made where the lambda is made and passed to
// the lambda's function by reference; a copy of the lambda (auto h = g;),
// a function template taking it by value and a standard algorithm get
// copies of their own. An integer the lambda counts in is handed to each
// pullback as the call found it.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function counter --at x=0.5 | FileCheck %s --check-prefix=AT
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 0 mismatches
// TEXT-LABEL: inline double stateful_g(double a, double &c) {
// TEXT-NEXT: c += a;
// TEXT-NEXT: return c * a;
// TEXT-LABEL: inline double twice_passed_g(double x, double &c) {
// TEXT-NEXT: double f_c = c;
// TEXT-NEXT: double r = passed_g(x, f_c);
// TEXT-NEXT: double passed_g_x = passed_g(x, f_c);
// TEXT-LABEL: inline double counter_next(int &k, double x) {
// TEXT-LABEL: inline double stateful_pullback(double x, double y, double dout, double &dx,
// TEXT: double c = y;
// TEXT-NEXT: double g_c = c;
// TEXT: double h_c = g_c;
// TEXT-LABEL: inline double running_pullback(
// TEXT: double lambda_total = 0;
// TEXT-NEXT: for (int i = 0; i < conv; ++i) {
// TEXT-LABEL: inline double in_loop_pullback(
// TEXT: double step_copy_acc = step_acc;
// TEXT-LABEL: inline double counter_pullback(double x, double dout, double &dx) {
// TEXT: int next_k = 0;
// TEXT-NEXT: next_k_tape_3.push_array(&next_k, 1);
// x + 2x * 3x at 0.5: 1 + 12x = 7.
// AT: param  x{{ +}}0.5{{ +}}7
#include <gradc/gradc.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

GRADC_DIFF("grad")
double stateful(double x, double y) {
  double c = y;
  auto g = [c](double a) mutable {
    c += a;
    return c * a;
  };
  double r = g(x);
  r += g(x);
  auto h = g; // h's c starts where g's is now
  r += h(y) * g(2);
  return r + c;
}

GRADC_DIFF("grad")
double running(const std::vector<double> &x) {
  std::vector<double> y(x.size());
  double total = 0;
  std::transform(x.begin(), x.end(), y.begin(), [total](double a) mutable {
    total += a;
    return total * a;
  });
  return std::accumulate(y.begin(), y.end(), total);
}

template <class F> double twice(F f, double x) {
  double r = f(x);
  return r + f(x);
}

GRADC_DIFF("grad")
double passed(double x, double y) {
  double c = y;
  auto g = [c](double a) mutable {
    c = c * a;
    return std::sin(c);
  };
  double r = twice(g, x); // twice's own copy: g's c stays
  r += twice(g, y);
  r += g(y);
  return r + g(x);
}

GRADC_DIFF("grad")
double in_loop(const double *x, int n) {
  double acc = 1;
  auto step = [acc](double a) mutable {
    acc = acc * 0.5 + a;
    return acc * acc;
  };
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += step(x[i]);
  std::vector<double> y(n);
  std::transform(x, x + n, y.begin(), step); // from step's acc, on a copy
  return s + y[n - 1] + step(1.0);
}

GRADC_DIFF("grad")
double counter(double x) {
  int k = 0;
  auto next = [k, x]() mutable {
    ++k;
    return k * x;
  };
  double a = next();
  double b = next();
  return a + b * next();
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

int main() {
  using gradc_check::Arrays;
  GRADC_CHECK_2(stateful, 0.7, -1.3);
  GRADC_CHECK_2(passed, 0.7, -1.3);
  GRADC_CHECK_1(counter, 0.7);
  const std::vector<double> X = {0.5, -1.5, 2, 0.25};
  gradc_check::check_arrays(
      "running", {{"x", X}}, {}, [](const Arrays &p) { return running(p[0]); },
      [](const Arrays &p, Arrays &d) { return running_grad(p[0], d[0]); },
      [](const Arrays &p, double s, Arrays &d) {
        running_pullback(p[0], s, d[0]);
      });
  for (int N : {1, 4})
    gradc_check::check_arrays(
        "in_loop", {{"x", X}}, {{"n", {double(N)}}},
        [=](const Arrays &p) { return in_loop(p[0].data(), N); },
        [=](const Arrays &p, Arrays &d) {
          return in_loop_grad(p[0].data(), N, d[0].data());
        },
        [=](const Arrays &p, double s, Arrays &d) {
          in_loop_pullback(p[0].data(), N, s, d[0].data());
        });
  return gradc_check::finish();
}
#endif
