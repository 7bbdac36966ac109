//===- Fusion.h - Loops whose backward sweep runs beside the forward one
//-*-===//
//
// A loop whose iterations are independent (each writes memory no other
// iteration reads or writes, and adds to its inputs' adjoints) can run each
// iteration's backward sweep right after its forward sweep, in one loop, as
// a hand-written gradient does: the backward sweep reads the iteration's
// values where they are, with nothing recorded or computed twice. This
// finds such a loop in a primal, when its backward sweep can run there.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_AUTODIFF_FUSION_H
#define GRADC_AUTODIFF_FUSION_H

#include "gradc/IR/Function.h"

namespace gradc::autodiff {

class SweepFacts;

/// The loop of the primal's top level whose backward sweep may run
/// iteration by iteration inside it, or null. It is a counted loop without
/// jumps; nothing after it but the return (and what has no backward work)
/// gives its outputs adjoints; and no iteration touches what another
/// writes, but by accumulating (`s += e`) or in a scalar each iteration
/// first overwrites.
const ir::Value *fusedLoop(const SweepFacts &Facts);

} // namespace gradc::autodiff

#endif // GRADC_AUTODIFF_FUSION_H
