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
