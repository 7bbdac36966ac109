// An enum the generated code cannot name is refused where it is used, with
// advice: one declared inside the function, or private to a class.
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

GRADC_DIFF("grad")
double local_enum(double x) {
  enum class Side { Left, Right };
  // CHECK: enums_refused.cpp:[[@LINE+1]]:8: error: the enum 'Side' is declared inside a function, where the generated code cannot name it; declare it at namespace or class scope
  Side s = Side::Right;
  return s == Side::Left ? x : 2 * x;
}

class Box {
  enum Hidden { A, B };

public:
  GRADC_DIFF("grad")
  // CHECK: enums_refused.cpp:[[@LINE+1]]:41: error: the enum 'Hidden' is not public, and the generated code names it outside its class; make it public
  static double scaled(double x, Hidden h) { return h == B ? x : x * x; }
};

// An array of such an enum, or a pointer to one, is refused alike.
GRADC_DIFF("grad")
double local_enum_array(double x) {
  enum Hue { Red, Green };
  // CHECK: enums_refused.cpp:[[@LINE+1]]:7: error: the enum 'Hue' is declared inside a function, where the generated code cannot name it; declare it at namespace or class scope
  Hue hues[2] = {Red, Green};
  return hues[1] == Green ? x : 2 * x;
}

class Shelf {
  enum Hidden { A, B };

public:
  GRADC_DIFF("grad")
  // CHECK: enums_refused.cpp:[[@LINE+1]]:49: error: the enum 'Hidden' is not public, and the generated code names it outside its class; make it public
  static double counted(double x, const Hidden *hs) {
    return hs[0] == B ? x : x * x;
  }
};
