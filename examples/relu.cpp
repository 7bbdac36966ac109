// ReLU and leaky ReLU (seed 003), each written two ways: with if / else and
// with the conditional operator. gradc differentiates both sides of each
// branch; the derivative is 1 for z > 0, and 0 (ReLU) or alpha = 0.01
// (leaky ReLU) for z <= 0.
#include <gradc/gradc.h>

#include <cmath>
#include <cstdio>

GRADC_DIFF("grad")
double relu_if(double z) {
  double a;
  if (z > 0)
    a = z;
  else
    a = 0;
  return a;
}

GRADC_DIFF("grad")
double relu_ternary(double z) { return z > 0 ? z : 0.0; }

GRADC_DIFF("grad")
double leaky_if(double z) {
  double a;
  if (z > 0)
    a = z;
  else
    a = 0.01 * z;
  return a;
}

GRADC_DIFF("grad")
double leaky_ternary(double z) { return z > 0 ? z : 0.01 * z; }

#ifndef __GRADC__
#include "relu.grad.h"

int failures = 0;

// Prints f(z) and f'(z) from f_grad and checks them.
void check(const char *name, double (*grad)(double, double &), double z,
           double want_f, double want_df) {
  double df = 0;
  double f = grad(z, df);
  bool ok = f == want_f && df == want_df;
  std::printf("%-14s z = %5.2f: f = %6.3f, df/dz = %4.2f %s\n", name, z, f, df,
              ok ? "" : "WRONG");
  failures += !ok;
}

int main() {
  for (double z : {2.5, -2.5}) {
    bool pos = z > 0;
    check("relu_if", relu_if_grad, z, pos ? z : 0, pos ? 1 : 0);
    check("relu_ternary", relu_ternary_grad, z, pos ? z : 0, pos ? 1 : 0);
    check("leaky_if", leaky_if_grad, z, pos ? z : 0.01 * z, pos ? 1 : 0.01);
    check("leaky_ternary", leaky_ternary_grad, z, pos ? z : 0.01 * z,
          pos ? 1 : 0.01);
  }
  std::printf("%s\n", failures ? "FAILED" : "both sides of every branch ok");
  return failures;
}
#endif
