// Structs holding std::vector members that gradc refuses, each at its
// source line with a reason and a way out; no header is written. Such a
// struct is followed as a parameter, by const reference or by reference
// (written in place, an in/out parameter), and as a local through its
// members: anything that may change the sizes of a parameter's vectors,
// or copy them, is refused.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <vector>

struct Layer {
  std::vector<double> W, b;
  double scale;
  int n_in, n_out;
  // A member function may change the numbers, not the sizes.
  GRADC_DIFF("grad wrt(s)")
  double scaled(double s) {
    // CHECK-DAG: vector_members_refused.cpp:[[@LINE+1]]:7: error: 'push_back' of a std::vector that is not a local variable of the function is not supported; gradc follows a local std::vector that grows and shrinks (push_back, emplace_back, insert, erase, pop_back, clear, resize, assign): copy it into a local ('std::vector<double> u = v;'), change that and return or write back what you need
    W.push_back(s);
    return W[0] * s;
  }
};

// Pointers beside the vectors.
struct Mixed {
  std::vector<double> w;
  const double *p;
};

// A struct holding one inside another struct.
struct Net {
  Layer first;
  int depth;
};

static double grow(Layer &L) {
  // CHECK-DAG: vector_members_refused.cpp:[[@LINE+1]]:7: error: 'push_back' of a std::vector that is not a local variable of the function is not supported
  L.W.push_back(1.0);
  return L.W[0];
}

// CHECK-DAG: vector_members_refused.cpp:[[@LINE+1]]:28: error: parameter 'L' copies 'Layer', a struct holding std::vector members; pass it by reference ('const Layer &L')
static double copied(Layer L) { return L.W[0]; }

GRADC_DIFF("grad wrt(L)")
double calls(const Layer &L, double x) {
  return grow(const_cast<Layer &>(L)) * x + copied(L);
}

// CHECK-DAG: vector_members_refused.cpp:[[@LINE+2]]:29: error: parameter 'm' cannot be differentiated or read: 'Mixed' holds a std::vector and pointers; gradc supports structs of std::vector and std::array members beside numbers: keep the pointers in a struct of their own
GRADC_DIFF("grad wrt(m)")
double pointed(const Mixed &m, double x) {
  return m.w[0] * x;
}

// A local one passed whole: gradc follows a local through its members.
static double total(const Layer &L) { return L.W[0] + L.b[0]; }

GRADC_DIFF("grad wrt(x)")
double local(const double *x, int n) {
  // CHECK-DAG: vector_members_refused.cpp:[[@LINE+1]]:9: error: 'Layer L' is a local struct holding std::vector members that is used whole (passed on, copied, captured by a lambda, its member functions called), made by a constructor of its own, or holds a std::array, which gradc does not follow yet; gradc follows such a local through its members ('L.W.push_back(x);', 'L.W[i]'): use those only, declare the vectors as locals of their own ('std::vector<double> L_W;'), or make it a parameter ('const Layer &L', or 'Layer &L' to change it in place)
  Layer L;
  L.W.resize(n);
  L.b.resize(1);
  for (int i = 0; i < n; ++i)
    L.W[i] = x[i] * x[i];
  return total(L);
}

// CHECK-DAG: vector_members_refused.cpp:[[@LINE+2]]:26: error: parameter 'n' cannot be differentiated or read: 'Net' has member 'first'
GRADC_DIFF("grad wrt(n)")
double nested(const Net &n) {
  return n.first.W[0];
}

// Its integers are passive: not written.
GRADC_DIFF("grad")
double counted(Layer &L, double x) {
  // CHECK-DAG: vector_members_refused.cpp:[[@LINE+1]]:5: error: member 'n_in' of a struct holding std::vector members cannot be assigned here: gradc writes floating-point members of such a struct taken by non-const reference ('Layer &'); keep what changes in a local ('int n_in = ...;')
  L.n_in = 2;
  return L.W[0] * x;
}

// A lambda writing a struct it captured.
GRADC_DIFF("grad")
double captured(Layer &L, double x) {
  // CHECK-DAG: vector_members_refused.cpp:[[@LINE+1]]:25: error: a lambda assigning into 'L.W', a member of a struct holding std::vector members it captured, is not supported; gradc reads such a struct in a lambda: return the value, and assign it outside ('L.W[i] = f(i);')
  auto f = [&](int i) { L.W[i] = x * L.scale; };
  f(0);
  return L.W[0];
}
