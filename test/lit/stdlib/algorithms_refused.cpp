// What stays refused around <numeric> and <algorithm>: an error at the
// user's line saying what to write instead, and no output.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <algorithm>
#include <functional>
#include <numeric>
#include <vector>

struct Twice {
  double operator()(double a) const { return 2 * a; }
};
double mystery(double);

GRADC_DIFF("grad")
double own_operation(const double *x, int n) {
  // CHECK: algorithms_refused.cpp:[[@LINE+1]]:10: error: this call of 'std::accumulate' is not supported; gradc follows it with an initial value and no operation of your own: write the loop
  return std::accumulate(x, x + n, 1.0, std::multiplies<double>());
}

GRADC_DIFF("grad")
double two_arrays(const double *x, const double *y) {
  // CHECK: algorithms_refused.cpp:[[@LINE+1]]:29: error: gradc follows a range whose end is written from its beginning ('x, x + n', 'v.begin(), v.end()'); this one's is not
  return std::accumulate(x, y, 0.0);
}

GRADC_DIFF("grad")
double own_comparison(const double *x, int n) {
  // CHECK: algorithms_refused.cpp:[[@LINE+1]]:11: error: this call of 'std::max_element' is not supported; gradc follows it without a comparison of your own: write the loop
  return *std::max_element(x, x + n, [](double a, double b) { return a < b; });
}

GRADC_DIFF("grad")
double in_header(const double *x, int n) {
  double s = 0;
  // CHECK: algorithms_refused.cpp:[[@LINE+1]]:23: error: this call of 'std::accumulate' is not supported; gradc makes it a loop, which a loop's header cannot hold: compute it into a variable before the loop
  for (int i = 0; i < std::accumulate(x, x + n, 0.0); ++i)
    s += x[i];
  return s;
}

GRADC_DIFF("grad")
double functor(const std::vector<double> &x) {
  std::vector<double> y(x.size());
  // CHECK: algorithms_refused.cpp:[[@LINE+1]]:49: error: gradc follows std::transform with a lambda, a function of your own or a <cmath> function as its operation; pass a lambda that does what this does
  std::transform(x.begin(), x.end(), y.begin(), Twice());
  return y[0];
}

GRADC_DIFF("grad")
double unseen(const double *x) {
  double y[2];
  // CHECK: algorithms_refused.cpp:[[@LINE+1]]:31: error: gradc cannot see the body of 'mystery'; pass a lambda, a function of your own or a <cmath> function
  std::transform(x, x + 2, y, mystery);
  return y[0];
}

GRADC_DIFF("grad")
double sorted(const std::vector<double> &x) {
  std::vector<double> y = x;
  // CHECK: algorithms_refused.cpp:[[@LINE+1]]:3: error: this call of 'std::sort' is not supported; gradc follows accumulate, inner_product, partial_sum, adjacent_difference, fill, fill_n, copy, iota, reverse, max_element, min_element, find_if, find_if_not, transform, for_each, for_each_n, count_if, all_of, any_of, none_of, next, prev, advance and distance; write the loop (a sort's derivative sends each element's gradient back to where the element came from: sort an array of indices in a loop of your own and read the values through it)
  std::sort(y.begin(), y.end());
  return y[0] * y[1];
}

GRADC_DIFF("grad")
double two_args(const std::vector<double> &x) {
  std::vector<double> y(x.size());
  // CHECK: algorithms_refused.cpp:[[@LINE+1]]:49: error: this operation takes 2 arguments; std::transform gives it 1
  std::transform(x.begin(), x.end(), y.begin(), [](double a, double b = 1) { return a * b; });
  return y[0];
}

GRADC_DIFF("grad")
double in_for_header(const std::vector<double> &x) {
  double s = 0;
  // CHECK: algorithms_refused.cpp:[[@LINE+1]]:23: error: this call of 'std::count_if' is not supported; gradc makes it a loop, which a loop's header cannot hold: compute it into a variable before the loop
  for (int i = 0; i < std::count_if(x.begin(), x.end(), [](double a) { return a > 0; }); ++i)
    s += x[i];
  return s;
}
