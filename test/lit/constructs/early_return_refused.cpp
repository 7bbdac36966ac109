// What stays refused around early exits: an error at the construct, and no
// output.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

// C++ leaves the result undefined when the loop ends.
GRADC_DIFF("grad")
double off_the_end(const double *w, int n) {
  for (int i = 0; i < n; ++i)
    if (w[i] > 0)
      return w[i];
  // CHECK: early_return_refused.cpp:[[@LINE+1]]:1: error: 'off_the_end' must end with a return statement
}

GRADC_DIFF("grad")
double after_return(double *w, int n) {
  for (int i = 0; i < n; ++i) {
    if (w[i] > 0) {
      return w[i];
      // CHECK: early_return_refused.cpp:[[@LINE+1]]:7: error: code after 'return' is never run; remove it
      w[0] = 1;
    }
  }
  return 0;
}

GRADC_DIFF("grad")
double with_goto(double x) {
  for (int i = 0; i < 3; ++i) {
    if (x > i)
      // CHECK: early_return_refused.cpp:[[@LINE+1]]:7: error: 'goto' statements are not supported yet; leave loops with 'break' or 'return' (a return may stand anywhere)
      goto done;
    x = x * x;
  }
done:
  return x;
}
