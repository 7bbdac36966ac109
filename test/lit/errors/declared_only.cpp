// A function annotated in the input but defined neither there nor in a
// header it includes cannot be differentiated: an error at its declaration,
// with a note on where its body must be, and no output. (An annotated
// declaration in a header is not an error: another file may define it.)
// RUN: rm -f %t.grad.h
// RUN: not %gradc %s -o %t.grad.h 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.grad.h
// RUN: %gradc %s -o %t.grad.h -- -DDEFINED
// RUN: FileCheck %s --check-prefix=DEFINED < %t.grad.h
#include "Inputs/declared.h"
#include <gradc/gradc.h>

// CHECK: declared_only.cpp:[[@LINE+2]]:8: error: 'loss' is annotated with GRADC_DIFF but not defined in this file or a header it includes
GRADC_DIFF("grad")
double loss(double w, double x);
// CHECK: declared_only.cpp:[[@LINE-1]]:8: note: gradc differentiates the body it reads: define 'loss' in this file, or include the header that defines it
// CHECK-NOT: elsewhere
// CHECK: gradc: {{.*}}declared_only.cpp: 1 error; no output written

// Declared again, defined later: one function, differentiated once.
#ifdef DEFINED
double loss(double w, double x);
double loss(double w, double x) { return w * x; }
#endif
// DEFINED: inline double loss_grad(double w, double x, double &dw, double &dx) {
// DEFINED-NOT: loss_grad
