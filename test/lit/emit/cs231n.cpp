// The showcase: gradc on the seed's CS231n staged example reproduces the
// seed's hand-written backward pass (dnum, dinvden, dden, ...; `=` at the
// first contribution, `+=` after; a note naming each forward line). The
// README and docs/ show this text; docs/examples/cs231n.grad.h is it.
// UPDATE: %src_root/examples/cs231n.cpp
// RUN: %gradc %src_root/examples/cs231n.cpp -o %t.grad.h
// RUN: FileCheck %s --match-full-lines --strict-whitespace < %t.grad.h
// RUN: cmp %t.grad.h %src_root/docs/examples/cs231n.grad.h
// RUN: %python %src_root/test/support/contains_block.py %src_root/README.md %t.grad.h 'inline double f_grad' '^}'
// BEGIN-GENERATED-CHECKS
// END-GENERATED-CHECKS
