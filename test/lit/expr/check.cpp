// The C++ generated from expressions compiles warning-free and its
// gradients agree with central finite differences; f_grad gives the seed's
// CS231n numbers.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradc --expr 'cs(x, y) = (x + sigmoid(y)) / (sigmoid(x) + (x + y)^2)' -o %t/cs.grad.h
// RUN: %gradc --expr 'staged(x, y) { sigy = sigmoid(y); num = x + sigy; sigx = sigmoid(x); xpy = x + y; xpysqr = xpy^2; den = sigx + xpysqr; invden = 1 / den; return num * invden }' -o %t/staged.grad.h
// RUN: %gradc --expr 'zoo(x, y) = a = relu(x * y - 1) + softplus(-x) - max(x, y) * min(x, 1/2); b = tanh(a) + x^3 / y^-2 + -y^2 + 2^x; return b * hypot(x, y) + log(y^2) * sqrt(exp(x))' -o %t/zoo.grad.h
// RUN: %cxx -I%t %s -o %t/prog
// RUN: %t/prog | FileCheck %s
// CHECK-NOT: FAIL
// CHECK: ALL OK
#include "cs.grad.h"
#include "staged.grad.h"
#include "zoo.grad.h"

#include "gradc_check.h"

#include <algorithm>

// The primals, written by hand in C++ as the expressions say.
static double sig(double u) { return 1 / (1 + std::exp(-u)); }
static double cs(double x, double y) {
  return (x + sig(y)) / (sig(x) + (x + y) * (x + y));
}
static double staged(double x, double y) { return cs(x, y); }
static double zoo(double x, double y) {
  double a = std::max(0.0, x * y - 1) + std::log1p(std::exp(-x)) -
             std::max(x, y) * std::min(x, 0.5);
  double b = std::tanh(a) + std::pow(x, 3) / std::pow(y, -2) - y * y +
             std::pow(2, x);
  return b * std::hypot(x, y) + std::log(y * y) * std::sqrt(std::exp(x));
}

int main() {
  gradc_check::Vec D = GRADC_CHECK_2(cs, 3, -4);
  gradc_check::expect("df/dx", D[0], 2.0595697955721652);
  gradc_check::expect("df/dy", D[1], 1.5922327514838093);
  double dx = 0, dy = 0;
  gradc_check::expect("f", staged_grad(3, -4, dx, dy), 1.5456448841066441);
  gradc_check::expect("df/dx", dx, 2.0595697955721652);
  gradc_check::expect("df/dy", dy, 1.5922327514838093);
  GRADC_CHECK_2(staged, -0.5, 1.25);
  // Away from the kinks of relu, max and min.
  GRADC_CHECK_2(zoo, 0.75, 1.5);
  GRADC_CHECK_2(zoo, -1.5, 0.25);
  GRADC_CHECK_2(zoo, 2.0, -3.0);
  return gradc_check::finish();
}
