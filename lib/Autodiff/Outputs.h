//===- Outputs.h - Outputs with read-only seeds -----------------*- C++ -*-===//
//
// An output each of whose elements is written once and never read back has
// a read-only seed: the backward sweep reads the seed of each element at
// the store that wrote it. Any other output (written over, accumulated,
// read back) has adjoint memory like any other memory.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_AUTODIFF_OUTPUTS_H
#define GRADC_AUTODIFF_OUTPUTS_H

#include "ProgramOrder.h"
#include "gradc/Autodiff/Reverse.h"

#include <functional>
#include <set>
#include <string>

namespace gradc::autodiff {

/// Where a check refuses something: the op, and what to tell the user.
using Refusal = std::function<void(const ir::Value &, const std::string &)>;

/// Whether output Base is written once per element and never read back.
/// With Report set, says where it is not.
bool writtenOnce(const ir::Function &P, const ProgramOrder &Pos,
                 const ir::Value *Base, const Refusal &Report = nullptr);

/// The outputs of Opts whose seeds the backward sweep only reads: written
/// once, or records and objects written member by member (which
/// writtenOnce then checks and refuses otherwise).
std::set<const ir::Value *> readOnlyOutputs(const ir::Function &P,
                                            const ReverseOptions &Opts,
                                            const ProgramOrder &Pos);

} // namespace gradc::autodiff

#endif // GRADC_AUTODIFF_OUTPUTS_H
