//===- SeedCleanup.h - Seeds that stayed unchanged --------------*- C++ -*-===//
//
// An output written over or read back has its seed as adjoint memory, which
// the backward sweep may change. When it did not, the seed is shown as what
// it is: a pointer to const, or the scalar seed read where it is used.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_AUTODIFF_SEEDCLEANUP_H
#define GRADC_AUTODIFF_SEEDCLEANUP_H

#include "gradc/IR/Function.h"

namespace gradc::autodiff {

/// Makes the pointer parameter Seed (and the pointers into it) point to
/// const when no op of G writes through it.
void constIfUnwritten(ir::Function &G, ir::Param &Seed);

/// When the local Copy is written only by the top-level store of Seed into
/// it, reads Seed in place of Copy and drops Copy.
void forwardIfUnchanged(ir::Function &G, ir::Value *Copy, ir::Value *Seed);

} // namespace gradc::autodiff

#endif // GRADC_AUTODIFF_SEEDCLEANUP_H
