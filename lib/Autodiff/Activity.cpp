//===- Activity.cpp - Which values carry derivatives ----------------------===//
//
// A value is active when it depends on a wrt input (varied) and the result
// depends on it (useful). Memory is tracked per object (a pointer parameter,
// a local variable or array), not per element: storing a varied value
// anywhere in an array makes every load from it varied. Loops make both
// properties circular, so each is iterated to a fixed point.
//
//===----------------------------------------------------------------------===//
#include "gradc/Autodiff/Activity.h"

#include "gradc/IR/Uses.h"

#include <functional>

namespace gradc::autodiff {

using namespace ir;

/// Whether a derivative flows from operand to result through this op.
/// Comparisons and conversions to integers are piecewise constant.
static bool propagates(const Value &V) {
  return V.Ty.isFloating() && V.Code != OpCode::Cmp && V.Code != OpCode::Pop;
}

/// Last op first, each op after the ops of its regions: users before what
/// they use, so that usefulness crosses a chain of any length in one pass.
static void forEachOpBackward(const Block &B,
                              const std::function<void(const Value &)> &Fn) {
  for (auto It = B.Ops.rbegin(); It != B.Ops.rend(); ++It) {
    for (auto R = (*It)->Regions.rbegin(); R != (*It)->Regions.rend(); ++R)
      forEachOpBackward(*R, Fn);
    Fn(**It);
  }
}

Activity::Activity(const Function &F, const std::vector<unsigned> &Wrt,
                   const std::vector<unsigned> &Out)
    : Varied(F.numValues(), false), Useful(F.numValues(), false),
      Active(F.numValues(), false) {
  for (unsigned I : Wrt)
    Varied[F.Params[I].V->Id] = true;
  for (unsigned I : Out)
    Useful[F.Params[I].V->Id] = true;

  auto Set = [](std::vector<bool> &Bits, const Value *V, bool &Changed) {
    if (!Bits[V->Id]) {
      Bits[V->Id] = true;
      Changed = true;
    }
  };
  for (bool Changed = true; Changed;) {
    Changed = false;
    forEachOp(F.Body, [&](Value &V) {
      switch (V.Code) {
      case OpCode::Load:
        // An int member of a struct that carries derivatives carries none.
        if (V.Ty.isFloating() && Varied[baseOf(V.Operands[0])->Id])
          Set(Varied, &V, Changed);
        return;
      case OpCode::Store:
        if (Varied[V.Operands[1]->Id])
          Set(Varied, baseOf(V.Operands[0]), Changed);
        return;
      case OpCode::Select:
        // The condition of a select picks, it does not scale.
        if (Varied[V.Operands[1]->Id] || Varied[V.Operands[2]->Id])
          Set(Varied, &V, Changed);
        return;
      case OpCode::Invoke: {
        // Whatever the callee is given may reach its result and whatever
        // it writes.
        bool In = false;
        for (const Value *Op : V.Operands)
          In |= Varied[Op->Id] || (Op->Ty.isMemory() && Varied[baseOf(Op)->Id]);
        if (!In)
          return;
        if (V.Ty.isFloating())
          Set(Varied, &V, Changed);
        for (unsigned I = 0; I < V.Operands.size(); ++I)
          if (V.writesArg(I))
            Set(Varied, baseOf(V.Operands[I]), Changed);
        return;
      }
      default:
        break;
      }
      if (!propagates(V))
        return;
      for (const Value *Op : V.Operands)
        if (Varied[Op->Id])
          Set(Varied, &V, Changed);
    });
  }
  for (bool Changed = true; Changed;) {
    Changed = false;
    forEachOpBackward(F.Body, [&](const Value &V) {
      switch (V.Code) {
      case OpCode::Return:
        for (const Value *Op : V.Operands)
          Set(Useful, Op, Changed);
        return;
      case OpCode::Load:
        if (Useful[V.Id])
          Set(Useful, baseOf(V.Operands[0]), Changed);
        return;
      case OpCode::Store:
        if (Useful[baseOf(V.Operands[0])->Id])
          Set(Useful, V.Operands[1], Changed);
        return;
      case OpCode::Invoke: {
        bool Out = V.Ty.isFloating() && Useful[V.Id];
        for (unsigned I = 0; I < V.Operands.size(); ++I)
          Out |= V.writesArg(I) && Useful[baseOf(V.Operands[I])->Id];
        if (!Out)
          return;
        for (const Value *Op : V.Operands) {
          Set(Useful, Op, Changed);
          if (Op->Ty.isMemory())
            Set(Useful, baseOf(Op), Changed);
        }
        return;
      }
      default:
        break;
      }
      if (!Useful[V.Id] || !propagates(V))
        return;
      for (size_t I = 0; I < V.Operands.size(); ++I)
        if (!(V.Code == OpCode::Select && I == 0))
          Set(Useful, V.Operands[I], Changed);
    });
  }
  for (unsigned I = 0; I < F.numValues(); ++I)
    Active[I] = Varied[I] && Useful[I];
}

} // namespace gradc::autodiff
