// Structs with a const member: gradc's adjoint of a struct is a struct of
// the same type, added into member by member, and a local struct is
// declared and then given its members; a const number of the struct's,
// or a copy of a struct holding a const member, is refused with advice
// (a const integer member of a struct only read works:
// const_members.cpp).
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
// RUN: not %gradc %s -o %t.grad.h -- -DCOPY 2>&1 | FileCheck %s --check-prefix=COPY
#include <gradc/gradc.h>

#if !defined(COPY)
struct Spring {
  const double k;
  double x;
};

// CHECK: const_members_refused.cpp:[[@LINE+2]]:22: error: parameter 's' cannot be differentiated or read: 'Spring' has the const member 'k'; gradc's adjoint of a 'Spring' is a 'Spring' whose members it adds into, which 'const' forbids: drop the 'const' of the member (pass the struct as 'const Spring &' to keep it unchanged)
GRADC_DIFF("grad")
double energy(Spring s) {
  return 0.5 * s.k * s.x * s.x;
}
#else
struct Grid {
  const int n;
  double h;
};

GRADC_DIFF("grad")
double total(const Grid &g, double x) {
  // COPY: const_members_refused.cpp:[[@LINE+1]]:8: error: 'c' would be a local 'Grid', whose member 'n' is const; gradc declares a local struct and then assigns its members: drop the 'const' of the member, or take the struct by const reference ('const Grid &') and read it
  Grid c = g;
  return c.h * x * c.n;
}
#endif
