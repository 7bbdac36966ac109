// What gradc does not follow of a std::vector that changes size is refused
// at its line with a way out; no header is written.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <vector>

static void scale(std::vector<double> &v, double s) {
  for (double &e : v)
    e *= s;
}

static void twice(double *p, int n) {
  for (int i = 0; i < n; ++i)
    p[i] *= 2;
}

GRADC_DIFF("grad wrt(x)")
double in_loop(double x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    std::vector<double> t;
    t.push_back(x * i);
    // CHECK: vector_growth_refused.cpp:[[@LINE+1]]:11: error: passing 't', a std::vector that changes size, to 'scale', which may write it, is not supported; pass it as 'const std::vector<double> &', or copy it into a vector that keeps its size ('std::vector<double> u = t;')
    scale(t, 2.0);
    s += t.back();
  }
  return s;
}

GRADC_DIFF("grad wrt(w)")
double parameter(std::vector<double> &w, double x) {
  // CHECK: vector_growth_refused.cpp:[[@LINE+1]]:5: error: 'push_back' of a std::vector that is not a local variable of the function is not supported; gradc follows a local std::vector that grows and shrinks (push_back, emplace_back, insert, erase, pop_back, clear, resize, assign): copy it into a local ('std::vector<double> u = v;'), change that and return or write back what you need
  w.push_back(x);
  return w[0];
}

GRADC_DIFF("grad wrt(x)")
double middle(double x, int n) {
  std::vector<double> v(3, x);
  // CHECK: vector_growth_refused.cpp:[[@LINE+1]]:5: error: this 'insert' of std::vector is not supported; gradc follows a local std::vector that grows and shrinks {{.*}}: write 'v.insert(v.begin() + i, x)', 'v.erase(v.begin() + i)' or 'v.erase(v.begin() + i, v.begin() + j)'
  v.insert(v.begin(), 2, x);
  std::vector<double> w(2, x);
  // CHECK: vector_growth_refused.cpp:[[@LINE+1]]:11: error: gradc follows a position in the vector itself ('v.begin() + i', 'v.end() - 1'); this one is not
  v.erase(w.begin());
  // CHECK: vector_growth_refused.cpp:[[@LINE+1]]:5: error: this 'emplace_back' is not supported; gradc appends one number: 'emplace_back(x)'
  v.emplace_back();
  v.push_back(x);
  // CHECK: vector_growth_refused.cpp:[[@LINE+1]]:9: error: passing 'v', a std::vector that changes size, to 'scale', which may write it, is not supported; pass it as 'const std::vector<double> &', or copy it into a vector that keeps its size ('std::vector<double> u = v;')
  scale(v, 2.0);
  // CHECK: vector_growth_refused.cpp:[[@LINE+1]]:9: error: passing 'v', a std::vector that changes size, to 'twice'
  twice(v.data(), n);
  return v[0];
}

// CHECK: gradc: {{.*}}vector_growth_refused.cpp: 7 errors; no output written
