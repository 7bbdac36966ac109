// What a `throw` may carry is what generated code can print without Clang:
// string literals and numbers. Anything else is refused at the argument,
// with advice, and no output.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <stdexcept>
#include <string>

GRADC_DIFF("grad")
double built(double x, int n) {
  if (n <= 0)
    // CHECK: throw_refused.cpp:[[@LINE+1]]:33: error: gradc throws exceptions made of string literals and numbers, 'throw std::invalid_argument("n must be positive");'; this argument is neither: throw a fixed message, or build it where the function is called
    throw std::invalid_argument("n = " + std::to_string(n));
  return x * n;
}

GRADC_DIFF("grad")
double chosen(double x) {
  // CHECK: throw_refused.cpp:[[@LINE+1]]:27: error: 'throw' inside an expression is not supported; throw in a statement of its own: 'if (x < 0) throw std::domain_error("x must not be negative");'
  double r = x >= 0 ? x : throw std::domain_error("negative");
  return r * r;
}

GRADC_DIFF("grad")
double rethrown(double x) {
  if (x < 0)
    // CHECK: throw_refused.cpp:[[@LINE+1]]:5: error: 'throw;' rethrows inside a 'catch' block, which gradc does not support; catch the exception where the function is called
    throw;
  return x;
}
