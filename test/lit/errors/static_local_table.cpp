// A static local that is not a constant number or array of numbers (a
// table in a std::map) is refused as what it is, with what to write.
// RUN: not %gradc %s -o %t.grad.h 2>&1 | FileCheck %s
// RUN: not test -e %t.grad.h
#include <gradc/gradc.h>

#include <map>

GRADC_DIFF("grad")
double table(double x, int key) {
  static const std::map<int, double> coef = {{1, 0.5}, {2, 1.5}};
  // CHECK: static_local_table.cpp:[[@LINE+1]]:10: error: the static local variable 'coef' (a 'std::map<int, double>') is not supported: gradc reads static locals that are constant numbers, or arrays of numbers, with a value known at compile time; keep a table in a 'static constexpr double coef[]' indexed by position, or build it before the call and pass it as a parameter
  return coef.at(key) * x * x;
}
