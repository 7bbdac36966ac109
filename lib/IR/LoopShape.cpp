//===- LoopShape.cpp - Counted loops and the jumps in loops ---------------===//
#include "gradc/IR/LoopShape.h"

#include "gradc/IR/Uses.h"

namespace gradc::ir {

bool storesTo(const Block &B, const Value *Base) {
  for (const Value *V : B.Ops)
    if (writes(*V, Base))
      return true;
  return false;
}

const Value *findJump(const Block &Body, OpCode Code) {
  for (const Value *V : Body.Ops) {
    if (V->Code == Code)
      return V;
    if (V->Code == OpCode::If)
      for (const Block &R : V->Regions)
        if (const Value *Found = findJump(R, Code))
          return Found;
  }
  return nullptr;
}

static const Value *findJumpBeforeEnd(const Block &Blk, bool AtEnd) {
  for (size_t I = 0; I < Blk.Ops.size(); ++I) {
    const Value *V = Blk.Ops[I];
    bool Last = AtEnd && I + 1 == Blk.Ops.size();
    if ((V->Code == OpCode::Break || V->Code == OpCode::Continue) && !Last)
      return V;
    if (V->Code == OpCode::If)
      for (const Block &R : V->Regions)
        if (const Value *Found = findJumpBeforeEnd(R, Last))
          return Found;
  }
  return nullptr;
}

const Value *findJumpBeforeEnd(const Block &Body) {
  return findJumpBeforeEnd(Body, true);
}

/// Whether V, computed in a loop's condition, keeps its value while the loop
/// runs: it reads no memory the loop writes, nor the counter.
static bool invariant(const Value *V, const Value &Loop) {
  // A call may read what the loop writes, or do something else each time.
  if (V->Code == OpCode::Invoke)
    return false;
  if (V->Code == OpCode::Load) {
    const Value *Base = baseOf(V->Operands[0]);
    for (const Block &R : Loop.Regions)
      if (storesTo(R, Base))
        return false;
  }
  for (const Value *Op : V->Operands)
    if (!invariant(Op, Loop))
      return false;
  return true;
}

bool isLoadOf(const Value *V, const Value *Local) {
  return V->Code == OpCode::Load && V->Operands.size() == 1 &&
         V->Operands[0] == Local;
}

static CmpPred swapped(CmpPred P) {
  switch (P) {
  case CmpPred::LT:
    return CmpPred::GT;
  case CmpPred::LE:
    return CmpPred::GE;
  case CmpPred::GT:
    return CmpPred::LT;
  case CmpPred::GE:
    return CmpPred::LE;
  default:
    return P;
  }
}

std::optional<CountedLoop> matchCountedLoop(const Value &Loop) {
  if (Loop.loopKind() != LoopKind::For)
    return std::nullopt;
  CountedLoop C;
  // Init: the counter's Local and one store into it. An unsigned counter
  // (`size_t i`) stops below or above its bound (`<`, `!=`, `>`), so that
  // its last value is not where it would wrap: the backward loop counts a
  // signed copy (ReverseMode::backwardLoop).
  for (const Value *V : Loop.Regions[Init].Ops) {
    if (V->Code == OpCode::Local) {
      if (C.Counter || V->IVal != 0)
        return std::nullopt;
      C.Counter = V;
    } else if (V->Code == OpCode::Store) {
      if (C.Start || V->Operands[0] != C.Counter || V->Operands.size() != 2)
        return std::nullopt;
      C.Start = V->Operands[1];
    }
  }
  if (!C.Counter || !C.Start || !invariant(C.Start, Loop))
    return std::nullopt;
  Scalar S = C.Counter->Ty.scalarKind();
  C.Unsigned = S == Scalar::UInt32 || S == Scalar::UInt64;
  if (S != Scalar::Int32 && S != Scalar::Int64 && !C.Unsigned)
    return std::nullopt;
  // Cond: counter against an invariant bound.
  const auto &CondOps = Loop.Regions[Cond].Ops;
  if (CondOps.empty())
    return std::nullopt;
  const Value *Test = CondOps.back()->Operands[0];
  if (Test->Code != OpCode::Cmp)
    return std::nullopt;
  if (isLoadOf(Test->Operands[0], C.Counter)) {
    C.Pred = Test->Pred;
    C.Bound = Test->Operands[1];
  } else if (isLoadOf(Test->Operands[1], C.Counter)) {
    C.Pred = swapped(Test->Pred);
    C.Bound = Test->Operands[0];
  } else {
    return std::nullopt;
  }
  if (C.Pred == CmpPred::EQ || !invariant(C.Bound, Loop))
    return std::nullopt;
  // Step: counter = counter +/- 1, and nothing else.
  const Value *Update = nullptr;
  for (const Value *V : Loop.Regions[Step].Ops) {
    if (V->Code == OpCode::Store) {
      if (Update || V->Operands[0] != C.Counter || V->Operands.size() != 2)
        return std::nullopt;
      Update = V->Operands[1];
    } else if (V->hasEffect()) {
      return std::nullopt;
    }
  }
  if (!Update || (Update->Code != OpCode::Add && Update->Code != OpCode::Sub))
    return std::nullopt;
  const Value *Old = Update->Operands[0], *K = Update->Operands[1];
  if (Update->Code == OpCode::Add && !isLoadOf(Old, C.Counter))
    std::swap(Old, K);
  if (!isLoadOf(Old, C.Counter) || !K->isConst())
    return std::nullopt;
  double Step =
      Update->Code == OpCode::Add ? K->constValue() : -K->constValue();
  if (Step != 1 && Step != -1)
    return std::nullopt;
  C.Step = static_cast<int>(Step);
  bool Up = C.Pred == CmpPred::LT || C.Pred == CmpPred::LE;
  bool Down = C.Pred == CmpPred::GT || C.Pred == CmpPred::GE;
  if ((C.Step == 1 && Down) || (C.Step == -1 && Up) ||
      (C.Unsigned && C.Pred != CmpPred::LT && C.Pred != CmpPred::NE &&
       C.Pred != CmpPred::GT))
    return std::nullopt;
  if (storesTo(Loop.Regions[LoopBody], C.Counter))
    return std::nullopt;
  C.Breaks = findJump(Loop.Regions[LoopBody], OpCode::Break) != nullptr;
  return C;
}

} // namespace gradc::ir
