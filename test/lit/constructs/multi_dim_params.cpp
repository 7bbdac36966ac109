// Parameters that are arrays of arrays: `const double m[3][3]`, `double
// m[][3]`, `const double (*m)[3]`, `const double (&m)[3][3]`, `double
// m[2][3][4]`, of the annotated function and of helpers; read `m[i][j]`,
// written (an output, an in/out parameter), rows passed on to a `const
// double *`, the whole array to a helper's array of arrays or captured by
// a lambda; float and integer elements. The adjoint points to rows as
// the parameter does (`double (*dm)[3]`) and both are indexed as the user
// does, `dm[i][j]`.
// Checked against finite differences and the interpreter.
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.grad.h
// RUN: %cxx -DGRADC_OUT='"%t.grad.h"' %s -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %s < %t.out | FileCheck %s --check-prefix=INTERP
// `--at` and `--check` take an array of arrays as its elements, flat in
// row-major order.
// RUN: %gradc %s --function det --check --at 'm=[2,0.5,-1,0.3,1.5,0.2,-0.4,0.1,3]' | FileCheck %s --check-prefix=AT
// AT: m[1][2] -0.4 -0.39
// AT: ok: all 9 entries agree with finite differences
// Or as its rows, each as long as a row is.
// RUN: %gradc %s --function det --check --at 'm=[[2,0.5,-1],[0.3,1.5,0.2],[-0.4,0.1,3]]' | FileCheck %s --check-prefix=AT
// RUN: not %gradc %s --function det --at 'm=[[2,0.5],[-1,0.3]]' 2>&1 | FileCheck %s --check-prefix=ROWLEN
// ROWLEN: --at: 'm' takes one list of numbers or rows of 3
// CHECK-NOT: FAIL
// CHECK: ALL OK
// INTERP: 8 checked against the interpreter, 0 mismatches
#include <gradc/gradc.h>

#include <cmath>

// TEXT-LABEL: inline double lam_f(int i, const double (*m)[3], double x) {
// TEXT-NEXT: return m[i][2] * x + m[1][i];

static double dot(const double *a, const double *b, int n) {
  double s = 0.0;
  for (int i = 0; i < n; ++i)
    s += a[i] * b[i];
  return s;
}

static double sumsq(const double m[][3], int n) {
  double s = 0.0;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < 3; ++j)
      s += m[i][j] * m[i][j];
  return s;
}
// TEXT-LABEL: inline void sumsq_pullback(const double m[][3], int n, double dout,
// TEXT-NEXT: double (*dm)[3]) {
// TEXT: dm[i][j] += 2 * m[i][j] * ds;

// v' m v + trace(m), a row at a time.
GRADC_DIFF("grad")
double quad(const double m[3][3], const double *v) {
  double s = m[0][0] + m[1][1] + m[2][2];
  for (int i = 0; i < 3; ++i)
    s += v[i] * dot(m[i], v, 3);
  return s;
}
// TEXT-LABEL: inline double quad_pullback(const double m[3][3], const double *v, double dout,
// TEXT-NEXT: double *dv) {
// TEXT: double s = m[0][0] + m[1][1] + m[2][2];
// TEXT: const double *ptr = m[i];
// TEXT: double *ptr_2 = dm[i];
// TEXT: dm[0][0] += ds;

// A pointer to rows, passed on whole to a helper.
GRADC_DIFF("grad")
double energy(const double (*m)[3], int n) { return std::sqrt(sumsq(m, n)); }
// TEXT-LABEL: inline double energy_pullback(const double (*m)[3], int n, double dout,
// TEXT: sumsq_pullback(m, n, dout / (2 * energy), dm);

GRADC_DIFF("grad")
double det(const double (&m)[3][3]) {
  return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) -
         m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
         m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
}
// TEXT-LABEL: inline double det_pullback(const double (&m)[3][3], double dout,

GRADC_DIFF("grad")
double cube(const double t[2][3][4]) {
  double s = t[1][2][3];
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 3; ++j)
      s += std::sin(t[i][j][0]) * dot(t[i][j], t[1 - i][j], 4);
  return s;
}
// TEXT-LABEL: inline double cube_pullback(const double t[2][3][4], double dout,
// TEXT: double s = t[1][2][3];
// TEXT: const double *ptr = t[i][j];
// TEXT: const double *ptr_2 = t[1 - i][j];
// TEXT: dt[i][j][0] += std::cos(t[i][j][0]) * (dot_v * ds);

