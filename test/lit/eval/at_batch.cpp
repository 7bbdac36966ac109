// --at-batch: --at for many functions and points in one run, each table
// after a '===' line; a point that cannot run says why in its place and
// the exit status is 2.
// RUN: printf 'sq x=3\nprod x=2,y=-1\nsq x=1,z=2\nnone x=1\n' > %t.at
// RUN: not %gradc %s --at-batch %t.at > %t.out
// RUN: FileCheck %s < %t.out
// CHECK:      === sq x=3
// CHECK-NEXT: sq(x = 3) = 9
// CHECK:      param  x              3                        6
// CHECK:      === prod x=2,y=-1
// CHECK-NEXT: prod(x = 2, y = -1) = -2
// CHECK:      param  x              2                        -1
// CHECK-NEXT: param  y              -1                       2
// CHECK:      === sq x=1,z=2
// CHECK-NEXT: error: {{.*}}z
// CHECK:      === none x=1
// CHECK-NEXT: error: {{.*}}none
#include <gradc/gradc.h>

GRADC_DIFF("grad")
double sq(double x) { return x * x; }

GRADC_DIFF("grad")
double prod(double x, double y) { return x * y; }
