// An RK4 integration of the Lorenz system, written the ordinary way: the
// state is updated in place, the stages' scratch arrays are declared once
// and reused at every step, and the right-hand side is a helper writing
// through an output pointer. The state is an in/out parameter: its adjoint
// dy holds, on entry, the seed of the final state and, on exit, the
// gradient with respect to the initial state.
#include <gradc/gradc.h>

#include <cmath>
#include <cstdio>

void lorenz(const double *y, const double *p, double *dydt) {
  dydt[0] = p[0] * (y[1] - y[0]);
  dydt[1] = y[0] * (p[1] - y[2]) - y[1];
  dydt[2] = y[0] * y[1] - p[2] * y[2];
}

GRADC_DIFF("grad")
void integrate(double *y, const double *p, double h, int steps) {
  double k1[3], k2[3], k3[3], k4[3], tmp[3];
  for (int s = 0; s < steps; ++s) {
    lorenz(y, p, k1);
    for (int i = 0; i < 3; ++i)
      tmp[i] = y[i] + 0.5 * h * k1[i];
    lorenz(tmp, p, k2);
    for (int i = 0; i < 3; ++i)
      tmp[i] = y[i] + 0.5 * h * k2[i];
    lorenz(tmp, p, k3);
    for (int i = 0; i < 3; ++i)
      tmp[i] = y[i] + h * k3[i];
    lorenz(tmp, p, k4);
    for (int i = 0; i < 3; ++i)
      y[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
  }
}

#ifndef __GRADC__
#include "rk4.grad.h"

int main() {
  const double y0[3] = {1, 1, 1}, p0[3] = {10, 28, 8.0 / 3};
  const double h = 0.005, Seed[3] = {1, -0.5, 0.25};
  const int steps = 200; // one time unit: chaotic, sensitive to y0
  // L = Seed . y(T); the pullback gives dL/dy0 and dL/dp.
  auto L = [&](const double *Y0, const double *P) {
    double Y[3] = {Y0[0], Y0[1], Y0[2]};
    integrate(Y, P, h, steps);
    return Seed[0] * Y[0] + Seed[1] * Y[1] + Seed[2] * Y[2];
  };
  double y[3] = {y0[0], y0[1], y0[2]};
  double dy[3] = {Seed[0], Seed[1], Seed[2]}, dp[3] = {}, dh = 0;
  integrate_pullback(y, p0, h, steps, dy, dp, dh);
  std::printf("Lorenz, RK4, h = %g, %d steps: y(T) = (%.6f, %.6f, %.6f)\n", h,
              steps, y[0], y[1], y[2]);
  int Failures = 0;
  auto Check = [&](const char *Name, int I, double Got, double Fd) {
    double Err = std::fabs(Got - Fd) / std::fmax(1, std::fabs(Fd));
    std::printf("  dL/d%s[%d] = %14.6f   finite difference %14.6f\n", Name, I,
                Got, Fd);
    if (Err > 1e-5) {
      std::printf("  WRONG\n");
      ++Failures;
    }
  };
  for (int I = 0; I < 3; ++I) {
    double Hi[3] = {y0[0], y0[1], y0[2]}, Lo[3] = {y0[0], y0[1], y0[2]};
    double H = 1e-6;
    Hi[I] += H;
    Lo[I] -= H;
    Check("y0", I, dy[I], (L(Hi, p0) - L(Lo, p0)) / (2 * H));
  }
  for (int I = 0; I < 3; ++I) {
    double Hi[3] = {p0[0], p0[1], p0[2]}, Lo[3] = {p0[0], p0[1], p0[2]};
    double H = 1e-6 * std::fabs(p0[I]);
    Hi[I] += H;
    Lo[I] -= H;
    Check("p", I, dp[I], (L(y0, Hi) - L(y0, Lo)) / (2 * H));
  }
  std::printf(Failures ? "FAILED\n" : "OK\n");
  return Failures;
}
#endif
