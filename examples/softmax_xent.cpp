// Softmax cross-entropy of a small linear classifier, written as everyday
// C++ builds vectors: the logits W x + b pushed back one class at a time,
// the largest one subtracted for stability (std::max_element), the
// exponentials pushed into a reserved vector by a range-for, and the loss
// -log p[label]. gradc generates softmax_xent_grad, the gradient with
// respect to the weights W (K rows of D) and the biases b; its backward
// sweep sizes dlogits and dp with logits.size() and p.size().
//
// The example prints the gradient next to central finite differences and
// checks that they agree; it prints it as test/support/gradc_check.h
// does, so that a test can also hold it to gradc's interpreter.
#include <gradc/gradc.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

GRADC_DIFF("grad wrt(W, b)")
double softmax_xent(const std::vector<double> &W, const std::vector<double> &b,
                    const std::vector<double> &x, int label) {
  int K = b.size(), D = x.size();
  std::vector<double> logits;
  for (int k = 0; k < K; ++k) {
    double z = b[k];
    for (int d = 0; d < D; ++d)
      z += W[k * D + d] * x[d];
    logits.push_back(z);
  }
  double m = *std::max_element(logits.begin(), logits.end());
  std::vector<double> p;
  p.reserve(K);
  double sum = 0;
  for (double z : logits) {
    p.push_back(std::exp(z - m));
    sum += p.back();
  }
  return -std::log(p[label] / sum);
}

#ifndef __GRADC__
#include "softmax_xent.grad.h"

static void print(const char *Name, const std::vector<double> &V, bool First) {
  std::printf("%s%s=[", First ? "" : ",", Name);
  for (size_t I = 0; I < V.size(); ++I)
    std::printf("%s%.17g", I ? "," : "", V[I]);
  std::printf("]");
}

int main() {
  // Three classes of two features.
  std::vector<double> W = {0.5, -1.25, 0.75, 0.25, -0.5, 1.5};
  std::vector<double> b = {0.125, -0.25, 0.5};
  std::vector<double> x = {1.5, -0.75};
  const int label = 2;
  std::vector<double> dW(W.size()), db(b.size());
  double f = softmax_xent_grad(W, b, x, label, dW, db);
  std::printf("softmax_xent: at ");
  print("W", W, true);
  print("b", b, false);
  print("x", x, false);
  std::printf(",label=[%d]\nsoftmax_xent: f = %.17g\n", label, f);
  int Failures = 0;
  auto Check = [&](const char *Name, std::vector<double> &P,
                   const std::vector<double> &G) {
    for (size_t I = 0; I < P.size(); ++I) {
      double Saved = P[I], H = 1e-6 * std::fmax(1, std::fabs(Saved));
      P[I] = Saved + H;
      double Up = softmax_xent(W, b, x, label);
      P[I] = Saved - H;
      double Down = softmax_xent(W, b, x, label);
      P[I] = Saved;
      double Fd = (Up - Down) / (2 * H);
      std::printf("softmax_xent: d(%s[%zu]) = %.17g (finite difference "
                  "%.10g)\n",
                  Name, I, G[I], Fd);
      if (std::fabs(G[I] - Fd) > 1e-6 * std::fmax(1, std::fabs(Fd))) {
        std::printf("  WRONG\n");
        ++Failures;
      }
    }
  };
  Check("W", W, dW);
  Check("b", b, db);
  std::printf(Failures ? "FAILED\n" : "OK\n");
  return Failures;
}
#endif
