//===- SweepFacts.h - What the check and the transform both ask -*- C++ -*-===//
//
// Facts about the primal that decide what its backward sweep does, asked
// by the legality check before the transform and by the transform itself:
// which ops have backward work, which outputs have read-only seeds, which
// memory the backward sweep still finds, how a call passes its arguments.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_AUTODIFF_SWEEPFACTS_H
#define GRADC_AUTODIFF_SWEEPFACTS_H

#include "ProgramOrder.h"
#include "gradc/Autodiff/Activity.h"
#include "gradc/Autodiff/Reverse.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>

namespace gradc::autodiff {

class SweepFacts {
public:
  SweepFacts(const ir::Function &P, const ReverseOptions &Opts);

  const ir::Function &P;
  const ReverseOptions &Opts;
  Activity Act;
  ProgramOrder Pos;
  /// Outputs whose seeds the backward sweep only reads.
  std::set<const ir::Value *> SeededOutputs;
  /// What follows the fused loop but does not depend on it, computed before
  /// it, in order.
  std::vector<const ir::Value *> Hoisted;
  /// The loop whose backward sweep runs inside it, iteration by iteration
  /// (Fusion.h), or null.
  const ir::Value *Fused;

  /// Whether the values of block H are in scope where the backward sweep
  /// reads them: the function's top level, and the fused loop's body.
  bool inScope(const ir::Block *H) const {
    return H == &P.Body || (Fused && H == &Fused->Regions[ir::LoopBody]);
  }

  /// Whether V has work in the backward sweep (a region: whether an op in
  /// it has).
  bool needsBackward(const ir::Value &V) const;
  bool containsActive(const ir::Block &Blk) const;
  /// An output whose seed the backward sweep only reads: each element
  /// written once, never read back. Other outputs (and in/out parameters)
  /// have adjoint memory like any other.
  bool isOutput(const ir::Value *Base) const {
    return SeededOutputs.count(Base);
  }
  /// A parameter whose adjoint buffer the caller reads on return (an
  /// output's `double *derr`, an in/out parameter's adjoint): it holds
  /// the gradient with respect to the incoming contents, zero where the
  /// function overwrote them, so every store over it clears its adjoint.
  /// (A `double &` output's seed comes by value, into a local.)
  bool returnsAdjoint(const ir::Value *Base) const {
    return Base->Code == ir::OpCode::Param && !isOutput(Base) &&
           (Base->Ty.kind() == ir::Type::Ptr || Pos.isWrtMemory(Base));
  }
  /// Memory the backward sweep can still read: parameters, the
  /// function's top-level locals, and the arrays and structs a branch
  /// outside loops declares (their declarations move before the branch
  /// when the backward sweep reads them: Value::Kept); not a local of a
  /// loop.
  bool outlives(const ir::Value *Base) const {
    return Base->Code == ir::OpCode::Param || inScope(Pos.Home.at(Base)) ||
           hoistable(Base);
  }
  /// An array or struct declared in a branch outside loops.
  bool hoistable(const ir::Value *Base) const {
    return Base->Code == ir::OpCode::Local && Base->IVal >= 0 &&
           (Base->IVal > 0 || !Base->Text.empty()) &&
           !inScope(Pos.Home.at(Base)) && outsideLoops(Base);
  }
  /// Whether V runs once per run of the backward sweep's code around it:
  /// in no loop, or in the fused loop only.
  bool outsideLoops(const ir::Value *V) const {
    std::vector<const ir::Value *> Around = Pos.loopsAround(V);
    return Around.empty() || (Around.size() == 1 && Around[0] == Fused);
  }
  /// Whether Call's callee reads what argument I holds and writes it (or
  /// writes a local whose adjoint is kept zero: its pullback clears what
  /// the call wrote).
  bool passesInOut(const ir::Value &Call, unsigned I) const;
  /// Whether Base, an array local of a loop body, has its adjoint declared
  /// once before the loops and kept zero between iterations, instead of
  /// declared and zeroed whole in each: a local starts indeterminate, so
  /// every element an iteration adds to was written earlier in it, and
  /// the backward code of that write clears it (a store's; a call's
  /// pullback, which gets the local in/out). Calls writing it must run
  /// their pullback on a scratch copy (never reading it), so that no tape
  /// is added.
  bool zeroKept(const ir::Value *Base) const;
  /// Whether the forward sweep leaves out stores to Base: in a pullback
  /// for a caller (whose call wrote the callee's outputs), an output with
  /// a read-only seed, or one the function never reads (an in/out
  /// adjoint, its memory a caller's scratch copy).
  bool leavesAlone(const ir::Value *Base) const;
  /// Whether Call alone writes Base, in the block of the local Base (or at
  /// the top level, for a read-only seeded output): the adjoint there is
  /// fresh, the seed of what the call writes.
  bool freshAt(const ir::Value &Call, const ir::Value *Base) const;
  /// Whether Call writes the struct, std::array or std::vector it returns
  /// into the local Base that nothing touched since its declaration, in
  /// the same block: the call writes all of it, so its adjoint there is
  /// the seed, whatever writes Base later.
  bool madeBy(const ir::Value &Call, const ir::Value *Base) const;
  /// How many elements from argument I the callee of Call reaches, when
  /// it reaches them only at constant indices (`y[0]`, `y[2]`).
  std::optional<std::int64_t> argumentExtent(const ir::Value &Call,
                                             unsigned I) const;
  /// Whether argument I of Call, memory that is not a local here, is a
  /// whole struct (`Body &b`: a parameter, or an element `bs[i]`) or a
  /// whole std::vector or std::array of numbers (`std::vector<double> &v`,
  /// or a member `L.W`) to the callee: its pullback can be given a copy
  /// of it, of the callee's parameter type.
  bool copiesWhole(const ir::Value &Call, unsigned I) const;

private:
  mutable std::map<const ir::Value *, bool> ZeroKept; ///< zeroKept's answers
};

} // namespace gradc::autodiff

#endif // GRADC_AUTODIFF_SWEEPFACTS_H
