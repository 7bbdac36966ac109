// The seeds' linear model (000, 001, 002): yhat = x * w, squared loss,
// per-sample stochastic gradient descent with lr = 0.01 for 100 epochs over
// x = [1, 2, 3], y = [2, 4, 6]. PyTorch computes dL/dw with
// l.backward(); here gradc generates loss_grad.
#include <gradc/gradc.h>

#include <cmath>
#include <cstdio>

double forward(double x, double w) { return x * w; }

GRADC_DIFF("grad wrt(w)")
double loss(double w, double x, double y) {
  double yhat = x * w;
  double r = yhat - y;
  return r * r;
}

#ifndef __GRADC__ // gradc defines this while it reads the file
#include "linear_model.grad.h"

int main() {
  const double xs[] = {1.0, 2.0, 3.0};
  const double ys[] = {2.0, 4.0, 6.0};
  double w = 1.0;
  double before = forward(4, w);
  std::printf("predict (before training) 4 %.17g\n", before);
  for (int epoch = 0; epoch < 100; ++epoch) {
    double l = 0;
    for (int i = 0; i < 3; ++i) {
      double dw = 0; // w.grad.data.zero_()
      l = loss_grad(w, xs[i], ys[i], dw);
      w = w - 0.01 * dw;
    }
    if (epoch % 20 == 0 || epoch == 99)
      std::printf("epoch %2d  w = %.17g  loss = %.17g\n", epoch, w, l);
  }
  double after = forward(4, w);
  std::printf("predict (after training) 4 %.17g\n", after);
  // The seeds' values, in double.
  bool ok = before == 4.0 && std::fabs(after - 7.9999999999996945) < 1e-12;
  std::printf("%s\n", ok ? "matches the seeds" : "DOES NOT MATCH THE SEEDS");
  return ok ? 0 : 1;
}
#endif
