// What the reverse mode refuses in loops and outputs, each at its source
// line with exit status 1 and no header written. gradc stops at the first
// function it cannot differentiate, so each case is compiled on its own.
// RUN: rm -f %t.grad.h
// RUN: %python %src_root/test/support/exit_code.py 1 %gradc %s -o %t.grad.h -- -DCONTINUE
// RUN: not %gradc %s -o %t.grad.h -- -DCONTINUE 2>&1 | FileCheck %s --check-prefix=CONTINUE
// RUN: not test -e %t.grad.h
// A break in a loop that carries no derivative is fine:
// RUN: %gradc %s -o %t.grad.h
// RUN: FileCheck %s --check-prefix=PASSIVE < %t.grad.h
#include <gradc/gradc.h>

// A break that skips statements after its 'if' sets a flag instead:
// test/lit/loops/break_mid_body.cpp.

#ifdef CONTINUE
GRADC_DIFF("grad")
double skip_negative(const double *w, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    if (w[i] < 1) {
      s -= w[i];
      if (w[i] < 0)
        // CONTINUE: refused.cpp:[[@LINE+1]]:9: error: 'continue' that skips statements after its 'if' is not supported yet in a loop that carries derivatives; put those statements in an 'else'
        continue;
    }
    s += w[i];
  }
  return s;
}
// The backward sweep's errors quote the line, as Clang's do.
// CONTINUE-NEXT: {{^ +[0-9]+ \| .*}}
// CONTINUE-NEXT: {{^ +\| +\^$}}
// CONTINUE-NEXT: gradc: {{.*}}refused.cpp: no output written
#endif




GRADC_DIFF("grad wrt(x)")
double passive_break(double x, int n) {
  int k = 0;
  for (int i = 0; i < n; ++i) {
    if (i * i > n)
      break;
    k = k + 1;
  }
  return x * k;
}
// PASSIVE-LABEL: inline double passive_break_pullback(double x, int n, double dout, double &dx) {
// PASSIVE:         break;
// PASSIVE-LABEL: inline double passive_break_grad(double x, int n, double &dx) {
// PASSIVE-NEXT:    return passive_break_pullback(x, n, 1, dx);
