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
double swapped(const std::vector<Point> &pts) {
  std::vector<Point> u = pts, v = pts;
  // CHECK: struct_containers_refused.cpp:[[@LINE+1]]:5: error: 'swap' of a std::vector or std::array of structs is not supported; gradc indexes it ('pts[i].x', 'pts.front()', 'pts.back()', 'pts.at(i)'), measures it ('pts.size()') and passes its 'data()'
  u.swap(v);
  return u.front().x;
}

struct Heavy : Point {
  double m;
};

GRADC_DIFF("grad")
double sliced(const std::vector<Heavy> &hs) {
  double s = 0;
  // CHECK: struct_containers_refused.cpp:[[@LINE+1]]:14: error: a loop variable of another type than the elements ('Heavy') is not supported; declare it 'auto' or bind a reference
  for (Point p : hs)
    s += p.x;
  return s;
}

// CHECK: gradc: {{.*}}struct_containers_refused.cpp: 2 errors; no output written
