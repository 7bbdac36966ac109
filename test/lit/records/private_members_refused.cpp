// What stays refused of classes with private parts, each at its source
// line with a reason and a way out; no header is written. Private data
// members are supported (private_members.cpp).
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

class Spring {
  double k_;
  double half() const { return k_ / 2; }

public:
  double energy(double x) const { return half() * x * x; }
};

class Body {
  struct State {
    double x, v;
  };
  State s_;

public:
  double x() const { return s_.x; }
};

GRADC_DIFF("grad")
double e1(const Spring &s, double x) { return s.energy(x); }
// CHECK: private_members_refused.cpp:[[@LINE-15]]:42: error: member function 'half' is not public; gradc writes its calls outside the class: make it public

// CHECK: private_members_refused.cpp:[[@LINE+1]]:42: error: parameter 'b' cannot be differentiated or read: 'Body' has member 's_' of type 'State', which is not public; generated code names it outside the class: make it public
GRADC_DIFF("grad") double e2(const Body &b) { return b.x(); }
