// What would change the size of a std::vector that keeps it, or copies a
// container gradc cannot follow, is refused at its line with a way out;
// no header is written.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <array>
#include <vector>

std::vector<double> make(int n); // defined elsewhere

GRADC_DIFF("grad wrt(w)")
double sizes(const std::vector<double> &w, int n) {
  std::vector<double> u(n);
  // CHECK: container_copies_refused.cpp:[[@LINE+1]]:5: error: assigning a std::vector of a size gradc cannot prove to be its own is not supported (it would change its size); declare a copy instead ('std::vector<double> u = v;'), or give both the same size ('u(n)', 'v(n)')
  u = w;
  std::vector<double> g(n);
  // CHECK: container_copies_refused.cpp:[[@LINE+1]]:5: error: this 'assign' of std::vector is not supported; gradc follows 'assign(n, x)'
  g.assign(w.begin(), w.end());
  std::vector<double> h(2 * n);
  // CHECK: container_copies_refused.cpp:[[@LINE+1]]:3: error: swapping these 'std::vector<double>' is not supported: gradc swaps two std::vectors of one size, and cannot prove these are ('std::vector<double> a(n), b(n);')
  u.swap(h);
  return u[0] + g[0];
}

GRADC_DIFF("grad")
double lists(double x, int n) {
  std::vector<double> a{x, x};
  // CHECK: container_copies_refused.cpp:[[@LINE+1]]:7: error: assigning a list to a std::vector is not supported (it would change its size); assign its elements one by one, or declare it with the list ('std::vector<double> v = {a, b};')
  a = {x, 1.0};
  // CHECK: container_copies_refused.cpp:[[@LINE+1]]:27: error: gradc cannot see the body of 'make', which returns a std::vector; only functions defined in your own code can return one
  std::vector<double> u = make(n);
  // CHECK: container_copies_refused.cpp:[[@LINE+1]]:34: error: gradc cannot see the body of 'make', which returns a std::vector
  const std::vector<double> &r = make(n);
  return a[0] + u[0] + r[0];
}

// CHECK: gradc: {{.*}}container_copies_refused.cpp: 6 errors; no output written
