// `--at` with structs: a struct is given as its numbers in member order,
// an array of structs as so many of them; rows are named as the members
// are (`cams[1].f`); an int member is passive and must hold an int.
// RUN: %gradc %s --function total --at 'cams=[1,2,0.5,3],obs=[1,2.5,3],n=1' | FileCheck %s
// RUN: not %gradc %s --function total --at 'cams=[1,2,0.5,3],obs=[1.5,2.5,3],n=1' 2>&1 | FileCheck %s --check-prefix=INT
// RUN: not %gradc %s --function total --at 'cams=[1,2,0.5],obs=[1,2.5,3],n=1' 2>&1 | FileCheck %s --check-prefix=COUNT
// e = 3 * 2.5 - 3 = 4.5; d/dcams[1].f = 2 e 2.5.
// CHECK:      total(cams = [1, 2, 0.5, 3], obs = [1, 2.5, 3], n = 1) = 20.25
// CHECK:      param  cams[0].r[0]   1  0
// CHECK-NEXT: param  cams[0].f      2  0
// CHECK-NEXT: param  cams[1].r[0]   0.5  0
// CHECK-NEXT: param  cams[1].f      3  22.5
// CHECK-NEXT: param  obs[0].cam     1  (passive)
// CHECK-NEXT: param  obs[0].u       2.5  (passive)
// INT: --at: 'obs[0].cam' is of type i32, which cannot hold 1.5
// COUNT: --at: 'cams' is a Camera: give a multiple of its 2 numbers in member order (.r[0], ..., .f)
#include <gradc/gradc.h>

#include <array>

struct Camera {
  double r[1], f;
};
struct Obs {
  int cam;
  double u, v;
};

GRADC_DIFF("grad wrt(cams)")
double total(const Camera *cams, const Obs *obs, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    double e = cams[obs[i].cam].f * obs[i].u - obs[i].v;
    s += e * e;
  }
  return s;
}

// RUN: not %gradc %s --function sized --at 'a=[1,2,3]' 2>&1 | FileCheck %s --check-prefix=ARRAY
// ARRAY: --at: 'a' is a std::array<double, 2>: give its 2 numbers
GRADC_DIFF("grad")
double sized(const std::array<double, 2> &a) { return a[0] * a[1]; }
