// What stays refused beside struct_vector_idioms.cpp, each at its source
// line with a way out; no header is written.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <vector>

struct Vec2 {
  double x, y;
};

// A free compound assignment must return the operand it changes.
Vec2 &operator+=(Vec2 &a, Vec2 &b) {
  a.x += b.x;
  a.y += b.y;
  // CHECK: struct_vector_idioms_refused.cpp:[[@LINE+1]]:3: error: 'operator+=' must return 'a'; gradc calls it as a statement that changes its first operand
  return b;
}

GRADC_DIFF("grad")
double shifted(double k, int n) {
  std::vector<Vec2> f(n, Vec2{k, k});
  Vec2 g{k, 1};
  for (int i = 0; i < n; ++i)
    f[i] += g;
  return f.back().x;
}

// A vector of structs is given a size, and a value or none.
GRADC_DIFF("grad")
double listed(double k) {
  // CHECK: struct_vector_idioms_refused.cpp:[[@LINE+1]]:21: error: std::vector 'v' of structs must be given its size where it is declared, as in 'std::vector<Vec2> v(n);' or 'std::vector<Vec2> v(n, Vec2{...});', or copy a vector ('= pts'); then assign its elements
  std::vector<Vec2> v{Vec2{k, 1}, Vec2{1, k}};
  return v[0].x;
}

// (A loop variable copying each row of a std::vector of std::vector is
// supported: stdlib/vector_of_vectors_local.cpp.)
