// An explicit solver of the heat equation u_t = k u_xx on a rod whose ends
// are held fixed, updating the temperatures in place (each point reads its
// left neighbour's old value, kept in `prev`). The temperatures are an
// in/out parameter: du holds the seed of the final temperatures on entry
// and the gradient with respect to the initial ones on exit.
#include <gradc/gradc.h>

#include <cmath>
#include <cstdio>
#include <vector>

GRADC_DIFF("grad")
void heat(double *u, int n, int steps, double k) {
  for (int s = 0; s < steps; ++s) {
    double prev = u[0];
    for (int i = 1; i < n - 1; ++i) {
      double cur = u[i];
      u[i] = cur + k * (prev - 2 * cur + u[i + 1]);
      prev = cur;
    }
  }
}

#ifndef __GRADC__
#include "heat.grad.h"

int main() {
  const int n = 12, steps = 50;
  const double k = 0.4;
  std::vector<double> u0(n), seed(n);
  for (int i = 0; i < n; ++i) {
    u0[i] = std::sin(0.5 * i) + 0.1 * i;
    seed[i] = i == n / 2 ? 1.0 : 0.1; // mostly the middle's final value
  }
  auto L = [&](const std::vector<double> &U0, double K) {
    std::vector<double> U = U0;
    heat(U.data(), n, steps, K);
    double Sum = 0;
    for (int i = 0; i < n; ++i)
      Sum += seed[i] * U[i];
    return Sum;
  };
  std::vector<double> u = u0, du = seed;
  double dk = 0;
  heat_pullback(u.data(), n, steps, k, du.data(), dk);
  std::printf("heat, %d points, %d steps: u[%d] = %.6f at the end\n", n, steps,
              n / 2, u[n / 2]);
  int Failures = 0;
  auto Check = [&](const char *Name, double Got, double Fd) {
    if (std::fabs(Got - Fd) > 1e-6 * std::fmax(1, std::fabs(Fd))) {
      std::printf("  %s = %.10f, finite difference %.10f WRONG\n", Name, Got,
                  Fd);
      ++Failures;
    }
  };
  for (int i = 0; i < n; ++i) {
    std::vector<double> Hi = u0, Lo = u0;
    Hi[i] += 1e-6;
    Lo[i] -= 1e-6;
    Check("du0", du[i], (L(Hi, k) - L(Lo, k)) / 2e-6);
  }
  Check("dk", dk, (L(u0, k + 1e-6) - L(u0, k - 1e-6)) / 2e-6);
  std::printf("dL/du0 = [");
  for (int i = 0; i < n; ++i)
    std::printf("%s%.4f", i ? ", " : "", du[i]);
  std::printf("], dL/dk = %.6f\n%d partial derivatives against finite "
              "differences: %s\n",
              dk, n + 1, Failures ? "FAILED" : "OK");
  return Failures;
}
#endif
