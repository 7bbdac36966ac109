// What stays refused of helpers returning a std::vector: one whose size is
// known only as it runs (it grows), a return from inside a branch, a list
// returned, a call in a loop sized by what the loop computes, recursion,
// a body gradc cannot see, and a vector of structs returned; each at its
// line with a way out, and no output.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <cmath>
#include <vector>

static std::vector<double> softmax(const std::vector<double> &z) {
  std::vector<double> p;
  double s = 0;
  for (double e : z)
    s += std::exp(e);
  for (double e : z)
    p.push_back(std::exp(e) / s);
  return p;
}

GRADC_DIFF("grad wrt(z)")
double xent(const std::vector<double> &z) {
  // CHECK: return_vector_refused.cpp:[[@LINE+1]]:12: error: gradc sizes the std::vector a helper returns before the call, from the call's arguments; 'softmax' returns one whose size is known only as it runs (it grows, is sized in a loop or branch, or by what memory holds): declare it with a size computed from the parameters ('std::vector<double> r(z.size());', 'r(n)') and assign its elements, or have it write the result into a vector it is given ('void softmax(..., std::vector<double> &out)'), declared by the caller with its size
  auto p = softmax(z);
  return -std::log(p[0]);
}

static std::vector<double> clipped(const std::vector<double> &z, double c) {
  std::vector<double> r(z.size());
  if (c <= 0)
    // CHECK: return_vector_refused.cpp:[[@LINE+1]]:5: error: a helper returning a std::vector from inside a loop or branch is not supported yet; return it once, at the end of 'clipped' ('return r;')
    return r;
  for (size_t i = 0; i < z.size(); ++i)
    r[i] = std::fmin(z[i], c);
  return r;
}

static std::vector<double> pair(double x) {
  // CHECK: return_vector_refused.cpp:[[@LINE+1]]:10: error: returning a std::vector made in the return statement ('{x, y}', 'std::vector<double>(n)') is not supported yet; declare the vector with its size ('std::vector<double> r(n);'), assign its elements and return it
  return {x, 2 * x};
}

static std::vector<double> ones(int n) {
  std::vector<double> r(n, 1.0);
  return r;
}

std::vector<double> unseen(double x); // defined elsewhere

GRADC_DIFF("grad wrt(z)")
double others(const std::vector<double> &z, double c) {
  double s = clipped(z, c)[0] + pair(c)[1];
  for (int k = 1; k < 3; ++k) {
    // CHECK: return_vector_refused.cpp:[[@LINE+1]]:14: error: a call in a loop or branch of a helper returning a std::vector ('ones') whose size depends on values computed there is not supported yet; gradc sizes the vector before the loop: give the call arguments computed before it, or call 'ones' outside the loop
    auto o = ones(k);
    s += o[0] * z[0];
  }
  // CHECK: return_vector_refused.cpp:[[@LINE+1]]:12: error: gradc cannot see the body of 'unseen', which returns a std::vector; only functions defined in your own code can return one
  auto u = unseen(c);
  return s + u[0];
}

static std::vector<double> again(const std::vector<double> &z, int k) {
  std::vector<double> r = z;
  if (k > 0) {
    // CHECK: return_vector_refused.cpp:[[@LINE+1]]:9: error: a helper returning a std::vector that calls itself ('again') is not supported; have it write the result into a vector it is given ('void again(..., std::vector<double> &out)'), declared by the caller with its size
    r = again(z, k - 1);
    r[0] *= 0.5;
  }
  return r;
}

GRADC_DIFF("grad wrt(z)")
double rec(const std::vector<double> &z) { return again(z, 2)[0]; }

struct P {
  double x, y;
};

static std::vector<P> points(const std::vector<double> &v) {
  std::vector<P> r(v.size());
  for (size_t i = 0; i < v.size(); ++i)
    r[i] = P{v[i], v[i] * v[i]};
  return r;
}

GRADC_DIFF("grad wrt(z)")
double structs(const std::vector<double> &z) {
  // CHECK: return_vector_refused.cpp:[[@LINE+1]]:12: error: a helper returning a container of structs ('points') is not supported yet; have it write the result into a container it is given ('void points(..., std::vector<P> &out)'), declared by the caller with its size
  auto q = points(z);
  return q[1].y;
}

// CHECK: gradc: {{.*}}return_vector_refused.cpp: 7 errors; no output written
