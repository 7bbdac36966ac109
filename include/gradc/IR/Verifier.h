//===- Verifier.h - Structural checks of the IR -----------------*- C++ -*-===//
#ifndef GRADC_IR_VERIFIER_H
#define GRADC_IR_VERIFIER_H

#include "gradc/IR/Function.h"

#include <string>
#include <vector>

namespace gradc::ir {

/// Checks that operands are defined before use, that operand and result
/// types agree with each opcode, and that the body ends in a return of the
/// function's type. Returns one message per problem; empty when valid.
std::vector<std::string> verify(const Function &F);

} // namespace gradc::ir

#endif // GRADC_IR_VERIFIER_H
