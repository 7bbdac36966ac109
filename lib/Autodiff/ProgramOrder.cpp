//===- ProgramOrder.cpp - Where ops are and what runs after what ----------===//
#include "ProgramOrder.h"

#include "gradc/IR/MemoryLocation.h"
#include "gradc/IR/Uses.h"

#include <algorithm>

namespace gradc::autodiff {

using namespace ir;

ProgramOrder::ProgramOrder(const Function &P, std::set<const Value *> InOut)
    : P(P), InOut(std::move(InOut)) {
  index(P.Body, 0);
  indexMemory(P.Body);
}

void ProgramOrder::index(const Block &Blk, int Depth) {
  for (const Value *V : Blk.Ops) {
    Home[V] = &Blk;
    Order[V] = static_cast<unsigned>(Order.size());
    for (const Block &R : V->Regions) {
      Owner[&R] = V;
      index(R, Depth + 1);
    }
  }
}

/// Records how the ops of Blk use each memory object, as reads() and
/// writes() see it; returns the objects they use.
std::set<const Value *> ProgramOrder::indexMemory(const Block &Blk) {
  std::set<const Value *> InBlk;
  std::vector<const Value *> Own;
  for (const Value *V : Blk.Ops) {
    unsigned At = Order.at(V);
    // Writes: how many ops (up to 2) write Base in V, Writer one of them.
    auto Note = [&](const Value *Base, bool Read, unsigned Writes,
                    const Value *Writer) {
      auto [It, New] = Touches.try_emplace({&Blk, Base});
      Touch &T = It->second;
      if (New) {
        T.FirstUse = At;
        InBlk.insert(Base);
      }
      T.Read |= Read;
      if (Writes) {
        T.LastWrite = At;
        T.Writer = Writer;
      }
      T.Writes = std::min(T.Writes + Writes, 2u);
    };
    Own.clear();
    readByOp(*V, Own);
    for (const Value *Base : Own)
      Note(Base, true, 0, nullptr);
    Own.clear();
    writtenByOp(*V, Own);
    // A call given the same object twice is one op writing it.
    std::sort(Own.begin(), Own.end());
    Own.erase(std::unique(Own.begin(), Own.end()), Own.end());
    for (const Value *Base : Own)
      Note(Base, false, 1, V);
    for (const Block &R : V->Regions)
      for (const Value *Base : indexMemory(R)) {
        const Touch &Inner = Touches.at({&R, Base});
        Note(Base, Inner.Read, Inner.Writes, Inner.Writer);
      }
  }
  return InBlk;
}

const ProgramOrder::Touch *ProgramOrder::touch(const Block &Blk,
                                               const Value *Base) const {
  auto It = Touches.find({&Blk, Base});
  return It == Touches.end() ? nullptr : &It->second;
}

std::vector<const Value *> ProgramOrder::loopsAround(const Value *V) const {
  std::vector<const Value *> Loops;
  for (const Block *Blk = Home.at(V); Owner.count(Blk);
       Blk = Home.at(Owner.at(Blk)))
    if (Owner.at(Blk)->Code == OpCode::Loop)
      Loops.push_back(Owner.at(Blk));
  return Loops;
}

/// Whether no store to Base can run after Op: then the memory the backward
/// sweep finds is what Op saw (or wrote).
bool ProgramOrder::finalAt(const Value *Op, const Value *Base) const {
  for (const Value *Cur = Op;;) {
    const Block *Blk = Home.at(Cur);
    // Whether an op after Cur in its block writes Base.
    if (const Touch *T = touch(*Blk, Base);
        T && T->Writes && T->LastWrite > Order.at(Cur))
      return false;
    // A local of a loop body is a new object in the next iteration.
    if (Base->Code == OpCode::Local && Blk == Home.at(Base))
      return true;
    if (Fused && Blk == &Fused->Regions[LoopBody])
      return true;
    auto O = Owner.find(Blk);
    if (O == Owner.end())
      return true;
    Cur = O->second;
    // The next iteration runs after Op; but a store of Op's own that writes
    // element i of a loop over i writes another element next time.
    if (Cur->Code == OpCode::Loop) {
      std::optional<CountedLoop> L = counted(*Cur);
      bool OwnElement = Op->Code == OpCode::Store && L && Op->index() &&
                        isLoadOf(Op->index(), L->Counter) &&
                        storesOnly(*Cur, Base, Op);
      if (!OwnElement)
        for (const Block &R : Cur->Regions)
          if (const Touch *T = touch(R, Base); T && T->Writes)
            return false;
    }
  }
}

bool ProgramOrder::writtenOnlyBy(const Block &Blk, const Value *Base,
                                 const Value *Only) const {
  const Touch *T = touch(Blk, Base);
  return !T || !T->Writes || (T->Writes == 1 && T->Writer == Only);
}

bool ProgramOrder::storesOnly(const Value &Loop, const Value *Base,
                              const Value *Only) const {
  for (const Block &R : Loop.Regions)
    if (!writtenOnlyBy(R, Base, Only))
      return false;
  return true;
}

/// Whether an op of Blk may read memory Base.
bool reads(const Block &Blk, const Value *Base) {
  return std::any_of(Blk.Ops.begin(), Blk.Ops.end(),
                     [&](const Value *V) { return reads(*V, Base); });
}

/// The first op of Blk (or inside it, outside Skip) that writes memory
/// Base and satisfies Pick, or null.
const Value *findWrite(const Block &Blk, const Value *Base, const Value *Skip,
                       const std::function<bool(const Value &)> &Pick) {
  for (const Value *V : Blk.Ops) {
    if (V == Skip)
      continue;
    for (const Block &R : V->Regions)
      if (const Value *W = findWrite(R, Base, Skip, Pick))
        return W;
    if (!V->isRegionOp() && writes(*V, Base) && (!Pick || Pick(*V)))
      return V;
  }
  return nullptr;
}

bool ProgramOrder::usedBefore(const Value &S, const Value *Base) const {
  // The caller's contents of in/out memory are an input.
  if (isWrtMemory(Base))
    return true;
  // Earlier in its block and the blocks around it, or anywhere in a loop
  // around it (an earlier iteration). A read adds to the adjoint S must
  // clear; an earlier write (`t = x * y; t = 0;`) reads it.
  for (const Value *Cur = &S;;) {
    const Block *Blk = Home.at(Cur);
    if (const Touch *T = touch(*Blk, Base); T && T->FirstUse < Order.at(Cur))
      return true;
    auto O = Owner.find(Blk);
    if (O == Owner.end())
      return false;
    Cur = O->second;
    if (Cur->Code != OpCode::Loop)
      continue;
    unsigned Writes = 0;
    const Value *Writer = nullptr;
    for (const Block &R : Cur->Regions)
      if (const Touch *T = touch(R, Base)) {
        if (T->Read)
          return true;
        if (T->Writes)
          Writer = T->Writer;
        Writes += T->Writes;
      }
    if (Writes > 1 || (Writes == 1 && Writer != &S))
      return true;
  }
}

bool ProgramOrder::rewritesItself(const Value &S, const Value *Base) const {
  // Loops around a local's declaration make a new one each iteration.
  std::vector<const Value *> Loops = loopsAround(&S);
  if (Base->Code == OpCode::Local && Home.count(Base)) {
    std::vector<const Value *> Outer = loopsAround(Base);
    Loops.resize(Loops.size() - Outer.size());
  }
  if (Loops.empty())
    return false;
  const Value *Idx = S.index();
  return !(Idx && constantOffset(S.Operands[0], Base) &&
           injective(Idx, Loops, 0));
}

std::optional<CountedLoop> ProgramOrder::counted(const Value &Lp) const {
  if (auto It = Counted.find(&Lp); It != Counted.end())
    return It->second;
  return Counted[&Lp] = matchCounted(Lp);
}

std::optional<CountedLoop> ProgramOrder::matchCounted(const Value &Lp) const {
  std::optional<CountedLoop> C = matchCountedLoop(Lp);
  if (!C)
    return C;
  // The backward loop reads its start and bound again: what they read
  // must not change after the loop, nor between its runs in a loop
  // around it (`for (i < m) ...; m = m - 1;` in an outer loop).
  std::vector<const Value *> Around = loopsAround(&Lp);
  std::function<bool(const Value *)> Stable = [&](const Value *V) {
    // The counter of a counted loop around it is counted down again too.
    bool OuterCounter = false;
    if (V->Code == OpCode::Load)
      for (const Value *L : Around)
        if (std::optional<CountedLoop> O = counted(*L);
            O && O->Counter == baseOf(V->Operands[0]))
          OuterCounter = true;
    if (V->Code == OpCode::Load && !OuterCounter) {
      const Value *Base = baseOf(V->Operands[0]);
      auto Counts = [&](const Value &W) {
        if (Order.at(&W) > Order.at(&Lp))
          return true;
        std::vector<const Value *> WLoops = loopsAround(&W);
        for (const Value *L : Around)
          if (std::find(WLoops.begin(), WLoops.end(), L) != WLoops.end())
            return true;
        return false;
      };
      if (findWrite(P.Body, Base, &Lp, Counts))
        return false;
    }
    for (const Value *Op : V->Operands)
      if (!Stable(Op))
        return false;
    return true;
  };
  if (!Stable(C->Bound) || !Stable(C->Start))
    return std::nullopt;
  return C;
}

/// The store that initializes a local where it is declared: nothing before
/// it can read the local, so its adjoint needs no zeroing. A later store
/// (`double t = x; t = 2 * y;`) overwrites what an earlier one left.
bool ProgramOrder::isInitStore(const Value &S) const {
  const Value *L = S.Operands[0];
  if (L->Code != OpCode::Local || L->IVal != 0 || !Home.count(L))
    return false;
  const Block *Blk = Home.at(L);
  if (Home.at(&S) != Blk)
    return false;
  // A block's ops are in program order.
  auto It = std::lower_bound(Blk->Ops.begin(), Blk->Ops.end(), L,
                             [&](const Value *A, const Value *B) {
                               return Order.at(A) < Order.at(B);
                             });
  for (++It; It != Blk->Ops.end() && *It != &S; ++It)
    if ((*It)->isRegionOp() ||
        (((*It)->Code == OpCode::Load || (*It)->Code == OpCode::Store) &&
         (*It)->Operands[0] == L))
      return false;
  return true;
}

/// Whether Index takes a different value in every iteration of Loops[K...]
/// (innermost first): `i`, or `i + k * n` in `for (i = 0; i < n; ++i)`
/// nested in a loop over k.
bool ProgramOrder::injective(const Value *Index,
                             const std::vector<const Value *> &Loops,
                             size_t K) const {
  if (K == Loops.size())
    return true;
  std::optional<CountedLoop> L = counted(*Loops[K]);
  if (!L)
    return false;
  auto IsCounter = [&](const Value *V) { return isLoadOf(V, L->Counter); };
  if (IsCounter(Index))
    return K + 1 == Loops.size();
  if (Index->Code != OpCode::Add || !L->Start->isConstValue(0) ||
      L->Pred != CmpPred::LT || L->Step != 1)
    return false;
  for (unsigned Side = 0; Side < 2; ++Side) {
    const Value *C = Index->Operands[Side], *Rest = Index->Operands[1 - Side];
    if (!IsCounter(C) || Rest->Code != OpCode::Mul)
      continue;
    for (unsigned M = 0; M < 2; ++M) {
      const Value *Stride = Rest->Operands[M];
      bool SameBound = Stride == L->Bound ||
                       (Stride->isConst() && L->Bound->isConst() &&
                        Stride->constValue() == L->Bound->constValue());
      if (SameBound && injective(Rest->Operands[1 - M], Loops, K + 1))
        return true;
    }
  }
  return false;
}

} // namespace gradc::autodiff
