//===- Simplify.cpp - Clean-ups of lowered IR -----------------------------===//
#include "gradc/IR/Simplify.h"

#include "gradc/IR/MemoryLocation.h"
#include "gradc/IR/Uses.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace gradc::ir {

namespace {

void writtenBases(const Value &V, std::vector<const Value *> &Out) {
  writtenByOp(V, Out);
  for (const Block &R : V.Regions)
    for (const Value *Op : R.Ops)
      writtenBases(*Op, Out);
}

class LoadReuse {
public:
  void block(Block &B) {
    // Loads by pointer and index: the index itself ("#id"), and within a
    // statement the index as what it computes ("stmt@key"): `a[i - 1] *
    // a[i - 1]` builds `i - 1` twice and is one load (one tape when a is
    // overwritten). Across statements each keeps its own staging.
    std::map<std::pair<Value *, std::string>, Value *> Seen;
    std::vector<Value *> Kept;
    for (Value *V : B.Ops) {
      for (Value *&Op : V->Operands)
        if (auto It = Replaced.find(Op); It != Replaced.end())
          Op = It->second;
      if (V->Code == OpCode::Load && V->Name.empty()) {
        const Value *I = V->index();
        auto Itself = std::make_pair(
            V->Operands[0], "#" + (I ? std::to_string(I->Id) : std::string()));
        auto Computed = std::make_pair(V->Operands[0], std::to_string(V->Stmt) +
                                                           "@" + indexKey(I));
        auto It = Seen.find(Itself);
        if (It == Seen.end())
          It = Seen.find(Computed);
        if (It != Seen.end()) {
          Replaced[V] = It->second;
          continue;
        }
        Seen[Itself] = Seen[Computed] = V;
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
  /// An integer index as the arithmetic it does on constants and values
  /// (loads of a variable not written in between are one value by now).
  static std::string indexKey(const Value *I) {
    if (!I)
      return "";
    if (I->Code == OpCode::Const && I->Ty.isInteger())
      return std::to_string(I->IVal);
    if (!isIndexArithmetic(*I))
      return "%" + std::to_string(I->Id);
    std::string Key = "(" + std::to_string(static_cast<int>(I->Code));
    for (const Value *Op : I->Operands)
      Key += " " + indexKey(Op);
    return Key + ")";
  }

  std::map<Value *, Value *> Replaced;
};

/// Math calls by function and operands, visible in the block that made
/// them (from there on) and in the regions of later ops.
class CallSharing {
public:
  explicit CallSharing(unsigned From) : From(From) {}
  using Key = std::pair<int, std::vector<unsigned>>;

  void block(Block &B, std::map<Key, Value *> Seen) {
    std::vector<Value *> Remaining;
    for (Value *V : B.Ops) {
      for (Value *&Op : V->Operands)
        if (auto It = Replaced.find(Op); It != Replaced.end())
          Op = It->second;
      if (V->Code == OpCode::Call) {
        Key K{static_cast<int>(V->Fn), {}};
        for (const Value *Op : V->Operands)
          K.second.push_back(Op->Id);
        if (Value *Same = earlier(K, *V, Seen)) {
          Replaced[V] = Same;
          continue;
        }
        Seen.emplace(K, V);
        if (V->Kept)
          KeptCalls.emplace(K, V);
      }
      if (V->Kept)
        Home[V] = &B;
      for (Block &R : V->Regions)
        block(R, Seen);
      Remaining.push_back(V);
    }
    B.Ops = std::move(Remaining);
  }

private:
  /// The call V of the backward sweep may reuse: one in scope, or a kept
  /// call of a branch that has run, which V knows when it reads another
  /// value kept from the same branch (`cos(theta)` with `theta` and
  /// `costheta` of the forward `if`).
  Value *earlier(const Key &K, const Value &V,
                 const std::map<Key, Value *> &Seen) const {
    if (!V.Name.empty() || V.Id < From)
      return nullptr;
    if (auto It = Seen.find(K); It != Seen.end())
      return It->second;
    auto It = KeptCalls.find(K);
    if (It == KeptCalls.end())
      return nullptr;
    const Block *Branch = Home.at(It->second);
    for (const Value *Op : V.Operands)
      if (auto H = Home.find(Op); H != Home.end() && H->second == Branch)
        return It->second;
    return nullptr;
  }

  unsigned From;
  std::map<Key, Value *> KeptCalls;
  std::map<const Value *, const Block *> Home; ///< of kept values
  std::map<Value *, Value *> Replaced;
};

} // namespace

void reuseLoads(Function &F) { LoadReuse().block(F.Body); }

void shareCalls(Function &F, unsigned From) {
  CallSharing(From).block(F.Body, {});
}

} // namespace gradc::ir
