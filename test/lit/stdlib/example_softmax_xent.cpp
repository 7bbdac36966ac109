// examples/softmax_xent.cpp, softmax cross-entropy over std::vectors grown by push_back: gradc
// differentiates it, the example checks its gradient against central
// finite differences, and the interpreter reruns the point it printed.
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: %gradc %src_root/examples/softmax_xent.cpp -o %t.dir/softmax_xent.grad.h
// RUN: %cxx -Wall -Wextra -Werror -I%t.dir %src_root/examples/softmax_xent.cpp -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %src_root/examples/softmax_xent.cpp < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK: softmax_xent: at
// CHECK-NOT: WRONG
// CHECK: OK
// INTERP: 1 checked against the interpreter, 0 mismatches