// An output of two dimensions, written and accumulated into.
GRADC_DIFF("grad")
void outer(const double *u, const double *v, double r[2][3]) {
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 3; ++j) {
      r[i][j] = u[i] * v[j];
      r[i][j] += 0.5 * u[i];
    }
}
// TEXT-LABEL: inline void outer_pullback(const double *u, const double *v, double r[2][3],
// TEXT-NEXT: double (*dr)[3], double *du, double *dv) {
// TEXT: double dr_old = dr[i][j];

// In place: each row smoothed by the one above it.
GRADC_DIFF("grad wrt(g)")
double relax(double g[][2], int n) {
  for (int i = 1; i < n; ++i)
    for (int j = 0; j < 2; ++j)
      g[i][j] = 0.5 * (g[i][j] + g[i - 1][j] * g[i - 1][j]);
  return g[n - 1][0] + 2.0 * g[n - 1][1];
}

GRADC_DIFF("grad")
float fsum(const float m[2][2], float s) {
  return m[0][0] * s + m[0][1] * m[1][0] - m[1][1] / s;
}

GRADC_DIFF("grad")
double pick(const double m[2][2], const int k[2][2]) {
  return m[k[0][0]][k[0][1]] * m[k[1][0]][k[1][1]];
}
// TEXT-LABEL: inline double pick_pullback(const double m[2][2], const int k[2][2],
// TEXT-NEXT: double (*dm)[2]) {
// TEXT: dm[k[1][0]][k[1][1]] += m_elem * dout;

// Captured by a lambda, which passes it on with its shape; a copy made
// where the lambda is called is the parameter itself.
GRADC_DIFF("grad")
double lam(const double (&m)[2][3], double x) {
  auto f = [&](int i) { return m[i][2] * x + m[1][i]; };
  return f(0) * f(1) + [&](double t) { return m[0][1] * t; }(x) +
         [=](double t) { return m[1][0] * t * m[0][2]; }(x);
}
// TEXT-LABEL: inline double lam_pullback(const double (&m)[2][3], double x, double dout,
// TEXT: lam_f_pullback(1, m, x, lam_f_v * dout, dm, dx);

#ifndef __GRADC__
#include GRADC_OUT
#include "gradc_check.h"

template <int C> static const double (*rows(const gradc_check::Vec &V))[C] {
  return reinterpret_cast<const double(*)[C]>(V.data());
}
template <int C> static double (*rows(gradc_check::Vec &V))[C] {
  return reinterpret_cast<double(*)[C]>(V.data());
}

