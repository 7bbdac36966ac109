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
double ends(const std::vector<Point> &pts) {
  // CHECK: struct_containers_refused.cpp:[[@LINE+1]]:14: error: 'front' of a std::vector or std::array of structs is not supported; gradc indexes it ('pts[i].x'), measures it ('pts.size()') and passes its 'data()'
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

// CHECK: gradc: {{.*}}struct_containers_refused.cpp: 2 errors; no output written
