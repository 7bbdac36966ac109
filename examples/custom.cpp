// Custom pullbacks: your own derivative of a function, which gradc calls
// instead of differentiating the function (seed 004's
// torch.autograd.Function, in C++).
//
// 1. The seed's SquareFunction: forward is input * input, backward is
//    grad_output * 2 * input from the saved input. At x = 2, y = 4 and
//    dy/dx = 4.
// 2. A numerically stable log-sum-exp, log(sum(exp(z))) computed with the
//    largest element subtracted, whose derivative softmax(z) is written by
//    hand from the function's value; used in a softmax cross-entropy loss,
//    whose gradient with respect to the logits is softmax(z) - onehot(label).
#include <gradc/gradc.h>

#include <cmath>
#include <cstdio>

double square(double input) { return input * input; }

GRADC_DIFF("custom")
void square_pullback(double input, double grad_output, double &grad_input) {
  grad_input += grad_output * 2 * input;
}

GRADC_DIFF("grad")
double apply_square(double x) { return square(x); }

double logsumexp(const double *z, int n) {
  double m = z[0];
  for (int i = 1; i < n; ++i)
    if (z[i] > m)
      m = z[i];
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += std::exp(z[i] - m);
  return m + std::log(s);
}

// d lse / d z[i] = exp(z[i] - lse): the softmax, from the saved value.
GRADC_DIFF("custom")
void logsumexp_pullback(const double *z, int n, double dout, double *dz) {
  double lse = logsumexp(z, n);
  for (int i = 0; i < n; ++i)
    dz[i] += dout * std::exp(z[i] - lse);
}

// -log softmax(z)[label]
GRADC_DIFF("grad wrt(z)")
double cross_entropy(const double *z, int n, int label) {
  return logsumexp(z, n) - z[label];
}

#ifndef __GRADC__
#include "custom.grad.h"

int main() {
  int failures = 0;
  double dx = 0;
  double y = apply_square_grad(2.0, dx);
  std::printf("SquareFunction at x = 2: y = %g, dy/dx = %g\n", y, dx);
  failures += y != 4 || dx != 4;

  // Logits large enough that exp(z) overflows without the max subtracted.
  const double z[3] = {1000, 1001, 1002};
  double dz[3] = {0, 0, 0};
  double loss = cross_entropy_grad(z, 3, 1, dz);
  std::printf("cross-entropy at z = (1000, 1001, 1002), label 1: %.12f\n",
              loss);
  double sum = std::exp(-2.0) + std::exp(-1.0) + 1;
  const double want[3] = {std::exp(-2.0) / sum, std::exp(-1.0) / sum - 1,
                          1 / sum};
  for (int i = 0; i < 3; ++i) {
    std::printf("  dloss/dz[%d] = %+.12f (softmax - onehot: %+.12f)\n", i,
                dz[i], want[i]);
    failures += std::fabs(dz[i] - want[i]) > 1e-12;
  }
  failures += std::fabs(loss - (std::log(sum) + 1)) > 1e-9;
  std::printf(failures ? "FAILED\n" : "ok\n");
  return failures != 0;
}
#endif
