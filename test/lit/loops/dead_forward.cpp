// Regression: a pullback used to recompute a value the backward sweep never
// reads (y, set in both arms of a branch), and g++ -Wall -Werror rejected the
// header (variable 'y' set but not used). Stores into locals nobody reads are
// dead code now.
// RUN: %gradc %s -o %t.grad.h
// RUN: %cxx -c -o /dev/null -DGRADC_OUT='"%t.grad.h"' %s
// RUN: %clangxx -c -o /dev/null -DGRADC_OUT='"%t.grad.h"' %s
#include <gradc/gradc.h>

GRADC_DIFF("grad")
double relu(double x) {
  double y;
  if (x > 0)
    y = x;
  else
    y = 0;
  return y;
}

GRADC_DIFF("grad wrt(w)")
double dot(const double *w, const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += w[i] * x[i];
  return s;
}

#ifndef __GRADC__
#include GRADC_OUT

int main() {
  double w[] = {1, 2}, x[] = {3, 4}, dw[2] = {}, dx = 0;
  relu_pullback(1.0, 1.0, dx);
  dot_pullback(w, x, 2, 1.0, dw);
  return int(dx + dw[0]);
}
#endif
