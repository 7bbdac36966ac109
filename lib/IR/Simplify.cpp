//===- Simplify.cpp - Clean-ups of lowered IR -----------------------------===//
#include "gradc/IR/Simplify.h"

#include "gradc/IR/Uses.h"

#include <map>
#include <utility>

namespace gradc::ir {

namespace {

void writtenBases(const Value &V, std::vector<const Value *> &Out) {
  if (V.Code == OpCode::Store || V.Code == OpCode::AddTo)
    Out.push_back(baseOf(V.Operands[0]));
  // A call writes what it is given through a pointer or reference.
  if (V.Code == OpCode::Invoke)
    for (unsigned I = 0; I < V.Operands.size(); ++I)
      if (V.writesArg(I))
        Out.push_back(baseOf(V.Operands[I]));
  for (const Block &R : V.Regions)
    for (const Value *Op : R.Ops)
      writtenBases(*Op, Out);
}

class LoadReuse {
public:
  void block(Block &B) {
    std::map<std::pair<Value *, Value *>, Value *> Seen;
    std::vector<Value *> Kept;
    for (Value *V : B.Ops) {
      for (Value *&Op : V->Operands)
        if (auto It = Replaced.find(Op); It != Replaced.end())
          Op = It->second;
      if (V->Code == OpCode::Load && V->Name.empty()) {
        auto Key = std::make_pair(V->Operands[0], V->index());
        auto [It, New] = Seen.emplace(Key, V);
        if (!New) {
          Replaced[V] = It->second;
          continue;
        }
      }
      std::vector<const Value *> Written;
      writtenBases(*V, Written);
      for (const Value *Base : Written)
        for (auto It = Seen.begin(); It != Seen.end();)
          It = baseOf(It->first.first) == Base ? Seen.erase(It) : std::next(It);
      for (Block &R : V->Regions)
        block(R);
      Kept.push_back(V);
    }
    B.Ops = std::move(Kept);
  }

private:
  std::map<Value *, Value *> Replaced;
};

} // namespace

void reuseLoads(Function &F) { LoadReuse().block(F.Body); }

} // namespace gradc::ir
