// What stays refused of helpers returning a std::vector: a list returned,
// recursion, a body gradc cannot see, and a vector of structs returned
// (declared or assigned);
// each at its line with a way out, and no output. (A vector that grows in
// the helper, returns from branches and calls in loops sized by the loop
// work: return_vector_grows.cpp.)
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <cmath>
#include <vector>

static std::vector<double> pair(double x) {
  // CHECK: return_vector_refused.cpp:[[@LINE+1]]:10: error: returning a std::vector made in the return statement ('{x, y}', 'std::vector<double>(n)') is not supported yet; declare the vector with its size ('std::vector<double> r(n);'), assign its elements and return it
  return {x, 2 * x};
}

std::vector<double> unseen(double x); // defined elsewhere

GRADC_DIFF("grad wrt(z)")
double others(const std::vector<double> &z, double c) {
  double s = pair(c)[1] * z[0];
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
  // CHECK: return_vector_refused.cpp:[[@LINE+1]]:12: error: a helper returning a std::vector of structs ('points') is followed when it declares one vector empty at the top of its body, fills it and returns it at its end ('std::vector<P> r; ... r.push_back(...); ... return r;'), reading its arguments only; here the vector it returns is not declared empty on a line of its own at the top of its body: write it so, or have it fill a vector it is given ('void points(..., std::vector<P> &out)')
  auto q = points(z);
  // A time stepper's state assigned what the step returns.
  std::vector<P> s(z.size());
  // CHECK: return_vector_refused.cpp:[[@LINE+1]]:7: error: a helper returning a std::vector of structs ('points') is followed when it declares one vector empty at the top of its body, fills it and returns it at its end ('std::vector<P> r; ... r.push_back(...); ... return r;'), reading its arguments only; here the vector it returns is not declared empty on a line of its own at the top of its body: write it so, or have it fill a vector it is given ('void points(..., std::vector<P> &out)')
  s = points(z);
  return q[1].y + s[0].x;
}

// CHECK: gradc: {{.*}}return_vector_refused.cpp: 5 errors; no output written
