// std::vector of std::vector (issue 14) as a local variable, as everyday
// C++ writes a matrix: `std::vector<std::vector<double>> m(n,
// std::vector<double>(n, 0.0));`, written and read m[i][j] (=, +=),
// measured with m.size() and m[i].size(), iterated by rows
// (`for (const auto &row : m) for (double v : row)`), a reference to a
// row, a row copied (`std::vector<double> r = m[i];`, a loop variable
// copying each row, `r = m[i];`), rows assigned (`m[i] = r;`), rows
// passed to helpers that read them (`const std::vector<double> &`) or
// write them (`std::vector<double> &`), a copy of another matrix (a
// local or a parameter), declared in a loop. Its rows' length is given
// where it is declared, so it is one flat std::vector of n * k numbers in
// generated code, `m[i * k + j]`, its adjoint likewise; a row used whole
// is a copy of its numbers. Checked against finite differences and the
// interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function frob --check --at 'x=[0.5,-1,2],n=3' | FileCheck %s --check-prefix=AT
// AT: ok: all 3 entries agree with finite differences
// CHECK: frob: at
// CHECK: rowwise: at
// CHECK: written: at
// CHECK: copies: at
// CHECK: scoped: at
// CHECK: assigned: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 6 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>
#include <cstddef>
#include <vector>

using Matrix = std::vector<std::vector<double>>;

// The example: filled by index, read by rows.
GRADC_DIFF("grad")
double frob(const std::vector<double> &x, int n) {
  std::vector<std::vector<double>> m(n, std::vector<double>(n, 0.0));
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j)
      m[i][j] = x[i] * x[j] + std::sin(x[(i + j) % n]);
  double s = 0;
  for (const auto &row : m)
    for (double v : row)
      s += v * v;
  return s;
}
// TEXT-LABEL: inline double frob_pullback(
// TEXT: int m_count = n * n;
// TEXT-NEXT: std::vector<double> m(m_count);
// TEXT: m[i * n + j] = x[i] * x[j] + std::sin(x[(i + j) % n]);
// TEXT: std::vector<double> dm(m_count);
// TEXT: double v = m[i * n + i_2];

static double dot(const std::vector<double> &a, const std::vector<double> &b) {
  double s = 0;
  for (std::size_t j = 0; j < a.size(); ++j)
    s += a[j] * b[j];
  return s;
}

// Filled with a value, updated with +=, measured, rows passed to a helper
// that reads them, a reference to a row, a row copied and changed.
GRADC_DIFF("grad")
double rowwise(const std::vector<double> &x, double w) {
  std::size_t k = x.size();
  std::vector<std::vector<double>> m(3, std::vector<double>(k, w));
  for (std::size_t i = 0; i < m.size(); ++i)
    for (std::size_t j = 0; j < m[i].size(); ++j)
      m[i][j] += std::tanh(x[j] * (i + 1.0));
  double s = 0;
  for (std::size_t i = 0; i < m.size(); ++i)
    s += dot(m[i], x);
  const auto &last = m[2];
  s += last[0] * last[k - 1];
  std::vector<double> r = m[1];
  r[0] *= w;
  for (double v : r)
    s += 0.5 * v * v;
  for (const auto &row : m)
    s += 0.1 * dot(row, row);
  return s;
}
// TEXT-LABEL: inline double rowwise_pullback(
// TEXT: std::size_t m_count = 3 * k;
// TEXT: std::vector<double> m_row(k);
// TEXT-NEXT: for (int j = 0; j < static_cast<int>(k); ++j) {
// TEXT-NEXT: m_row[j] = m[i_old * k + j];
// TEXT: double dot_m_row = dot(m_row, x);
// TEXT: std::vector<double> r(k);
// TEXT-NEXT: for (int j = 0; j < static_cast<int>(k); ++j) {
// TEXT-NEXT: r[j] = m[k + j];

static void damp(std::vector<double> &r, double t) {
  for (double &v : r)
    v = v * std::cos(t) + 0.25 * r[0];
}

// Rows written by a helper: the row is copied in and written back.
GRADC_DIFF("grad")
double written(const std::vector<double> &x, double w) {
  int n = static_cast<int>(x.size());
  Matrix m(2, std::vector<double>(n));
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < n; ++j)
      m[i][j] = x[j] * (i + w);
  damp(m[0], w);
  for (auto &row : m)
    damp(row, 0.5 * w);
  double s = 0;
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < n; ++j)
      s += m[i][j] * m[1 - i][(j + 1) % n];
  return s;
}
// TEXT-LABEL: inline double written_pullback(
// TEXT: m_row[j] = m[j];
// TEXT: m_row[i_2] = m_row[i_2] * cos_w + 0.25 * m_row[0];
// TEXT: m[j] = m_row[j];

