// --at says what is wrong with its input, and exits with 2.
// RUN: not %gradc %src_root/examples/seeds.cpp --at x=1 2>&1 | FileCheck %s --check-prefix=SEVERAL
// RUN: not %gradc %src_root/examples/cs231n.cpp --at x=1 2>&1 | FileCheck %s --check-prefix=MISSING
// RUN: not %gradc %src_root/examples/cs231n.cpp --at x=1,y=2,q=3 2>&1 | FileCheck %s --check-prefix=EXTRA
// RUN: not %gradc %src_root/examples/cs231n.cpp --at x=1,y=two 2>&1 | FileCheck %s --check-prefix=BAD
// RUN: not %gradc %src_root/examples/cs231n.cpp --function g --at x=1 2>&1 | FileCheck %s --check-prefix=NOFN
// SEVERAL: error: several functions are annotated; choose one with --function
// MISSING: error: --at: no value for parameter 'y' of 'f'
// EXTRA: error: --at: 'f' has no parameter 'q'
// BAD: error: --at: expected name=number or name=[number,...], got 'y=two'
// NOFN: error: no annotated function 'g'
//
// A missing input does not spoil the report of the next one.
// RUN: not %gradc %t.missing.cpp %src_root/examples/cs231n.cpp --at x=3,y=-4 > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=NEXT < %t.out
// RUN: FileCheck %s --check-prefix=ONE --implicit-check-not="gradc: error:" < %t.err
// NEXT: f(x = 3, y = -4) = 1.5456448841066441
// ONE: gradc: error: no such file:
