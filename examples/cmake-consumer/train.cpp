// Trains yhat = x * w by stochastic gradient descent with the gradients
// gradc generated at build time.
#include "model.h"
#include "model.grad.h"
#include "regularizer.grad.h"

#include <cstdio>

int main() {
  const double xs[] = {1.0, 2.0, 3.0};
  double w = 1.0;
  for (int epoch = 0; epoch < 200; ++epoch)
    for (double x : xs) {
      double dw = 0;
      loss_grad(w, x, dw);
      penalty_grad(w, dw);
      w -= 0.01 * dw;
    }
  std::printf("learned w = %.3f, loss at x = 4: %.2e\n", w, loss(w, 4.0));
  return 0;
}
