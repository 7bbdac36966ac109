//===- Carried.cpp - One tape for a loop-carried variable -----------------===//
//
// In `for (...) { c = tanh(c * w[i] + 0.91); s += c; }` the backward sweep
// needs both the c an iteration reads (its old value) and the value it
// stores. The old c of iteration i + 1 is the value iteration i stored, so
// one tape holds both: the old values are pushed as the loop runs, and c
// once more after it (the value the last iteration stored). The backward
// sweep pops that last value before the reversed loop into `c_new`; each
// reversed iteration reads its stored value from `c_new`, pops its old
// value and leaves it in `c_new` for the iteration before.
//
//===----------------------------------------------------------------------===//
#include "Recording.h"

#include "gradc/IR/LoopShape.h"

#include <algorithm>

namespace gradc::autodiff {

using namespace ir;

namespace {

/// The op of Blk's own list that is Op, if it is there.
std::vector<Value *>::iterator find(Block &Blk, const Value *Op) {
  return std::find(Blk.Ops.begin(), Blk.Ops.end(), Op);
}

} // namespace

/// V's part in a loop-carried variable, if it has one: V is a load of a
/// scalar local in a loop's body, or the value the body stores to it, where
/// that store (in the body itself, not in a branch) is the only write of
/// the local in the loop. A load before the store reads the old value, one
/// after it (or the stored value itself) the new one. The loop neither
/// breaks nor continues: every iteration it begins runs the loads and the
/// store. The local has a value before the loop (it is pushed once after
/// it, however many times the loop ran).
std::optional<Recorder::Carry> Recorder::carryOf(const Value *V) {
  const Block *Body = Pos.Home.at(V);
  auto Own = Pos.Owner.find(Body);
  if (Own == Pos.Owner.end() || Own->second->Code != OpCode::Loop ||
      &Own->second->Regions[LoopBody] != Body)
    return std::nullopt;
  const Value *Loop = Own->second;
  if (Loop == Facts.Fused || !frameOf(Loop) || findJump(*Body, OpCode::Break) ||
      findJump(*Body, OpCode::Continue))
    return std::nullopt;
  const Value *Store = nullptr;
  bool Old = false;
  if (isCarriedLoad(V, nullptr)) {
    for (const Value *Op : Body->Ops)
      if (Op->Code == OpCode::Store && Op->Operands[0] == V->Operands[0])
        Store = Op;
    Old = Store && Pos.Order.at(V) < Pos.Order.at(Store);
  } else {
    for (const Value *Op : Body->Ops)
      if (Op->Code == OpCode::Store && Op->Operands[1] == V &&
          Op->Operands[0]->Code == OpCode::Local && Op->Operands[0]->IVal == 0)
        Store = Op;
  }
  if (!Store)
    return std::nullopt;
  const Value *Slot = Store->Operands[0];
  std::vector<const Value *> SlotLoops = Pos.loopsAround(Slot);
  if (Store->index() ||
      std::find(SlotLoops.begin(), SlotLoops.end(), Loop) != SlotLoops.end() ||
      !initialized(Slot) || !Pos.storesOnly(*Loop, Slot, Store) ||
      Store->Operands[1]->Ty.scalarKind() != Slot->Ty.scalarKind())
    return std::nullopt;
  return Carry{Loop, Slot, Store, Old};
}

/// Whether V reads a scalar local (Slot, if given) itself.
bool Recorder::isCarriedLoad(const Value *V, const Value *Slot) {
  return V->Code == OpCode::Load && !V->index() &&
         V->Operands[0]->Code == OpCode::Local && V->Operands[0]->IVal == 0 &&
         (!Slot || V->Operands[0] == Slot);
}

/// V found through its loop-carried variable's one tape, if a value of the
/// other kind (old or new) is on a tape of its own in this frame already:
/// the pair is made one when the second is asked for, so that a value the
/// backward sweep needs alone keeps its own tape. Null otherwise.
Value *Recorder::carried(const Value *V, Frame *Fr) {
  std::optional<Carry> C = carryOf(V);
  if (!C)
    return nullptr;
  auto Key = std::make_pair(Fr->Out, C->Store);
  if (auto It = Carried.find(Key); It != Carried.end())
    return C->Old ? It->second.first : It->second.second;
  // A value of the other kind, popped in this frame's own block.
  const Value *OtherV = nullptr;
  Value *Other = nullptr;
  auto PoppedHere = [&](const Value *W) {
    auto It = Fr->Avail.find(W);
    if (It == Fr->Avail.end() || It->second->Code != OpCode::Pop ||
        find(*Fr->Out, It->second) == Fr->Out->Ops.end())
      return false;
    OtherV = W;
    Other = It->second;
    return true;
  };
  const Value *Stored = C->Store->Operands[1];
  bool Before = true;
  for (const Value *Op : Pos.Home.at(V)->Ops) {
    Before &= Op != C->Store;
    bool New = !Before && (Op == C->Store || isCarriedLoad(Op, C->Slot));
    if ((C->Old ? New : Before && isCarriedLoad(Op, C->Slot)) &&
        PoppedHere(Op == C->Store ? Stored : Op))
      break;
  }
  const Value *OldV = C->Old ? V : OtherV;
  if (!Other || !Map.count(OldV) || !Map.count(OtherV))
    return nullptr;
  Value *FwdOld = Map.at(OldV);
  Block *FwdBody = Sw.FwdHome.at(FwdOld);
  Value *T = Other->Operands[0];
  if (C->Old) {
    // The new value's tape holds the old values instead.
    Value *FwdNew = Map.at(OtherV), *NewPush = nullptr;
    if (Sw.FwdHome.at(FwdNew) != FwdBody)
      return nullptr;
    for (Value *Op : FwdBody->Ops)
      if (Op->Code == OpCode::Push && Op->Operands[0] == T)
        NewPush = NewPush ? nullptr : Op;
    if (!NewPush || NewPush->Operands[1] != FwdNew)
      return nullptr;
    // The tape now holds the local's values: named after it, if it can be.
    FwdBody->Ops.erase(find(*FwdBody, NewPush));
    if (std::string Want = C->Slot->Name + "_tape";
        !C->Slot->Name.empty() && !Sw.Taken.count(Want))
      T->Name = Sw.take(Want, Want + "_");
    Sw.insertAfter(FwdOld,
                   {G->create(OpCode::Push, Type::voidTy(), {T, FwdOld})});
  }
  // The value the last iteration stored, pushed after the loop and popped
  // before the reversed one.
  Value *FwdLast = G->create(OpCode::Load, V->Ty, {Map.at(C->Slot)});
  Sw.insertAfter(
      Map.at(C->Loop),
      {FwdLast, G->create(OpCode::Push, Type::voidTy(), {T, FwdLast})});
  Frame *Outer = frameOf(C->Loop);
  Value *Next = declareIn(
      Outer, [&] { return B.local(V->Ty, 0, C->Slot->Name + "_new"); });
  inFrame(Outer, [&] {
    Value *Last = B.pop(T);
    B.store(Next, Last);
    return Last;
  });
  // In the reversed body: the new value read, then the old value popped
  // and kept for the iteration before.
  Value *New = nullptr, *Old = nullptr;
  if (C->Old) {
    New = Other; // now a read of Next, where the new value was popped
    New->Code = OpCode::Load;
    New->Operands = {Next};
    if (New->Name.empty())
      New->Name = tapeNames(Stored).Popped;
    Old = inFrame(Fr, [&] {
      Value *Pop = B.pop(T);
      Pop->Name = V->Name;
      return Pop;
    });
    inFrame(Fr, [&] {
      B.store(Next, Old);
      return Old;
    });
  } else {
    Old = Other;
    New = G->create(OpCode::Load, V->Ty, {Next});
    New->Name = tapeNames(Stored).Popped;
    Value *Keep = G->create(OpCode::Store, Type::voidTy(), {Next, Old});
    auto At = Fr->Out->Ops.insert(find(*Fr->Out, Old), New);
    Fr->Out->Ops.insert(At + 2, Keep);
  }
  Carried[Key] = {Old, New};
  return C->Old ? Old : New;
}

} // namespace gradc::autodiff
