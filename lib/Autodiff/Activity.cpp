//===- Activity.cpp - Which values carry derivatives ----------------------===//
#include "gradc/Autodiff/Activity.h"

namespace gradc::autodiff {

using namespace ir;

/// Whether a derivative flows from operand to result through this op.
/// Comparisons and conversions to integers are piecewise constant.
static bool propagates(const Value &V) {
  return V.Ty.isFloating() && V.Code != OpCode::Cmp;
}

Activity::Activity(const Function &F, const std::vector<unsigned> &Wrt)
    : Varied(F.numValues(), false), Useful(F.numValues(), false),
      Active(F.numValues(), false) {
  for (unsigned I : Wrt)
    Varied[F.Params[I].V->Id] = true;
  for (const Value *V : F.Body.Ops) {
    if (!propagates(*V))
      continue;
    for (const Value *Op : V->Operands)
      if (Varied[Op->Id])
        Varied[V->Id] = true;
    // The condition of a select picks, it does not scale.
    if (V->Code == OpCode::Select)
      Varied[V->Id] =
          Varied[V->Operands[1]->Id] || Varied[V->Operands[2]->Id];
  }
  for (auto It = F.Body.Ops.rbegin(); It != F.Body.Ops.rend(); ++It) {
    const Value *V = *It;
    bool Seeds = V->Code == OpCode::Return;
    if (!Seeds && !(Useful[V->Id] && propagates(*V)))
      continue;
    for (size_t I = 0; I < V->Operands.size(); ++I)
      if (!(V->Code == OpCode::Select && I == 0))
        Useful[V->Operands[I]->Id] = true;
  }
  for (unsigned I = 0; I < F.numValues(); ++I)
    Active[I] = Varied[I] && Useful[I];
}

} // namespace gradc::autodiff
