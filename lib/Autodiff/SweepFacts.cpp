//===- SweepFacts.cpp - What the check and the transform both ask ---------===//
#include "SweepFacts.h"

#include "Fusion.h"
#include "Outputs.h"
#include "gradc/IR/MemoryLocation.h"
#include "gradc/IR/Uses.h"

#include <algorithm>

namespace gradc::autodiff {

using namespace ir;

/// The memory parameters differentiated: their incoming contents are the
/// caller's, in/out when the function writes them.
static std::set<const Value *> wrtMemory(const Function &P,
                                         const ReverseOptions &Opts) {
  std::set<const Value *> Out;
  for (unsigned I : Opts.Wrt)
    if (P.Params[I].V->Ty.isMemory())
      Out.insert(P.Params[I].V);
  return Out;
}

/// What the caller reads derivatives of: the outputs, and the final
/// contents of in/out parameters (whose seeds it gives) also when the
/// function returns a value.
static std::vector<unsigned> seeded(const Function &P,
                                    const ReverseOptions &Opts) {
  std::vector<unsigned> Seeded = Opts.Out;
  for (unsigned I : Opts.Wrt)
    if (isInOut(P, Opts.Wrt, Opts.Out, I) &&
        std::find(Seeded.begin(), Seeded.end(), I) == Seeded.end())
      Seeded.push_back(I);
  return Seeded;
}

SweepFacts::SweepFacts(const Function &P, const ReverseOptions &Opts)
    : P(P), Opts(Opts), Act(P, Opts.Wrt, seeded(P, Opts)),
      Pos(P, wrtMemory(P, Opts)), SeededOutputs(readOnlyOutputs(P, Opts, Pos)),
      Fused(fusedLoop(*this, Hoisted)) {
  Pos.Fused = Fused;
}

bool SweepFacts::needsBackward(const Value &V) const {
  switch (V.Code) {
  case OpCode::Store:
    // A store of data over memory that carries derivatives still clears
    // the adjoint of what was there, if that was read or written.
    return Act.isActiveMemory(baseOf(V.Operands[0])) &&
           (Act.isVaried(V.Operands[1]) ||
            Pos.usedBefore(V, baseOf(V.Operands[0])) ||
            returnsAdjoint(baseOf(V.Operands[0])));
  case OpCode::If:
  case OpCode::Loop:
    for (const Block &R : V.Regions)
      if (containsActive(R))
        return true;
    return false;
  case OpCode::Invoke:
    if (V.hasResult() && Act.isActive(&V))
      return true;
    for (unsigned I = 0; I < V.Operands.size(); ++I)
      if (V.writesArg(I) && Act.isActiveMemory(baseOf(V.Operands[I])))
        return true;
    return false;
  default:
    return V.hasResult() && Act.isActive(&V);
  }
}

bool SweepFacts::containsActive(const Block &Blk) const {
  for (const Value *V : Blk.Ops)
    if (needsBackward(*V))
      return true;
  return false;
}

bool SweepFacts::passesInOut(const Value &Call, unsigned I) const {
  const Function &C = *Call.Callee;
  const Value *Prm = C.Params[I].V;
  if (!Prm->Ty.isMemory() || !C.writesParam(I) || C.Custom)
    return false;
  // An integer carries no derivative, but the pullback runs the callee
  // again (`++k`): on a copy of what the call started from, or it would
  // start from what the call left, and change the caller's variable.
  if (!isFloating(Prm->Ty.scalarKind()))
    return true;
  if (!C.RetTy.isVoid() || readsFirst(C, Prm))
    return true;
  // An output the call alone writes, in the block of a local it writes:
  // its adjoint is fresh there, and is the seed. Otherwise (scratch
  // reused across a loop, written by others too) what the callee does
  // not write keeps its adjoint, as in/out memory does.
  const Value *Base = baseOf(Call.Operands[I]);
  return Base->Code == OpCode::Local &&
         (!freshAt(Call, Base) || zeroKept(Base));
}

bool SweepFacts::leavesAlone(const Value *Base) const {
  if (Opts.WriteOutputs || Opts.TraceOut)
    return false;
  if (isOutput(Base))
    return true;
  if (Base->Code != OpCode::Param || !Base->Ty.isMemory())
    return false;
  for (unsigned I : Opts.Out)
    if (P.Params[I].V == Base)
      return !reads(P.Body, Base);
  return false;
}

bool SweepFacts::zeroKept(const Value *Base) const {
  if (auto It = ZeroKept.find(Base); It != ZeroKept.end())
    return It->second;
  bool Kept = Base->Code == OpCode::Local && Base->IVal > 0 &&
              !Base->ZeroInit && Base->Text.empty() && Base->Stride == 0 &&
              Pos.Home.count(Base) && !Pos.loopsAround(Base).empty();
  // Read in its loop: then every store to it clears its adjoint
  // (ProgramOrder::usedBefore counts an earlier iteration's reads).
  // And written where the code does not say which elements (an index that
  // varies, a call): an iteration may use few of them (a `MaxD` buffer),
  // while one writing constant places clears as many as `= {}` would.
  bool Read = false, Varies = false;
  if (Kept)
    forEachOp(P.Body, [&](const Value &V) {
      Read |= !V.isRegionOp() && reads(V, Base);
      if (V.Code == OpCode::AddTo && writes(V, Base))
        Kept = false;
      if (V.Code == OpCode::Store && baseOf(V.Operands[0]) == Base)
        Varies |= !constantPlace(V.Operands[0], V.index());
      if (V.Code != OpCode::Invoke || !writes(V, Base))
        return;
      const Function *C = V.Callee;
      if (!C || C->Custom || !C->RetTy.isVoid()) {
        Kept = false;
        return;
      }
      for (unsigned J = 0; J < V.Operands.size(); ++J) {
        if (!V.Operands[J]->Ty.isMemory() || baseOf(V.Operands[J]) != Base)
          continue;
        if (!V.writesArg(J) || readsFirst(*C, C->Params[J].V) ||
            reads(C->Body, C->Params[J].V))
          Kept = false;
        Varies |= !argumentExtent(V, J); // (cross3's 3 elements: fixed)
      }
    });
  return ZeroKept[Base] = Kept && Read && Varies;
}

bool SweepFacts::freshAt(const Value &Call, const Value *Base) const {
  return (Pos.writtenOnlyBy(P.Body, Base, &Call) &&
          (Base->Code == OpCode::Local
               ? Pos.Home.at(&Call) == Pos.Home.at(Base)
               : isOutput(Base) && Pos.Home.at(&Call) == &P.Body)) ||
         madeBy(Call, Base);
}

bool SweepFacts::madeBy(const Value &Call, const Value *Base) const {
  const Function *C = Call.Callee;
  if (!C || !C->ReturnsRecord || C->Custom || Call.Operands.empty() ||
      Call.Operands.back() != Base || Base->Code != OpCode::Local ||
      Pos.Home.at(&Call) != Pos.Home.at(Base))
    return false;
  // (With no active argument its pullback would add to nothing: the
  // call stays in/out, its pullback clearing what it wrote.)
  bool Active = false;
  for (size_t I = 0; I + 1 < Call.Operands.size(); ++I) {
    const Value *Op = Call.Operands[I];
    if (Op->Ty.isMemory() && baseOf(Op) == Base)
      return false;
    Active |=
        Op->Ty.isMemory() ? Act.isActiveMemory(baseOf(Op)) : Act.isActive(Op);
  }
  if (!Active)
    return false;
  // Nothing between the declaration and the call reads or writes it.
  const std::vector<Value *> &Ops = Pos.Home.at(Base)->Ops;
  auto It = std::find(Ops.begin(), Ops.end(), Base);
  for (++It; It != Ops.end() && *It != &Call; ++It) {
    if (reads(**It, Base) || writes(**It, Base))
      return false;
    for (const Block &R : (*It)->Regions)
      if (reads(R, Base) || findWrite(R, Base))
        return false;
  }
  return It != Ops.end();
}

std::optional<std::int64_t> SweepFacts::argumentExtent(const Value &Call,
                                                       unsigned I) const {
  const Function *C = Call.Callee;
  if (!C || C->Custom || !C->Params[I].Record.empty())
    return std::nullopt;
  // A `double &` reaches its one number.
  if (C->Params[I].V->Ty.kind() == Type::Ref)
    return isFloating(C->Params[I].V->Ty.scalarKind()) &&
                   C->Params[I].ViewName.empty()
               ? std::optional<std::int64_t>(1)
               : std::nullopt;
  if (C->Params[I].V->Ty.kind() != Type::Ptr)
    return std::nullopt;
  return reachedExtent(*C, C->Params[I].V, knownArguments(Call));
}

bool SweepFacts::copiesWhole(const Value &Call, unsigned I) const {
  const Function *C = Call.Callee;
  const Value *Op = Call.Operands[I];
  if (!C || C->Custom || baseOf(Op)->Code == OpCode::Local ||
      !isFloating(Op->Ty.scalarKind()))
    return false;
  const Param &Prm = C->Params[I];
  // (`Body *b` may point at an array of them: not one struct.)
  if (Prm.Record.empty() || Prm.RecordPtr || Prm.VectorRows ||
      !Prm.RowDims.empty())
    return false;
  // The container itself, not a part of it; a member of a struct the
  // callee takes by const reference only (`Layer{W, L.scale}` is a
  // temporary).
  if (Prm.Container)
    return Prm.Record.rfind("std::", 0) == 0 && Op->Code == OpCode::Param &&
           (Prm.ViewName.empty() || Prm.ViewSpelling.rfind("const ", 0) == 0);
  return Prm.ViewName.empty() && !Prm.Elements.empty();
}

} // namespace gradc::autodiff
