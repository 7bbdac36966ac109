// std::array of std::array (issue 14): parameters by const & and by &
// (wrt, passive, in/out, an output), whose adjoints are of the same type,
// read and written m[i][j], .size() of both levels, range-based for over
// the rows and over a row, locals (zeroed, from nested braces, copies,
// assigned), references to a row, and whole matrices and rows passed to
// helpers that read and write them. Checked against finite differences
// and the interpreter, and the generated text read.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -Wall -Wextra -Werror -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// RUN: %gradc %s --function quad --at 'R=[0.5,-0.7,1.1,0.2,0.3,-0.4,0.9,1.2,-1],v=[0.1,0.2,0.3]' | FileCheck %s --check-prefix=AT
// RUN: %gradc %s --function rotate --check --at 'R=[0.5,-0.7,1.1,0.2,0.3,-0.4,0.9,1.2,-1],v=[0.1,0.2,0.3]' | FileCheck %s --check-prefix=CHECKED
// RUN: not %gradc %s --function quad --at 'R=[1,2,3],v=[0.1,0.2,0.3]' 2>&1 | FileCheck %s --check-prefix=ATSIZE
// CHECK: quad: at
// CHECK: rotate: at
// CHECK: weighted: at
// CHECK: smooth: at
// CHECK: outer: at
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 5 checked against the interpreter, 0 mismatches
// AT: quad(R = [0.5, -0.7, 1.1, 0.2, 0.3, -0.4, 0.9, 1.2, -1], v = [0.1, 0.2, 0.3])
// AT: param R[1][2] -0.4 0.36
// AT: param R[2][0] 0.9 0.03
// CHECKED: ok: all 12 entries agree with finite differences
// ATSIZE: --at: 'R' is a std::array<std::array<double, 3>, 3>: give its 9 numbers
#include <gradc/gradc.h>

#include <array>
#include <cmath>
#include <cstddef>

// Lambdas are defined first.
// TEXT: inline double rotate_diag(int i, Mat3 &P, const Mat3 &R) {

using Mat3 = std::array<std::array<double, 3>, 3>;
using Vec3 = std::array<double, 3>;

static double trace(const Mat3 &m) { return m[0][0] + m[1][1] + m[2][2]; }

