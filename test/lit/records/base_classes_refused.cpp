// Base classes gradc refuses, each at its source line with a reason and a
// way out; no header is written. Non-virtual bases of numbers are
// supported (base_classes.cpp).
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

struct Base {
  double a;
};
struct Shared : virtual Base {
  double b;
};
struct Shape {
  double s;
  virtual double area() const { return s * s; }
};
struct Square : Shape {
  double t;
};
struct Again : Base {
  double a;
};
struct Holder {
  const double *p;
};
struct Held : Holder {
  double h;
};
// CHECK: base_classes_refused.cpp:[[@LINE+1]]:44: error: parameter 'v' cannot be differentiated or read: 'Shared' has a virtual base class; gradc supports base classes that are not virtual: derive without 'virtual'
GRADC_DIFF("grad") double e1(const Shared &v) { return v.a + v.b; }
// CHECK: base_classes_refused.cpp:[[@LINE+1]]:44: error: parameter 'q' cannot be differentiated or read: 'Square' has virtual functions; gradc supports classes without them: make the functions non-virtual, or write a function for each class
GRADC_DIFF("grad") double e2(const Square &q) { return q.s * q.t; }
// CHECK: base_classes_refused.cpp:[[@LINE+1]]:43: error: parameter 'g' cannot be differentiated or read: 'Again' has two members named 'a' (in 'Base' and in 'Again'); gradc names members through the object: rename one
GRADC_DIFF("grad") double e3(const Again &g) { return g.a; }
// CHECK: base_classes_refused.cpp:[[@LINE+1]]:42: error: parameter 'h' cannot be differentiated or read: 'Held' has a base class that gradc cannot hold: 'Holder' has member 'p' of type 'const double *': it is a view struct, which gradc supports as a local ('Holder v{w, w + 6, n};') and as a parameter ('const Holder &v'), not inside another struct, in an array or container, or through a pointer
GRADC_DIFF("grad") double e4(const Held &h) { return h.h; }
