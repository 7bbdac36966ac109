//===- Uses.cpp - Use counts and dead code --------------------------------===//
#include "gradc/IR/Uses.h"

#include "gradc/IR/MemoryLocation.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace gradc::ir {

static void countIn(const Block &B, std::vector<unsigned> &Uses) {
  for (const Value *V : B.Ops) {
    for (const Value *Op : V->Operands)
      ++Uses[Op->Id];
    for (const Block &R : V->Regions)
      countIn(R, Uses);
  }
}

const Value *baseOf(const Value *Ptr) {
  while (Ptr->Code == OpCode::Offset || Ptr->Code == OpCode::Field)
    Ptr = Ptr->Operands[0];
  return Ptr;
}

/// Whether Pick holds for some memory Op itself writes (not its regions).
template <typename Fn> static bool anyWrittenByOp(const Value &Op, Fn Pick) {
  if (Op.Code == OpCode::Store || Op.Code == OpCode::AddTo)
    return Pick(baseOf(Op.Operands[0]));
  // A call writes what it is given through a pointer or reference.
  if (Op.Code == OpCode::Invoke)
    for (unsigned I = 0; I < Op.Operands.size(); ++I)
      if (Op.writesArg(I) && Pick(baseOf(Op.Operands[I])))
        return true;
  return false;
}

void writtenByOp(const Value &Op, std::vector<const Value *> &Out) {
  anyWrittenByOp(Op, [&](const Value *Base) {
    Out.push_back(Base);
    return false;
  });
}

bool writes(const Value &Op, const Value *Base) {
  if (anyWrittenByOp(Op, [&](const Value *B) { return B == Base; }))
    return true;
  for (const Block &R : Op.Regions)
    for (const Value *V : R.Ops)
      if (writes(*V, Base))
        return true;
  return false;
}

/// The parameters whose first touch readsFirst is finding.
static thread_local std::set<const Value *> Touching;

/// The first op of B (in text order, regions included) that touches Base:
/// 1 if it reads, 0 if it only writes, -1 if none does.
static int firstTouch(const Block &B, const Value *Base) {
  for (const Value *V : B.Ops) {
    if (V->isRegionOp()) {
      for (const Block &R : V->Regions)
        if (int T = firstTouch(R, Base); T >= 0)
          return T;
      continue;
    }
    // A call reads what its callee reads before writing. A recursive call
    // met again touches first what the rest of its body does.
    if (V->Code == OpCode::Invoke && V->Callee) {
      for (unsigned I = 0; I < V->Operands.size(); ++I)
        if (V->Operands[I]->Ty.isMemory() && baseOf(V->Operands[I]) == Base &&
            !Touching.count(V->Callee->Params[I].V))
          return readsFirst(*V->Callee, V->Callee->Params[I].V) ? 1 : 0;
      continue;
    }
    // An op reads its operands before it writes (`a[i] += x`).
    if (reads(*V, Base) ||
        (V->Code == OpCode::AddTo && baseOf(V->Operands[0]) == Base))
      return 1;
    if (writes(*V, Base))
      return 0;
  }
  return -1;
}

bool readsFirst(const Function &F, const Value *Base) {
  Touching.insert(Base);
  int T = firstTouch(F.Body, Base);
  Touching.erase(Base);
  return T == 1;
}

std::vector<unsigned> countUses(const Function &F) {
  std::vector<unsigned> Uses(F.numValues(), 0);
  countIn(F.Body, Uses);
  return Uses;
}

/// Drops the ops of B whose results are unused. A value's users all come
/// after it (in B or in the regions of later ops), so one backward walk that
/// visits regions before the ops above them decides every user first.
static void sweep(Block &B, std::vector<unsigned> &Uses) {
  std::vector<Value *> Kept;
  for (auto It = B.Ops.rbegin(); It != B.Ops.rend(); ++It) {
    Value *V = *It;
    for (auto R = V->Regions.rbegin(); R != V->Regions.rend(); ++R)
      sweep(*R, Uses);
    if (V->hasEffect() || Uses[V->Id] > 0) {
      Kept.push_back(V);
      continue;
    }
    for (Value *Op : V->Operands)
      --Uses[Op->Id];
  }
  std::reverse(Kept.begin(), Kept.end());
  B.Ops = std::move(Kept);
}

bool saysNothing(const Block &B) {
  for (const Value *V : B.Ops)
    if (V->Code != OpCode::Note && V->Code != OpCode::Const)
      return false;
  return true;
}

void forEachOp(const Block &B, const std::function<void(Value &)> &Fn) {
  for (Value *V : B.Ops) {
    Fn(*V);
    for (const Block &R : V->Regions)
      forEachOp(R, Fn);
  }
}

