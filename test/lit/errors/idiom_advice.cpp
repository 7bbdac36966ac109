// Ordinary C++ that gradc still refuses, each with advice a user can
// follow: a helper returning a pointer (a cursor that unpacks parameters)
// or a reference to a std::array, a function pointer parameter, std::swap
// of two pointers (double buffers) whose arrays are named again after the
// trades, a std::array of std::array by value.
// A reference bound to a choice (`double &big = c ? lo : hi;`) too.
// The advised rewrites are checked against finite differences.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.grad.h
// RUN: %gradc %s --check --at 'params=[0.5,-1,2,0.7]' --function cursor_advised -- -DADVISED | FileCheck %s --check-prefix=OK
// RUN: %gradc %s --check --at 'p=[[1,2],[3,4]]' --function row_advised -- -DADVISED | FileCheck %s --check-prefix=OK
// RUN: %gradc %s --check --at 'lo=0.2,hi=1.5' --function integral_advised -- -DADVISED | FileCheck %s --check-prefix=OK
// RUN: %gradc %s --check --at 'u0=[0.5,-1,2,0.7],n=4,steps=3' --function step_advised -- -DADVISED | FileCheck %s --check-prefix=OK
// RUN: %gradc %s --check --at 'M0=[[1,2],[3,4]]' --function matrix_advised -- -DADVISED | FileCheck %s --check-prefix=OK
// RUN: %gradc %s --check --at 'a=0.5,b=-1.5' --function ref_pick_advised -- -DADVISED | FileCheck %s --check-prefix=OK
// OK: ok: all {{[0-9]+}} entries agree with finite differences
#include <gradc/gradc.h>

#include <array>
#include <utility>
#include <vector>

using A2 = std::array<double, 2>;

#ifndef ADVISED
static const double *read2(const double *cur, double &u, double &v) {
  u = cur[0];
  v = cur[1];
  return cur + 2;
}

GRADC_DIFF("grad wrt(params)")
double cursor(const double *params) {
  double a, b, c, d;
  // CHECK: idiom_advice.cpp:[[@LINE+1]]:21: error: call to 'read2' returning 'const double *' is not supported yet; gradc follows helpers returning numbers, structs and containers, not pointers: have it return nothing, and move the pointer in the caller ('read2(p, a, b); p += 2;'), or return an index into the array
  const double *p = read2(params, a, b);
  p = read2(p, c, d);
  return a * b + c * d;
}

static const A2 &pick(const std::vector<A2> &p, int i) { return p[i]; }

GRADC_DIFF("grad")
double row(const std::vector<A2> &p) {
  // CHECK: idiom_advice.cpp:[[@LINE+1]]:10: error: call to 'pick' returning 'const A2 &' is not supported yet; gradc follows helpers returning a reference to a number, not to a container: return a copy ('A2 f(...)'), or the index of the element
  A2 r = pick(p, 1);
  return r[0] * 3 + r[1];
}

// CHECK: idiom_advice.cpp:[[@LINE+1]]:33: error: function pointer parameters are not supported; take the function as a template parameter ('template <class F> ... F f') and pass a lambda calling it ('[](double t) { return g(t); }'), which gradc differentiates where it is called
static double midpoint(double (*f)(double), double a, double b) {
  return (b - a) * f(0.5 * (a + b));
}
static double bump(double t) { return 1.0 / (1.0 + t * t); }

GRADC_DIFF("grad")
double integral(double lo, double hi) { return midpoint(bump, lo, hi); }

GRADC_DIFF("grad wrt(u0)")
double step(const double *u0, int n, int steps) {
  double a[16], b[16];
  for (int i = 0; i < n; ++i)
    a[i] = u0[i];
  double *cur = a, *nxt = b;
  for (int t = 0; t < steps; ++t) {
    for (int i = 0; i < n; ++i)
      nxt[i] = cur[i] * cur[(i + 1) % n];
    // CHECK: idiom_advice.cpp:[[@LINE+1]]:5: error: std::swap of these pointers is not supported; gradc follows two pointers that trade two whole arrays: declared at the top of the function ('double *src = a, *dst = b;'), then only read through ('src[i]', '*src', 'f(src)') and traded with each other, with the arrays not named again; or choose each by the step's parity where the step begins ('double *cur = t % 2 == 0 ? a : b, *nxt = t % 2 == 0 ? b : a;'), or swap the arrays themselves ('std::swap(a, b)')
    std::swap(cur, nxt);
  }
  // The array itself, named after the trades (right for an even count).
  return a[0];
}

GRADC_DIFF("grad")
// CHECK: idiom_advice.cpp:[[@LINE+1]]:52: error: gradc cannot hold this struct: 'std::array<std::array<double, 2>, 2>' is a std::array of std::array, which gradc supports as a parameter taken by reference ('const std::array<std::array<double, 2>, 2> &m'; copy it into a local to change it), a local variable and a struct member (read and written m[i][j]), not here; use one of those, or one 'std::array<double, 4>' indexed m[i * 2 + j]
double matrix(std::array<std::array<double, 2>, 2> M) {
  return M[0][0] * M[1][1];
}
GRADC_DIFF("grad")
double ref_pick(double a, double b) {
  double lo = a, hi = b;
  // CHECK: idiom_advice.cpp:[[@LINE+1]]:11: error: a reference bound to one of two places chosen by a condition is not supported; keep the condition ('bool first = lo > hi;') and write each use of 'big' in an if and an else, one for each place
  double &big = lo > hi ? lo : hi;
  big *= big;
  return lo + 3 * hi;
}
// CHECK: no output written
#else
GRADC_DIFF("grad")
double ref_pick_advised(double a, double b) {
  double lo = a, hi = b;
  bool first = lo > hi;
  if (first)
    lo *= lo;
  else
    hi *= hi;
  return lo + 3 * hi;
}

static void read2(const double *cur, double &u, double &v) {
  u = cur[0];
  v = cur[1];
}

GRADC_DIFF("grad wrt(params)")
double cursor_advised(const double *params) {
  double a, b, c, d;
  const double *p = params;
  read2(p, a, b);
  p += 2;
  read2(p, c, d);
  return a * b + c * d;
}

static A2 pick(const std::vector<A2> &p, int i) { return p[i]; }

GRADC_DIFF("grad")
double row_advised(const std::vector<A2> &p) {
  A2 r = pick(p, 1);
  return r[0] * 3 + r[1];
}

template <class F> static double midpoint(F f, double a, double b) {
  return (b - a) * f(0.5 * (a + b));
}
static double bump(double t) { return 1.0 / (1.0 + t * t); }

GRADC_DIFF("grad")
double integral_advised(double lo, double hi) {
  return midpoint([](double t) { return bump(t); }, lo, hi);
}

GRADC_DIFF("grad wrt(u0)")
double step_advised(const double *u0, int n, int steps) {
  double a[16], b[16];
  for (int i = 0; i < n; ++i)
    a[i] = u0[i];
  for (int t = 0; t < steps; ++t) {
    double *cur = t % 2 == 0 ? a : b, *nxt = t % 2 == 0 ? b : a;
    for (int i = 0; i < n; ++i)
      nxt[i] = cur[i] * cur[(i + 1) % n];
  }
  return steps % 2 == 0 ? a[0] : b[0];
}

GRADC_DIFF("grad")
double matrix_advised(const std::array<std::array<double, 2>, 2> &M0) {
  std::array<std::array<double, 2>, 2> M{};
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 2; ++j)
      M[i][j] = M0[i][j];
  M[0][1] = M[1][0] * M[1][1];
  return M[0][0] * M[0][1];
}
#endif
