// Containers of structs gradc refuses, each at its source line with a
// reason and a way out; no header is written.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <vector>

struct Point {
  double x, y;
};

GRADC_DIFF("grad")
double local(double a, int n) {
  // CHECK: struct_containers_refused.cpp:[[@LINE+1]]:22: error: gradc cannot hold this struct: 'std::vector<Point>' is a standard library class; gradc supports std::array and std::vector of numbers, parameters that are std::array or std::vector of your structs, and structs of your own
  std::vector<Point> pts(n);
  return a;
}

GRADC_DIFF("grad")
double ends(const std::vector<Point> &pts) {
  // CHECK: struct_containers_refused.cpp:[[@LINE+1]]:14: error: 'front' of a std::vector or std::array of structs is not supported; gradc indexes it ('pts[i].x') and measures it ('pts.size()')
  return pts.front().x;
}

GRADC_DIFF("grad")
double copies(const std::vector<Point> &pts) {
  double s = 0;
  // CHECK: struct_containers_refused.cpp:[[@LINE+1]]:14: error: a loop variable that copies a struct is not supported yet; bind a reference to each element ('const Point &p')
  for (Point p : pts)
    s += p.x;
  return s;
}

// CHECK: gradc: {{.*}}struct_containers_refused.cpp: 3 errors; no output written
