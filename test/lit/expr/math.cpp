// The expression language knows the math table's functions by their C
// names: hypot of two and of three arguments, lgamma, fmod, floor, ...
// Their generated C++ compiles warning-free and its gradients agree with
// central finite differences of the same expression written in C++.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradc --expr 'm(x, y, z) = hypot(x, y, z) * hypot(x, y) + lgamma(x) - tgamma(y) + fmod(x, z) * remainder(y, z) + floor(x) * x + copysign(z, y) + fdim(x, y) + fma(x, y, z) + erfc(x) * asinh(y) * atanh(z / 4) + exp2(x) - acosh(2 + y * y)' -o %t/m.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t/m.grad.h
// RUN: %cxx -I%t %s -o %t/prog
// RUN: %t/prog | FileCheck %s
// RUN: not %gradc --expr 'f(x) = hypot(x)' 2>&1 | FileCheck %s --check-prefix=ARITY
// RUN: not %gradc --expr 'f(x) = digamma(x)' 2>&1 | FileCheck %s --check-prefix=HELPER
// CHECK-NOT: FAIL
// CHECK: ALL OK
// TEXT: double hypot_x = std::hypot(x, y, z);
// TEXT: dx += gradc::digamma(x) * dout;
// ARITY: error: 'hypot' takes 2 arguments, not 1
// HELPER: error: unknown function 'digamma'
#include "m.grad.h"

#include "gradc_check.h"

static double m(double x, double y, double z) {
  return std::hypot(x, y, z) * std::hypot(x, y) + std::lgamma(x) -
         std::tgamma(y) + std::fmod(x, z) * std::remainder(y, z) +
         std::floor(x) * x + std::copysign(z, y) + std::fdim(x, y) +
         std::fma(x, y, z) + std::erfc(x) * std::asinh(y) * std::atanh(z / 4) +
         std::exp2(x) - std::acosh(2 + y * y);
}

int main() {
  GRADC_CHECK_3(m, 1.3, 0.7, 0.9);
  GRADC_CHECK_3(m, 2.6, -1.2, 1.9);
  return gradc_check::finish();
}
