//===- Simplify.h - Clean-ups of lowered IR ---------------------*- C++ -*-===//
#ifndef GRADC_IR_SIMPLIFY_H
#define GRADC_IR_SIMPLIFY_H

#include "gradc/IR/Function.h"

namespace gradc::ir {

/// Replaces a load by an earlier load of the same element in the same block
/// when nothing in between may write it, so that `x[i] * x[i]` is one value
/// squared (and differentiates as 2 * x[i]).
void reuseLoads(Function &F);

/// Replaces an unnamed math function call made from value From on by an
/// earlier call of the same function on the same values that is in scope
/// (earlier in its block or a block around it): the backward sweep's
/// `std::cos(theta)` is the forward sweep's `costheta`. Compilers keep
/// both, as the calls may set errno. Calls before From stay as written.
void shareCalls(Function &F, unsigned From = 0);

} // namespace gradc::ir

#endif // GRADC_IR_SIMPLIFY_H
