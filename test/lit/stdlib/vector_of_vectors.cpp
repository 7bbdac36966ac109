// std::vector of std::vector (issue 14) as a parameter: a matrix, its
// rows all as long as the first (generated code checks it with
// gradc::cols and stops a program that passes a jagged one). A passive
// data matrix X read as X[n][j], bounded by X.size() and X[n].size();
// weights W differentiated, their adjoint of the same type and shape;
// range-based for over the rows and over a row, a reference to a row,
// X.empty(), the whole matrix passed to a helper that reads it and
// captured by a lambda,
// and a matrix changed in place (in/out), by the function itself. Checked against finite
// differences and the interpreter (`--at` takes rows, X=[[1,2],[3,4]]).
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function loss --at 'X=[[0.5,-1,2],[0.25,0.75,-0.5]],y=[0.3,-0.2],W=[[0.1,0.2,0.3],[-0.4,0.5,0.6]]' | FileCheck %s --check-prefix=AT
// RUN: %gradc %s --function gram --check | FileCheck %s --check-prefix=CHECKED
// RUN: not %gradc %s --function loss --at 'X=[[0.5,-1,2],[0.25,0.75]],y=[0.3,-0.2],W=[[0.1,0.2,0.3]]' 2>&1 | FileCheck %s --check-prefix=JAGGEDAT
// RUN: not %gradc %s --function loss --at 'X=[0.5,-1,2],y=[0.3],W=[[0.1,0.2,0.3]]' 2>&1 | FileCheck %s --check-prefix=FLATAT
// RUN: %cxx -DJAGGED -DGRADC_OUT='"%t.grad.h"' %s -o %t.jagged && not --crash %t.jagged 2>&1 | FileCheck %s --check-prefix=JAGGED
// CHECK: loss: at
// CHECK: gram: at
// CHECK: captured: at
// CHECK: scale: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 4 checked against the interpreter, 0 mismatches
// AT: loss(X = {{\[\[}}0.5, -1, 2], [0.25, 0.75, -0.5]], y = [0.3, -0.2], W = {{\[\[}}0.1, 0.2, 0.3], [-0.4, 0.5, 0.6]])
// AT: param X[1][2] -0.5 (passive)
// AT: param W[1][0] -0.4 0.2069446079696762
// CHECKED: ok: all 9 entries agree with finite differences
// JAGGEDAT: --at: the rows of 'X' have different lengths (3 and 2); gradc reads a std::vector of std::vector as a matrix, every row as long as the first
// FLATAT: --at: 'X' is a std::vector of std::vector: give its rows, X={{\[\[}}1,2],[3,4]]
// JAGGED: gradc::cols: a std::vector of std::vector whose rows have different lengths (3 and 2); gradc's code for it takes every row to be as long as the first
#include <gradc/gradc.h>

#include <cmath>
#include <cstddef>
#include <vector>

// Lambdas are defined first.
// TEXT-LABEL: inline double captured_rowsum(std::size_t i, const Matrix &X, double t) {

using Matrix = std::vector<std::vector<double>>;

// A helper reading the whole matrix.
static double frob(const Matrix &A) {
  double s = 0;
  for (const auto &row : A)
    for (double a : row)
      s += a * a;
  return s;
}

// Least squares of a one-layer model: the data X passive, the weights W
// differentiated.
GRADC_DIFF("grad wrt(W)")
double loss(const std::vector<std::vector<double>> &X,
            const std::vector<double> &y, const Matrix &W) {
  double L = 0;
  for (std::size_t n = 0; n < X.size(); ++n)
    for (std::size_t k = 0; k < W.size(); ++k) {
      double p = 0;
      for (std::size_t j = 0; j < X[n].size(); ++j)
        p += W[k][j] * X[n][j];
      double r = std::tanh(p) - y[n];
      L += r * r;
    }
  return L + 0.01 * frob(W);
}
// TEXT-LABEL: inline double loss_pullback(const std::vector<std::vector<double>> &X,
// TEXT-NEXT: const std::vector<double> &y, const Matrix &W,
// TEXT-NEXT: double dout, Matrix &dW) {
// TEXT: std::size_t X_cols = gradc::cols(X);
// TEXT-NEXT: gradc::cols(W);
// TEXT: p += W[k][j] * X[n][j];
// TEXT: dW[k][j] += X[n][j] * dp;

// The Gram matrix's entries through references to rows, X.empty(), X
// changed in place and passed to a helper again.
GRADC_DIFF("grad")
double gram(Matrix &X) {
  if (X.empty())
    return 0;
  double s = 0;
  for (std::size_t a = 0; a < X.size(); ++a) {
    const auto &u = X[a];
    for (const auto &v : X) {
      double d = 0;
      for (std::size_t j = 0; j < u.size(); ++j)
        d += u[j] * v[j];
      s += std::sin(d);
    }
  }
  for (std::size_t i = 0; i < X.size(); ++i)
    for (std::size_t j = 0; j < X[i].size(); ++j)
      X[i][j] = X[i][j] / (1 + 0.5 * X[i][j] * X[i][j]);
  return s + frob(X);
}
// TEXT-LABEL: inline double gram_pullback(Matrix &X, double dout, Matrix &dX) {
// TEXT: double X_old = X[a_old][j];

