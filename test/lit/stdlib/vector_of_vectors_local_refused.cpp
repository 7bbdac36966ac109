// What stays refused of a local std::vector of std::vector (issue 14), at
// the user's line with what to write instead: declared empty (to grow row
// by row), with rows of no given length, from a list of rows of unequal
// length or of rows that are not lists; rows or the matrix
// growing; the whole matrix passed to a helper or captured by a lambda; a
// row and a vector of another length assigned; a row passed with another
// that the call writes. No header is written.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <vector>

using Matrix = std::vector<std::vector<double>>;

GRADC_DIFF("grad")
double empty(double x) {
  // CHECK: vector_of_vectors_local_refused.cpp:[[@LINE+1]]:10: error: a std::vector of std::vector declared empty is not supported yet (its rows would grow one by one); gradc supports a matrix whose rows are all given one length where it is declared ('Matrix m(n, std::vector<double>(k));', also 'std::vector<double>(k, x)', or '{{.*}}'), or a copy of another such variable
  Matrix m;
  m.push_back({x, x});
  return m[0][0];
}

GRADC_DIFF("grad")
double no_length(double x, int n) {
  // CHECK: vector_of_vectors_local_refused.cpp:[[@LINE+1]]:10: error: the rows of 'm' must be given their length where it is declared; gradc supports
  Matrix m(n);
  return m.size() * x;
}

GRADC_DIFF("grad")
double ragged(double x) {
  // CHECK: vector_of_vectors_local_refused.cpp:[[@LINE+1]]:49: error: the rows of 'm' differ in length (row 0 has 2 numbers, row 1 has 1); gradc holds a local std::vector of std::vector as a matrix, every row as long as the first: give every row 2 numbers, or keep the rows one after another in one 'std::vector<double>' (with where each row starts in a 'std::vector<int>')
  std::vector<std::vector<double>> m = {{x, 1}, {x}};
  return m[0][0] * m[1][0];
}

GRADC_DIFF("grad")
double row_variable(double x) {
  std::vector<double> r{x, x};
  // CHECK: vector_of_vectors_local_refused.cpp:[[@LINE+1]]:23: error: this row of 'm' is not supported; give each row as a list of its numbers ('{x, y}'); gradc supports a matrix
  Matrix m = {{x, 1}, r};
  return m[0][0] * m[1][1];
}

GRADC_DIFF("grad")
double grows(double x) {
  Matrix m(2, std::vector<double>(2));
  // CHECK: vector_of_vectors_local_refused.cpp:[[@LINE+1]]:5: error: 'push_back' of a local std::vector of std::vector is not supported yet; gradc supports m[i][j], m.size(), m[i].size(), range-based 'for' over the rows and over a row, and rows copied or passed to helpers: declare it with all its rows ('Matrix m(n, std::vector<double>(k));') and assign their elements
  m.push_back(std::vector<double>(2, x));
  return m[0][0];
}

GRADC_DIFF("grad")
double row_grows(double x) {
  Matrix m(2, std::vector<double>(2));
  // CHECK: vector_of_vectors_local_refused.cpp:[[@LINE+1]]:3: error: a row of a std::vector of std::vector is read and written element by element ('X[i][j]', 'for (double v : X[i])', 'X[i].size()'), copied where a vector is declared ('std::vector<double> r = X[i];') or passed to a helper ('dot(X[i], w)'), not otherwise used whole: its rows do not grow or shrink; copy it first ('std::vector<double> r = X[i];')
  m[0].push_back(x);
  return m[0][0];
}

static double total(const Matrix &A) {
  double s = 0;
  for (const auto &row : A)
    for (double a : row)
      s += a;
  return s;
}

GRADC_DIFF("grad")
double whole(double x) {
  Matrix m(2, std::vector<double>(2, x));
  // CHECK: vector_of_vectors_local_refused.cpp:[[@LINE+1]]:10: error: passing the local std::vector of std::vector 'm' whole to 'total' is not supported yet; pass its rows ('m[i]'), or declare it in the caller and pass it to the annotated function as a parameter
  return total(m);
}

GRADC_DIFF("grad")
double captured(double x) {
  Matrix m(2, std::vector<double>(2, x));
  auto get = [&m](int i) { return m[i][0]; };
  // CHECK: vector_of_vectors_local_refused.cpp:[[@LINE+1]]:13: error: a lambda capturing the local std::vector of std::vector 'm' is not supported yet; index it in the function itself, or capture a copy of the row it reads ('auto r = m[i];')
  return get(0) * get(1);
}

GRADC_DIFF("grad")
double row_assigned(double x) {
  Matrix m(2, std::vector<double>(2, x));
  std::vector<double> r(3);
  // CHECK: vector_of_vectors_local_refused.cpp:[[@LINE+1]]:5: error: assigning a row of a std::vector of std::vector and a vector of a length gradc cannot prove to be the row's is not supported (it would change the length of one); give the vector the row's length ('std::vector<double> r(m[0].size());'), or declare a copy instead ('std::vector<double> r = m[i];')
  r = m[1];
  return r[0];
}

static void mix(std::vector<double> &a, const std::vector<double> &b) {
  for (std::size_t j = 0; j < a.size(); ++j)
    a[j] += 0.5 * b[j];
}

GRADC_DIFF("grad")
double two_rows(double x) {
  Matrix m(2, std::vector<double>(2, x));
  // CHECK: vector_of_vectors_local_refused.cpp:[[@LINE+1]]:3: error: passing a row of 'm' to 'mix' together with the matrix or with another row of it that the call may change is not supported; copy the row first ('std::vector<double> r = m[i];') and pass the copy
  mix(m[0], m[1]);
  return m[0][0];
}
