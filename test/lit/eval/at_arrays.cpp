// --at with arrays: the CS231n neuron with w and x as arrays gives the seed's
// values element by element (DESIGN.md section 1); an array too short for
// the code that reads it is an error at the reading line, not a crash.
// RUN: %gradc %s --at w=[2,-3,-3],x=[-1,-2] | FileCheck %s
// CHECK: neuron(w = [2, -3, -3], x = [-1, -2]) = 0.7310585786300049
// CHECK-DAG: w[0] 2 -0.19661193324148185
// CHECK-DAG: w[1] -3 -0.3932238664829637
// CHECK-DAG: w[2] -3 0.19661193324148185
// CHECK-DAG: x[0] -1 0.3932238664829637
// CHECK-DAG: x[1] -2 -0.5898357997244456
// RUN: not %gradc %s --at w=[2,-3],x=[-1,-2] 2>&1 | FileCheck %s --check-prefix=OOB
// OOB: at_arrays.cpp:[[#@LINE+5]]:{{.*}}reads w[2], but w has 2 elements
#include <gradc/gradc.h>
#include <cmath>
GRADC_DIFF("grad")
double neuron(const double *w, const double *x) {
  double dot = w[0] * x[0] + w[1] * x[1] + w[2];
  return 1.0 / (1.0 + std::exp(-dot));
}
