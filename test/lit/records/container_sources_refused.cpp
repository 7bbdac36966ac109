// Containers gradc does not copy from (a temporary, one read through an
// iterator, one chosen by ?:, one a lambda returns) are refused with what
// they are and what to write instead, naming the container's type.
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <array>
#include <vector>

using A2 = std::array<double, 2>;

GRADC_DIFF("grad")
double temporaries(double x, double y) {
  // CHECK: container_sources_refused.cpp:[[@LINE+1]]:12: error: gradc copies containers from variables, their elements ('v[i]') and the results of functions of the file; this 'std::array<double, 3>' is a temporary: declare the variable with its type and the initializer in braces ('std::array<double, 3> r{};', 'std::array<double, 2> a{x, y};')
  auto r = std::array<double, 3>{};
  // CHECK: container_sources_refused.cpp:[[@LINE+1]]:12: error: {{.*}} this 'std::array<double, 2>' is a temporary
  auto a = std::array{x, y};
  r[1] = a[0] * a[1];
  return r[1] + r[0];
}

GRADC_DIFF("grad")
double through(const std::vector<A2> &p, bool c) {
  // CHECK: container_sources_refused.cpp:[[@LINE+1]]:10: error: {{.*}} this 'std::array<double, 2>' is read through an iterator or pointer: index the container instead ('p[0]', 'p[p.size() - 1]')
  A2 r = *p.begin();
  // CHECK: container_sources_refused.cpp:[[@LINE+1]]:10: error: {{.*}} this 'std::array<double, 2>' is chosen by '?:': copy one arm, then the other in an 'if' ('T r = b; if (c) r = a;')
  A2 q = c ? p[0] : p[1];
  return r[0] * 3 + q[1];
}

GRADC_DIFF("grad")
double from_lambda(double x) {
  auto mk = [](double a) { return std::array<double, 2>{a, a * a}; };
  // CHECK: container_sources_refused.cpp:[[@LINE+1]]:29: error: {{.*}} this 'std::array<double, 2>' is what a lambda returns: make the lambda a function of the file, or have it write into a container it is given
  std::array<double, 2> q = mk(x);
  return q[0] + q[1];
}
