//===- Reverse.cpp - Reverse-mode differentiation of IR -------------------===//
//
// The gradient function is the forward sweep (a clone of the primal), then
// the backward sweep: the primal's ops in reverse, each adding its operands'
// adjoints, with loops run backward as loops and branches as branches.
//
// Values are found where a person writing the backward sweep would find
// them. Top-level forward values are still in scope. Inside a loop or
// branch the forward values are gone: what reads only unchanged memory is
// recomputed; what depends on memory the function overwrites is pushed on a
// tape in the forward sweep and popped when the backward sweep needs it.
//
//===----------------------------------------------------------------------===//
#include "gradc/Autodiff/Reverse.h"

#include "Inlining.h"
#include "LocalDerivatives.h"
#include "ReverseMode.h"
#include "TapeSizes.h"
#include "gradc/IR/Simplify.h"
#include "gradc/IR/Uses.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

namespace gradc::autodiff {

using namespace ir;

/// Matches the sigmoid `1 / (1 + exp(-u))` written in one expression, whose
/// inner values serve nothing else. Returns u, or null.
static const Value *matchSigmoid(const Value &V,
                                 const std::vector<unsigned> &Uses) {
  auto Private = [&](const Value *X) {
    return X->Name.empty() && Uses[X->Id] == 1;
  };
  if (V.Code != OpCode::Div || !V.Operands[0]->isConstValue(1))
    return nullptr;
  const Value *Sum = V.Operands[1];
  if (Sum->Code != OpCode::Add || !Private(Sum))
    return nullptr;
  const Value *E = Sum->Operands[1];
  if (!Sum->Operands[0]->isConstValue(1)) {
    if (!Sum->Operands[1]->isConstValue(1))
      return nullptr;
    E = Sum->Operands[0];
  }
  if (E->Code != OpCode::Call || E->Fn != MathFn::Exp || !Private(E))
    return nullptr;
  const Value *Neg = E->Operands[0];
  if (Neg->Code != OpCode::Neg || !Private(Neg))
    return nullptr;
  return Neg->Operands[0];
}

Value *ReverseMode::cloneOp(const Value *V) {
  Value *C = G->create(V->Code, V->Ty);
  for (const Value *Op : V->Operands)
    C->Operands.push_back(Map.at(Op));
  copyAttributes(*V, *C);
  C->Loc = V->Loc;
  C->Stmt = V->Stmt;
  return C;
}

/// The forward sweep: the primal as it is, plus a trip count for each loop
/// that the backward sweep cannot count down by itself.
void ReverseMode::forwardBlock(const Block &From, Block &To) {
  const std::vector<const Value *> &Hoisted = Facts.Hoisted;
  for (const Value *V : From.Ops) {
    // What follows the fused loop without depending on it is computed
    // before it, where its backward code, which runs first, finds it.
    if (V == Facts.Fused)
      for (const Value *H : Hoisted)
        forwardOp(H, To);
    if (std::find(Hoisted.begin(), Hoisted.end(), V) == Hoisted.end())
      forwardOp(V, To);
  }
}

void ReverseMode::forwardOp(const Value *V, Block &To) {
  if (V->Code == OpCode::Return)
    return;
  if ((V->Code == OpCode::Store || V->Code == OpCode::AddTo) &&
      Facts.leavesAlone(baseOf(V->Operands[0])))
    return;
  B.setBlock(To);
  B.setOrigin(V->Stmt, V->Loc);
  bool Counted = false;
  Type TripType = Type::scalar(Scalar::Int64);
  std::optional<CountedLoop> L;
  if (V->Code == OpCode::Loop) {
    L = Pos.counted(*V);
    Counted = Facts.needsBackward(*V) && (!L || L->Breaks);
    if (L)
      TripType = L->Counter->Ty.element();
  }
  Value *Trips = nullptr;
  if (Counted) {
    std::string Name = Sw.take("iters", "iters_");
    Trips = B.local(TripType, 0, Name);
    Sw.FwdHome[Trips] = &To;
    B.store(Trips, B.constant(0, TripType));
    TripCount[V] = Trips;
  }
  Value *C = cloneOp(V);
  Map[V] = C;
  Sw.FwdHome[C] = &To;
  if (L)
    CountedClones.push_back({C, *L});
  C->Regions.resize(V->Regions.size());
  for (size_t I = 0; I < V->Regions.size(); ++I) {
    if (Counted && I == LoopBody) {
      B.setBlock(C->Regions[I]);
      B.store(Trips, B.add(B.load(Trips), B.constant(1, TripType)));
    }
    forwardBlock(V->Regions[I], C->Regions[I]);
  }
  if (V == Facts.Fused)
    fuseBackward(*V, *C);
  B.setBlock(To);
  B.append(C);
}

/// The backward sweep begins: its top frame, and the seeds.
void ReverseMode::beginBackward() {
  if (Begun)
    return;
  Begun = true;
  Frames.push_back(Top.get());
  B.setBlock(G->Body);
  B.setFold(true);
  BackwardFrom = G->numValues();
  Adjoints.declareMutableSeeds();
  const Value *Ret = P.Body.Ops.back();
  if (!Ret->Operands.empty()) {
    const Value *Result = Ret->Operands[0];
    Value *SeedValue = Seed ? Seed : B.constant(1, P.RetTy.scalarKind());
    // The seed flows into the result as its first contribution.
    Adjoints.seedResult(Result, SeedValue);
  }
}

/// The backward sweep of the fused loop V, at the end of each iteration of
/// its forward clone C: what follows the loop first gives its adjoints
/// (the return's seed), before the loop.
void ReverseMode::fuseBackward(const Value &V, Value &C) {
  beginBackward();
  const std::vector<Value *> &Ops = P.Body.Ops;
  for (auto It = Ops.rbegin(); *It != &V; ++It) {
    backwardOp(**It);
    Done.insert(*It);
  }
  Adjoints.flushPending(*Frames.back());
  // The iteration's counter is the forward one.
  const Value *Counter = Pos.counted(V)->Counter;
  Remap[Counter] = Map.at(Counter);
  Counters.insert(Map.at(Counter));
  backwardRegion(V, LoopBody, C.Regions[LoopBody], /*InLoop=*/true);
  Remap.erase(Counter);
  Done.insert(&V);
  B.setFold(false);
}

void ReverseMode::noteFor(const Value &V) {
  if (V.Stmt == NotedStmt || V.Stmt < 0)
    return;
  Adjoints.flushStores(*Frames.back());
  NotedStmt = V.Stmt;
  const Statement &S = P.Stmts[V.Stmt];
  B.setOrigin(V.Stmt, S.Loc);
  // A helper's statement written inline names the helper: its variables
  // are the helper's parameters.
  std::string In = S.Inside.empty() ? "" : " (in " + S.Inside + ")";
  B.note(baseName(P.File) + ":" + std::to_string(S.Loc.Line) + In + ": " +
         S.Text);
}

void ReverseMode::backwardBlock(const Block &Blk) {
  for (auto It = Blk.Ops.rbegin(); It != Blk.Ops.rend(); ++It)
    backwardOp(**It);
  Adjoints.flushPending(*Frames.back());
}

void ReverseMode::backwardOp(const Value &V) {
  if (Done.count(&V))
    return;
  switch (V.Code) {
  case OpCode::Store:
    backwardStore(V);
    return;
  case OpCode::If:
    backwardIf(V);
    return;
  case OpCode::Loop:
    backwardLoop(V);
    return;
  case OpCode::Invoke:
    backwardInvoke(V);
    return;
  default:
    break;
  }
  if (!V.hasResult() || !Act.isActive(&V) || Absorbed.count(&V))
    return;
  if (!Adjoints.reached(&V))
    return;
  noteFor(V);
  B.setOrigin(V.Stmt, V.Loc);
  Value *A = Adjoints.adjointOf(&V);
  backwardValue(V, A);
}

void ReverseMode::backwardValue(const Value &V, Value *A) {
  if (V.Code == OpCode::Load) {
    Adjoints.addToAdjoint(V.Operands[0], V.index(), A);
    return;
  }
  if (const Value *U = matchSigmoid(V, Uses); U && Act.isActive(U)) {
    // s = 1 / (1 + exp(-u)): ds/du = (1 - s) * s.
    Value *S = avail(&V);
    unsigned Begin = G->numValues();
    Value *One = B.constant(1, V.Ty.scalarKind());
    Value *C = B.mul(B.mul(B.sub(One, S), S), A);
    contribute(U, C, C->Id >= Begin);
    for (const Value *Inner = V.Operands[1]; Inner != U;
         Inner = Inner->Code == OpCode::Add
                     ? (Inner->Operands[0]->isConst() ? Inner->Operands[1]
                                                      : Inner->Operands[0])
                     : Inner->Operands[0])
      Absorbed.insert(Inner);
    return;
  }
  std::vector<bool> Wanted;
  for (const Value *Op : V.Operands)
    Wanted.push_back(Act.isActive(Op));
  emitLocalDerivatives(
      *G, B, V, [&] { return avail(&V); },
      [&](unsigned I) { return avail(V.Operands[I]); }, A, Wanted,
      [&](unsigned I, Value *C, bool Own) {
        contribute(V.Operands[I], C, Own);
      });
}

/// `x = e`: e receives dx, and dx is zero before it (the old x is gone).
/// `x = x + e` (x += e) passes dx to e and leaves dx as it is.
void ReverseMode::backwardStore(const Value &V) {
  const Value *Ptr = V.Operands[0], *Val = V.Operands[1];
  const Value *Base = baseOf(Ptr);
  if (!Act.isActiveMemory(Base) ||
      (!Act.isActive(Val) && (Pos.isInitStore(V) || !Pos.usedBefore(V, Base)) &&
       !Facts.returnsAdjoint(Base)))
    return;
  noteFor(V);
  B.setOrigin(V.Stmt, V.Loc);
  const Value *Idx = V.index();
  bool IsOut = isOutput(Base);
  if (!IsOut && Uses[Val->Id] == 1 &&
      (Val->Code == OpCode::Add || Val->Code == OpCode::Sub)) {
    for (unsigned Side = 0; Side < 2; ++Side) {
      const Value *Old = Val->Operands[Side];
      if (Side == 1 && Val->Code == OpCode::Sub)
        break;
      if (Old->Code != OpCode::Load || Old->Operands[0] != Ptr ||
          Old->index() != Idx || Uses[Old->Id] != 1)
        continue;
      const Value *E = Val->Operands[1 - Side];
      Absorbed.insert(Old);
      if (Act.isActive(E)) {
        Value *D = Adjoints.readAdjoint(Ptr, Idx);
        contribute(E, Val->Code == OpCode::Sub ? B.neg(D) : D, false);
      }
      return;
    }
  }
  Value *D = Adjoints.readAdjoint(Ptr, Idx);
  // What was there before is gone: its adjoint is zero, if anything
  // before could read it or the caller reads it.
  bool Needed = Pos.usedBefore(V, Base) || Pos.rewritesItself(V, Base) ||
                Facts.zeroKept(Base);
  if (!IsOut && !Pos.isInitStore(V) && (Needed || Facts.returnsAdjoint(Base)))
    Adjoints.zeroAdjoint(Ptr, Idx, /*ForCaller=*/!Needed);
  if (Act.isActive(Val))
    contribute(Val, D, false);
}

std::unique_ptr<Function> ReverseMode::run() {
  if (Opts.Through)
    return callThrough();
  Uses = countUses(P);
  if (!Legal.check())
    return nullptr;
  declare();
  B.setFold(false);
  Top = std::make_unique<Frame>(&P.Body, &G->Body, false);
  forwardBlock(P.Body, G->Body);
  // Given the value returned, the backward sweep reads it; what computed
  // it in the forward sweep is then dead unless something else reads it.
  if (Result) {
    const Value *Returned = P.Body.Ops.back()->Operands[0];
    if (Returned->Code != OpCode::Param && !Returned->isConst())
      Map[Returned] = Result;
  }
  beginBackward();
  B.setBlock(G->Body);
  B.setFold(true);
  const Value *Ret = P.Body.Ops.back();
  backwardBlock(P.Body);
  Adjoints.addLoopSums();
  Frames.pop_back();
  if (Sw.Failed)
    return nullptr;
  Adjoints.settleSeeds();

  B.setOrigin(Ret->Stmt, Ret->Loc);
  if ((Opts.Kind == GradKind::Grad || Opts.ReturnsValue) &&
      !Ret->Operands.empty()) {
    Value *Result = Map.at(Ret->Operands[0]);
    // Name the result after the function, as the seeds write `f = ...`.
    if (Result->Name.empty() && Result->Code != OpCode::Param &&
        !Result->isConst())
      Result->Name = P.Name;
    B.ret(Result);
  } else {
    B.ret(nullptr);
  }
  std::map<const Value *, std::int64_t> Trips = constantTrips();
  // Each iteration of the fused loop pops what it pushed: its tapes hold
  // one iteration's values at most.
  if (Facts.Fused)
    Trips[Map.at(Facts.Fused)] = 1;
  sizeTapes(*G, Trips);
  reserveTapes();
  document();
  if (Opts.TraceOut) {
    for (const Param &Prm : P.Params) {
      Opts.TraceOut->Entries.push_back(
          {Prm.V, Map.at(Prm.V), Adjoints.paramTraced(Prm.V)});
    }
    for (const Value *V : P.Body.Ops) {
      if (!V->hasResult() || V->isConst())
        continue;
      Opts.TraceOut->Entries.push_back({V, Map.at(V), Adjoints.valueTraced(V)});
    }
  } else {
    shareCalls(*G, BackwardFrom);
    eliminateDeadCode(*G);
    settleKept(*G);
  }
  return std::move(G);
}

std::vector<unsigned> defaultInputs(const Function &F) {
  std::vector<unsigned> Out = defaultOutputs(F), In;
  for (unsigned I = 0; I < F.Params.size(); ++I)
    if (isFloating(F.Params[I].V->Ty.scalarKind()) &&
        (std::find(Out.begin(), Out.end(), I) == Out.end() ||
         readsFirst(F, F.Params[I].V)))
      In.push_back(I);
  return In;
}

std::vector<unsigned> defaultOutputs(const Function &F) {
  std::vector<unsigned> Out;
  if (!F.RetTy.isVoid())
    return Out;
  for (unsigned I = 0; I < F.Params.size(); ++I)
    if (F.writesParam(I) && isFloating(F.Params[I].V->Ty.scalarKind()))
      Out.push_back(I);
  return Out;
}

bool isInOut(const Function &F, const std::vector<unsigned> &Wrt,
             const std::vector<unsigned> &Out, unsigned I) {
  auto Has = [&](const std::vector<unsigned> &V) {
    return std::find(V.begin(), V.end(), I) != V.end();
  };
  return Has(Wrt) && F.Params[I].V->Ty.isMemory() &&
         (Has(Out) || F.writesParam(I));
}

std::string paramWord(std::string P) {
  std::replace(P.begin(), P.end(), '.', '_');
  return P;
}

std::string adjointParamName(const Function &Primal, const std::string &P) {
  // A member of a view parameter, `L.W`, has the pointer `dL_W`; of a
  // struct holding vectors, the member of one adjoint struct, `dL.W`.
  for (const Param &Prm : Primal.Params)
    if (Prm.V->Name == P && !Prm.ViewRecord.empty())
      return adjointParamName(Primal, Prm.ViewName) +
             P.substr(Prm.ViewName.size());
  std::string Word = paramWord(P);
  return uniqueName(namesIn(Primal), "d" + Word, "d_" + Word);
}

std::unique_ptr<Function> signatureOf(const Function &Primal,
                                      const ReverseOptions &Opts) {
  return ReverseMode(Primal, Opts, nullptr).signature();
}

std::unique_ptr<Function> reverse(const Function &Primal,
                                  const ReverseOptions &Opts,
                                  std::vector<ReverseError> *Errors) {
  for (bool InFusedLoop : {true, false}) {
    std::map<const Value *, const Value *> Origin;
    bool SameOutsideLoop = false;
    std::unique_ptr<Function> Inlined =
        inlineCostlyCalls(Primal, Opts, Origin, InFusedLoop, SameOutsideLoop);
    // The second try would be this one again.
    if (!Inlined && SameOutsideLoop)
      break;
    if (!Inlined)
      continue;
    // What the copy with helpers inline cannot do, the primal as it is
    // may.
    if (std::unique_ptr<Function> G =
            ReverseMode(*Inlined, Opts, nullptr).run()) {
      // A trace is of the primal's own values (a helper's are not shown,
      // inline or not).
      if (Trace *T = Opts.TraceOut) {
        std::vector<Trace::Entry> Own;
        for (Trace::Entry E : T->Entries)
          if (auto It = Origin.find(E.Primal); It != Origin.end()) {
            E.Primal = It->second;
            Own.push_back(E);
          }
        T->Entries = std::move(Own);
      }
      return G;
    }
    if (Opts.TraceOut)
      Opts.TraceOut->Entries.clear();
    if (SameOutsideLoop)
      break;
  }
  return ReverseMode(Primal, Opts, Errors).run();
}

} // namespace gradc::autodiff
