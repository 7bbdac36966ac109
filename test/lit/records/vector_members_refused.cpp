// Structs holding std::vector members that gradc refuses, each at its
// source line with a reason and a way out; no header is written. Such a
// struct is followed as a parameter taken by const reference: anything
// that may change the sizes of its vectors, or copy them, is refused.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <vector>

struct Layer {
  std::vector<double> W, b;
  int n_in, n_out;
  // Not const: it could resize W.
  // CHECK-DAG: vector_members_refused.cpp:[[@LINE+2]]:10: error: member function 'scaled' of 'Layer', a struct holding std::vector members, is not const; gradc follows const member functions of such a struct ('double scaled(...) const'): have it read the members, and write results into a parameter of their own
  GRADC_DIFF("grad wrt(s)")
  double scaled(double s) {
    W.push_back(s);
    return W[0] * s;
  }
};

// A number beside the vectors.
struct Model {
  std::vector<double> w;
  double bias;
};

// A struct holding one inside another struct.
struct Net {
  Layer first;
  int depth;
};

// CHECK-DAG: vector_members_refused.cpp:[[@LINE+1]]:27: error: parameter 'L' of type 'Layer &' may change the containers of a struct holding std::vector members, which gradc does not follow; take it by const reference ('const Layer &L'), and write results into a parameter of their own
static double grow(Layer &L) {
  L.W.push_back(1.0);
  return L.W[0];
}

// CHECK-DAG: vector_members_refused.cpp:[[@LINE+1]]:28: error: parameter 'L' copies 'Layer', a struct holding std::vector members; pass it by reference ('const Layer &L')
static double copied(Layer L) { return L.W[0]; }

GRADC_DIFF("grad wrt(L)")
double calls(const Layer &L, double x) {
  return grow(const_cast<Layer &>(L)) * x + copied(L);
}

// CHECK-DAG: vector_members_refused.cpp:[[@LINE+2]]:28: error: parameter 'm' cannot be differentiated or read: 'Model' holds a std::vector and the number 'bias'; gradc supports structs of std::vector and std::array members of numbers beside integers: hold 'bias' in a 'std::array<double, 1>' member, or pass it as a parameter of its own
GRADC_DIFF("grad wrt(m)")
double biased(const Model &m, double x) {
  return m.w[0] * x + m.bias;
}

// CHECK-DAG: vector_members_refused.cpp:[[@LINE+3]]:9: error: 'Layer L' is a local struct holding std::vector members, which gradc does not follow (the sizes of its vectors change with what is stored in them); declare the vectors as locals of their own ('std::vector<double> L_W(n);'), or make it a parameter taken by const reference ('const Layer &L')
GRADC_DIFF("grad wrt(x)")
double local(const double *x, int n) {
  Layer L;
  L.W.resize(n);
  for (int i = 0; i < n; ++i)
    L.W[i] = x[i] * x[i];
  double s = 0;
  for (double w : L.W)
    s += w;
  return s;
}

// CHECK-DAG: vector_members_refused.cpp:[[@LINE+2]]:26: error: parameter 'n' cannot be differentiated or read: 'Net' has member 'first'
GRADC_DIFF("grad wrt(n)")
double nested(const Net &n) {
  return n.first.W[0];
}
