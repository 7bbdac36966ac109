// Local arrays and containers of structs that gradc refuses, each at its
// source line with a reason and a way out; no header is written.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <array>
#include <vector>

struct Vec3 {
  double x, y, z;
};

struct Body {
  double m = 1.0;
  double x;
};

GRADC_DIFF("grad")
double grid(double a) {
  // CHECK: struct_arrays_refused.cpp:[[@LINE+1]]:8: error: arrays of arrays of structs are not supported; declare 'g' as one array of structs and index it as 'g[i * n + j]'
  Vec3 g[2][3] = {};
  g[1][2].x = a;
  return g[1][2].x;
}

GRADC_DIFF("grad")
double defaults(double a) {
  // CHECK: struct_arrays_refused.cpp:[[@LINE+1]]:21: error: a std::vector of 'Body', which has floating-point default member initializers, that changes size is not supported yet; give it its size where it is declared ('std::vector<Body> bs(n);'), or drop the initializers and set the members after the declaration
  std::vector<Body> bs;
  bs.push_back(Body{});
  bs[0].x = a;
  return bs[0].x * bs[0].m;
}

struct Amb {
  double x, y;
  Amb() = default;
  Amb(double a, double b) : x(a), y(b) {}
  Amb(double a, int k) : x(a), y(k) {}
};

GRADC_DIFF("grad")
double grown(double a, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    // CHECK: struct_arrays_refused.cpp:[[@LINE+1]]:23: error: std::vector 'v' of structs changes size (push_back, emplace_back, ...) and is declared with elements in a loop or branch, which gradc does not support yet; declare it empty ('std::vector<Vec3> v;') and push_back them
    std::vector<Vec3> v(n);
    v.push_back(Vec3{a, 1, 0});
    std::vector<Amb> u;
    // CHECK: struct_arrays_refused.cpp:[[@LINE+1]]:7: error: this 'emplace_back' is not supported; gradc appends a struct made by one constructor of your own: write 'emplace_back(Amb(...))' or 'push_back(Amb{...})'
    u.emplace_back(a, 0.5);
    std::vector<Vec3> t;
    t.push_back(Vec3{a, 0, 0});
    // CHECK: struct_arrays_refused.cpp:[[@LINE+1]]:17: error: an element appended to 't' that reads it is not supported; compute it into a local first ('Vec3 q = ...; t.push_back(q);')
    t.push_back(t[0]);
    s += v[0].x;
  }
  return s;
}

// CHECK: gradc: {{.*}}struct_arrays_refused.cpp: 5 errors; no output written
