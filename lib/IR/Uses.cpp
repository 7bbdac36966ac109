//===- Uses.cpp - Use counts and dead code --------------------------------===//
#include "gradc/IR/Uses.h"

#include <algorithm>

namespace gradc::ir {

static void countIn(const Block &B, std::vector<unsigned> &Uses) {
  for (const Value *V : B.Ops) {
    for (const Value *Op : V->Operands)
      ++Uses[Op->Id];
    for (const Block &R : V->Regions)
      countIn(R, Uses);
  }
}

std::vector<unsigned> countUses(const Function &F) {
  std::vector<unsigned> Uses(F.numValues(), 0);
  countIn(F.Body, Uses);
  return Uses;
}

/// Drops the ops of B whose results are unused. A value's users all come
/// after it (in B or in the regions of later ops), so one backward walk that
/// visits regions before the ops above them decides every user first.
static void sweep(Block &B, std::vector<unsigned> &Uses) {
  std::vector<Value *> Kept;
  for (auto It = B.Ops.rbegin(); It != B.Ops.rend(); ++It) {
    Value *V = *It;
    for (auto R = V->Regions.rbegin(); R != V->Regions.rend(); ++R)
      sweep(*R, Uses);
    if (V->hasEffect() || Uses[V->Id] > 0) {
      Kept.push_back(V);
      continue;
    }
    for (Value *Op : V->Operands)
      --Uses[Op->Id];
  }
  std::reverse(Kept.begin(), Kept.end());
  B.Ops = std::move(Kept);
}

void eliminateDeadCode(Function &F) {
  std::vector<unsigned> Uses = countUses(F);
  sweep(F.Body, Uses);
}

} // namespace gradc::ir
