// A helper returning a std::vector by value is refused at the call, with
// the way out: a helper that writes the result into a vector it is given.
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
  // CHECK: return_vector_refused.cpp:[[@LINE+1]]:12: error: a helper returning a std::vector ('softmax') is not supported yet; have it write the result into a vector it is given ('void softmax(..., std::vector<double> &out)'), declared by the caller with its size
  auto p = softmax(z);
  return -std::log(p[0]);
}

// CHECK: gradc: {{.*}}return_vector_refused.cpp: 1 error; no output written
