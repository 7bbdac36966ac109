//===- Control.cpp - Branches and loops, reversed -------------------------===//
#include "ReverseMode.h"

#include <functional>

namespace gradc::autodiff {

using namespace ir;

/// Region R of V reversed into To, in a frame of its own.
void ReverseMode::backwardRegion(const Value &V, unsigned R, Block &To,
                                 bool InLoop) {
  Frame Fr(&V.Regions[R], &To, InLoop);
  Frames.push_back(&Fr);
  B.setBlock(To);
  int SavedNote = NotedStmt;
  NotedStmt = V.Stmt;
  backwardBlock(V.Regions[R]);
  NotedStmt = SavedNote;
  Frames.pop_back();
}

void ReverseMode::backwardIf(const Value &V) {
  if (!Facts.needsBackward(V))
    return;
  // What the statements below left pending is written under them.
  Adjoints.flushPending(*Frames.back());
  noteFor(V);
  B.setOrigin(V.Stmt, V.Loc);
  Value *Cond = avail(V.Operands[0]);
  Value *If = G->create(OpCode::If, Type::voidTy(), {Cond});
  If->Regions.resize(2);
  If->Loc = V.Loc;
  If->Stmt = V.Stmt;
  Block &Saved = B.block();
  for (unsigned R : {Then, Else})
    backwardRegion(V, R, If->Regions[R], Frames.back()->InLoop);
  B.setBlock(Saved);
  B.append(If);
}

/// V, computed in Loop's init or condition, recomputed before Loop.
Value *ReverseMode::hoist(Value *V, const Value &Loop) {
  bool Inside = false;
  for (const Block &R : Loop.Regions)
    Inside |= std::find(R.Ops.begin(), R.Ops.end(), V) != R.Ops.end();
  if (!Inside)
    return V;
  if (V->isConst())
    return B.constant(V->constValue(), V->Ty, V->Text);
  if (V->Code == OpCode::Invoke)
    return nullptr; // a call is not made twice
  std::vector<Value *> Ops;
  for (Value *Op : V->Operands) {
    Ops.push_back(hoist(Op, Loop));
    if (!Ops.back())
      return nullptr;
  }
  Value *C = G->create(V->Code, V->Ty, Ops);
  copyAttributes(*V, *C);
  return B.append(C);
}

/// Before each forward counted loop, room on its tapes for one push per
/// iteration (a tape's value is pushed at most once on a path through the
/// body): the pushes in the loop are then plain stores, which keeps a
/// loop-carried value in a register (Horner's p runs twice as fast).
void ReverseMode::reserveTapes() {
  for (auto &[C, L] : CountedClones) {
    std::vector<Value *> Pushes;
    std::function<void(Block &)> Scan = [&](Block &Blk) {
      for (Value *V : Blk.Ops) {
        if (V->Code == OpCode::Push)
          Pushes.push_back(V);
        if (V->Code == OpCode::If)
          for (Block &R : V->Regions)
            Scan(R);
      }
    };
    Scan(C->Regions[LoopBody]);
    // A tape a nested loop pushes too (a loop-carried value's, pushed in
    // its loop and once after it) takes checked pushes: the nested loop's
    // pushes use up the room reserved here.
    std::set<const Value *> Nested;
    std::function<void(const Block &, bool)> Inner = [&](const Block &Blk,
                                                         bool InLoop) {
      for (const Value *V : Blk.Ops) {
        if (InLoop && V->Code == OpCode::Push)
          Nested.insert(V->Operands[0]);
        for (const Block &R : V->Regions)
          Inner(R, InLoop || V->Code == OpCode::Loop);
      }
    };
    Inner(C->Regions[LoopBody], false);
    Pushes.erase(std::remove_if(Pushes.begin(), Pushes.end(),
                                [&](const Value *Push) {
                                  return Nested.count(Push->Operands[0]);
                                }),
                 Pushes.end());
    if (Pushes.empty())
      continue;
    // An unsigned `bound - start` wraps when the loop does not run.
    if (L.Unsigned && (L.Step < 0 || !L.Start->isConstValue(0)))
      continue;
    Block Tmp;
    B.setBlock(Tmp);
    B.setOrigin(C->Stmt, C->Loc);
    Scalar S = L.Counter->Ty.scalarKind();
    Value *Start = hoist(Map.at(L.Start), *C);
    Value *Bound = hoist(Map.at(L.Bound), *C);
    if (!Start || !Bound)
      continue; // the pushes keep their checks
    // `n - 1` plus one reads as `n`.
    auto PlusOne = [&](Value *V) {
      if (V->Code == OpCode::Sub && V->Operands[1]->isConstValue(1))
        return V->Operands[0];
      return B.add(V, B.constant(1, S));
    };
    Value *Trips = L.Step > 0 ? B.sub(Bound, Start) : B.sub(Start, Bound);
    if (L.Pred == CmpPred::LE || L.Pred == CmpPred::GE)
      Trips = PlusOne(Trips);
    std::vector<const Value *> Reserved;
    for (Value *Push : Pushes) {
      Push->IVal = 1;
      Value *T = Push->Operands[0];
      // A fixed tape has its room already (sizeTapes ran first).
      if (T->IVal > 0 ||
          std::find(Reserved.begin(), Reserved.end(), T) != Reserved.end())
        continue;
      Reserved.push_back(T);
      B.append(G->create(OpCode::Reserve, Type::voidTy(), {T, Trips}));
    }
    Block *Where = Sw.FwdHome.at(C);
    auto At = std::find(Where->Ops.begin(), Where->Ops.end(), C);
    Where->Ops.insert(At, Tmp.Ops.begin(), Tmp.Ops.end());
  }
}

/// The trip counts, at most, of forward counted loops from constants to
/// constants (`for (int i = 0; i < 3; ++i)`), for sizeTapes.
std::map<const Value *, std::int64_t> ReverseMode::constantTrips() const {
  std::map<const Value *, std::int64_t> Trips;
  for (const auto &[C, L] : CountedClones) {
    if (!L.Start->isConst() || !L.Bound->isConst())
      continue;
    double Start = L.Start->constValue(), Bound = L.Bound->constValue();
    double N = L.Step > 0 ? Bound - Start : Start - Bound;
    if (L.Pred == CmpPred::LE || L.Pred == CmpPred::GE)
      N += 1;
    if (L.Pred == CmpPred::NE && N < 0)
      continue; // runs until the counter wraps
    Trips[C] = static_cast<std::int64_t>(std::max(N, 0.0));
  }
  return Trips;
}

/// The number of iterations of V the forward sweep began, read in the
/// backward sweep: the count itself, or (in a loop nested in another,
/// which runs V many times) popped from a tape pushed after each run.
Value *ReverseMode::tripCount(const Value &V, Value *Trips) {
  if (Facts.inScope(Pos.Home.at(&V)))
    return B.load(Trips);
  Scalar S = Trips->Ty.scalarKind();
  Value *T = Sw.newTape(S, "iters");
  Value *Load = G->create(OpCode::Load, Type::scalar(S), {Trips});
  Sw.insertAfter(Map.at(&V),
                 {Load, G->create(OpCode::Push, Type::voidTy(), {T, Load})});
  Value *N = B.pop(T);
  N->Name = "iters";
  return N;
}

void ReverseMode::backwardLoop(const Value &V) {
  if (!Facts.needsBackward(V))
    return;
  Adjoints.flushPending(*Frames.back());
  noteFor(V);
  B.setOrigin(V.Stmt, V.Loc);
  std::optional<CountedLoop> Counted = Pos.counted(V);
  Value *Loop = G->create(OpCode::Loop, Type::voidTy());
  Loop->IVal = static_cast<std::int64_t>(LoopKind::For);
  Loop->Regions.resize(4);
  Loop->Loc = V.Loc;
  Loop->Stmt = V.Stmt;
  Block &Saved = B.block();
  // How many iterations the forward sweep began, if it counted them.
  Value *N = nullptr;
  if (auto It = TripCount.find(&V); It != TripCount.end())
    N = tripCount(V, It->second);
  Value *Counter;
  if (Counted) {
    // Run the counter from its last value back to its first. The start and
    // bound are found (or computed again) before the loop, where what is
    // cached for later reads stays in scope.
    Value *Start = avail(Counted->Start);
    Value *Bound = Counted->Breaks ? nullptr : avail(Counted->Bound);
    Type S = Counted->Counter->Ty.element();
    B.setBlock(Loop->Regions[Init]);
    // An unsigned counter would wrap below 0: a signed one runs back, and
    // the body reads the counter as the forward loop had it.
    if (Counted->Unsigned) {
      S = Type::scalar(Scalar::Int64);
      Start = Start->isConst() ? B.constant(Start->constValue(), S)
                               : B.cast(Start, S);
      if (Bound)
        Bound = B.cast(Bound, S);
      if (N)
        N = B.cast(N, S);
    }
    Value *Last;
    if (Counted->Breaks) {
      Value *Begun = B.sub(N, B.constant(1, S));
      Last = Counted->Step > 0 ? B.add(Start, Begun) : B.sub(Start, Begun);
    } else {
      Last = Bound;
      if (Counted->Pred == CmpPred::LT || Counted->Pred == CmpPred::NE)
        Last = Counted->Step > 0 ? B.sub(Bound, B.constant(1, S))
                                 : B.add(Bound, B.constant(1, S));
      else if (Counted->Pred == CmpPred::GT)
        Last = B.add(Bound, B.constant(1, S));
    }
    Counter = B.local(S, 0,
                      Counted->Unsigned
                          ? uniqueName(Taken, Counted->Counter->Name + "_back",
                                       Counted->Counter->Name + "_back_")
                          : Counted->Counter->Name);
    Counters.insert(Counter);
    B.store(Counter, Last);
    B.setBlock(Loop->Regions[Cond]);
    B.yield(B.cmp(Counted->Step > 0 ? CmpPred::GE : CmpPred::LE,
                  B.load(Counter), Start));
    B.setBlock(Loop->Regions[Step]);
    Value *One = B.constant(1, S);
    Value *Old = B.load(Counter);
    B.store(Counter, Counted->Step > 0 ? B.sub(Old, One) : B.add(Old, One));
    if (Counted->Unsigned) {
      B.setBlock(Loop->Regions[LoopBody]);
      Type U = Counted->Counter->Ty.element();
      Value *Orig = B.local(U, 0, Counted->Counter->Name);
      Counters.insert(Orig);
      B.store(Orig, B.cast(B.load(Counter), U));
      Remap[Counted->Counter] = Orig;
    } else {
      Remap[Counted->Counter] = Counter;
    }
  } else {
    // Run the body as many times as the forward sweep did.
    B.setBlock(Loop->Regions[Init]);
    std::string Name = uniqueName(Taken, "iter", "iter_");
    Counter = B.local(Scalar::Int64, 0, Name);
    B.store(Counter, B.constant(0, Scalar::Int64));
    B.setBlock(Loop->Regions[Cond]);
    B.yield(B.cmp(CmpPred::LT, B.load(Counter), N));
    B.setBlock(Loop->Regions[Step]);
    B.store(Counter, B.add(B.load(Counter), B.constant(1, Scalar::Int64)));
  }
  backwardRegion(V, LoopBody, Loop->Regions[LoopBody], /*InLoop=*/true);
  if (Counted)
    Remap.erase(Counted->Counter);
  B.setBlock(Saved);
  B.append(Loop);
}

} // namespace gradc::autodiff