// Captured by a lambda, by reference.
GRADC_DIFF("grad")
double captured(const Matrix &X, double t) {
  auto rowsum = [&](std::size_t i) {
    double s = 0;
    for (double x : X[i])
      s += x * t;
    return s;
  };
  return std::sin(rowsum(0)) * rowsum(X.size() - 1);
}

// Changed in place: dW holds the seed of W's final contents on entry,
// the gradient with respect to W as it came in on return.
GRADC_DIFF("grad")
void scale(Matrix &W, double k) {
  for (auto &row : W)
    for (double &w : row)
      w = std::tanh(w * k);
}
// TEXT-LABEL: inline void scale_pullback(Matrix &W, double k, Matrix &dW, double &dk) {
// TEXT: W[i][i_2] = tanh_v;

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

[[maybe_unused]] static Matrix rows(const std::vector<double> &v,
                                    std::size_t cols) {
  Matrix m(v.size() / cols, std::vector<double>(cols));
  for (std::size_t i = 0; i < v.size(); ++i)
    m[i / cols][i % cols] = v[i];
  return m;
}
[[maybe_unused]] static void back(const Matrix &m, std::vector<double> &v) {
  v.clear();
  for (const auto &row : m)
    v.insert(v.end(), row.begin(), row.end());
}

int main() {
#ifdef JAGGED
  // A jagged matrix stops the program rather than get a gradient.
  Matrix X = {{0.5, -1, 2}, {0.25, 0.75}}, W = {{0.1, 0.2, 0.3}};
  Matrix dW = W;
  loss_grad(X, {0.3, -0.2}, W, dW);
  return 0;
#else
  using gradc_check::Arrays;
  gradc_check::rowLengths()["X"] = 3;
  gradc_check::rowLengths()["W"] = 3;
  const std::vector<double> Xs = {0.5, -1, 2, 0.25, 0.75, -0.5};
  const std::vector<double> Ys = {0.3, -0.2};
  const std::vector<double> Ws = {0.1, 0.2, 0.3, -0.4, 0.5, 0.6};
  gradc_check::check_arrays(
      "loss", {{"W", Ws}}, {{"X", Xs}, {"y", Ys}},
      [&](const Arrays &p) { return loss(rows(Xs, 3), Ys, rows(p[0], 3)); },
      [&](const Arrays &p, Arrays &d) {
        Matrix dW = rows(d[0], 3);
        double f = loss_grad(rows(Xs, 3), Ys, rows(p[0], 3), dW);
        back(dW, d[0]);
        return f;
      },
      [&](const Arrays &p, double s, Arrays &d) {
        Matrix dW = rows(d[0], 3);
        loss_pullback(rows(Xs, 3), Ys, rows(p[0], 3), s, dW);
        back(dW, d[0]);
      });
  using gradc_check::Role;
  // X is changed in place: in/out, its adjoint the seed of its final
  // contents on entry.
  const std::vector<double> Gs = {0.5, -0.25, 1, 0.75, -1.5, 0.25, 0.125, 0.5, -0.75};
  gradc_check::check_vjp(
      "gram", false, {{"X", Gs, Role::InOut}}, {},
      [](Arrays &p) {
        Matrix X = rows(p[0], 3);
        double f = gram(X);
        back(X, p[0]);
        return f;
      },
      [](Arrays &p, double s, Arrays &d) {
        Matrix X = rows(p[0], 3), dX = rows(d[0], 3);
        gram_pullback(X, s, dX);
        back(X, p[0]);
        back(dX, d[0]);
      },
      [](Arrays &p, Arrays &d) {
        Matrix X = rows(p[0], 3), dX = rows(d[0], 3);
        double f = gram_grad(X, dX);
        back(X, p[0]);
        back(dX, d[0]);
        return f;
      });
  gradc_check::check_arrays(
      "captured", {{"X", Gs}, {"t", {0.75}}}, {},
      [](const Arrays &p) { return captured(rows(p[0], 3), p[1][0]); },
      [](const Arrays &p, Arrays &d) {
        Matrix dX = rows(d[0], 3);
        double f = captured_grad(rows(p[0], 3), p[1][0], dX, d[1][0]);
        back(dX, d[0]);
        return f;
      },
      [](const Arrays &p, double s, Arrays &d) {
        Matrix dX = rows(d[0], 3);
        captured_pullback(rows(p[0], 3), p[1][0], s, dX, d[1][0]);
        back(dX, d[0]);
      });
  gradc_check::check_vjp(
      "scale", true, {{"W", Ws, Role::InOut}, {"k", {0.75}, Role::In}}, {},
      [](Arrays &p) {
        Matrix W = rows(p[0], 3);
        scale(W, p[1][0]);
        back(W, p[0]);
        return 0.0;
      },
      [](Arrays &p, double, Arrays &d) {
        Matrix W = rows(p[0], 3), dW = rows(d[0], 3);
        scale_pullback(W, p[1][0], dW, d[1][0]);
        back(W, p[0]);
        back(dW, d[0]);
      });
  return gradc_check::finish();
#endif
}
#endif
