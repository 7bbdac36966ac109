// What stays refused of containers of containers (issue 14), at the
// user's line with what to write instead: std::array of std::array where
// it is not supported (its data(), a loop variable copying a row, a
// helper returning one, a list assigned, a struct member, three levels),
// std::vector of std::vector where it is not supported (a struct member,
// a row that grows, the matrix growing, an element's address; what is
// refused of locals: vector_of_vectors_local_refused.cpp), and a std::vector of a struct holding a std::vector (one
// such struct is followed: records/vector_members.cpp). No header is
// written.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <array>
#include <vector>

using Mat = std::array<std::array<double, 3>, 2>;

// A std::array of std::array is supported as a parameter and a local
// (array_of_arrays.cpp); what it is not supported in is refused.
GRADC_DIFF("grad")
double arr_data(const Mat &m) {
  // CHECK: nested_containers_refused.cpp:[[@LINE+1]]:12: error: 'data' of a std::array of std::array is not supported; gradc supports m[i][j], m.front(), m.back(), m.at(i), m.size(), m[i].size(), range-based 'for' over the rows and over a row, and passing m or a row m[i] to a function
  return m.data()[0][0];
}

static Mat twice(const Mat &m) {
  Mat r = m;
  r[0][0] *= 2;
  return r;
}

GRADC_DIFF("grad")
double arr_returned(const Mat &m) {
  // CHECK: nested_containers_refused.cpp:[[@LINE+1]]:11: error: a helper returning a std::array of std::array ('twice') is not supported yet; have it write the result into one it is given ('void twice(..., Mat &out)')
  Mat r = twice(m);
  return r[0][0];
}

GRADC_DIFF("grad")
double arr_assigned_list(double x) {
  Mat m{};
  // CHECK: nested_containers_refused.cpp:[[@LINE+1]]:5: error: assigning this to a std::array of std::array is not supported; assign another such variable, or the elements one by one
  m = {};
  return m[0][0] * x;
}

GRADC_DIFF("grad")
// CHECK: nested_containers_refused.cpp:[[@LINE+1]]:72: error: parameter 't' cannot be differentiated or read: 'std::array<std::array<std::array<double, 2>, 2>, 2>' has three levels of std::array, which gradc does not support; it supports two: keep the last two in one row ('std::array<std::array<double, 4>, 2>', indexed t[i][j * 2 + k])
double arr3(const std::array<std::array<std::array<double, 2>, 2>, 2> &t) {
  return t[0][0][0];
}

// A std::vector of std::vector is supported as a parameter, a matrix
// (vector_of_vectors.cpp), and as a local (vector_of_vectors_local.cpp);
// members, growth and helpers that change it are refused.
struct Grid {
  std::vector<std::vector<double>> v;
};

GRADC_DIFF("grad")
// CHECK: nested_containers_refused.cpp:[[@LINE+1]]:30: error: parameter 'g' cannot be differentiated or read: 'Grid' has member 'v': 'std::vector<std::vector<double>>' is a std::vector of std::vector, which gradc supports as a parameter and as a local given its rows' length where it is declared (a matrix: X[i][j], its rows all as long), not here yet; keep the rows one after another in one 'std::vector<double>' indexed x[i * n + j]
double vv_member(const Grid &g, double x) { return g.v[0][1] * x; }

using Matrix = std::vector<std::vector<double>>;

GRADC_DIFF("grad")
double vv_row_grows(Matrix &X, double x) {
  // CHECK: nested_containers_refused.cpp:[[@LINE+1]]:3: error: a row of a std::vector of std::vector is read and written element by element ('X[i][j]', 'for (double v : X[i])', 'X[i].size()'), copied where a vector is declared ('std::vector<double> r = X[i];') or passed to a helper ('dot(X[i], w)'), not otherwise used whole: its rows do not grow or shrink; copy it first ('std::vector<double> r = X[i];')
  X[0].push_back(x);
  return X[0][0];
}

GRADC_DIFF("grad")
double vv_grows(Matrix &X, double x) {
  // CHECK: nested_containers_refused.cpp:[[@LINE+1]]:5: error: 'push_back' of a std::vector of std::vector is not supported; gradc supports X[i][j], X.size(), X[i].size(), range-based 'for' over the rows and over a row, and passing X to a function; its rows do not grow
  X.push_back({x});
  return X[0][0];
}

// (A row passed whole to a helper is a copy of its numbers:
// vector_of_vectors_local.cpp.)

GRADC_DIFF("grad")
double vv_address(const Matrix &X) {
  // CHECK: nested_containers_refused.cpp:[[@LINE+1]]:21: error: taking the address of an element of a std::vector of std::vector is not supported; index it where it is read or written ('X[i][j]')
  const double *p = &X[0][0];
  return p[1];
}

struct Layer {
  std::vector<double> W;
  int n;
};

GRADC_DIFF("grad")
// CHECK: nested_containers_refused.cpp:[[@LINE+1]]:41: error: parameter 'Ls' cannot be differentiated or read: 'Layer' has member 'W', a std::vector; gradc supports such a struct as a parameter ('const Layer &p'), and not as a local, a copy, or inside an array, a container or another struct: pass it as a parameter, or use a member of a size fixed by its type ('std::array<double, 3> W;')
double layers(const std::vector<Layer> &Ls, double x) { return Ls[0].W[0] * x; }
