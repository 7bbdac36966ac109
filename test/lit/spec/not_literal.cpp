// The spec of GRADC_DIFF is one string literal. A macro that brings more
// (a comma, a second argument) is an error at the annotation, never an
// annotation silently read as the defaults; an identifier is an error to
// Clang itself.
// RUN: not %gradc %s -o %t.grad.h 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.grad.h
// RUN: not %gradc %s -o %t.grad.h -- -DIDENT 2>&1 | FileCheck %s --check-prefix=IDENT
#include <gradc/gradc.h>

#ifndef IDENT
#define SPEC_AFTER_COMMA , "grad wrt(x)"
#define SPEC_AND_MORE "grad", 2

// CHECK: not_literal.cpp:[[@LINE+1]]:1: error: the spec of GRADC_DIFF must be one string literal, as in GRADC_DIFF("grad wrt(x)"); this one has more after it
GRADC_DIFF(SPEC_AFTER_COMMA)
double f(double x, double y) { return x * y; }

// CHECK: not_literal.cpp:[[@LINE+1]]:1: error: the spec of GRADC_DIFF must be one string literal
GRADC_DIFF(SPEC_AND_MORE)
double g(double x) { return x; }

// A macro that is a string literal is fine.
#define SPEC_LITERAL "grad wrt(x)"
GRADC_DIFF(SPEC_LITERAL)
double h(double x, double y) { return x * y; }
// CHECK-NOT: not_literal.cpp:[[@LINE-2]]
// CHECK: 2 errors generated.
#else
#define SPEC grad
// IDENT: not_literal.cpp:[[@LINE+1]]:12: error: expected ')'
GRADC_DIFF(SPEC)
double f(double x) { return x; }
// IDENT: no output written
#endif
