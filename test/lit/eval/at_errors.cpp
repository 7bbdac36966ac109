// --at says what is wrong with its input, and exits with 2.
// RUN: not %gradc %src_root/examples/seeds.cpp --at x=1 2>&1 | FileCheck %s --check-prefix=SEVERAL
// RUN: not %gradc %src_root/examples/cs231n.cpp --at x=1 2>&1 | FileCheck %s --check-prefix=MISSING
// RUN: not %gradc %src_root/examples/cs231n.cpp --at x=1,y=2,q=3 2>&1 | FileCheck %s --check-prefix=EXTRA
// RUN: not %gradc %src_root/examples/cs231n.cpp --at x=1,y=two 2>&1 | FileCheck %s --check-prefix=BAD
// RUN: not %gradc %src_root/examples/cs231n.cpp --function g --at x=1 2>&1 | FileCheck %s --check-prefix=NOFN
// SEVERAL: error: several functions are annotated; choose one with --function
// MISSING: error: --at: no value for parameter 'y' of 'f'
// EXTRA: error: --at: 'f' has no parameter 'q'
// BAD: error: --at: expected name=number, got 'y=two'
// NOFN: error: no annotated function 'g'
