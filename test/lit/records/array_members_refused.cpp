// Struct members gradc refuses beside the std::array members it follows:
// a local struct holding a std::vector member beside a number, with a way
// out (as a parameter it is followed: vector_members_scalars.cpp); no
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

GRADC_DIFF("grad")
double local(double a) {
  // CHECK: array_members_refused.cpp:[[@LINE+1]]:8: error: 'Hist k' is a local struct holding std::vector members, which gradc does not follow yet (the sizes of its vectors change with what is stored in them); declare the vectors as locals of their own ('std::vector<double> k_h;', then 'k_h.push_back(x);'), or make it a parameter ('const Hist &k', or 'Hist &k' to change it in place)
  Hist k{};
  k.scale = a;
  return k.scale;
}

// CHECK: gradc: {{.*}}array_members_refused.cpp: 1 error; no output written
