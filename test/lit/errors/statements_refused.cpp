// Everyday statements that stay refused: each error at the construct, with
// advice the user can follow, and no output.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <cstdio>
#include <cstring>
#include <stdexcept>

GRADC_DIFF("grad")
double caught(double x, int n) {
  // CHECK: statements_refused.cpp:[[@LINE+1]]:3: error: 'try' blocks are not supported yet: the generated functions throw where yours do, but cannot catch; catch the exception where the function is called
  try {
    if (n <= 0)
      throw std::invalid_argument("n must be positive");
  } catch (const std::invalid_argument &) {
    n = 1;
  }
  return x * n;
}

GRADC_DIFF("grad")
double scratch(const double *x, int n) {
  // CHECK: statements_refused.cpp:[[@LINE+1]]:15: error: 'new' is not supported: gradc follows memory it can count; hold scratch numbers in a 'std::vector<double> t(n);' or a local array
  double *t = new double[n];
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += x[i] * x[i];
  // CHECK: statements_refused.cpp:[[@LINE+1]]:3: error: 'delete' is not supported: hold scratch numbers in a 'std::vector<double>', which frees itself
  delete[] t;
  return s;
}

GRADC_DIFF("grad")
double jumps(double x) {
  double s = x;
  if (x > 1)
    // CHECK: statements_refused.cpp:[[@LINE+1]]:5: error: 'goto' statements are not supported yet; leave loops with 'break' or 'return' (a return may stand anywhere)
    goto done;
  s = s * x;
  // CHECK-NOT: labels are not supported
done:
  return s;
}

GRADC_DIFF("grad")
double cached(double x) {
  // CHECK: statements_refused.cpp:[[@LINE+1]]:23: error: thread_local local variable 'last' is not supported: it keeps its value from call to call
  thread_local double last = 0;
  last = x;
  // CHECK: statements_refused.cpp:[[@LINE+1]]:14: error: static local variable 'calls' is not supported
  static int calls = 0;
  ++calls;
  return last * x;
}

GRADC_DIFF("grad")
double bytes(const double *x, int k) {
  double a[4];
  // CHECK: statements_refused.cpp:[[@LINE+1]]:13: error: 'memset' with a byte other than 0 is not supported: its bytes make no number gradc could follow; set the elements with 'std::fill_n(a, n, v)'
  memset(a, 1, sizeof a);
  float f[4];
  // CHECK: statements_refused.cpp:[[@LINE+1]]:13: error: 'memcpy' between arrays of different types is not supported: it copies bytes, not numbers; convert with 'std::copy_n(src, n, dst)'
  memcpy(f, a + 0, sizeof f);
  double b[4];
  // CHECK: statements_refused.cpp:[[@LINE+1]]:21: error: gradc reads the byte count of 'memcpy' as a number of elements of 8 bytes, and 12 is not a multiple: write it 'n * sizeof(double)' or 'sizeof a'
  std::memcpy(b, x, 12);
  // CHECK: statements_refused.cpp:[[@LINE+1]]:3: error: 'memmove' is not supported: gradc copies arrays of numbers with 'std::memcpy' and 'std::copy_n' when they do not overlap; where they do, write the loop that reads each element before it is overwritten
  memmove(b + 1, b, 3 * sizeof(double));
  // CHECK: statements_refused.cpp:[[@LINE+1]]:21: error: gradc reads the byte count of 'memcpy' as a number of elements of 8 bytes: write it 'n * sizeof(double)' or 'sizeof a'
  std::memcpy(b, x, k);
  return a[0] + b[1] + f[0];
}

GRADC_DIFF("grad")
double printed(double x, int k) {
  // CHECK: statements_refused.cpp:[[@LINE+1]]:23: error: this printed value changes a variable; gradc leaves printing out of the generated functions, which would lose the change: make it in a statement of its own before printing
  std::printf("%d\n", k++);
  return x * k;
}