static double dot(const Vec3 &a, const Vec3 &b) {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

// Writes a row it is given.
static void axpy(Vec3 &r, double k, const Vec3 &x) {
  for (std::size_t j = 0; j < r.size(); ++j)
    r[j] += k * x[j];
}

// v' R v read element by element, bounded by .size() of both levels, and
// a row and the whole matrix passed to helpers.
GRADC_DIFF("grad")
double quad(const std::array<std::array<double, 3>, 3> &R, const Vec3 &v) {
  double s = 0;
  for (std::size_t i = 0; i < R.size(); ++i)
    for (std::size_t j = 0; j < R[i].size(); ++j)
      s += R[i][j] * v[i] * v[j];
  return s + trace(R) + dot(R[1], v);
}
// TEXT-LABEL: inline double quad_pullback(const std::array<std::array<double, 3>, 3> &R,
// TEXT-NEXT: const Vec3 &v, double dout,
// TEXT-NEXT: std::array<std::array<double, 3>, 3> &dR,
// TEXT-NEXT: Vec3 &dv) {
// TEXT: const std::array<double, 3> &row = R[1];
// TEXT: double dot_row = dot(row, v);
// TEXT: std::array<double, 3> &row_2 = dR[1];
// TEXT: dot_pullback(row, v, dout, row_2, dv);
// TEXT: s += R[i][j] * v[i] * v[j];
// TEXT: dR[i][j] += v[i] * prod;

// A passive matrix (only x is differentiated), range-for over its rows by
// reference and over each row.
GRADC_DIFF("grad wrt(x)")
double weighted(const Mat3 &W, const Vec3 &x) {
  double s = 0;
  int i = 0;
  for (const auto &row : W) {
    double t = 0;
    for (double w : row)
      t += w * x[i];
    s += std::tanh(t) * row[i];
    ++i;
  }
  return s;
}
// TEXT-LABEL: inline double weighted_pullback(const Mat3 &W, const Vec3 &x, double dout,
// TEXT-NEXT: Vec3 &dx) {
// TEXT: double w = W[i_2][i_3];

// A local from nested braces, a copy, an assignment, a reference to a row
// written through a helper, rows updated through auto &, and captures by
// a lambda.
GRADC_DIFF("grad")
double rotate(const Mat3 &R, const Vec3 &v) {
  std::array<std::array<double, 3>, 3> M = {{{1, 0, 0}, {0, 2, 0}, {0, 0, 3}}};
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      M[i][j] += R[i][j] * v[j];
  Mat3 N = M;
  auto &first = N[0];
  axpy(first, 0.5, v);
  for (auto &row : N)
    for (double &e : row)
      e = std::sin(e);
  Mat3 P{};
  P = N;
  P[2][1] = P[1][2] * v[0];
  auto diag = [&](int i) { return P[i][i] * R[i][0]; };
  return trace(P) + dot(P[2], v) + first[1] * M.size() + diag(1);
}
// TEXT-LABEL: inline double rotate_pullback(const Mat3 &R, const Vec3 &v, double dout,
// TEXT: std::array<std::array<double, 3>, 3> M{};
// TEXT: M[i][j] += R[i][j] * v[j];
// TEXT: Mat3 dN{};

// A matrix differentiated and changed in place: its adjoint is the seed
// of its final contents on entry, the gradient of its first on return.
GRADC_DIFF("grad")
void smooth(std::array<std::array<double, 2>, 3> &A, double k) {
  for (std::size_t i = 1; i < A.size(); ++i)
    for (std::size_t j = 0; j < 2; ++j)
      A[i][j] = A[i][j] * k + A[i - 1][j];
}
// TEXT-LABEL: inline void smooth_pullback(std::array<std::array<double, 2>, 3> &A, double k,
// TEXT-NEXT: std::array<std::array<double, 2>, 3> &dA,
// TEXT-NEXT: double &dk) {

// An output of this type: the seed is a matrix too.
GRADC_DIFF("grad")
void outer(const Vec3 &a, const Vec3 &b, Mat3 &out) {
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      out[i][j] = a[i] * b[j];
}
// TEXT-LABEL: inline void outer_pullback(const Vec3 &a, const Vec3 &b, Mat3 &out,
// TEXT-NEXT: const Mat3 &dout, Vec3 &da,

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

template <std::size_t R, std::size_t C>
static std::array<std::array<double, C>, R> mat(const std::vector<double> &v) {
  std::array<std::array<double, C>, R> m{};
  for (std::size_t i = 0; i < R; ++i)
    for (std::size_t j = 0; j < C; ++j)
      m[i][j] = v[i * C + j];
  return m;
}
template <std::size_t R, std::size_t C>
static void back(const std::array<std::array<double, C>, R> &m,
                 std::vector<double> &v) {
  v.clear();
  for (const auto &row : m)
    v.insert(v.end(), row.begin(), row.end());
}
static Vec3 vec(const std::vector<double> &v) { return {v[0], v[1], v[2]}; }
static void back(const Vec3 &a, std::vector<double> &v) {
  v.assign(a.begin(), a.end());
}

int main() {
  using gradc_check::Arrays;
  const std::vector<double> Rs = {0.5, -0.7, 1.1, 0.2, 0.3, -0.4, 0.9, 1.2, -1};
  const std::vector<double> Vs = {0.1, 0.2, 0.3};
  // Functions of a matrix and a vector, both differentiated.
  auto both = [&](const char *Name, auto F, auto G, auto Pb) {
    gradc_check::check_arrays(
        Name, {{"R", Rs}, {"v", Vs}}, {},
        [=](const Arrays &p) { return F(mat<3, 3>(p[0]), vec(p[1])); },
        [=](const Arrays &p, Arrays &d) {
          Mat3 dR = mat<3, 3>(d[0]);
          Vec3 dv = vec(d[1]);
          double f = G(mat<3, 3>(p[0]), vec(p[1]), dR, dv);
          back(dR, d[0]);
          back(dv, d[1]);
          return f;
        },
        [=](const Arrays &p, double s, Arrays &d) {
          Mat3 dR = mat<3, 3>(d[0]);
          Vec3 dv = vec(d[1]);
          Pb(mat<3, 3>(p[0]), vec(p[1]), s, dR, dv);
          back(dR, d[0]);
          back(dv, d[1]);
        });
  };
  both(
      "quad", [](const Mat3 &R, const Vec3 &v) { return quad(R, v); },
      [](const Mat3 &R, const Vec3 &v, Mat3 &dR, Vec3 &dv) {
        return quad_grad(R, v, dR, dv);
      },
      [](const Mat3 &R, const Vec3 &v, double s, Mat3 &dR, Vec3 &dv) {
        quad_pullback(R, v, s, dR, dv);
      });
  both(
      "rotate", [](const Mat3 &R, const Vec3 &v) { return rotate(R, v); },
      [](const Mat3 &R, const Vec3 &v, Mat3 &dR, Vec3 &dv) {
        return rotate_grad(R, v, dR, dv);
      },
      [](const Mat3 &R, const Vec3 &v, double s, Mat3 &dR, Vec3 &dv) {
        rotate_pullback(R, v, s, dR, dv);
      });
  // The passive matrix's values are given for the interpreter's rerun.
  gradc_check::check_arrays(
      "weighted", {{"x", Vs}}, {{"W", Rs}},
      [&](const Arrays &p) { return weighted(mat<3, 3>(Rs), vec(p[0])); },
      [&](const Arrays &p, Arrays &d) {
        Vec3 dx = vec(d[0]);
        double f = weighted_grad(mat<3, 3>(Rs), vec(p[0]), dx);
        back(dx, d[0]);
        return f;
      },
      [&](const Arrays &p, double s, Arrays &d) {
        Vec3 dx = vec(d[0]);
        weighted_pullback(mat<3, 3>(Rs), vec(p[0]), s, dx);
        back(dx, d[0]);
      });
  using gradc_check::Role;
  gradc_check::check_vjp(
      "smooth", true,
      {{"A", {0.5, -0.25, 1, 0.75, -1.5, 0.25}, Role::InOut},
       {"k", {0.5}, Role::In}},
      {},
      [](Arrays &p) {
        auto A = mat<3, 2>(p[0]);
        smooth(A, p[1][0]);
        back(A, p[0]);
        return 0.0;
      },
      [](Arrays &p, double, Arrays &d) {
        auto A = mat<3, 2>(p[0]), dA = mat<3, 2>(d[0]);
        smooth_pullback(A, p[1][0], dA, d[1][0]);
        back(A, p[0]);
        back(dA, d[0]);
      });
  gradc_check::check_vjp(
      "outer", true,
      {{"a", Vs, Role::In},
       {"b", {-0.5, 1.5, 0.25}, Role::In},
       {"out", std::vector<double>(9, 0.0), Role::Out}},
      {},
      [](Arrays &p) {
        Mat3 out{};
        outer(vec(p[0]), vec(p[1]), out);
        back(out, p[2]);
        return 0.0;
      },
      [](Arrays &p, double, Arrays &d) {
        Mat3 out = mat<3, 3>(p[2]), dout = mat<3, 3>(d[2]);
        Vec3 da = vec(d[0]), db = vec(d[1]);
        outer_pullback(vec(p[0]), vec(p[1]), out, dout, da, db);
        back(da, d[0]);
        back(db, d[1]);
        back(out, p[2]);
      });
  return gradc_check::finish();
}
#endif
