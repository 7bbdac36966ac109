// examples/physics_step.cpp, a Vec3 physics step written with operators: gradc
// differentiates it, the example checks its gradient against central
// finite differences, and the interpreter reruns the point it printed.
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: %gradc %src_root/examples/physics_step.cpp -o %t.dir/physics_step.grad.h
// RUN: %cxx -Wall -Wextra -Werror -I%t.dir %src_root/examples/physics_step.cpp -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %src_root/examples/physics_step.cpp < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK: miss: at
// CHECK-NOT: WRONG
// CHECK: OK
// INTERP: 1 checked against the interpreter, 0 mismatches