/// A call gradc can see into that writes only through pointers to locals
/// (what it writes is dead when they are).
static bool writesOnlyLocals(const Value &V) {
  if (V.Code != OpCode::Invoke || !V.Callee || V.Callee->Opaque)
    return false;
  bool Any = false;
  for (unsigned I = 0; I < V.Operands.size(); ++I)
    if (V.writesArg(I)) {
      if (baseOf(V.Operands[I])->Code != OpCode::Local)
        return false;
      Any = true;
    }
  return Any;
}

/// Locals whose value reaches something other than stores into locals:
/// `s += w[i] * x[i]` alone does not keep s alive. A worklist marks the
/// operands of each live op once; passes over the function until nothing
/// changed took one pass per link of a chain through locals in a loop.
static void collectRead(const Block &Body, std::vector<bool> &Live) {
  auto IntoLocal = [](const Value &V) {
    return (((V.Code == OpCode::Store && V.Text.empty()) ||
             V.Code == OpCode::AddTo) &&
            V.Operands[0]->Code == OpCode::Local) ||
           writesOnlyLocals(V);
  };
  std::vector<bool> Done(Live.size(), false);
  std::vector<const Value *> Work;
  auto Keep = [&](const Value &V) {
    if (Done[V.Id])
      return;
    Done[V.Id] = true;
    for (const Value *Op : V.Operands)
      if (!Live[Op->Id]) {
        Live[Op->Id] = true;
        Work.push_back(Op);
      }
  };
  // The stores into locals (and calls writing only locals) that each
  // memory object keeps when it is read.
  std::vector<std::vector<const Value *>> KeptBy(Live.size());
  forEachOp(Body, [&](Value &V) {
    if (!IntoLocal(V)) {
      if (V.hasEffect())
        Keep(V);
      return;
    }
    for (unsigned I = 0; I < V.Operands.size(); ++I)
      if (V.Code == OpCode::Invoke ? V.writesArg(I) : I == 0)
        KeptBy[baseOf(V.Operands[I])->Id].push_back(&V);
  });
  while (!Work.empty()) {
    const Value *V = Work.back();
    Work.pop_back();
    Keep(*V);
    for (const Value *Store : KeptBy[V->Id])
      Keep(*Store);
  }
}

/// Whether Pick holds for some memory Op itself may read (not its regions).
template <typename Fn> static bool anyReadByOp(const Value &Op, Fn Pick) {
  if (Op.Code == OpCode::Load && Pick(baseOf(Op.Operands[0])))
    return true;
  // A callee may read what it is given (a pullback adds into it); a copy
  // onto a tape reads it all.
  if (Op.Code == OpCode::Invoke || Op.Code == OpCode::PushArray)
    for (const Value *Arg : Op.Operands)
      if (Arg->Ty.isMemory() && Pick(baseOf(Arg)))
        return true;
  return false;
}

void readByOp(const Value &Op, std::vector<const Value *> &Out) {
  anyReadByOp(Op, [&](const Value *Base) {
    Out.push_back(Base);
    return false;
  });
}

bool reads(const Value &V, const Value *L) {
  if (anyReadByOp(V, [&](const Value *B) { return B == L; }))
    return true;
  for (const Block &R : V.Regions)
    for (const Value *Op : R.Ops)
      if (reads(*Op, L))
        return true;
  return false;
}

/// Where each op is: its block, its position, and the op owning the block;
/// and for each block and memory it reads, the last op that reads it (so
/// that readAfter does not scan the rest of the block for each store).
struct Place {
  std::map<const Value *, std::pair<const Block *, size_t>> Of;
  std::map<const Block *, const Value *> Owner;
  std::map<std::pair<const Block *, const Value *>, size_t> LastRead;

  /// Indexes B; returns the memory its ops may read, as reads() says.
  std::set<const Value *> index(const Block &B) {
    std::set<const Value *> InB;
    for (size_t I = 0; I < B.Ops.size(); ++I) {
      const Value *V = B.Ops[I];
      Of[V] = {&B, I};
      std::vector<const Value *> Own;
      readByOp(*V, Own);
      std::set<const Value *> InV(Own.begin(), Own.end());
      for (const Block &R : V->Regions) {
        Owner[&R] = V;
        InV.merge(index(R));
      }
      for (const Value *L : InV)
        LastRead[{&B, L}] = I;
      InB.merge(InV);
    }
    return InB;
  }
  /// Whether an op of B at position From or later may read L.
  bool readFrom(const Block *B, const Value *L, size_t From) const {
    auto It = LastRead.find({B, L});
    return It != LastRead.end() && It->second >= From;
  }
  /// Whether a load of local L can run after Op.
  bool readAfter(const Value *Op, const Value *L) const {
    for (const Value *Cur = Op;;) {
      auto [B, I] = Of.at(Cur);
      if (readFrom(B, L, I + 1))
        return true;
      auto O = Owner.find(B);
      // Past the end of L's own block, L is gone (a loop body's local is
      // a new variable in the next iteration), unless it is kept for the
      // code after it (Value::Kept); a loop's init is the scope of the
      // whole loop.
      bool InInit = O != Owner.end() && O->second->Code == OpCode::Loop &&
                    &O->second->Regions[Init] == B;
      if (auto Home = Of.find(L);
          Home != Of.end() && Home->second.first == B && !InInit && !L->Kept)
        return false;
      if (O == Owner.end())
        return false;
      Cur = O->second;
      if (Cur->Code == OpCode::Loop)
        for (const Block &R : Cur->Regions)
          if (readFrom(&R, L, 0))
            return true;
    }
  }
};

