// Iterators gradc does not follow are refused where they are declared or
// used, with advice.
// RUN: not %gradc %s -o %t.h 2>&1 | FileCheck %s
#include <gradc/gradc.h>

#include <vector>

struct P {
  double x, y;
};

GRADC_DIFF("grad")
double structs(const std::vector<P> &ps) {
  double s = 0;
  // CHECK: iterators_refused.cpp:[[@LINE+1]]:13: error: moving an iterator over structs ('it') is not supported; gradc follows one that stays where it is made ('auto it = std::max_element(...)'): index the container instead ('v[i].m')
  for (auto it = ps.begin(); it != ps.end(); ++it)
    s += it->x * it->y;
  return s;
}

GRADC_DIFF("grad")
double two(const std::vector<double> &x, const std::vector<double> &y) {
  auto it = x.begin();
  double s = *it;
  // CHECK: iterators_refused.cpp:[[@LINE+1]]:6: error: pointer 'it' may point into 'y' here, after it was read or written through in 'x'; gradc must know every array a pointer may point into before it is used
  it = y.begin();
  return s * *it;
}

GRADC_DIFF("grad")
double compared(const std::vector<double> &x, const std::vector<double> &y) {
  // CHECK: iterators_refused.cpp:[[@LINE+1]]:20: error: comparing or subtracting pointers into different arrays (or arrays gradc cannot tell apart) is not supported; compare indices instead
  return x.begin() < y.begin() ? x[0] : y[0];
}
// CHECK-NOT: error:
