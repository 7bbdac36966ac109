// XFAIL: *
// BUG: a pullback recomputes a value the backward sweep never reads (here y,
// set in both arms of a branch), and g++ -Wall rejects the header:
//   inline void relu_pullback(double x, double dout, double &dx) {
//     double y;
//     bool cond = x > 0;
//     if (cond) { y = x; } else { y = 0; }
//   error: variable 'y' set but not used [-Werror=unused-but-set-variable]
// (relu_grad reads y as its return value, so only the pullback has it.)
// RUN: %gradc %s -o %t.grad.h
// RUN: %cxx -fsyntax-only -include %t.grad.h -x c++ %s
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
