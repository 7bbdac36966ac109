//===- Simplify.h - Clean-ups of lowered IR ---------------------*- C++ -*-===//
#ifndef GRADC_IR_SIMPLIFY_H
#define GRADC_IR_SIMPLIFY_H

#include "gradc/IR/Function.h"

namespace gradc::ir {

/// Replaces a load by an earlier load of the same element in the same block
/// when nothing in between may write it, so that `x[i] * x[i]` is one value
/// squared (and differentiates as 2 * x[i]).
void reuseLoads(Function &F);

} // namespace gradc::ir

#endif // GRADC_IR_SIMPLIFY_H
