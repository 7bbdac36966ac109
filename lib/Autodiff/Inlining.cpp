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
// number (`g_result_pullback`), and a loop's calls are left to the tapes.
//
//===----------------------------------------------------------------------===//
#include "Inlining.h"

#include "SweepFacts.h"
#include "gradc/IR/Inline.h"
#include "gradc/IR/Uses.h"

namespace gradc::autodiff {

using namespace ir;

static bool callsCostly(const Function &F) {
  bool Costly = false;
  forEachOp(F.Body, [&](const Value &V) {
    Costly |= V.Code == OpCode::Call && !isCheap(V.Fn);
  });
  return Costly;
}

/// Two arguments into the same memory, one of them written: refused as a
/// call (the pullback takes them for distinct memory) and left so, since
/// the interpreter that checks gradients runs a call on copies of them.
static bool sharesWrittenMemory(const Value &Call) {
  for (unsigned I = 0; I < Call.Operands.size(); ++I)
    for (unsigned J = I + 1; J < Call.Operands.size(); ++J) {
      const Value *A = Call.Operands[I], *B = Call.Operands[J];
      if (A->Ty.isMemory() && B->Ty.isMemory() && baseOf(A) == baseOf(B) &&
          (Call.writesArg(I) || Call.writesArg(J)))
        return true;
    }
  return false;
}

static bool inlinable(const Function &P, const Value &Call) {
  const Function *C = Call.Callee;
  return C && !sharesWrittenMemory(Call) && !C->Opaque && !C->Custom &&
         !C->Incomplete && !C->Method && !C->ReturnsRecord && !C->Synthesized &&
         C->RetTy.isVoid() && C->File == P.File && !C->Body.Ops.empty() &&
         C->Body.Ops.back()->Code == OpCode::Return && callsCostly(*C) &&
         !callsItself(*C);
}

std::unique_ptr<Function>
inlineCostlyCalls(const Function &P, const ReverseOptions &Opts,
                  std::map<const Value *, const Value *> &Origin) {
  if (Opts.Through)
    return nullptr;
  bool Any = false;
  for (const Value *V : P.Body.Ops)
    Any |= V->Code == OpCode::Invoke && inlinable(P, *V);
  if (!Any || callsItself(P))
    return nullptr;
  SweepFacts Facts(P, Opts);
  return inlineCalls(
      P,
      [&](const Value &Call) {
        return inlinable(P, Call) && Facts.needsBackward(Call);
      },
      &Origin);
}

} // namespace gradc::autodiff
