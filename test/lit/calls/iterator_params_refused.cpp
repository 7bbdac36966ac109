// Iterators given to functions where gradc does not follow them (issue 14)
// are refused at the user's line, in the user's words, with advice.
// RUN: not %gradc %s -o %t.h 2>&1 | FileCheck %s
// RUN: not %gradc %s -o %t.h 2>&1 | grep -c 'error:' | FileCheck %s --check-prefix=COUNT
// COUNT: 12
// (Errors in helpers are reported after those of their callers.)
#include <gradc/gradc.h>

#include <numeric>
#include <vector>

struct P {
  double x, y;
};

template <class It> double sum(It first, It last) {
  double s = 0;
  for (; first != last; ++first)
    s += *first;
  return s;
}

// CHECK-DAG: iterator_params_refused.cpp:[[@LINE+1]]:45: error: parameter 'it' is a reference to an iterator; pass the iterator by value (drop the '&')
double byRef(std::vector<double>::iterator &it) { return *it; }

// CHECK-DAG: iterator_params_refused.cpp:[[@LINE+1]]:61: error: parameter 'r' is a reverse iterator, which gradc follows in the function that makes it; pass 'v.begin(), v.end()' and walk back from the end
double reversed(std::vector<double>::const_reverse_iterator r) { return *r; }

// CHECK-DAG: iterator_params_refused.cpp:[[@LINE+1]]:43: error: parameter 'it' is an iterator over something other than numbers; gradc follows iterators of a container of numbers: pass the container itself ('const std::vector<P> &v') and index it
double xOf(std::vector<P>::const_iterator it) { return it->x; }

void scale(std::vector<double>::iterator first,
           std::vector<double>::iterator last, double k) {
  for (; first != last; ++first)
    *first *= k;
}

GRADC_DIFF("grad")
double captured(const std::vector<double> &x) {
  auto it = x.begin();
  // CHECK-DAG: iterator_params_refused.cpp:[[@LINE+1]]:14: error: capturing iterator 'it' is not supported; pass it to the lambda as a parameter ('[](auto it, ...)')
  auto g = [&it](double a) { return *it * a; };
  return g(x[0]);
}

struct Held {
  std::vector<double>::const_iterator it;
};

GRADC_DIFF("grad")
double held(const std::vector<double> &x) {
  // CHECK-DAG: iterator_params_refused.cpp:[[@LINE+1]]:8: error: gradc cannot hold this struct: 'Held' has member 'it': 'std::vector<double>::const_iterator' is an iterator, which gradc follows in variables and parameters of their own: keep an index into the container instead ('int i')
  Held h{x.begin()};
  // CHECK-DAG: iterator_params_refused.cpp:[[@LINE+1]]:13: error: this position in a range is not supported
  return *h.it;
}

GRADC_DIFF("grad")
double grown(double a) {
  std::vector<double> v;
  v.push_back(a);
  v.push_back(2 * a);
  // CHECK-DAG: iterator_params_refused.cpp:[[@LINE+1]]:9: error: passing 'v', a std::vector that changes size, to 'scale', which may write it, is not supported; pass it as 'const std::vector<double> &', or copy it into a vector that keeps its size ('std::vector<double> u = v;')
  scale(v.begin(), v.end(), a);
  return v[0];
}

GRADC_DIFF("grad")
// CHECK-DAG: iterator_params_refused.cpp:[[@LINE+1]]:54: error: parameter 'first' is an iterator; gradc follows iterators given to a function of your own that is not a member function, not to an annotated function or a member function: take the container ('const std::vector<double> &v') or a pointer to its elements ('const double *x')
double annotated(std::vector<double>::const_iterator first, int n) {
  return first[0] * n;
}

GRADC_DIFF("grad")
double twoArrays(const std::vector<double> &x, const std::vector<double> &y) {
  // CHECK-DAG: iterator_params_refused.cpp:[[@LINE+1]]:25: error: 'sum' takes 'first' and 'last', of one type side by side, for a range [first, last) in one array ('v.begin(), v.end()'); 'y.end()' is in another array than 'x.begin()': for two arrays, give the second parameter another type ('const double *')
  return sum(x.begin(), y.end());
}

GRADC_DIFF("grad")
double callers(std::vector<double> &x) {
  auto it = x.begin();
  double s = byRef(it) + reversed(x.crbegin());
  std::vector<P> ps(2);
  s += xOf(ps.cbegin());
  // CHECK-DAG: iterator_params_refused.cpp:[[@LINE+1]]:8: error: this call of 'std::partial_sum' is not supported; gradc makes it a loop, which a loop's header cannot hold: compute it into a variable before the loop
  for (std::partial_sum(x.begin(), x.end(), x.begin()); s < 1;)
    s += 1;
  // CHECK-DAG: iterator_params_refused.cpp:[[@LINE+1]]:8: error: this call of 'std::accumulate' is not supported; gradc follows reverse iterators in loops of your own ('for (auto it = v.rbegin(); it != v.rend(); ++it)'), not given to an algorithm: write the loop
  s += std::accumulate(x.rbegin(), x.rend(), 0.0);
  // CHECK-DAG: iterator_params_refused.cpp:[[@LINE+1]]:3: error: this call of 'std::adjacent_difference' is not supported; gradc follows it without an operation of your own: write the loop
  std::adjacent_difference(x.begin(), x.end(), x.begin(), std::plus<>());
  return s;
}
