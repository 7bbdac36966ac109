// The discrete Fourier transform of a real signal with std::complex: a
// loss that pulls the power spectrum |X_k|^2 of x towards a target,
// X_k = sum over n of x[n] e^(-2 pi i k n / N). gradc treats each complex
// value as its two real parts; the gradient with respect to the signal is
// checked against central finite differences, and printed in the form
// test/support/vs_interpreter.py reruns through `gradc --at`.
#include <gradc/gradc.h>

#include <cmath>
#include <complex>
#include <cstdio>

constexpr int N = 8;
constexpr double Pi = 3.141592653589793;

// Bin k of the transform of x.
static std::complex<double> bin(const double *x, int k) {
  std::complex<double> sum;
  for (int n = 0; n < N; ++n)
    sum += x[n] * std::polar(1.0, -2 * Pi * k * n / N);
  return sum;
}

GRADC_DIFF("grad wrt(x)")
double spectrum_loss(const double *x, const double *target) {
  double loss = 0;
  for (int k = 0; k < N / 2; ++k) {
    double power = std::norm(bin(x, k)) / N;
    double r = std::log1p(power) - std::log1p(target[k]);
    loss += r * r;
  }
  return loss;
}

#ifndef __GRADC__
#include "dft.grad.h"

int main() {
  double x[N] = {0.5, 1.0, -0.25, 0.75, -1.0, 0.25, 0.5, -0.5};
  const double target[N / 2] = {0.5, 2.0, 0.25, 1.0};
  double dx[N] = {};
  double f = spectrum_loss_grad(x, target, dx);
  std::printf("spectrum_loss: at x=[");
  for (int I = 0; I < N; ++I)
    std::printf(I ? ",%.17g" : "%.17g", x[I]);
  std::printf("],target=[");
  for (int I = 0; I < N / 2; ++I)
    std::printf(I ? ",%.17g" : "%.17g", target[I]);
  std::printf("]\nspectrum_loss: f = %.17g\n", f);
  int Failures = 0;
  for (int I = 0; I < N; ++I) {
    double Keep = x[I], H = 1e-6;
    x[I] = Keep + H;
    double Hi = spectrum_loss(x, target);
    x[I] = Keep - H;
    double Lo = spectrum_loss(x, target);
    x[I] = Keep;
    double Fd = (Hi - Lo) / (2 * H);
    std::printf("spectrum_loss: d(x[%d]) = %.17g (finite difference %.10g)\n",
                I, dx[I], Fd);
    if (std::fabs(dx[I] - Fd) > 1e-6 * std::fmax(1, std::fabs(Fd))) {
      std::printf("  WRONG\n");
      ++Failures;
    }
  }
  std::printf(Failures ? "FAILED\n" : "OK\n");
  return Failures;
}
#endif
