//===- Uses.cpp - Use counts and dead code --------------------------------===//
#include "gradc/IR/Uses.h"

#include <algorithm>

namespace gradc::ir {

static bool hasEffect(const Value &V) { return !V.hasResult(); }

std::vector<unsigned> countUses(const Function &F) {
  std::vector<unsigned> Uses(F.numValues(), 0);
  for (const Value *V : F.Body.Ops)
    for (const Value *Op : V->Operands)
      ++Uses[Op->Id];
  return Uses;
}

void eliminateDeadCode(Function &F) {
  std::vector<unsigned> Uses = countUses(F);
  // One backward walk suffices in straight-line code: a value's users all
  // come after it, so they are decided before it is.
  std::vector<Value *> Kept;
  for (auto It = F.Body.Ops.rbegin(); It != F.Body.Ops.rend(); ++It) {
    Value *V = *It;
    if (hasEffect(*V) || Uses[V->Id] > 0) {
      Kept.push_back(V);
      continue;
    }
    for (Value *Op : V->Operands)
      --Uses[Op->Id];
  }
  std::reverse(Kept.begin(), Kept.end());
  F.Body.Ops = std::move(Kept);
}

} // namespace gradc::ir
