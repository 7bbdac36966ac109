// Deep input never kills gradc: it runs on a thread with a large stack, as
// clang's driver does, so that generated code of 20,000 terms or 2,000
// nested minus signs goes through (a SIGSEGV before); deeper than gradc's
// bound is an error at the expression's line.
// RUN: rm -rf %t && mkdir -p %t
//
// A sum of 20,000 terms: generated, and the generated header compiles and
// gives f(0.5) = 10000, df/dx = 20000.
// RUN: %python -c "print('#include <gradc/gradc.h>\nGRADC_DIFF(\"grad\")\ndouble f(double x) {\n  return ' + ' + '.join(['x'] * 20000) + ';\n}')" > %t/sum.cpp
// RUN: %gradc %t/sum.cpp -o %t/sum.grad.h
// RUN: %clangxx -DHEADER='"%t/sum.grad.h"' %s -o %t/sum && %t/sum | FileCheck %s --check-prefix=SUM
// SUM: f = 10000, df/dx = 20000
//
// 2,000 nested minus signs: Clang's parser recurses once per sign.
// RUN: %python -c "print('#include <gradc/gradc.h>\nGRADC_DIFF(\"grad\")\ndouble f(double x) {\n  return ' + '- ' * 2000 + 'x;\n}')" > %t/neg.cpp
// RUN: %gradc %t/neg.cpp -o %t/neg.grad.h
// RUN: FileCheck %s --check-prefix=NEG < %t/neg.grad.h
// RUN: %gradc %t/neg.cpp --at x=3 | FileCheck %s --check-prefix=NEG-AT
// NEG: inline double f_grad(double x, double &dx) {
// NEG-AT: f(x = 3) = 3
// NEG-AT: param  x  {{ *}}3  {{ *}}1
//
// Deeper than gradc's bound (100,000 levels): an error at the line, and no
// output.
// RUN: %python -c "print('#include <gradc/gradc.h>\nGRADC_DIFF(\"grad\")\ndouble f(double x) {\n  double y = x;\n  return ' + ' + '.join(['y'] * 100005) + ';\n}')" > %t/deeper.cpp
// RUN: not %gradc %t/deeper.cpp -o %t/deeper.grad.h 2>&1 | FileCheck %s --check-prefix=DEEPER
// RUN: not test -e %t/deeper.grad.h
// DEEPER: deeper.cpp:5:10: error: expression nested too deeply: more than 100000 levels; split it into several statements
// DEEPER: gradc: {{.*}}deeper.cpp: 1 error; no output written
#ifdef HEADER
#include HEADER

#include <cstdio>

int main() {
  double dx = 0;
  double f = f_grad(0.5, dx);
  std::printf("f = %g, df/dx = %g\n", f, dx);
}
#endif
