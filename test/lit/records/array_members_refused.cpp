// Struct members gradc refuses beside the std::array members it follows:
// a local struct holding a std::vector member beside a number, passed
// whole, with a way out (as a parameter, or through its members, it is
// followed: vector_members_scalars.cpp, vector_members_local.cpp); no
// header is written.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <vector>

struct Hist {
  std::vector<double> h;
  double scale;
};

static double spread(const Hist &h) { return h.scale * h.h[0]; }

GRADC_DIFF("grad")
double local(double a) {
  // CHECK: array_members_refused.cpp:[[@LINE+1]]:8: error: 'Hist k' is a local struct holding std::vector members that is used whole (passed on, copied, captured by a lambda, its member functions called), made by a constructor of its own, or holds a std::array, which gradc does not follow yet; gradc follows such a local through its members ('k.h.push_back(x);', 'k.h[i]'): use those only, declare the vectors as locals of their own ('std::vector<double> k_h;'), or make it a parameter ('const Hist &k', or 'Hist &k' to change it in place)
  Hist k{};
  k.scale = a;
  k.h.push_back(a);
  return spread(k);
}

// CHECK: gradc: {{.*}}array_members_refused.cpp: 1 error; no output written
