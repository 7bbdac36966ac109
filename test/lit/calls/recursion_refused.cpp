// What stays refused in recursive functions, at the user's line, with no
// header written: a recursive helper whose recursive call writes its output
// (the backward sweep reads the callee's seeds from a local of the call's
// own block), one that reads and writes a parameter it passes on to
// itself, and what a recursive callee's pullback would need that gradc
// does not support anywhere (a construct it cannot lower, a function it
// cannot see), met in the callee however deep the recursion.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h -- -DOUTPUT 2>&1 | FileCheck %s --check-prefix=OUTPUT
// RUN: not test -e %t.grad.h
// RUN: not %gradc %s -o %t.grad.h -- -DINSIDE 2>&1 | FileCheck %s --check-prefix=INSIDE
// RUN: not test -e %t.grad.h
// A recursive helper adding into a double & it passes on is accepted
// (its number is taped around each call); its gradient is checked here.
// RUN: %gradc %s --check -- -DINOUT | FileCheck %s --check-prefix=INOUT
// RUN: not %gradc %s -o %t.grad.h -- -DOPAQUE 2>&1 | FileCheck %s --check-prefix=OPAQUE
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#ifdef OUTPUT
void squares(const double *a, double *out, int n) {
  if (n == 0)
    return;
  // OUTPUT: recursion_refused.cpp:[[@LINE+1]]:3: error: 'out' is written by this call to squares; gradc supports that when nothing else writes it and it is a local variable declared in the same block as the call (or an output written by this call alone, outside loops)
  squares(a, out, n - 1);
  out[n - 1] = a[n - 1] * a[n - 1];
}

GRADC_DIFF("grad")
double g(const double *a) {
  double o[3];
  // OUTPUT: recursion_refused.cpp:[[@LINE+1]]:3: error: cannot differentiate this call to squares (see the errors above)
  squares(a, o, 3);
  return o[0] + o[1] * o[2];
}
#endif

#ifdef INOUT
// A parameter read and written, passed on to the recursive call.
void acc(double &s, double x, int n) {
  if (n == 0)
    return;
  s += x * n;
  // INOUT: ok: the entry agrees with finite differences
  acc(s, x * x, n - 1);
}

GRADC_DIFF("grad")
double g(double x) {
  double s = 0;
  acc(s, x, 3);
  return s * s;
}
#endif

#ifdef INSIDE
double down(double x, int n);
double up(double x, int n) { return n <= 0 ? x : down(x * 2, n - 1); }
double down(double x, int n) {
  if (n > 3)
    // INSIDE: recursion_refused.cpp:[[@LINE+1]]:5: error: 'goto' statements are not supported yet
    goto done;
  return up(x, n - 1) + x;
done:
  return x;
}

GRADC_DIFF("grad")
double f(double x) { return up(x, 4) + down(x, 2); }
#endif

#ifdef OPAQUE
double mystery(double x); // defined elsewhere
// OPAQUE: recursion_refused.cpp:[[@LINE+1]]:48: error: a derivative flows through this call to mystery, whose body gradc cannot see; define it where gradc reads it, or give it a custom pullback
double walk(double x, int n) { return n == 0 ? mystery(x) : walk(x, n - 1) * x; }

GRADC_DIFF("grad")
// OPAQUE: recursion_refused.cpp:[[@LINE+1]]:29: error: cannot differentiate this call to walk (see the errors above)
double f(double x) { return walk(x, 3); }
#endif
