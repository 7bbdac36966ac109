// What stays refused around side effects in expressions, switch and
// range-based for: an error at the construct, and no output.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

GRADC_DIFF("grad")
double unordered(double x, int i) {
  // CHECK: constructs.cpp:[[@LINE+1]]:16: error: C++ does not say in which order 'i++' changes 'i' and 'i' at [[@LINE+1]]:21 reads it; split the expression into statements
  return x * (i++ + i);
}

static double weigh(int a, int b) { return a * 0.5 + b; }

// C++17 leaves a call's arguments in any order.
GRADC_DIFF("grad")
double arguments(double x, int k) {
  // CHECK: constructs.cpp:[[@LINE+1]]:21: error: C++ does not say in which order 'k++' changes 'k' and 'k' at [[@LINE+1]]:25 reads it; split the expression into statements
  return x * weigh(k++, k);
}

// An assignment's value comes before its target, but not before another
// operand of the value.
GRADC_DIFF("grad")
double index_and_value(const double *w, double *h, int k) {
  // CHECK: constructs.cpp:[[@LINE+1]]:11: error: C++ does not say in which order 'k++' changes 'k' and 'k' at [[@LINE+1]]:18 reads it
  h[k] = k++ * w[k];
  return h[0];
}

GRADC_DIFF("grad")
double nested_step(const double *w, int n) {
  double s = 0;
  int i = 0, j = 0, k = 0;
  // (`j = i++` alone is written `j = i, ++i`; here `k = j` reads the j
  // the step assigns, so the store cannot move before `++i`.)
  // CHECK: constructs.cpp:[[@LINE+1]]:30: error: a variable changed inside an expression of a 'for' loop's step is not supported; change it in a statement of its own (the body, or before the loop)
  for (; i < n; j = i++ + (k = j, 0))
    s += w[k];
  return s;
}

GRADC_DIFF("grad")
double do_continue(const double *w, int n) {
  double s = 0;
  int m = n;
  do {
    if (w[m] > 0)
      // CHECK: constructs.cpp:[[@LINE+1]]:7: error: 'continue' in a 'do' loop whose condition changes a variable is not supported; test the condition in the body and 'break'
      continue;
    s += w[m];
  } while (m-- > 0);
  return s;
}

GRADC_DIFF("grad")
double early_break(double x, int k) {
  double y = 0;
  switch (k) {
  case 0: {
    if (x > 0) {
      y = 1;
      // CHECK: constructs.cpp:[[@LINE+1]]:7: error: 'break' that skips later statements of its 'case' is not supported yet; put those statements in an 'else'
      break;
    }
    y = 2;
  }
    y += x;
    break;
  default:
    y = x;
  }
  return y;
}

GRADC_DIFF("grad")
double ranges(double x, int k) {
  switch (k) {
  // CHECK: constructs.cpp:[[@LINE+1]]:3: error: case ranges ('case 1 ... 3:') are not supported; list the values
  case 1 ... 3:
    return x;
  default:
    return -x;
  }
}

GRADC_DIFF("grad")
double before_case(double x, int k) {
  switch (k) {
    // CHECK: constructs.cpp:[[@LINE+1]]:5: error: code before the first 'case' of a switch is never run; remove it
    x = 2 * x;
  case 0:
    x = x * x;
  }
  return x;
}

GRADC_DIFF("grad")
double duff(double x, int k) {
  switch (k) {
  case 0:
    if (x > 0) {
      // CHECK: constructs.cpp:[[@LINE+1]]:5: error: a 'case' label inside a nested statement of its 'switch' is not supported; put each label directly in the switch's braces
    case 1:
      x = x * x;
    }
  }
  return x;
}

struct P {
  double a;
};

struct PD : P {
  double b;
};

GRADC_DIFF("grad")
double structs(const PD (&ps)[2]) {
  double s = 0;
  // CHECK: constructs.cpp:[[@LINE+1]]:10: error: a loop variable of another type than the elements ('PD') is not supported; declare it 'auto' or bind a reference
  for (P p : ps)
    s += p.a;
  return s;
}

// CHECK: no output written
