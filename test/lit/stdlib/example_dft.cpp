// examples/dft.cpp, the power spectrum of a signal through std::complex:
// gradc differentiates it, the example checks its gradient against central
// finite differences, and the interpreter reruns the point it printed.
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: %gradc %src_root/examples/dft.cpp -o %t.dir/dft.grad.h
// RUN: %cxx -Wall -Wextra -Werror -I%t.dir %src_root/examples/dft.cpp -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %src_root/examples/dft.cpp < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK: spectrum_loss: at
// CHECK-NOT: WRONG
// CHECK: OK
// INTERP: 1 checked against the interpreter, 0 mismatches