int main() {
  using gradc_check::Arrays;
  using gradc_check::Role;
  gradc_check::check_arrays(
      "quad", {{"m", {2, 0.5, -1, 0.3, 1.5, 0.2, -0.4, 0.1, 3}}, {"v", {0.5, -0.7, 1.1}}}, {},
      [](const Arrays &p) { return quad(rows<3>(p[0]), p[1].data()); },
      [](const Arrays &p, Arrays &d) {
        return quad_grad(rows<3>(p[0]), p[1].data(), rows<3>(d[0]), d[1].data());
      },
      [](const Arrays &p, double s, Arrays &d) {
        quad_pullback(rows<3>(p[0]), p[1].data(), s, rows<3>(d[0]), d[1].data());
      });
  gradc_check::check_arrays(
      "energy", {{"m", {2, 0.5, -1, 0.3, 1.5, 0.2}}}, {{"n", {2}}},
      [](const Arrays &p) { return energy(rows<3>(p[0]), 2); },
      [](const Arrays &p, Arrays &d) {
        return energy_grad(rows<3>(p[0]), 2, rows<3>(d[0]));
      },
      [](const Arrays &p, double s, Arrays &d) {
        energy_pullback(rows<3>(p[0]), 2, s, rows<3>(d[0]));
      });
  gradc_check::check_arrays(
      "det", {{"m", {2, 0.5, -1, 0.3, 1.5, 0.2, -0.4, 0.1, 3}}}, {},
      [](const Arrays &p) {
        return det(*reinterpret_cast<const double(*)[3][3]>(p[0].data()));
      },
      [](const Arrays &p, Arrays &d) {
        return det_grad(*reinterpret_cast<const double(*)[3][3]>(p[0].data()),
                        rows<3>(d[0]));
      },
      [](const Arrays &p, double s, Arrays &d) {
        det_pullback(*reinterpret_cast<const double(*)[3][3]>(p[0].data()), s,
                     rows<3>(d[0]));
      });
  {
    gradc_check::Vec T(24);
    for (int k = 0; k < 24; ++k)
      T[k] = 0.1 * k - 0.9 + 0.03 * k * k / 10;
    auto R3 = [](const gradc_check::Vec &V) {
      return reinterpret_cast<const double(*)[3][4]>(V.data());
    };
    auto W3 = [](gradc_check::Vec &V) {
      return reinterpret_cast<double(*)[3][4]>(V.data());
    };
    gradc_check::check_arrays(
        "cube", {{"t", T}}, {}, [&](const Arrays &p) { return cube(R3(p[0])); },
        [&](const Arrays &p, Arrays &d) { return cube_grad(R3(p[0]), W3(d[0])); },
        [&](const Arrays &p, double s, Arrays &d) {
          cube_pullback(R3(p[0]), s, W3(d[0]));
        });
  }
  gradc_check::check_vjp(
      "outer", true,
      {{"u", {0.5, -1.5}, Role::In},
       {"v", {2, 0.25, -0.75}, Role::In},
       {"r", {0, 0, 0, 0, 0, 0}, Role::Out}},
      {},
      [](Arrays &p) {
        outer(p[0].data(), p[1].data(), rows<3>(p[2]));
        return 0.0;
      },
      [](Arrays &p, double, Arrays &d) {
        outer_pullback(p[0].data(), p[1].data(), rows<3>(p[2]),
                       rows<3>(d[2]), d[0].data(), d[1].data());
      });
  gradc_check::check_vjp(
      "relax", false, {{"g", {0.5, -0.25, 1.5, 0.75, -1, 0.5}, Role::InOut}},
      {{"n", {3}}},
      [](Arrays &p) { return relax(rows<2>(p[0]), 3); },
      [](Arrays &p, double dout, Arrays &d) {
        relax_pullback(rows<2>(p[0]), 3, dout, rows<2>(d[0]));
      });
  {
    float M[2][2] = {{0.5f, -1.5f}, {2.0f, 0.25f}};
    float DM[2][2] = {}, DS = 0;
    // At s = 2 every number below is exact in float.
    float F = fsum_grad(M, 2.0f, DM, DS);
    gradc_check::expect("fsum", F, fsum(M, 2.0f));
    gradc_check::expect("fsum dm[0][1]", DM[0][1], 2.0f);
    gradc_check::expect("fsum dm[1][1]", DM[1][1], -0.5f);
    gradc_check::expect("fsum ds", DS, 0.5f + 0.25f / 4);
  }
  {
    const int K[2][2] = {{0, 1}, {1, 1}};
    gradc_check::check_arrays(
        "pick", {{"m", {0.5, -1.5, 2, 0.25}}}, {{"k", {0, 1, 1, 1}}},
        [&](const Arrays &p) { return pick(rows<2>(p[0]), K); },
        [&](const Arrays &p, Arrays &d) {
          return pick_grad(rows<2>(p[0]), K, rows<2>(d[0]));
        },
        [&](const Arrays &p, double s, Arrays &d) {
          pick_pullback(rows<2>(p[0]), K, s, rows<2>(d[0]));
        });
  }
  gradc_check::check_arrays(
      "lam", {{"m", {0.5, -1, 0.3, 2, 0.25, -0.7}}, {"x", {1.5}}}, {},
      [](const Arrays &p) {
        return lam(*reinterpret_cast<const double(*)[2][3]>(p[0].data()),
                   p[1][0]);
      },
      [](const Arrays &p, Arrays &d) {
        return lam_grad(*reinterpret_cast<const double(*)[2][3]>(p[0].data()),
                        p[1][0], rows<3>(d[0]), d[1][0]);
      },
      [](const Arrays &p, double s, Arrays &d) {
        lam_pullback(*reinterpret_cast<const double(*)[2][3]>(p[0].data()),
                     p[1][0], s, rows<3>(d[0]), d[1][0]);
      });
  return gradc_check::finish();
}
#endif
