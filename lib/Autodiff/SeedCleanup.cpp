//===- SeedCleanup.cpp - Seeds that stayed unchanged ----------------------===//
#include "SeedCleanup.h"

#include "ProgramOrder.h"

#include "gradc/IR/Uses.h"

#include <algorithm>
#include <functional>
#include <set>

namespace gradc::autodiff {

using namespace ir;

void constIfUnwritten(Function &G, Param &Seed) {
  Value *S = Seed.V;
  if (findWrite(G.Body, S))
    return;
  S->Ty = Type::ptr(S->Ty.scalarKind(), /*Const=*/true).named(S->Ty.name());
  if (!Seed.Record.empty() && Seed.Spelling.rfind("const ", 0) != 0)
    Seed.Spelling = "const " + Seed.Spelling;
  forEachOp(G.Body, [&](Value &V) {
    if (V.Ty.kind() == Type::Ptr && baseOf(&V) == S)
      V.Ty = Type::ptr(V.Ty.scalarKind(), /*Const=*/true).named(V.Ty.name());
  });
}

void forwardIfUnchanged(Function &G, Value *Copy, Value *Seed) {
  Value *Init = nullptr;
  bool Other = false;
  for (Value *V : G.Body.Ops)
    if (V->Code == OpCode::Store && V->Operands[0] == Copy && !Init)
      Init = V;
  forEachOp(G.Body, [&](Value &V) {
    if (&V == Init)
      return;
    for (Value *Op : V.Operands)
      if (Op == Copy && (V.Code != OpCode::Load || V.Operands.size() != 1))
        Other = true;
  });
  if (!Init || Other || Init->Operands[1] != Seed)
    return;
  std::set<const Value *> Loads;
  forEachOp(G.Body, [&](Value &V) {
    if (V.Code == OpCode::Load && V.Operands[0] == Copy)
      Loads.insert(&V);
  });
  forEachOp(G.Body, [&](Value &V) {
    for (Value *&Op : V.Operands)
      if (Loads.count(Op))
        Op = Seed;
  });
  std::function<void(Block &)> Drop = [&](Block &B) {
    B.Ops.erase(std::remove_if(B.Ops.begin(), B.Ops.end(),
                               [&](const Value *V) {
                                 return V == Copy || V == Init ||
                                        Loads.count(V);
                               }),
                B.Ops.end());
    for (Value *V : B.Ops)
      for (Block &R : V->Regions)
        Drop(R);
  };
  Drop(G.Body);
}

} // namespace gradc::autodiff
