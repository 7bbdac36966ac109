// The two-layer network of seed 003: 2 inputs, 3 sigmoid hidden units, one
// sigmoid output, mean squared error over a small data set (XOR), trained
// by gradient descent with gradient-norm clipping (seed 003's
// clip_grad_norm_, written out here). gradc writes loss_grad, the whole
// backward pass of the seed's manual_backward.
#include <gradc/gradc.h>

#include <cmath>
#include <cstdio>

// W1 is 3×2 (row j: the weights of hidden unit j), b1 has 3 entries, W2 has
// 3, b2 is the output bias. X holds `count` samples of 2 inputs each.
GRADC_DIFF("grad wrt(W1, b1, W2, b2)")
double loss(const double *W1, const double *b1, const double *W2, double b2,
            const double *X, const double *Y, int count) {
  double total = 0;
  for (int s = 0; s < count; ++s) {
    double h[3];
    for (int j = 0; j < 3; ++j) {
      double z1 = b1[j] + W1[j * 2] * X[s * 2] + W1[j * 2 + 1] * X[s * 2 + 1];
      h[j] = 1 / (1 + std::exp(-z1));
    }
    double z2 = b2;
    for (int j = 0; j < 3; ++j)
      z2 += W2[j] * h[j];
    double yhat = 1 / (1 + std::exp(-z2));
    double e = yhat - Y[s];
    total += e * e;
  }
  return total / count;
}

#ifndef __GRADC__
#include "two_layer.grad.h"

int main() {
  const double X[] = {0, 0, 0, 1, 1, 0, 1, 1};
  const double Y[] = {0, 1, 1, 0};
  const int count = 4;
  // Fixed small initial weights, so that every run is the same.
  double W1[6] = {0.5, -0.4, -0.3, 0.6, 0.2, 0.1};
  double b1[3] = {0.1, -0.1, 0.05};
  double W2[3] = {0.3, -0.2, 0.4};
  double b2 = 0;
  const double lr = 2.0, max_norm = 1.0;

  const double initial = loss(W1, b1, W2, b2, X, Y, count);
  double L = initial;
  for (int epoch = 0; epoch <= 3000; ++epoch) {
    double dW1[6] = {}, db1[3] = {}, dW2[3] = {}, db2 = 0; // zero_grad()
    L = loss_grad(W1, b1, W2, b2, X, Y, count, dW1, db1, dW2, db2);
    if (epoch % 500 == 0)
      std::printf("epoch %4d  loss %.6f\n", epoch, L);

    // Gradient-norm clipping: scale the whole gradient down to max_norm.
    double sq = db2 * db2;
    for (int i = 0; i < 6; ++i)
      sq += dW1[i] * dW1[i];
    for (int j = 0; j < 3; ++j)
      sq += db1[j] * db1[j] + dW2[j] * dW2[j];
    double norm = std::sqrt(sq);
    double scale = norm > max_norm ? max_norm / norm : 1.0;

    // One gradient-descent step.
    for (int i = 0; i < 6; ++i)
      W1[i] -= lr * scale * dW1[i];
    for (int j = 0; j < 3; ++j) {
      b1[j] -= lr * scale * db1[j];
      W2[j] -= lr * scale * dW2[j];
    }
    b2 -= lr * scale * db2;
  }

  L = loss(W1, b1, W2, b2, X, Y, count);
  std::printf("loss: %.6f at the start, %.6f after training\n", initial, L);
  bool ok = L < 0.1 * initial;
  std::printf("%s\n", ok ? "the loss fell" : "THE LOSS DID NOT FALL ENOUGH");
  return ok ? 0 : 1;
}
#endif