/// Drops stores into locals (scalars, elements, members) that nothing
/// reads afterwards: `dh[i] = 0;` at the end of a backward loop body.
static bool dropOverwritten(Block &B, const Place &P) {
  bool Changed = false;
  std::vector<Value *> Kept;
  for (Value *V : B.Ops) {
    for (Block &R : V->Regions)
      Changed |= dropOverwritten(R, P);
    // A store that changes a vector's length (Text) is the C++ call that
    // does: the vector's size depends on it.
    bool Writes = (V->Code == OpCode::Store && V->Text.empty()) ||
                  V->Code == OpCode::AddTo;
    const Value *L = Writes ? baseOf(V->Operands[0]) : nullptr;
    if (L && L->Code == OpCode::Local && !P.readAfter(V, L)) {
      Changed = true;
      continue;
    }
    Kept.push_back(V);
  }
  B.Ops = std::move(Kept);
  return Changed;
}

/// Whether the store or addto B.Ops[At] into local L is overwritten by a
/// later store of B to the same element with nothing in between that may
/// read L or leave B (`da[0] += x * g;` then `da[0] = 0;`: an adjoint
/// kept zero between iterations clears what its passive elements got).
static bool killedLater(const Block &B, size_t At, const Value *L) {
  const Value *V = B.Ops[At];
  for (size_t I = At + 1; I < B.Ops.size(); ++I) {
    const Value *W = B.Ops[I];
    if (W->Code == OpCode::Store && W->Text.empty() &&
        samePlace(W->Operands[0], V->Operands[0], {}) &&
        sameIndex(W->index(), V->index(), {}))
      return true;
    bool Leaves = W->Code == OpCode::Break || W->Code == OpCode::Continue ||
                  W->Code == OpCode::Return || W->Code == OpCode::Throw ||
                  W->isRegionOp();
    bool Touches = (W->Code == OpCode::AddTo || W->Code == OpCode::PopArray) &&
                   baseOf(W->Operands[W->Code == OpCode::PopArray]) == L;
    if (Leaves || Touches || reads(*W, L))
      return false;
  }
  return false;
}

/// Drops stores into locals that a later store overwrites unread.
static bool dropKilled(Block &B) {
  bool Changed = false;
  std::vector<Value *> Kept;
  for (size_t I = 0; I < B.Ops.size(); ++I) {
    Value *V = B.Ops[I];
    for (Block &R : V->Regions)
      Changed |= dropKilled(R);
    bool Writes = (V->Code == OpCode::Store && V->Text.empty()) ||
                  V->Code == OpCode::AddTo;
    const Value *L = Writes ? baseOf(V->Operands[0]) : nullptr;
    if (L && L->Code == OpCode::Local && killedLater(B, I, L)) {
      Changed = true;
      continue;
    }
    Kept.push_back(V);
  }
  B.Ops = std::move(Kept);
  return Changed;
}

/// Drops stores into locals nobody reads, and branches left empty.
static bool dropDeadStores(Block &B, const std::vector<bool> &Read) {
  bool Changed = false;
  std::vector<Value *> Kept;
  for (Value *V : B.Ops) {
    for (Block &R : V->Regions)
      Changed |= dropDeadStores(R, Read);
    bool Writes = (V->Code == OpCode::Store && V->Text.empty()) ||
                  V->Code == OpCode::AddTo;
    bool DeadStore = Writes && V->Operands[0]->Code == OpCode::Local &&
                     !Read[V->Operands[0]->Id];
    if (writesOnlyLocals(*V) && !Read[V->Id]) {
      DeadStore = true;
      for (unsigned I = 0; I < V->Operands.size(); ++I)
        DeadStore &= !V->writesArg(I) || !Read[baseOf(V->Operands[I])->Id];
    }
    bool EmptyIf = V->Code == OpCode::If && saysNothing(V->Regions[0]) &&
                   saysNothing(V->Regions[1]);
    // A loop left with nothing to do but count.
    if (V->Code == OpCode::Loop && saysNothing(V->Regions[LoopBody])) {
      bool OnlyCounts = true;
      for (const Value *Op : V->Regions[Step].Ops)
        OnlyCounts &=
            !Op->hasEffect() ||
            (Op->Code == OpCode::Store &&
             Op->Operands[0]->Code == OpCode::Local &&
             !V->Regions[Init].Ops.empty() &&
             std::find(V->Regions[Init].Ops.begin(), V->Regions[Init].Ops.end(),
                       Op->Operands[0]) != V->Regions[Init].Ops.end());
      EmptyIf |= OnlyCounts;
    }
    if (DeadStore || EmptyIf) {
      Changed = true;
      continue;
    }
    Kept.push_back(V);
  }
  B.Ops = std::move(Kept);
  return Changed;
}

