// The CS231n staged-backprop example (seed 004, "反向传播实践：分段计算"):
//   f(x, y) = (x + sigmoid(y)) / (sigmoid(x) + (x + y)^2)
// written in stages, as the seed writes it. gradc generates f_grad and
// f_pullback in cs231n.grad.h; compare them with the seed's hand-written
// backward pass.
#include <gradc/gradc.h>

#include <cmath>
#include <cstdio>

GRADC_DIFF("grad")
double f(double x, double y) {
  double sigy = 1.0 / (1 + std::exp(-y)); // sigmoid in the numerator
  double num = x + sigy;                  // numerator
  double sigx = 1.0 / (1 + std::exp(-x)); // sigmoid in the denominator
  double xpy = x + y;
  double xpysqr = xpy * xpy;
  double den = sigx + xpysqr; // denominator
  double invden = 1.0 / den;
  return num * invden;
}

#ifndef __GRADC__ // gradc defines this while it reads the file
#include "cs231n.grad.h"

int main() {
  double dx = 0, dy = 0; // adjoints are added into: start from zero
  double value = f_grad(3, -4, dx, dy);
  std::printf("f(3, -4) = %.17g\ndf/dx    = %.17g\ndf/dy    = %.17g\n", value,
              dx, dy);
  // The seed's values.
  bool ok = std::fabs(value - 1.5456448841066441) < 1e-12 &&
            std::fabs(dx - 2.0595697955721652) < 1e-12 &&
            std::fabs(dy - 1.5922327514838093) < 1e-12;
  std::printf("%s\n", ok ? "matches the seed" : "DOES NOT MATCH THE SEED");
  return ok ? 0 : 1;
}
#endif
