//===- RecordingPlan.cpp - How the backward sweep gets a primal value -----===//
#include "RecordingPlan.h"

#include "gradc/IR/Uses.h"

#include <algorithm>

namespace gradc::autodiff {

using namespace ir;

/// A call of a function of the user's, or of one costlier than the load
/// of a tape (exp, not fabs).
static bool isCostlyCall(const Value &V) {
  if (V.Code == OpCode::Invoke)
    return V.Ty.isScalar();
  return V.Code == OpCode::Call && !isCheap(V.Fn);
}

RecordingPlan::How RecordingPlan::how(const Value *V) const {
  const Block *H = Facts.Pos.Home.at(V);
  // A value that would call a function again is read back from where it
  // was stored, if it was. A call costlier than a tape's load is taped
  // (arithmetic on it is recomputed from the taped value). What reads
  // overwritten memory is taped at its loads and recomputed above them.
  if (callsAbove(V, H))
    return changesLater(V, H) || isCostlyCall(*V) ? How::ReloadOrTape
                                                  : How::ReloadOrRecompute;
  // A load of memory that stays as it is, at an index that changes
  // (`w[k]` of an input, k moving on): the index is found, the element
  // read again.
  if (V->Code == OpCode::Load && changesLater(V, H) &&
      memoryChanges(baseOf(V->Operands[0]), V))
    return How::ReloadOrTape;
  return How::Recompute;
}

bool RecordingPlan::isCounterAround(const Value *Base, const Value *V) const {
  for (const Value *L : Facts.Pos.loopsAround(V))
    if (std::optional<CountedLoop> C = Facts.Pos.counted(*L);
        C && C->Counter == Base)
      return true;
  return false;
}

bool RecordingPlan::changesLater(const Value *V, const Block *Blk) const {
  auto Home = Facts.Pos.Home.find(V);
  if (Home != Facts.Pos.Home.end() && Home->second != Blk)
    return false; // found in an enclosing block
  return changesInBlock(V);
}

bool RecordingPlan::memoryChanges(const Value *Base, const Value *V) const {
  return !isCounterAround(Base, V) &&
         (!Facts.Pos.finalAt(V, Base) || !Facts.outlives(Base));
}

bool RecordingPlan::changesInBlock(const Value *V) const {
  if (auto It = Changes.find(V); It != Changes.end())
    return It->second;
  auto Changed = [&](const Value *Base) { return memoryChanges(Base, V); };
  bool R = V->Code == OpCode::Pop || V->Code == OpCode::Local ||
           (V->Code == OpCode::Load && Changed(baseOf(V->Operands[0])));
  // A call is not made again: it may write, or read memory that changed.
  if (V->Code == OpCode::Invoke) {
    R |= V->hasEffect();
    for (const Value *Op : V->Operands)
      R |= Op->Ty.isMemory() && Changed(baseOf(Op));
  }
  const ProgramOrder &Pos = Facts.Pos;
  const Block *Blk = Pos.Home.count(V) ? Pos.Home.at(V) : nullptr;
  for (const Value *Op : V->Operands)
    R = R || changesLater(Op, Blk);
  Changes[V] = R;
  return R;
}

bool RecordingPlan::callsAbove(const Value *V, const Block *Blk) const {
  if (Facts.Pos.Home.count(V) && Facts.Pos.Home.at(V) != Blk)
    return false;
  if (V->Code == OpCode::Call || V->Code == OpCode::Invoke)
    return true;
  return std::any_of(V->Operands.begin(), V->Operands.end(),
                     [&](const Value *Op) { return callsAbove(Op, Blk); });
}

const std::vector<const Value *> &
RecordingPlan::storedFor(const Value *V) const {
  auto [It, New] = Stored.try_emplace(V);
  if (!New)
    return It->second;
  for (const Value *S : Facts.Pos.Home.at(V)->Ops)
    if (S->Code == OpCode::Store && S->Operands[1] == V &&
        Facts.Pos.finalAt(S, baseOf(S->Operands[0])) &&
        (Facts.isOutput(baseOf(S->Operands[0])) ||
         !Facts.leavesAlone(baseOf(S->Operands[0]))))
      It->second.push_back(S);
  return It->second;
}

} // namespace gradc::autodiff
