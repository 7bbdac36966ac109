//===- AdjointStore.cpp - Where each adjoint is ---------------------------===//
#include "AdjointStore.h"

#include "ProgramOrder.h"
#include "SeedCleanup.h"
#include "VectorCount.h"
#include "gradc/Autodiff/Reverse.h"
#include "gradc/IR/Uses.h"

#include <algorithm>

namespace gradc::autodiff {

using namespace ir;

using Element = std::pair<Value *, Value *>;

static const Element &keyOf(const Element &E) { return E; }
static const Element &keyOf(const std::pair<Element, Value *> &E) {
  return E.first;
}

/// The entry of Elements (pending zeroings or stores) for the element
/// (D, I), or end.
template <class Range>
auto findElement(Range &Elements, Value *D, Value *I,
                 const std::set<const Value *> &Stable) {
  return std::find_if(Elements.begin(), Elements.end(), [&](const auto &E) {
    return samePlace(keyOf(E).first, D, Stable) &&
           sameIndex(keyOf(E).second, I, Stable);
  });
}

Value *AdjointStore::adjointMemory(const Value *Base) {
  if (auto It = AdjMem.find(Base); It != AdjMem.end())
    return It->second;
  // A local's adjoint lives in the backward block of the local's own block;
  // one kept zero between iterations, before the loops.
  Frame *Fr = Facts.zeroKept(Base) ? Frames.front() : frameOf(Base);
  if (!Fr)
    Fr = Frames.front();
  Scalar S = Base->Ty.scalarKind();
  std::string Name = Sw.take("d" + Base->Name, "d_" + Base->Name);
  bool Here = Fr == Frames.back();
  if (!Here)
    flushPending(*Fr);
  auto Declare = [&] {
    Value *Count = Base->IVal < 0 ? vectorCount(B, Base, Map) : nullptr;
    Value *L = B.local(S, Base->IVal, Name, /*ZeroInit=*/Base->IVal != 0);
    // A struct's adjoint is a struct (`Camera dc{}`), a vector's a vector
    // of its size (declared at the function's top level, so its size is
    // there; the length it has after the forward sweep, if it changes).
    L->Text = Base->Text;
    L->MemberDefaults = Base->MemberDefaults;
    L->NoDefault = Base->NoDefault;
    L->Member = Base->Member;
    L->Stride = Base->Stride;
    L->RowDims = Base->RowDims; // `double dA[3][3]`, as `A`
    if (Count)
      L->Operands.push_back(Count);
    if (Base->IVal == 0 && !Here)
      B.store(L, B.constant(0, S));
    return L;
  };
  Value *D = Here ? inFrame(Fr, Declare) : declareIn(Fr, Declare);
  // Declared here: its first contribution initializes it.
  if (Base->IVal == 0 && Here)
    Fr->PendingZero.insert({D, nullptr});
  AdjMem[Base] = D;
  return D;
}

Value *AdjointStore::adjointPointer(const Value *Ptr) {
  const Value *Base = baseOf(Ptr);
  Value *D = rebase(Ptr, Base, adjointMemory(Base));
  // `cam`, a pointer into cams, has its adjoint `dcam` into dcams.
  if (D->Code == OpCode::Offset && D->Name.empty() && !Ptr->Name.empty())
    D->Name = Sw.take("d" + Ptr->Name, "d_" + Ptr->Name);
  return D;
}

/// Whether elements (D1, I1) and (D2, I2) of one memory may be one
/// element without being provably the same: `da[i]` and `da[j]`.
bool AdjointStore::mayAlias(Value *D1, Value *I1, Value *D2, Value *I2) const {
  if (baseOf(D1) != baseOf(D2))
    return false;
  if (samePlace(D1, D2, Counters) &&
      (sameIndex(I1, I2, Counters) || offsetFrom(I1, I2, Counters) ||
       (I1 && I2 && I1->isConst() && I2->isConst())))
    return false; // the same element, or provably another
  std::optional<double> A = constantPlace(D1, I1), B = constantPlace(D2, I2);
  return !(A && B);
}

void AdjointStore::settleAliases(Frame &Fr, Value *D, Value *I) {
  // What is held back for an element that may be this one runs first.
  bool Stores = false;
  for (const auto &[Where, V] : Fr.PendingStore)
    Stores |= mayAlias(Where.first, Where.second, D, I);
  if (Stores)
    flushStores(Fr);
  for (auto It = Fr.PendingZero.begin(); It != Fr.PendingZero.end();) {
    if (!mayAlias(It->first, It->second, D, I)) {
      ++It;
      continue;
    }
    emitZero(It->first, It->second);
    It = Fr.PendingZero.erase(It);
  }
}

Value *AdjointStore::readAdjoint(const Value *Ptr, const Value *Index) {
  const Value *Base = baseOf(Ptr);
  if (isOutput(Base)) {
    Value *S = Seeds.count(Base) ? Seeds.at(Base) : nullptr;
    if (!S)
      return B.constant(1, Base->Ty.scalarKind());
    if (!S->Ty.isMemory())
      return S;
    return B.load(rebase(Ptr, Base, S), Index ? avail(Index) : nullptr);
  }
  Value *D = adjointPointer(Ptr);
  Value *I = Index ? avail(Index) : nullptr;
  Frame &Fr = *Frames.back();
  flushStores(Fr);
  settleAliases(Fr, D, I);
  // An adjoint zeroed (by a later store) and not added to since is zero.
  if (findElement(Fr.PendingZero, D, I, Counters) != Fr.PendingZero.end())
    return B.constant(0, Base->Ty.scalarKind());
  return B.load(D, I);
}

void AdjointStore::addToAdjoint(const Value *Ptr, const Value *Index,
                                Value *C) {
  if (C->isConstValue(0))
    return;
  Value *D = adjointPointer(Ptr);
  Value *I = Index ? avail(Index) : nullptr;
  Frame &Fr = *Frames.back();
  settleAliases(Fr, D, I);
  if (takePendingZero(Fr, D, I)) {
    Fr.PendingStore.push_back({{D, I}, C});
    return;
  }
  if (auto It = findElement(Fr.PendingStore, D, I, Counters);
      It != Fr.PendingStore.end()) {
    It->second = B.add(It->second, C);
    return;
  }
  B.addTo(D, C, I);
}

void AdjointStore::zeroAdjoint(const Value *Ptr, const Value *Index,
                               bool ForCaller) {
  Value *D = adjointPointer(Ptr);
  Value *I = Index ? avail(Index) : nullptr;
  Frame &Fr = *Frames.back();
  if (findElement(Fr.PendingZero, D, I, Counters) != Fr.PendingZero.end())
    return;
  Fr.PendingZero.insert({D, I});
  if (ForCaller)
    CallerOnly.insert({D, I});
  else
    CallerOnly.erase({D, I});
}

void AdjointStore::emitZero(Value *D, Value *I) {
  B.store(D, B.constant(0, D->Ty.scalarKind()), I);
  if (CallerOnly.erase({D, I}))
    CallerZeros.insert(B.block().Ops.back());
}

bool AdjointStore::takePendingZero(Frame &Fr, Value *D, Value *I) {
  auto It = findElement(Fr.PendingZero, D, I, Counters);
  if (It == Fr.PendingZero.end())
    return false;
  CallerOnly.erase(*It);
  Fr.PendingZero.erase(It);
  return true;
}

void AdjointStore::flushStores(Frame &Fr) {
  if (Fr.PendingStore.empty())
    return;
  Block &Saved = B.block();
  B.setBlock(*Fr.Out);
  for (const auto &[Where, Value] : Fr.PendingStore)
    B.store(Where.first, Value, Where.second);
  Fr.PendingStore.clear();
  B.setBlock(Saved);
}

void AdjointStore::flushPending(Frame &Fr) {
  flushStores(Fr);
  Block &Saved = B.block();
  B.setBlock(*Fr.Out);
  for (const auto &[D, I] : Fr.PendingZero)
    emitZero(D, I);
  Fr.PendingZero.clear();
  B.setBlock(Saved);
}

Value *AdjointStore::adjointOf(const Value *V) {
  Value *A = nullptr;
  if (auto It = Adj.find(V); It != Adj.end())
    A = It->second;
  if (auto It = AdjSlot.find(V); It != AdjSlot.end()) {
    Value *FromSlot = B.load(It->second);
    A = A ? B.add(FromSlot, A) : FromSlot;
  }
  return A;
}

/// Inside a loop, a scalar parameter's adjoint is summed in a local and
/// added to the caller's once: `dx += ...` through a reference each
/// iteration would be read and written back every time (dx may alias the
/// arrays written there).
Value *AdjointStore::paramSum(const Value *U) {
  auto It = ParamAcc.find(U);
  if (It != ParamAcc.end())
    return It->second;
  const Value *Param = AdjParam.at(U);
  // (`dL.scale`, a member of an adjoint struct: `dL_scale_sum`.)
  std::string Word = paramWord(Param->Name);
  std::string Name = Sw.take(Word + "_sum", Word + "_sum_");
  Frame *Top = Frames.front();
  flushPending(*Top);
  Value *Acc = declareIn(Top, [&] {
    Value *L = B.local(U->Ty.scalarKind(), 0, Name);
    B.store(L, B.constant(0, U->Ty.scalarKind()));
    return L;
  });
  return ParamAcc.emplace(U, Acc).first->second;
}

void AdjointStore::contribute(const Value *U, Value *C, bool Own) {
  // A zero contribution (0 * y) is no contribution: no `dy += 0`.
  if (!Act.isActive(U) || C->isConstValue(0))
    return;
  if (auto Param = AdjParam.find(U); Param != AdjParam.end()) {
    if (!Frames.back()->InLoop) {
      B.addTo(Param->second, C);
      return;
    }
    B.addTo(paramSum(U), C);
    return;
  }
  std::string Name = U->Name.empty() ? "" : "d" + U->Name;
  Frame *Fr = frameOf(U);
  if (U->Code != OpCode::Param && Fr != Frames.back() && Fr) {
    // Used inside a loop or branch below its own block: its adjoint
    // accumulates there, in a variable of the enclosing backward block.
    auto It = AdjSlot.find(U);
    if (It == AdjSlot.end()) {
      std::string Want = Name.empty() ? "dt" : Name;
      std::string SlotName = Sw.take(Want, Want + "_");
      flushPending(*Fr);
      Value *Slot = declareIn(Fr, [&] {
        Value *L = B.local(U->Ty.scalarKind(), 0, SlotName);
        B.store(L, B.constant(0, U->Ty.scalarKind()));
        return L;
      });
      It = AdjSlot.emplace(U, Slot).first;
    }
    B.addTo(It->second, C);
    return;
  }
  auto It = Adj.find(U);
  if (It == Adj.end()) {
    // A value built for this contribution takes the adjoint's name; anything
    // else (the upstream adjoint, a forward value) is copied, so that
    // `dsigx = dden` reads as the seed's staged code does.
    // A reassigned variable (`s -= 0.5 * y`) passes its adjoint through to
    // the previous version: same name, same value, nothing to copy.
    if (!Name.empty() && C->Name != Name) {
      if (!Own || !C->Name.empty() || C->isConst())
        C = B.copy(C);
      C->Name = Name;
    }
    Adj[U] = C;
    return;
  }
  unsigned Begin = G->numValues();
  Value *Sum = B.add(It->second, C);
  if (Sum->Id >= Begin)
    Sum->Name = Name;
  It->second = Sum;
}

/// A scalar output whose seed the backward sweep changes gets a local
/// adjoint holding the seed (1 in a gradient).
void AdjointStore::declareMutableSeeds() {
  for (auto &[O, S] : MutableSeeds) {
    Scalar K = O->Ty.scalarKind();
    std::string Name = Sw.take("d" + O->Name, "d_" + O->Name);
    Value *L = B.local(K, 0, Name);
    B.store(L, S ? S : B.constant(1, K));
    AdjMem[O] = L;
  }
}

void AdjointStore::bindParam(const Value *Prm, Value *D) {
  if (Prm->Ty.isMemory())
    AdjMem[Prm] = D;
  else
    AdjParam[Prm] = D;
}

void AdjointStore::bindMutableSeed(const Value *O, Value *S) {
  if (S && S->Ty.kind() == Type::Ptr)
    AdjMem[O] = S;
  else
    MutableSeeds[O] = S;
}

Value *AdjointStore::paramAdjoint(const Value *U, bool InLoopSum) {
  auto Param = AdjParam.find(U);
  if (Param == AdjParam.end())
    return nullptr;
  return Frames.back()->InLoop && InLoopSum ? paramSum(U) : Param->second;
}

void AdjointStore::seedResult(const Value *Result, Value *Seed) {
  if (!Act.isActive(Result))
    return;
  if (AdjParam.count(Result))
    B.addTo(AdjParam[Result], Seed);
  else
    Adj[Result] = Seed;
}

void AdjointStore::addLoopSums() {
  for (const auto &[Prm, Acc] : ParamAcc)
    B.addTo(AdjParam.at(Prm), B.load(Acc));
}

static void dropOps(Block &Blk, const std::set<const Value *> &Drop) {
  Blk.Ops.erase(std::remove_if(Blk.Ops.begin(), Blk.Ops.end(),
                               [&](Value *V) { return Drop.count(V); }),
                Blk.Ops.end());
  for (Value *V : Blk.Ops)
    for (Block &R : V->Regions)
      dropOps(R, Drop);
}

void AdjointStore::settleSeeds() {
  for (Param &Prm : G->Params)
    for (const auto &[O, D] : AdjMem) {
      if (D != Prm.V || O->Code != OpCode::Param || Pos.isWrtMemory(O))
        continue;
      // A seed the sweep only clears for the caller stays a read-only
      // seed, which hands nothing back.
      if (!findWrite(G->Body, D, nullptr,
                     [&](const Value &W) { return !CallerZeros.count(&W); })) {
        std::set<const Value *> Drop;
        for (const Value *Z : CallerZeros)
          if (baseOf(Z->Operands[0]) == D)
            Drop.insert(Z);
        dropOps(G->Body, Drop);
      }
      constIfUnwritten(*G, Prm);
    }
  for (const auto &[O, S] : MutableSeeds)
    if (S)
      forwardIfUnchanged(*G, AdjMem.at(O), S);
}

Value *AdjointStore::paramTraced(const Value *Prm) const {
  if (auto D = AdjParam.find(Prm); D != AdjParam.end())
    return D->second;
  auto M = AdjMem.find(Prm);
  return M != AdjMem.end() ? M->second : nullptr;
}

Value *AdjointStore::valueTraced(const Value *V) const {
  auto A = Adj.find(V);
  return A == Adj.end() ? nullptr : A->second;
}

} // namespace gradc::autodiff
