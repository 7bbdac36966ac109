// A return and a break that more of the loop's body follows, inside one
// statement: refused at the statement, with no header written.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

GRADC_DIFF("grad")
double both(const double *w, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    if (w[i] < 1) {
      // CHECK: break_mid_body_refused.cpp:[[@LINE+1]]:7: error: a 'return' and a 'break' inside one statement that more of its loop's body follows are not supported yet; put the statements after it in an 'else'
      if (w[i] < -1)
        return s;
      if (w[i] < 0)
        break;
      s += 1;
    }
    s += w[i] * w[i];
  }
  return s;
}
// CHECK: gradc: {{.*}}break_mid_body_refused.cpp: 1 error; no output written
