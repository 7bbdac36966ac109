// What gradc refuses of a local std::vector of std::array and of
// std::for_each over rows, each at its source line with a way out; no
// header is written.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <vector>

using Row = std::array<double, 3>;
using Points = std::vector<Row>;

static Points make(double w) {
  Points p(2);
  p[0][0] = w;
  return p;
}

static Row one(double w) { return {w, w, w}; }

struct Add {
  double *s;
  void operator()(const Row &p) const { *s += p[0]; }
};

GRADC_DIFF("grad")
double returned(double w) {
  // CHECK: vector_of_arrays_local_refused.cpp:[[@LINE+1]]:14: error: a helper returning a std::vector of std::array ('make') is not supported yet; have it write the rows into one it is given ('void make(..., Points &out)'), declared by the caller
  Points p = make(w);
  return p[0][0];
}

GRADC_DIFF("grad")
double inserted(double w) {
  Points p(2);
  // CHECK: vector_of_arrays_local_refused.cpp:[[@LINE+1]]:5: error: 'insert' of a std::vector of std::array is not supported; gradc supports v[i][j], v.size(), v.empty(), v.front(), v.back(), v.at(i), push_back, emplace_back, pop_back, clear, range-based 'for' over the rows and over a row, and passing v to a function
  p.insert(p.begin(), Row{w, 1, 2});
  return p[0][0];
}

GRADC_DIFF("grad")
double called(double w) {
  Points p;
  // CHECK: vector_of_arrays_local_refused.cpp:[[@LINE+1]]:5: error: this 'push_back' is not supported; gradc appends one 'std::array<double, 3>': 'push_back({x, y, z})', 'push_back(r)' of a variable r of that type, or 'emplace_back()'
  p.push_back(one(w));
  // CHECK: vector_of_arrays_local_refused.cpp:[[@LINE+1]]:15: error: a row appended to 'p' that reads it is not supported; compute it into a local first ('std::array<double, 3> r = ...; p.push_back(r);')
  p.push_back({p[0][0], w, 1});
  return p[0][0];
}

GRADC_DIFF("grad")
void grown(Points &p, double w) {
  // CHECK: vector_of_arrays_local_refused.cpp:[[@LINE+1]]:5: error: 'push_back' of a std::vector of rows that is not a local variable of the function is not supported; copy it into a local ('Points u = v;') and change that
  p.push_back({w, w, w});
}

GRADC_DIFF("grad")
double listed(double w) {
  // CHECK: vector_of_arrays_local_refused.cpp:[[@LINE+1]]:26: error: this row of 'p' is not supported; give a list ('{x, y, z}'), or a variable or row of type 'std::array<double, 3>'
  Points p = {{w, 1, 2}, one(w)};
  return p[1][0];
}

GRADC_DIFF("grad")
double scoped(double w) {
  double s = 0;
  for (int k = 0; k < 2; ++k) {
    // CHECK: vector_of_arrays_local_refused.cpp:[[@LINE+1]]:12: error: std::vector 'p' of rows changes size (push_back, emplace_back, ...) and is declared with rows in a loop or branch, which gradc does not support yet; declare it empty ('Points p;') and push_back them
    Points p(2);
    p.push_back({w, s, 1});
    s += p[2][0];
  }
  return s;
}

GRADC_DIFF("grad")
double visited(const Points &pts, double k) {
  double s = 0;
  // CHECK: vector_of_arrays_local_refused.cpp:[[@LINE+1]]:3: error: this call of 'std::for_each' is not supported; gradc follows it over the rows of a std::vector or std::array of std::array, and over a container of structs, from begin() to end() of one variable ('std::for_each(v.begin(), v.end(), f)'); write the loop ('for (auto &e : v)')
  std::for_each(pts.begin() + 1, pts.end(), [&](const Row &p) { s += p[0]; });
  // CHECK: vector_of_arrays_local_refused.cpp:[[@LINE+1]]:41: error: gradc follows std::for_each with a lambda, a function of your own or a <cmath> function as its operation; pass a lambda that does what this does
  std::for_each(pts.begin(), pts.end(), Add{&s});
  return s * k;
}

// CHECK: gradc: {{.*}}vector_of_arrays_local_refused.cpp: 9 errors; no output written
