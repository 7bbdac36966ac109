// The seeds' other scalar worked examples, each differentiated by gradc and
// checked against the values the seeds give (DESIGN.md, section 1).
#include <gradc/gradc.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

// Seed 001: L = (x * w - y)^2, one SGD step at a time.
GRADC_DIFF("grad wrt(w)")
double square_loss(double x, double w, double y) {
  double r = x * w - y;
  return r * r;
}

// Seed 000, section 3.2: L = (x * w + b - y)^2.
GRADC_DIFF("grad wrt(w, b)")
double affine_loss(double x, double w, double b, double y) {
  double yhat = x * w + b;
  double r = yhat - y;
  return r * r;
}

// Seed 000, section 3.3: L = (w1 * x^2 + w2 * x + b - y)^2.
GRADC_DIFF("grad wrt(w1, w2, b)")
double quadratic_loss(double x, double w1, double w2, double b, double y) {
  double yhat = w1 * x * x + w2 * x + b;
  double r = yhat - y;
  return r * r;
}

// Seed 004: the add and multiply gates, f = (x + y) * z.
GRADC_DIFF("grad")
double add_mul(double x, double y, double z) {
  double q = x + y;
  return q * z;
}

// Seed 004: the max gate routes the gradient, f = 2 * (x * y + max(z, w)).
GRADC_DIFF("grad")
double max_gate(double x, double y, double z, double w) {
  return 2 * (x * y + std::max(z, w));
}

// Seed 004: a sigmoid neuron with two inputs (arrays arrive with loops).
GRADC_DIFF("grad")
double neuron(double w0, double w1, double w2, double x0, double x1) {
  double dot = w0 * x0 + w1 * x1 + w2;
  return 1.0 / (1 + std::exp(-dot));
}

#ifndef __GRADC__ // gradc defines this while it reads the file
#include "seeds.grad.h"

static int failures = 0;
static void expect(const char *what, double got, double want) {
  bool ok = std::fabs(got - want) <= 1e-12 * std::max(1.0, std::fabs(want));
  std::printf("  %-8s = %-22.17g %s\n", what, got, ok ? "ok" : "WRONG");
  failures += !ok;
}

int main() {
  std::printf("seed 001: L = (x*w - y)^2 at x=2, y=4, w=1\n");
  double w = 1, dw = 0;
  expect("L", square_loss_grad(2, w, 4, dw), 4);
  expect("dL/dw", dw, -8);
  w -= 0.1 * dw;
  expect("w", w, 1.8);
  dw = 0;
  expect("L", square_loss_grad(2, w, 4, dw), 0.16);
  expect("dL/dw", dw, -1.6);
  w -= 0.1 * dw;
  expect("w", w, 1.96);
  expect("L", square_loss(2, w, 4), 0.0064);

  std::printf("seed 000 3.2: L = (x*w + b - y)^2 at x=1, w=1, b=2, y=2\n");
  double dw2 = 0, db2 = 0;
  expect("L", affine_loss_grad(1, 1, 2, 2, dw2, db2), 1);
  expect("dL/dw", dw2, 2);
  expect("dL/db", db2, 2);

  std::printf("seed 000 3.3: L = (w1*x^2 + w2*x + b - y)^2 at x=2, w1=2, "
              "w2=2, b=1, y=9\n");
  double dw1 = 0, dw3 = 0, db3 = 0;
  expect("L", quadratic_loss_grad(2, 2, 2, 1, 9, dw1, dw3, db3), 16);
  expect("dL/dw1", dw1, 32);
  expect("dL/dw2", dw3, 16);
  expect("dL/db", db3, 8);

  std::printf("seed 004: f = (x + y) * z at x=-2, y=5, z=-4\n");
  double dx = 0, dy = 0, dz = 0;
  expect("f", add_mul_grad(-2, 5, -4, dx, dy, dz), -12);
  expect("df/dx", dx, -4);
  expect("df/dy", dy, -4);
  expect("df/dz", dz, 3);

  std::printf("seed 004: f = 2 * (x*y + max(z, w)) at x=3, y=-4, z=2, w=-1\n");
  double gx = 0, gy = 0, gz = 0, gw = 0;
  expect("f", max_gate_grad(3, -4, 2, -1, gx, gy, gz, gw), -20);
  expect("df/dx", gx, -8);
  expect("df/dy", gy, 6);
  expect("df/dz", gz, 2);
  expect("df/dw", gw, 0);

  std::printf("seed 004: sigmoid neuron at w=[2,-3,-3], x=[-1,-2]\n");
  double d[5] = {0, 0, 0, 0, 0};
  expect("f", neuron_grad(2, -3, -3, -1, -2, d[0], d[1], d[2], d[3], d[4]),
         0.7310585786300049);
  expect("dw0", d[0], -0.19661193324148185);
  expect("dw1", d[1], -0.3932238664829637);
  expect("dw2", d[2], 0.19661193324148185);
  expect("dx0", d[3], 0.3932238664829637);
  expect("dx1", d[4], -0.5898357997244456);

  if (failures)
    std::printf("%d WRONG\n", failures);
  else
    std::printf("all match the seeds\n");
  return failures != 0;
}
#endif
