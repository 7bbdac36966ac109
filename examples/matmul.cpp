// Seed 004: for D = W·X, the gradient of a loss L with respect to W is
// dD·Xᵀ and with respect to X is Wᵀ·dD, where dD = dL/dD. Here the product
// is three plain loops; gradc differentiates them, and matmul_pullback,
// given dD, comes out as exactly those two products.
#include <gradc/gradc.h>

#include <cmath>
#include <cstdio>

// D (m×n) = W (m×k) · X (k×n), all row-major.
GRADC_DIFF("grad out(D)")
void matmul(const double *W, const double *X, double *D, int m, int k, int n) {
  for (int i = 0; i < m; ++i)
    for (int j = 0; j < n; ++j) {
      double acc = 0;
      for (int p = 0; p < k; ++p)
        acc += W[i * k + p] * X[p * n + j];
      D[i * n + j] = acc;
    }
}

#ifndef __GRADC__
#include "matmul.grad.h"

static void print(const char *name, const double *A, int rows, int cols) {
  std::printf("%s =\n", name);
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c)
      std::printf(" %8.4f", A[r * cols + c]);
    std::printf("\n");
  }
}

int main() {
  const int m = 2, k = 3, n = 2;
  const double W[m * k] = {1, -2, 0.5, 3, 0.25, -1};
  const double X[k * n] = {2, -1, 0.5, 4, -3, 1.5};
  // The gradient of some loss with respect to D, as a caller's backward
  // sweep would pass it.
  const double dD[m * n] = {0.5, -1, 2, 0.25};

  double D[m * n];
  double dW[m * k] = {}, dX[k * n] = {}; // added into: start from zero
  matmul_pullback(W, X, D, m, k, n, dD, dW, dX);
  print("D", D, m, n);
  print("dW (gradc)", dW, m, k);
  print("dX (gradc)", dX, k, n);

  // The seed's formulas, computed directly.
  bool ok = true;
  for (int i = 0; i < m; ++i)
    for (int p = 0; p < k; ++p) { // (dD·Xᵀ)[i][p]
      double want = 0;
      for (int j = 0; j < n; ++j)
        want += dD[i * n + j] * X[p * n + j];
      ok = ok && std::fabs(dW[i * k + p] - want) <= 1e-12;
    }
  for (int p = 0; p < k; ++p)
    for (int j = 0; j < n; ++j) { // (Wᵀ·dD)[p][j]
      double want = 0;
      for (int i = 0; i < m; ++i)
        want += W[i * k + p] * dD[i * n + j];
      ok = ok && std::fabs(dX[p * n + j] - want) <= 1e-12;
    }
  std::printf("%s\n", ok ? "dW = dD·Xᵀ and dX = Wᵀ·dD"
                         : "MISMATCH: dW is not dD·Xᵀ or dX is not Wᵀ·dD");
  return ok ? 0 : 1;
}
#endif
