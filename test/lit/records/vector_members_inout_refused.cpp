// A helper, or a member function, changing a struct holding std::vector
// members that the annotated function was given: refused at the call, as
// for a std::vector parameter (gradc cannot keep what it held before the
// call); no header is written.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <vector>

struct Layer {
  std::vector<double> W;
  double scale;
  void shrink(double lr) {
    for (double &w : W)
      w *= 1 - lr * scale;
  }
};

static void step(Layer &L, double lr) {
  for (double &w : L.W)
    w -= lr * w;
}

GRADC_DIFF("grad")
double stepped(Layer &L, double x) {
  // CHECK-DAG: vector_members_inout_refused.cpp:[[@LINE+1]]:3: error: step reads and writes 'L.W', a member of a struct holding std::vector members that is not a local variable here, which gradc does not support yet; make the change in this function itself ('L.W[i] = ...'), or have step take the struct by const reference and return what it computes
  step(L, 0.5);
  // CHECK-DAG: vector_members_inout_refused.cpp:[[@LINE+1]]:3: error: shrink reads and writes 'L.W', a member of a struct holding std::vector members
  L.shrink(x);
  return L.W[0] * x;
}


// A helper taking the struct by reference reads a number that changes
// after the call.
static double first(Layer &L) { return L.W[0] * L.scale; }

GRADC_DIFF("grad")
double later(Layer &L, double x) {
  // CHECK-DAG: vector_members_inout_refused.cpp:[[@LINE+1]]:14: error: 'L.scale' changes after this call to first, whose pullback reads it at places gradc cannot count; have first take the struct by const reference ('const Layer &L'), or make the change before the call
  double s = first(L) * x;
  L.scale = s;
  return L.scale * L.W[1];
}
