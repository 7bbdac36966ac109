//===- Inlining.cpp - Helpers written inline to run them once -------------===//
//
// A helper called at the top level of a function runs twice when the
// function's backward sweep calls its pullback: in the forward sweep, then
// again in the pullback's own forward sweep, which needs its values. When
// the helper calls sin, exp, ... (bundle adjustment's rotation, called by
// the projection) the second run costs as much as the first. Written
// inline, as a person writing the gradient by hand would, its values are
// computed once and read by the backward sweep where they are.
//
// Only a void helper of the same file is written inline (its outputs go
// through pointers): one returning a number has a pullback given that
// number (`g_result_pullback`). A loop's calls are written inline too: in
// a loop whose backward sweep runs beside its forward sweep (Fusion.h) the
// helper's values are in scope; in a loop carrying values from one
// iteration to the next (an LSTM's state) they are taped once, where the
// helper's pullback would run the helper again and then its own forward
// sweep (three runs of every exp for one). A fused loop whose calls
// cannot go inline without its losing the fusion keeps them as calls.
//
//===----------------------------------------------------------------------===//
#include "Inlining.h"

#include "Legality.h"
#include "SweepFacts.h"
#include "gradc/IR/Inline.h"
#include "gradc/IR/Uses.h"

#include <algorithm>
#include <memory>
#include <set>

namespace gradc::autodiff {

using namespace ir;

/// Whether F calls sin, exp, ..., itself or through the void helpers it
/// calls (which go inline with it; one returning a number is given that
/// number in F's pullback, and runs once).
static bool callsCostly(const Function &F, std::set<const Function *> &Seen) {
  if (!Seen.insert(&F).second)
    return false;
  bool Costly = false;
  forEachOp(F.Body, [&](const Value &V) {
    Costly |= (V.Code == OpCode::Call && !isCheap(V.Fn)) ||
              (V.Code == OpCode::Invoke && V.Callee &&
               V.Callee->RetTy.isVoid() && callsCostly(*V.Callee, Seen));
  });
  return Costly;
}

static bool callsCostly(const Function &F) {
  std::set<const Function *> Seen;
  return callsCostly(F, Seen);
}

static bool inlinable(const Function &P, const Value &Call) {
  const Function *C = Call.Callee;
  return C && !C->Opaque && !C->Custom && !C->Incomplete && !C->Method &&
         !C->ReturnsRecord && !C->Synthesized && C->RetTy.isVoid() &&
         C->File == P.File && !C->Body.Ops.empty() &&
         C->Body.Ops.back()->Code == OpCode::Return && callsCostly(*C) &&
         !callsItself(*C);
}

/// Whether Call is in the body of Loop (or deeper).
static bool inside(const SweepFacts &Facts, const Value &Call,
                   const Value *Loop) {
  std::vector<const Value *> Around = Facts.Pos.loopsAround(&Call);
  return Loop && std::find(Around.begin(), Around.end(), Loop) != Around.end();
}

std::unique_ptr<Function>
inlineCostlyCalls(const Function &P, const ReverseOptions &Opts,
                  std::map<const Value *, const Value *> &Origin,
                  bool InFusedLoop, bool &SameOutsideLoop) {
  SameOutsideLoop = true;
  if (Opts.Through || callsItself(P))
    return nullptr;
  // No round writes anything inline without a helper to write: spare the
  // analyses.
  bool Any = false;
  forEachOp(P.Body, [&](const Value &V) {
    Any |= V.Code == OpCode::Invoke && inlinable(P, V);
  });
  if (!Any)
    return nullptr;
  // The facts of the function each round starts from, built once each.
  auto Facts = std::make_unique<SweepFacts>(P, Opts);
  const Value *Fused = InFusedLoop ? Facts->Fused : nullptr;
  // Rounds: a helper written inline may call another (the projection calls
  // the rotation).
  std::unique_ptr<Function> Copy;
  const Function *From = &P;
  std::map<const Value *, const Value *> ToP;
  // The loops (of P) that calls went inline into, in the first try. A loop
  // may become fused only once its calls are inline (a call writing
  // through a pointer at the counter's elements is a whole-array access to
  // the independence check; its inline stores are not).
  std::set<const Value *> Receivers;
  auto InP = [&](const Value *V) {
    if (From == &P)
      return V;
    auto It = ToP.find(V);
    return It == ToP.end() ? nullptr : It->second;
  };
  for (int Round = 0; Round < 4; ++Round) {
    if (&Facts->P != From)
      Facts = std::make_unique<SweepFacts>(*From, Opts);
    std::map<const Value *, const Value *> ToFrom;
    std::unique_ptr<Function> Next = inlineCalls(
        *From,
        [&](const Value &Call) {
          // Two arguments into one array that gradc sees overlap are
          // refused as a call (Legality.h), and left so: the interpreter
          // that checks gradients runs a call on copies of them.
          if (!inlinable(*From, Call) || !Facts->needsBackward(Call) ||
              visibleOverlap(*Facts, Call))
            return false;
          // A fused loop's calls go inline only while it stays fused.
          bool InFused = inside(*Facts, Call, Facts->Fused);
          if (InFusedLoop)
            for (const Value *L : Facts->Pos.loopsAround(&Call))
              if (const Value *Origin = InP(L))
                Receivers.insert(Origin);
          return InFusedLoop || !InFused;
        },
        &ToFrom);
    if (!Next)
      break;
    std::map<const Value *, const Value *> Composed;
    for (const auto &[C, F] : ToFrom)
      if (From == &P)
        Composed[C] = F;
      else if (auto It = ToP.find(F); It != ToP.end())
        Composed[C] = It->second;
    ToP = std::move(Composed);
    Copy = std::move(Next);
    From = Copy.get();
  }
  // Without a call of a loop written inline, every round wrote what it
  // writes outside loops: the copy is that one.
  bool IntoLoop = !Receivers.empty();
  SameOutsideLoop = !IntoLoop;
  if (!Copy)
    return nullptr;
  if (IntoLoop) {
    // The loop's calls are written inline only for its backward sweep to
    // run beside them; a loop not fused would tape all they compute. The
    // loop fused in the end is the one that was, or one that calls went
    // into (it may have become fused by them).
    if (&Facts->P != From)
      Facts = std::make_unique<SweepFacts>(*From, Opts);
    const Value *Now = Facts->Fused;
    if (!Now || (ToP[Now] != Fused && !Receivers.count(ToP[Now])))
      return nullptr;
  }
  Origin = std::move(ToP);
  return Copy;
}

} // namespace gradc::autodiff
