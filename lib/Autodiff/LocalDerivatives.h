//===- LocalDerivatives.h - The pullback of each op -------------*- C++ -*-===//
#ifndef GRADC_AUTODIFF_LOCALDERIVATIVES_H
#define GRADC_AUTODIFF_LOCALDERIVATIVES_H

#include "gradc/IR/Builder.h"

#include <functional>
#include <vector>

namespace gradc::autodiff {

/// Receives the contribution C of one op to the adjoint of its operand I.
/// Own is true when C was built for this contribution alone, so that it may
/// take the adjoint's name.
using Contribute = std::function<void(unsigned I, ir::Value *C, bool Own)>;
/// The op's result, or its operand I, where the backward sweep is: asked for
/// only when a rule needs it, so that nothing is recomputed or taped for
/// nothing.
using ValueOf = std::function<ir::Value *()>;
using OperandOf = std::function<ir::Value *(unsigned I)>;

/// Emits, through B (appending to F), the adjoint contributions of op Primal to
/// its operands: G is the op's adjoint; Result and Operand give its result and
/// operands in the function being built. Only operands with Wanted[I] receive
/// anything. Local derivatives use the result R where that saves work (exp,
/// tanh, sqrt, 1/u), so the backward sweep never recomputes what the forward
/// computed.
void emitLocalDerivatives(ir::Function &F, ir::Builder &B,
                          const ir::Value &Primal, const ValueOf &Result,
                          const OperandOf &Operand, ir::Value *G,
                          const std::vector<bool> &Wanted, const Contribute &C);

} // namespace gradc::autodiff

#endif // GRADC_AUTODIFF_LOCALDERIVATIVES_H
