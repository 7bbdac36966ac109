// examples/particles.cpp, particles held in a local std::array of structs
// and stepped by a helper: gradc differentiates it, the example checks its
// gradient against central finite differences, and the interpreter reruns
// the point it printed.
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: %gradc %src_root/examples/particles.cpp -o %t.dir/particles.grad.h
// RUN: FileCheck %s --check-prefix=TEXT < %t.dir/particles.grad.h
// RUN: %cxx -Wall -Wextra -Werror -I%t.dir %src_root/examples/particles.cpp -o %t && %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %python %src_root/test/support/vs_interpreter.py %gradc %src_root/examples/particles.cpp < %t.out | FileCheck %s --check-prefix=INTERP
// CHECK: particles: at
// CHECK-NOT: WRONG
// CHECK: OK
// INTERP: 1 checked against the interpreter, 0 mismatches
// TEXT:      std::array<Particle, N> ps{};
// TEXT:      Vec3 targets[3] = {};
// TEXT:      std::array<Particle, N> dps{};
// TEXT:      ps_2 = ps_tape.pop();
// TEXT-NEXT: step_wrt_ps_k_drag_pullback(ps_2.data(), 3, anchor, k, drag, 0.05,
// TEXT-NEXT:   dps.data(), dk_sum, ddrag_sum);
