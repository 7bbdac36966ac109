// The CS231n sigmoid neuron of seed 004 with its weights and inputs as
// arrays: f(w, x) = sigmoid(w[0]*x[0] + w[1]*x[1] + w[2]), w[2] the bias.
// gradc writes neuron_grad, which adds df/dw into dw and df/dx into dx.
#include <gradc/gradc.h>

#include <cmath>
#include <cstdio>

GRADC_DIFF("grad")
double neuron(const double *w, const double *x, int n) {
  double dot = w[n]; // the bias
  for (int i = 0; i < n; ++i)
    dot += w[i] * x[i];
  return 1.0 / (1 + std::exp(-dot));
}

#ifndef __GRADC__
#include "neuron_arrays.grad.h"

static bool near(double got, double want) {
  return std::fabs(got - want) <= 1e-12 * std::fabs(want);
}

int main() {
  const double w[3] = {2, -3, -3}, x[2] = {-1, -2};
  double dw[3] = {}, dx[2] = {}; // adjoints are added into: start from zero
  double f = neuron_grad(w, x, 2, dw, dx);
  std::printf("f  = %.17g\n", f);
  std::printf("dw = [%.17g, %.17g, %.17g]\n", dw[0], dw[1], dw[2]);
  std::printf("dx = [%.17g, %.17g]\n", dx[0], dx[1]);
  // The seed's values (DESIGN.md §1).
  bool ok = near(f, 0.7310585786300049) && near(dw[0], -0.19661193324148185) &&
            near(dw[1], -0.3932238664829637) &&
            near(dw[2], 0.19661193324148185) &&
            near(dx[0], 0.3932238664829637) && near(dx[1], -0.5898357997244456);
  std::printf("%s\n", ok ? "matches the seed" : "DOES NOT MATCH THE SEED");
  return ok ? 0 : 1;
}
#endif