// Copies: of a parameter matrix and of a local one; a parameter's row
// passed whole to a helper.
GRADC_DIFF("grad")
double copies(const Matrix &X, double w) {
  Matrix a = X;
  for (auto &row : a)
    for (double &v : row)
      v *= w;
  auto b = a;
  b[0][1] = std::exp(b[0][1]);
  double s = dot(X[1], b[1]);
  for (std::size_t i = 0; i < b.size(); ++i)
    for (std::size_t j = 0; j < b[i].size(); ++j)
      s += a[i][j] * b[i][j];
  return s;
}
// TEXT-LABEL: inline double copies_pullback(
// TEXT: std::size_t a_count = size * X_cols;
// TEXT-NEXT: std::vector<double> a(a_count);
// TEXT: a[i * X_cols + j] = X[i][j];
// TEXT: b[i * X_cols + j] = a[i * X_cols + j];
// TEXT: X_row[j] = X[1][j];
// TEXT: b_row[j] = b[X_cols + j];
// TEXT: double dot_X_row = dot(X_row, b_row);

// Rows assigned whole: from a vector of their length, from another row,
// into a vector of their length.
GRADC_DIFF("grad")
double assigned(const std::vector<double> &x, double w) {
  std::size_t k = x.size();
  Matrix m(3, std::vector<double>(k));
  std::vector<double> r(k);
  for (std::size_t j = 0; j < k; ++j)
    r[j] = std::sin(x[j] * w);
  m[0] = r;
  m[2] = x;
  m[1] = m[2];
  m[1][0] *= w;
  r = m[1];
  double s = r[1] * r[0];
  for (const auto &row : m)
    for (double v : row)
      s += v * v;
  return s;
}
// TEXT-LABEL: inline double assigned_pullback(
// TEXT: m[2 * k + j] = x[j];
// TEXT: m[k + j] = m[2 * k + j];
// TEXT: r[j] = m[k + j];

// Declared in a loop, of a size computed outside it.
GRADC_DIFF("grad")
double scoped(const std::vector<double> &x, double w) {
  double s = 0;
  for (int t = 0; t < 2; ++t) {
    std::vector<std::vector<double>> m(x.size(), std::vector<double>(2));
    for (std::size_t i = 0; i < x.size(); ++i) {
      m[i][0] = x[i] * w + s;
      m[i][1] = std::sin(m[i][0]) * t;
    }
    for (const auto &row : m)
      s += 0.1 * row[0] * row[1] + row[1];
    for (std::vector<double> r : m) { // each row copied
      r[1] *= w;
      s += 0.25 * r[0] * r[1];
    }
  }
  return s;
}

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

static Matrix rows(const std::vector<double> &v, std::size_t cols) {
  Matrix m(v.size() / cols, std::vector<double>(cols));
  for (std::size_t i = 0; i < v.size(); ++i)
    m[i / cols][i % cols] = v[i];
  return m;
}
static void back(const Matrix &m, std::vector<double> &v) {
  v.clear();
  for (const auto &row : m)
    v.insert(v.end(), row.begin(), row.end());
}

using gradc_check::Arrays;

/// Checks a function of (x, w).
#define CHECK_XW(F, X)                                                         \
  gradc_check::check_arrays(                                                   \
      #F, {{"x", X}, {"w", {0.75}}}, {},                                       \
      [](const Arrays &p) { return F(p[0], p[1][0]); },                        \
      [](const Arrays &p, Arrays &d) {                                         \
        return F##_grad(p[0], p[1][0], d[0], d[1][0]);                         \
      },                                                                       \
      [](const Arrays &p, double s, Arrays &d) {                               \
        F##_pullback(p[0], p[1][0], s, d[0], d[1][0]);                         \
      })

int main() {
  const std::vector<double> X = {0.5, -1, 2, 0.25};
  gradc_check::check_arrays(
      "frob", {{"x", {0.5, -1, 2}}}, {{"n", {3}}},
      [](const Arrays &p) { return frob(p[0], 3); },
      [](const Arrays &p, Arrays &d) { return frob_grad(p[0], 3, d[0]); },
      [](const Arrays &p, double s, Arrays &d) {
        frob_pullback(p[0], 3, s, d[0]);
      });
  CHECK_XW(rowwise, X);
  CHECK_XW(written, X);
  gradc_check::rowLengths()["X"] = 3;
  gradc_check::check_arrays(
      "copies", {{"X", {0.1, -0.2, 1, 0.5, 0.25, 2}}, {"w", {0.6}}}, {},
      [](const Arrays &p) { return copies(rows(p[0], 3), p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        Matrix dX = rows(d[0], 3);
        double f = copies_grad(rows(p[0], 3), p[1][0], dX, d[1][0]);
        back(dX, d[0]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        Matrix dX = rows(d[0], 3);
        copies_pullback(rows(p[0], 3), p[1][0], s, dX, d[1][0]);
        back(dX, d[0]);
      });
  CHECK_XW(scoped, X);
  CHECK_XW(assigned, X);
  return gradc_check::finish();
}
#endif
