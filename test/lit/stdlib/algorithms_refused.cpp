// What stays refused around <numeric> and <algorithm>: an error at the
// user's line saying what to write instead, and no output.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <algorithm>
#include <execution>
#include <functional>
#include <numeric>
#include <vector>

struct Twice {
  double operator()(double a) const { return 2 * a; }
};
struct Less {
  bool operator()(double a, double b) const { return a < b; }
};
double mystery(double);

GRADC_DIFF("grad")
double own_reduction(const double *x, int n) {
  // CHECK: algorithms_refused.cpp:[[@LINE+1]]:10: error: this call of 'std::reduce' is not supported; std::reduce may group the elements in any order, which is the left fold gradc differentiates only for an associative and commutative operation; gradc follows it with std::plus<>() or std::multiplies<>(): for an operation of your own, call std::accumulate (or std::inner_product), which fold from the left
  return std::reduce(x, x + n, 0.0, [](double a, double b) { return a + b * b; });
}

GRADC_DIFF("grad")
double own_transform_reduction(const std::vector<double> &x) {
  // CHECK: algorithms_refused.cpp:[[@LINE+1]]:10: error: this call of 'std::transform_reduce' is not supported; std::transform_reduce may group
  return std::transform_reduce(x.begin(), x.end(), 0.0, std::minus<>(), [](double a) { return a * a; });
}

GRADC_DIFF("grad")
double integer_init(const std::vector<double> &x) {
  // CHECK: algorithms_refused.cpp:[[@LINE+1]]:10: error: this call of 'std::reduce' is not supported; std::reduce may group the elements in any order, and converts each partial result to its initial value's type, which is not theirs; give the initial value the type of the elements ('0.0')
  return std::reduce(x.begin(), x.end(), 0) * x[0];
}

struct P {
  double x, w;
};

GRADC_DIFF("grad")
double over_structs(std::vector<P> &ps) {
  // CHECK: algorithms_refused.cpp:[[@LINE+1]]:3: error: this call of 'std::reverse' is not supported; gradc follows it over ranges of numbers (over structs: std::max_element, std::min_element, std::for_each and the sorts); over a container of structs, write the loop ('for (auto &p : ps)')
  std::reverse(ps.begin(), ps.end());
  return ps[0].x;
}

struct R {
  double x, w;
};
bool operator<(const R &a, const R &b); // defined elsewhere

GRADC_DIFF("grad")
double sort_unseen_less(const std::vector<R> &rs) {
  std::vector<R> s = rs;
  // CHECK: algorithms_refused.cpp:[[@LINE+1]]:3: error: this call of 'std::sort' is not supported; gradc sorts structs with a comparison ('[](const R &a, const R &b) { return a.key < b.key; }') or an 'operator<' of your own that it can see: pass one
  std::sort(s.begin(), s.end());
  return s[0].x;
}

struct Q {
  double x, w;
  bool operator<(const Q &o) const { return w < o.w; }
};

GRADC_DIFF("grad")
double extreme_of_structs(const std::vector<Q> &ps) {
  // CHECK: algorithms_refused.cpp:[[@LINE+1]]:13: error: this call of 'std::max_element' is not supported; over a range of structs gradc follows it with a comparison ('[](const Body &a, const Body &b) { return a.m < b.m; }')
  auto it = std::max_element(ps.begin(), ps.end());
  return it->x;
}

GRADC_DIFF("grad")
double changes_elements(std::vector<double> &x) {
  // CHECK: algorithms_refused.cpp:[[@LINE+1]]:51: error: gradc follows std::accumulate with an operation taking its arguments by value or const reference, as it may not change them; this one takes 'double &'
  return std::accumulate(x.begin(), x.end(), 0.0, [](double acc, double &a) { return acc + a; });
}

GRADC_DIFF("grad")
double with_policy(const std::vector<double> &x) {
  // CHECK: algorithms_refused.cpp:[[@LINE+1]]:10: error: this call of 'std::reduce' is not supported; gradc follows it without an execution policy: drop the policy
  return std::reduce(std::execution::seq, x.begin(), x.end());
}

GRADC_DIFF("grad")
double two_arrays(const double *x, const double *y) {
  // CHECK: algorithms_refused.cpp:[[@LINE+1]]:29: error: gradc follows a range whose end is written from its beginning ('x, x + n', 'v.begin(), v.end()'); this one's is not
  return std::accumulate(x, y, 0.0);
}

GRADC_DIFF("grad")
double comparison_functor(const double *x, int n) {
  // CHECK: algorithms_refused.cpp:[[@LINE+1]]:38: error: gradc follows std::max_element with a lambda, a function of your own or a <cmath> function as its operation; pass a lambda that does what this does
  return *std::max_element(x, x + n, Less());
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
double rotated(const std::vector<double> &x) {
  std::vector<double> y = x;
  // CHECK: algorithms_refused.cpp:[[@LINE+1]]:3: error: this call of 'std::rotate' is not supported; gradc follows accumulate, inner_product, reduce, transform_reduce, partial_sum, adjacent_difference, fill, fill_n, copy, copy_n, iota, sort, stable_sort, partial_sort, nth_element, reverse, max_element, min_element, minmax_element, lower_bound, upper_bound, find_if, find_if_not, transform, for_each, for_each_n, count_if, all_of, any_of, none_of, next, prev, advance and distance; write the loop
  std::rotate(y.begin(), y.begin() + 1, y.end());
  return y[1];
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
