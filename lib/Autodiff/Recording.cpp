//===- Recording.cpp - Finding primal values in the backward sweep --------===//
#include "Recording.h"

#include "gradc/IR/MathFunctions.h"
#include "gradc/IR/MemoryLocation.h"
#include "gradc/IR/Uses.h"

namespace gradc::autodiff {

using namespace ir;

/// V read back from where its block stored it for good (`h[j] = s` with h
/// not written again): no tape needed.
Value *Recorder::reloadStored(const Value *V, Frame *Fr) {
  for (const Value *S : Plan.storedFor(V))
    if (Value *R = readBack(S, Pos.Home.at(V), Fr))
      return R;
  return nullptr;
}

/// What the load or store At reads or wrote, read again in the backward
/// sweep: where it is, or from the copy a call's pullback took of a local
/// that is gone; null when neither holds it or its index changed.
Value *Recorder::readBack(const Value *At, const Block *Blk, Frame *Fr) {
  const Value *Ptr = At->Operands[0], *Idx = At->index();
  const Value *Base = baseOf(Ptr);
  const Snapshot *Sn = outlives(Base) ? nullptr : snapshotAfter(Base, At);
  if ((!outlives(Base) && !Sn) || (Idx && Plan.changesLater(Idx, Blk)))
    return nullptr;
  // The copy's field is taken in Fr too, where the load reads it.
  return inFrame(Fr, [&] {
    Value *P = Sn ? rebase(Ptr, Base, Sn->Copy) : avail(Ptr);
    Value *I = Idx ? avail(Idx) : nullptr;
    return B.load(P, I);
  });
}

Recorder::TapeNames Recorder::tapeNames(const Value *V) {
  std::string Var = V->Name;
  if (Var.empty() && V->Code == OpCode::Load)
    Var = baseOf(V->Operands[0])->Name;
  // A recorded branch condition reads as such; a call as its function
  // (`exp_tape`, popped as `exp_v`).
  bool Branch = V->Ty.isBool() && Var.empty();
  if (Branch)
    Var = "branch";
  std::string Popped = Branch ? "taken" : V->Name;
  if (Var.empty() && (V->Code == OpCode::Call || V->Code == OpCode::Invoke)) {
    Var = V->Code == OpCode::Call ? mathFnName(V->Fn) : V->Callee->Name;
    Popped = Var + "_v";
  }
  // An unnamed sum, quotient, ...: as the forward sweep calls it.
  if (Var.empty() && resultWord(V->Code))
    Var = resultWord(V->Code);
  return {Var, Popped};
}

Value *Recorder::tapeValue(const Value *V, Frame *Fr) {
  if (!V->Ty.isScalar()) {
    Sw.error(*V, "this pointer is needed by the backward sweep after the "
                 "memory it was computed from changed; this is not "
                 "supported yet: index the array it points into instead "
                 "(a[i + k] rather than a pointer to a + k)");
    return inFrame(Fr, [&] { return B.constant(0, Scalar::Int32); });
  }
  Value *Fwd = Map.at(V);
  TapeNames Names = tapeNames(V);
  Value *T = Sw.newTape(V->Ty.element(), Names.Var.empty() ? "t" : Names.Var);
  if (const Value *Loop = invariantIn(V)) {
    // Saved once before the loop, and found before the reversed loop.
    Value *Load = G->create(OpCode::Load, V->Ty, {Map.at(V->Operands[0])});
    copyAttributes(*V, *Load);
    Sw.insertAfter(Map.at(Loop),
                   {Load, G->create(OpCode::Push, Type::voidTy(), {T, Load})},
                   /*Before=*/true);
    Fr = frameOf(Loop);
  } else {
    Sw.insertAfter(Fwd, {G->create(OpCode::Push, Type::voidTy(), {T, Fwd})});
  }
  return inFrame(Fr, [&] {
    Value *Pop = B.pop(T);
    Pop->Name = Names.Popped;
    return Pop;
  });
}

/// The outermost loop around V that V reads the same value in, every
/// iteration: a load of a scalar local the loop does not write (`c` in
/// `for (...) s += sin(w[i] * c);`). Null when there is none, or when the
/// backward sweep is not inside it.
const Value *Recorder::invariantIn(const Value *V) {
  if (V->Code != OpCode::Load || V->index() ||
      V->Operands[0]->Code != OpCode::Local || !V->Operands[0]->Ty.isMemory())
    return nullptr;
  const Value *Slot = V->Operands[0];
  if (!initialized(Slot))
    return nullptr; // read before the loop, it might not hold a value yet
  const Value *Found = nullptr;
  std::vector<const Value *> SlotLoops = Pos.loopsAround(Slot);
  for (const Value *L : Pos.loopsAround(V)) {
    if (L == Facts.Fused)
      break; // its body reads the slot itself
    // The slot must be declared outside L, and L must not write it.
    if (std::find(SlotLoops.begin(), SlotLoops.end(), L) != SlotLoops.end() ||
        !Pos.storesOnly(*L, Slot, nullptr) || !frameOf(L))
      break;
    Found = L;
  }
  return Found;
}

/// Whether local Slot is given a value where it is declared, before any
/// branch or loop.
bool Recorder::initialized(const Value *Slot) {
  auto [It, New] = Initialized.try_emplace(Slot, Slot->ZeroInit);
  if (New && !It->second)
    for (const Value *S : Pos.Home.at(Slot)->Ops)
      if (S->Code == OpCode::Store && S->Operands[0] == Slot &&
          Pos.isInitStore(*S)) {
        It->second = true;
        break;
      }
  return It->second;
}

Value *Recorder::recompute(const Value *V, Frame *Fr) {
  // Constants are made in Fr, where the recomputed op goes (Fr may be a
  // frame around the current one: `0.5 * x[j]` used in a nested loop).
  std::vector<Value *> Ops;
  for (const Value *Op : V->Operands)
    Ops.push_back(Op->isConst() ? nullptr : avail(Op));
  return inFrame(Fr, [&] {
    for (size_t I = 0; I < Ops.size(); ++I)
      if (!Ops[I])
        Ops[I] = avail(V->Operands[I]);
    Value *C = G->create(V->Code, V->Ty, Ops);
    copyAttributes(*V, *C);
    return B.append(C);
  });
}

/// Whether the backward sweep, in V's frame, reads V's forward value
/// itself: V is computed once, in a branch outside loops (its variable is
/// then declared before the branch), and is a variable of the source, a
/// call, or reads memory that changes later. Plain arithmetic is computed
/// again from such values, as a person would write it.
bool Recorder::keeps(const Value *V) {
  if (!V->Ty.isScalar() || !Facts.outsideLoops(V))
    return false;
  return !V->Name.empty() || V->Code == OpCode::Call ||
         V->Code == OpCode::Invoke ||
         Plan.how(V) == RecordingPlan::How::ReloadOrTape;
}

/// Whether V is integer arithmetic on constants and the fused loop's
/// counter.
bool Recorder::countsOnly(const Value *V) const {
  if (V->isConst())
    return true;
  if (V->Code == OpCode::Load)
    return isLoadOf(V, Pos.counted(*Facts.Fused)->Counter);
  if (!isIndexArithmetic(*V))
    return false;
  return std::all_of(V->Operands.begin(), V->Operands.end(),
                     [&](const Value *Op) { return countsOnly(Op); });
}

/// The value of primal V where the backward sweep is now.
Value *Recorder::avail(const Value *V) {
  if (V->isConst())
    return B.constant(V->constValue(), V->Ty, V->Text);
  if (auto It = Remap.find(V); It != Remap.end())
    return It->second;
  if (V->Code == OpCode::Param)
    return Map.at(V);
  const Block *H = Pos.Home.at(V);
  // Forward values of the body stay in scope; in the fused loop's, an
  // index made of the counter is written again (`derr[2 * i]`), as the
  // primal writes it, rather than kept in a variable.
  if (Facts.inScope(H) && (H == &P.Body || !countsOnly(V)))
    return Map.at(V);
  Frame *Fr = frameOf(V);
  if (!Fr) {
    // In a loop's init or condition: recompute where we are.
    Fr = Frames.back();
    if (auto It = Fr->Avail.find(V); It != Fr->Avail.end())
      return It->second;
    Value *R = recompute(V, Fr);
    Fr->Avail[V] = R;
    return R;
  }
  if (auto It = Fr->Avail.find(V); It != Fr->Avail.end())
    return It->second;
  Value *R = nullptr;
  if (Facts.hoistable(V)) {
    R = Map.at(V);
    R->Kept = true;
    Fr->Avail[V] = R;
    return R;
  }
  if (keeps(V)) {
    // Read back from where it was stored for good (`chosen`), if it was;
    // else the forward value itself.
    if (!(R = reloadStored(V, Fr))) {
      R = Map.at(V);
      R->Kept = true;
    }
    Fr->Avail[V] = R;
    return R;
  }
  switch (Plan.how(V)) {
  case RecordingPlan::How::Recompute:
    R = recompute(V, Fr);
    break;
  case RecordingPlan::How::ReloadOrRecompute:
    if (!(R = reloadStored(V, Fr)))
      R = recompute(V, Fr);
    break;
  case RecordingPlan::How::ReloadOrTape:
    if (!(R = reloadStored(V, Fr)) && !(R = readCopy(V, Fr)) &&
        !(R = carried(V, Fr)))
      R = tapeValue(V, Fr);
    break;
  }
  Fr->Avail[V] = R;
  return R;
}

/// A load of a local that a call's pullback has a copy of, read from the
/// copy when it holds what the load read.
Value *Recorder::readCopy(const Value *V, Frame *Fr) {
  // Memory that outlives its block is not read in place here: it changed.
  if (V->Code != OpCode::Load || outlives(baseOf(V->Operands[0])))
    return nullptr;
  return readBack(V, Pos.Home.at(V), Fr);
}

/// Ptr (Base, or offsets and members from it) with Copy in place of Base:
/// the same element of an adjoint, a seed or a copy.
Value *Recorder::rebase(const Value *Ptr, const Value *Base, Value *Copy) {
  if (Ptr == Base)
    return Copy;
  Value *On = rebase(Ptr->Operands[0], Base, Copy);
  if (Ptr->Code == OpCode::Offset) {
    // One pointer per frame, `double *dcam = dcams + prod;`, however many
    // elements are reached through it.
    for (auto F = Frames.rbegin(); F != Frames.rend(); ++F)
      if (auto It = (*F)->Rebased.find({Ptr, Copy}); It != (*F)->Rebased.end())
        return It->second;
    Value *R = B.offset(On, avail(Ptr->Operands[1]));
    R->Text = Ptr->Text; // a row's type
    if (!Frames.empty() && &B.block() == Frames.back()->Out)
      Frames.back()->Rebased[{Ptr, Copy}] = R;
    return R;
  }
  const Value *I = Ptr->index();
  Value *F = B.field(On, I ? avail(I) : nullptr, On->Ty, Ptr->IVal, Ptr->Text);
  copyAttributes(*Ptr, *F);
  F->Ty = Type::ptr(Ptr->Ty.scalarKind(), On->Ty.isConstPointee())
              .named(Ptr->Ty.name());
  return F;
}

const Recorder::Snapshot *Recorder::snapshotAfter(const Value *Base,
                                                  const Value *Op) {
  auto It = Snapshots.find(Base);
  if (It == Snapshots.end())
    return nullptr;
  const Snapshot &Sn = It->second;
  bool InScope = std::any_of(Frames.begin(), Frames.end(),
                             [&](const Frame *F) { return F->Out == Sn.Out; });
  if (!InScope)
    return nullptr;
  // Op ran before the copy was taken and nothing wrote Base after Op; or
  // after it, and nothing wrote Base after the copy.
  bool Before = Pos.Order.at(Op) <= Pos.Order.at(Sn.Call);
  if (!Pos.finalAt(Before ? Op : Sn.Call, Base))
    return nullptr;
  return &Sn;
}

} // namespace gradc::autodiff
