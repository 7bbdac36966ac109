// Struct members gradc refuses beside the std::array members it follows:
// a std::vector member beside a number, with a way out (one beside
// integers is followed: vector_members.cpp); no header is written.
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
// CHECK: array_members_refused.cpp:[[@LINE+1]]:27: error: parameter 'st' cannot be differentiated or read: 'Hist' holds a std::vector and the number 'scale'; gradc supports structs of std::vector and std::array members of numbers beside integers: hold 'scale' in a 'std::array<double, 1>' member, or pass it as a parameter of its own
double spread(const Hist &st, double a) {
  return st.scale * a;
}

GRADC_DIFF("grad")
double local(double a) {
  // CHECK: array_members_refused.cpp:[[@LINE+1]]:8: error: gradc cannot hold this struct: 'Hist' holds a std::vector and the number 'scale'; gradc supports structs of std::vector and std::array members of numbers beside integers: hold 'scale' in a 'std::array<double, 1>' member, or pass it as a parameter of its own
  Hist k{};
  k.scale = a;
  return k.scale;
}

// CHECK: gradc: {{.*}}array_members_refused.cpp: 2 errors; no output written