/// Drops the tapes whose popped values nobody uses, with their pushes and
/// pops: a value recorded for the backward sweep that it did not need.
static bool dropUnreadTapes(Function &F, const std::vector<unsigned> &Uses) {
  std::vector<bool> Read(F.numValues(), false);
  bool Any = false;
  forEachOp(F.Body, [&](Value &V) {
    if ((V.Code == OpCode::Pop && Uses[V.Id] > 0) || V.Code == OpCode::PopArray)
      Read[V.Operands[0]->Id] = true;
    Any |= V.Code == OpCode::Tape;
  });
  if (!Any)
    return false;
  bool Changed = false;
  std::function<void(Block &)> Drop = [&](Block &B) {
    std::vector<Value *> Kept;
    for (Value *V : B.Ops) {
      for (Block &R : V->Regions)
        Drop(R);
      bool OfUnread = (V->Code == OpCode::Push || V->Code == OpCode::Pop ||
                       V->Code == OpCode::Reserve) &&
                      !Read[V->Operands[0]->Id];
      if (OfUnread || (V->Code == OpCode::Tape && !Read[V->Id])) {
        Changed = true;
        continue;
      }
      Kept.push_back(V);
    }
    B.Ops = std::move(Kept);
  };
  Drop(F.Body);
  return Changed;
}

void forEachKept(const Value &Branch, const std::function<void(Value &)> &Fn) {
  for (const Block &R : Branch.Regions)
    for (Value *K : R.Ops) {
      if (K->Kept)
        Fn(*K);
      if (K->Code == OpCode::If)
        forEachKept(*K, Fn);
    }
}

void settleKept(Function &F) {
  // Preorder positions: the ops of a block and of its regions are the
  // positions from its first op to its end.
  std::vector<unsigned> Pos(F.numValues()), End(F.numValues());
  std::vector<std::vector<const Value *>> Users(F.numValues());
  unsigned Next = 0;
  std::function<void(const Block &)> Number = [&](const Block &B) {
    for (const Value *V : B.Ops) {
      Pos[V->Id] = Next++;
      for (const Value *Op : V->Operands)
        Users[Op->Id].push_back(V);
      for (const Block &R : V->Regions)
        Number(R);
    }
    for (const Value *V : B.Ops)
      End[V->Id] = Next; // its block ends here
  };
  Number(F.Body);
  forEachOp(F.Body, [&](Value &V) {
    if (V.Kept)
      V.Kept = std::any_of(
          Users[V.Id].begin(), Users[V.Id].end(), [&](const Value *U) {
            return Pos[U->Id] < Pos[V.Id] || Pos[U->Id] >= End[V.Id];
          });
  });
}

/// A std::vector's length (and longest length) is a local whose stores
/// say how the vector changes (Text: "push_back", ...). Once dead code took
/// the vector, they are plain stores of a number, dead unless read.
static bool releaseOrphanLengths(Function &F) {
  std::set<const Value *> Owned;
  forEachOp(F.Body, [&](const Value &V) {
    if (V.Code == OpCode::Local && V.IVal < 0)
      Owned.insert(V.Operands.begin() + 1, V.Operands.end());
  });
  bool Changed = false;
  forEachOp(F.Body, [&](Value &V) {
    const Value *To = V.Code == OpCode::Store ? V.Operands[0] : nullptr;
    if (To && !V.Text.empty() && To->Code == OpCode::Local && To->IVal == 0 &&
        !Owned.count(To)) {
      V.Text.clear();
      Changed = true;
    }
  });
  return Changed;
}

void eliminateDeadCode(Function &F) {
  for (bool Changed = true; Changed;) {
    std::vector<unsigned> Uses = countUses(F);
    sweep(F.Body, Uses);
    bool Released = releaseOrphanLengths(F);
    bool DroppedTapes = dropUnreadTapes(F, Uses);
    std::vector<bool> Read(F.numValues(), false);
    collectRead(F.Body, Read);
    Changed = dropDeadStores(F.Body, Read);
    Place P;
    P.index(F.Body);
    Changed |= dropOverwritten(F.Body, P);
    Changed |= dropKilled(F.Body);
    Changed |= DroppedTapes || Released;
  }
}

} // namespace gradc::ir
