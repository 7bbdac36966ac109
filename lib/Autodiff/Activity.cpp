//===- Activity.cpp - Which values carry derivatives ----------------------===//
//
// A value is active when it depends on a wrt input (varied) and the result
// depends on it (useful). Memory is tracked per object (a pointer parameter,
// a local variable or array), not per element: storing a varied value
// anywhere in an array makes every load from it varied. Loops make both
// properties circular, so each is solved to a fixed point by a worklist.
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

using Marker = std::function<void(const Value *)>;
using Rule = std::function<void(const Value &, const Marker &)>;

/// A fixed point of a monotone rule by a worklist over def-use edges
/// (through memory objects too). Passes over the whole function, as
/// before, took one pass per link of a chain that ran against their
/// direction (locals each assigned from the next in a loop).
class Propagation {
public:
  explicit Propagation(const Function &F) : Readers(F.numValues()) {
    forEachOp(F.Body, [&](Value &V) {
      Ops.push_back(&V);
      for (const Value *Op : V.Operands) {
        Readers[Op->Id].push_back(&V);
        if (const Value *Base = baseOf(Op); Base != Op)
          Readers[Base->Id].push_back(&V);
      }
    });
  }

  /// Applies R to every op, then again to the readers of each value R
  /// marks in Bits (and to the value itself, whose rule may read it).
  /// R(V, Mark) calls Mark on what V's rule sets.
  void solve(std::vector<bool> &Bits, const Rule &R) const {
    std::vector<const Value *> Work;
    Marker Mark = [&](const Value *V) {
      if (!Bits[V->Id]) {
        Bits[V->Id] = true;
        Work.push_back(V);
      }
    };
    for (const Value *V : Ops)
      R(*V, Mark);
    while (!Work.empty()) {
      const Value *V = Work.back();
      Work.pop_back();
      R(*V, Mark);
      for (const Value *Reader : Readers[V->Id])
        R(*Reader, Mark);
    }
  }

private:
  std::vector<const Value *> Ops;
  /// For each value, the ops whose rule reads it: its users and, for
  /// memory, the ops given a pointer into it.
  std::vector<std::vector<const Value *>> Readers;
};

Activity::Activity(const Function &F, const std::vector<unsigned> &Wrt,
                   const std::vector<unsigned> &Out)
    : Varied(F.numValues(), false), Useful(F.numValues(), false),
      Active(F.numValues(), false) {
  for (unsigned I : Wrt)
    Varied[F.Params[I].V->Id] = true;
  for (unsigned I : Out)
    Useful[F.Params[I].V->Id] = true;

  Propagation P(F);
  P.solve(Varied, [&](const Value &V, const Marker &Set) {
    switch (V.Code) {
    case OpCode::Load:
      // An int member of a struct that carries derivatives carries none.
      if (V.Ty.isFloating() && Varied[baseOf(V.Operands[0])->Id])
        Set(&V);
      return;
    case OpCode::Store:
      if (Varied[V.Operands[1]->Id])
        Set(baseOf(V.Operands[0]));
      return;
    case OpCode::Select:
      // The condition of a select picks, it does not scale.
      if (Varied[V.Operands[1]->Id] || Varied[V.Operands[2]->Id])
        Set(&V);
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
        Set(&V);
      for (unsigned I = 0; I < V.Operands.size(); ++I)
        if (V.writesArg(I))
          Set(baseOf(V.Operands[I]));
      return;
    }
    default:
      break;
    }
    if (!propagates(V))
      return;
    for (const Value *Op : V.Operands)
      if (Varied[Op->Id])
        Set(&V);
  });
  P.solve(Useful, [&](const Value &V, const Marker &Set) {
    switch (V.Code) {
    case OpCode::Return:
      for (const Value *Op : V.Operands)
        Set(Op);
      return;
    case OpCode::Load:
      if (Useful[V.Id])
        Set(baseOf(V.Operands[0]));
      return;
    case OpCode::Store:
      if (Useful[baseOf(V.Operands[0])->Id])
        Set(V.Operands[1]);
      return;
    case OpCode::Invoke: {
      bool Out = V.Ty.isFloating() && Useful[V.Id];
      for (unsigned I = 0; I < V.Operands.size(); ++I)
        Out |= V.writesArg(I) && Useful[baseOf(V.Operands[I])->Id];
      if (!Out)
        return;
      for (const Value *Op : V.Operands) {
        Set(Op);
        if (Op->Ty.isMemory())
          Set(baseOf(Op));
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
        Set(V.Operands[I]);
  });
  for (unsigned I = 0; I < F.numValues(); ++I)
    Active[I] = Varied[I] && Useful[I];
}

} // namespace gradc::autodiff
