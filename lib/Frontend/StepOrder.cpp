//===- StepOrder.cpp - A loop step's stores in an order C++ can print -----===//
//
// A for loop's step is printed as one comma expression of its stores, each
// value written inline (`++i, j = i`), so a value read before a store to
// its variable must not be printed after that store: `j = i++` is `load i;
// store i, i + 1; store j, (old) i`, which reads `++i, j = i`, the new i.
// Moving the later store before the earlier one (`j = i, ++i`) is the same
// computation when nothing between them reads or writes what it stores.
//
//===----------------------------------------------------------------------===//
#include "StepOrder.h"

#include "gradc/IR/Uses.h"

#include <algorithm>
#include <map>

namespace gradc::frontend {

using ir::OpCode;
using ir::Value;

namespace {

/// The ops of the step V is printed from (itself and what it uses there).
void printedFrom(const Value *V, const std::map<const Value *, size_t> &At,
                 std::vector<const Value *> &Out) {
  if (!At.count(V) || std::find(Out.begin(), Out.end(), V) != Out.end())
    return;
  Out.push_back(V);
  for (const Value *Op : V->Operands)
    printedFrom(Op, At, Out);
}

bool touches(const Value &V, const Value *Base) {
  return (V.Code == OpCode::Load || V.Code == OpCode::Store) &&
         ir::baseOf(V.Operands[0]) == Base;
}

} // namespace

bool orderStepStores(ir::Block &Step) {
  std::vector<Value *> &Ops = Step.Ops;
  for (size_t Q = 0; Q < Ops.size(); ++Q) {
    Value *T = Ops[Q];
    if (T->Code != OpCode::Store)
      continue;
    std::map<const Value *, size_t> At;
    for (size_t K = 0; K < Q; ++K)
      At[Ops[K]] = K;
    std::vector<const Value *> Uses;
    for (size_t K = 1; K < T->Operands.size(); ++K)
      printedFrom(T->Operands[K], At, Uses);
    // The first store, after a load T prints, to what that load read.
    size_t First = Q;
    for (const Value *L : Uses)
      if (L->Code == OpCode::Load)
        for (size_t P = At[L] + 1; P < First; ++P)
          if (Ops[P]->Code == OpCode::Store &&
              touches(*Ops[P], ir::baseOf(L->Operands[0])))
            First = P;
    if (First == Q)
      continue;
    // T moves there with what it prints that comes after (`j = i++ + k++`
    // adds after both stores), when none of that reads what a store left
    // behind writes, and nothing left behind touches T's own target.
    std::vector<Value *> Moved, Kept;
    for (size_t P = First; P < Q; ++P)
      (std::find(Uses.begin(), Uses.end(), Ops[P]) != Uses.end() ? Moved : Kept)
          .push_back(Ops[P]);
    Moved.push_back(T);
    const Value *Target = ir::baseOf(T->Operands[0]);
    for (const Value *K : Kept) {
      std::vector<const Value *> Printed{K};
      if (K->Code == OpCode::Store)
        for (const Value *Op : K->Operands)
          printedFrom(Op, At, Printed);
      for (const Value *V : Printed)
        if (touches(*V, Target))
          return false;
    }
    for (const Value *M : Moved)
      if (M->Code == OpCode::Load)
        for (const Value *K : Kept)
          if (K->Code == OpCode::Store && At.count(K) && At[K] < At[M] &&
              touches(*K, ir::baseOf(M->Operands[0])))
            return false;
    std::copy(Kept.begin(), Kept.end(),
              std::copy(Moved.begin(), Moved.end(), Ops.begin() + First));
    Q = First + Moved.size() - 1;
  }
  return true;
}

} // namespace gradc::frontend
