// gradc finds Clang's builtin headers and its own include directory by
// itself, whatever the working directory: no flags needed for <cmath>,
// <cstddef> or <gradc/gradc.h>.
// RUN: rm -rf %t && mkdir -p %t
// RUN: cd / && %gradc %s -o %t/a.grad.h
// RUN: cd %t && %gradc %s -o a2.grad.h && cmp a.grad.h a2.grad.h
// RUN: FileCheck %s < %t/a.grad.h
// CHECK: inline double norm_grad(double x, double y, double &dx, double &dy) {
#include <cmath>
#include <cstddef>
#include <gradc/gradc.h>

GRADC_DIFF("grad")
double norm(double x, double y) { return std::sqrt(x * x + y * y); }
