// View structs (pointers into arrays, and integers) gradc refuses, each at
// its source line with a reason and a way out; no header is written.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <vector>

struct Layer {
  const double *W;
  const double *b;
  int in, out;
};

struct Mixed {
  const double *p;
  double s;
};

struct Net {
  Layer l;
  int depth;
};

static double first(const Layer &L) { return L.W[0] + L.b[0]; }
// CHECK-DAG: views_refused.cpp:[[@LINE+1]]:36: error: parameter 'L' is a view struct passed by pointer or rvalue reference; pass it by reference ('const Layer &L') or by value
static double through(const Layer *L) { return L->W[0]; }
// CHECK-DAG: views_refused.cpp:[[@LINE+1]]:34: error: parameter 'm' cannot be differentiated or read: 'Mixed' holds pointers and the number 's'; gradc supports structs of numbers, and view structs of pointers and integers: keep the numbers in a struct of their own, or pass them as parameters
static double mixed(const Mixed &m) { return m.p[0] * m.s; }
// CHECK-DAG: views_refused.cpp:[[@LINE+1]]:33: error: parameter 'n' cannot be differentiated or read: 'Net' has member 'l': 'Layer' has member 'W' of type 'const double *': it is a view struct
static double nested(const Net &n) { return n.l.W[0]; }
static double pair(const Layer &a, const Layer &b) { return a.W[0] * b.W[0]; }

// CHECK-DAG: views_refused.cpp:[[@LINE+2]]:31: error: parameter 'L' of an annotated function is a view struct; pass the arrays it points into ('const double *w') and make the view inside, where gradc sees which arrays its pointers point into
GRADC_DIFF("grad wrt(w)")
double annotated(const Layer &L, const double *w) {
  return L.W[0] * w[0];
}

GRADC_DIFF("grad wrt(w)")
double unset(const double *w) {
  // CHECK-DAG: views_refused.cpp:[[@LINE+1]]:9: error: view 'L' must be made where it is declared ('Layer L{w, w + 6, n};'): gradc fixes the arrays a view's pointers point into where it is made
  Layer L;
  return w[0];
}

GRADC_DIFF("grad wrt(w)")
double moved(const double *w, const double *v) {
  Layer L{w, w + 2, 1, 1};
  // CHECK-DAG: views_refused.cpp:[[@LINE+1]]:5: error: member 'W' of a view struct cannot be assigned: gradc fixes what a view points to where it is made; make another view instead
  L.W = v;
  return first(L);
}

GRADC_DIFF("grad wrt(w)")
double pointer(const double *w) {
  Layer L{w, w + 2, 1, 1};
  Layer M{w, w, 1, 1};
  // CHECK-DAG: views_refused.cpp:[[@LINE+1]]:5: error: assigning a view struct is not supported: gradc fixes what a view points to where it is made; declare another view instead
  M = L;
  // CHECK-DAG: views_refused.cpp:[[@LINE+1]]:16: error: a pointer to a view struct is not supported; name the view itself, or a reference to it ('const Layer &r = v;')
  const Layer *p = &L;
  return pair(L, M) + through(&L) + p->W[0];
}

GRADC_DIFF("grad wrt(w)")
double holds_number(const double *w) {
  // CHECK-DAG: views_refused.cpp:[[@LINE+1]]:9: error: gradc cannot hold this struct: 'Mixed' holds pointers and the number 's'; gradc supports structs of numbers, and view structs of pointers and integers: keep the numbers in a struct of their own, or pass them as parameters
  Mixed m{w, 2.0};
  return mixed(m);
}

GRADC_DIFF("grad wrt(w)")
double null_member(const double *w) {
  Layer L{w, nullptr, 1, 1};
  // CHECK-DAG: views_refused.cpp:[[@LINE+1]]:12: error: member 'b' of view 'L' is not set (null) where the view is made; give it the array it points into
  return L.b[0] + L.W[0];
}

GRADC_DIFF("grad wrt(w)")
double in_struct(const double *w) {
  // CHECK-DAG: views_refused.cpp:[[@LINE+1]]:7: error: gradc cannot hold this struct: 'Net' has member 'l': 'Layer' has member 'W' of type 'const double *': it is a view struct, which gradc supports as a local ('Layer v{w, w + 6, n};') and as a parameter ('const Layer &v'), not inside another struct, in an array or container, or through a pointer
  Net n{{w, w + 2, 1, 1}, 1};
  return nested(n);
}

// CHECK: gradc: {{.*}}views_refused.cpp: 11 errors; no output written
