//===- Calls.cpp - Calls, reversed through their pullbacks ----------------===//
#include "ReverseMode.h"
#include "VectorCount.h"

#include "gradc/IR/Uses.h"

#include <algorithm>

namespace gradc::autodiff {

using namespace ir;

std::string ReverseMode::spell(const Function &Callee) const {
  // An anonymous namespace ("") is never written: its names are found
  // from the namespace around it.
  auto Named = [](const std::vector<std::string> &Namespaces) {
    std::vector<std::string> Names;
    for (const std::string &NS : Namespaces)
      if (!NS.empty())
        Names.push_back(NS);
    return Names;
  };
  std::vector<std::string> Namespaces = Named(Callee.Namespaces);
  if (Namespaces == Named(P.Namespaces))
    return Callee.Name;
  std::string Name;
  for (const std::string &NS : Namespaces)
    Name += NS + "::";
  return Name + Callee.Name;
}

/// What the pullback of Call gets for argument I: the value, or memory in
/// place when the backward sweep still finds it as the call left it;
/// otherwise the contents of the local, pushed on a tape after the call
/// and popped into a local of the same name here (an output gets a local
/// to write into, as the callee's pullback writes its outputs again).
Value *ReverseMode::callArgument(const Value &Call, unsigned I,
                                 const Function &PB) {
  const Value *Op = Call.Operands[I];
  if (!Op->Ty.isMemory())
    return avail(Op);
  const Value *Base = baseOf(Op);
  // A pullback may read what its call left in the outputs (a stored
  // tanh is read back, not computed again): then it gets them as the
  // call left them; otherwise a local to write into. One still being made
  // (a recursive call) may read them.
  bool Out = Call.writesArg(I) && !Call.Callee->Custom && !PB.Incomplete &&
             !reads(PB.Body, PB.Params[I].V);
  // (A branch's array that only takes outputs the pullback does not read
  // need not be kept for it.)
  if (Remap.count(Base) ||
      (outlives(Base) && (Call.writesArg(I) || Pos.finalAt(&Call, Base)) &&
       !(Out && Facts.hoistable(Base))))
    return avail(Op);
  // The copy an in/out argument of this call took of the same array.
  if (auto It = CallCopies.find(Base); It != CallCopies.end())
    return rebase(Op, Base, It->second);
  if (!Out)
    if (const Recorder::Snapshot *Sn = Rec.snapshotAfter(Base, &Call))
      return rebase(Op, Base, Sn->Copy);
  // A struct or container parameter that changes after the call
  // (`L.dot(x)`, then `L.W[i] *= ...`): its contents at the call go on a
  // tape after it, popped into a local of the callee's parameter type.
  if (!Out && Facts.copiesWhole(Call, I))
    return wholeCopy(Call, I, /*Before=*/false);
  // Memory of unknown size, of which the callee reads a few elements.
  if (Base->Code != OpCode::Local)
    if (std::optional<std::int64_t> N = Facts.argumentExtent(Call, I))
      return tapedCopy(Call, I, B.constant(double(*N), Scalar::Int64),
                       /*Before=*/false);
  if (!Out && Base->Code == OpCode::Local && Base->Operands.size() > 1) {
    // A vector that changes size: its length at the call goes on a tape
    // of its own, and sizes the copy.
    Value *Len = Map.at(Base->Operands[1]);
    Value *LenTape = Sw.newTape(Len->Ty.element(), Base->Name + "_size");
    Value *Tape = Sw.newTape(Base->Ty.element(), Base->Name);
    if (Base->Stride > 0) // of structs: the vector is taped whole
      Tape->Text = Base->Text;
    Value *N = G->create(
        OpCode::Load, Type::scalar(Len->Ty.scalarKind()).named(Len->Ty.name()),
        {Len});
    Sw.insertAfter(
        Map.at(&Call),
        {N, G->create(OpCode::Push, Type::voidTy(), {LenTape, N}),
         G->create(OpCode::PushArray, Type::voidTy(), {Tape, Map.at(Base), N})},
        /*Before=*/false);
    Value *Count = B.pop(LenTape);
    Value *Copy = B.local(Base->Ty.element(), -1, Base->Name);
    Copy->Text = Base->Text;
    Copy->Member = Base->Member;
    Copy->Stride = Base->Stride;
    Copy->RowDims = Base->RowDims; // of rows: `v[i][j]`
    Copy->Operands.push_back(Count);
    B.append(G->create(OpCode::PopArray, Type::voidTy(), {Tape, Copy, Count}));
    Rec.snapshot(Base, &Call, Copy);
    return rebase(Op, Base, Copy);
  }
  Value *Copy = Out ? localLike(Base) : filledLocalLike(Base);
  if (!Out) {
    Rec.snapshot(Base, &Call, Copy);
    tapeAround(Call, Map.at(Base), Copy, countOf(Base), Base,
               /*Before=*/false);
  }
  return rebase(Op, Base, Copy);
}

Value *ReverseMode::wholeCopy(const Value &Call, unsigned I, bool Before) {
  const Param &Prm = Call.Callee->Params[I];
  const Value *Op = Call.Operands[I];
  const Value *Base = baseOf(Op);
  Scalar S = Op->Ty.scalarKind();
  // `L.W` is copied into `W`, `s.body` into `body`.
  std::string Name = Op->Code == OpCode::Field && !Op->Text.empty()
                         ? Op->Text
                         : Base->Name.substr(Base->Name.rfind('.') + 1);
  bool Struct = !Prm.Container;
  bool Vector = Prm.Container && Prm.Elements.empty(); // not a std::array
  Value *Tape = Sw.newTape(S, Name);
  if (Struct) // `b_tape.push(b)`, on a tape of Body
    Tape->Text = Prm.Record;
  auto Count = [&](Builder &At) {
    return Vector ? At.size(Map.at(Op), Scalar::Int64)
                  : At.constant(double(Prm.Elements.size()), Scalar::Int64);
  };
  Block Pushes;
  Builder Fwd(*G, Pushes);
  Value *FwdCount = Count(Fwd);
  Fwd.append(G->create(OpCode::PushArray, Type::voidTy(),
                       {Tape, Map.at(Op), FwdCount}));
  Sw.insertAfter(Map.at(&Call), Pushes.Ops, Before);
  Value *N = Count(B);
  Value *Copy =
      B.local(S, Vector ? -1 : std::int64_t(Prm.Elements.size()), Name);
  Copy->Text = Prm.Record;
  Copy->Member = Struct ? MemberKind::Record : MemberKind::Array;
  if (Vector)
    Copy->Operands.push_back(N);
  B.append(G->create(OpCode::PopArray, Type::voidTy(), {Tape, Copy, N}));
  if (!Before && Op == Base)
    Rec.snapshot(Base, &Call, Copy);
  return Copy;
}

Value *ReverseMode::localLike(const Value *Base) {
  Value *Count = Base->IVal < 0 ? vectorCount(B, Base, Map) : nullptr;
  Value *Copy = B.local(Base->Ty.element(), Base->IVal, Base->Name);
  Copy->Text = Base->Text; // a struct or std::array is copied as one
  Copy->MemberDefaults = Base->MemberDefaults;
  Copy->NoDefault = Base->NoDefault;
  Copy->Member = Base->Member;
  Copy->Stride = Base->Stride;
  Copy->RowDims = Base->RowDims;
  if (Count) // a vector, declared at the top level: as long
    Copy->Operands.push_back(Count);
  return Copy;
}

/// A local shaped as Base that a tape fills whole each time: a vector of
/// one size, in a loop, is declared once before the backward sweep's
/// loops, not allocated on every iteration.
Value *ReverseMode::filledLocalLike(const Value *Base) {
  bool Grows = Base->Operands.size() > 1;
  if (Base->IVal >= 0 || Grows || !Frames.back()->InLoop ||
      Pos.Home.at(Base) != &P.Body)
    return localLike(Base);
  return inFrame(Frames.front(), [&] { return localLike(Base); });
}

Value *ReverseMode::countOf(const Value *Base) {
  return Base->IVal < 0
             ? vectorCount(B, Base, Map)
             : B.constant(Base->IVal ? Base->IVal : 1, Scalar::Int64);
}

void ReverseMode::tapeAround(const Value &Call, Value *From, Value *Copy,
                             Value *Count, const Value *Like, bool Before) {
  Value *T = Sw.newTape(Copy->Ty.element(), Like->Name);
  // A struct goes on a tape of structs: `c_tape.push(c)`; so do an
  // array of structs (`p_tape.push_array(p, 4)`) and a container of them
  // (`p_tape.push(p)`).
  if (Like->Member == MemberKind::Record || Like->Stride > 0)
    T->Text = Like->Text;
  std::vector<Value *> Ops;
  Value *FwdCount = Count;
  if (Count->isConst()) {
    FwdCount = G->create(OpCode::Const, Count->Ty);
    FwdCount->IVal = Count->IVal;
    Ops.push_back(FwdCount);
  }
  Ops.push_back(
      G->create(OpCode::PushArray, Type::voidTy(), {T, From, FwdCount}));
  Sw.insertAfter(Map.at(&Call), Ops, Before);
  B.append(G->create(OpCode::PopArray, Type::voidTy(), {T, Copy, Count}));
}

Value *ReverseMode::tapedCopy(const Value &Call, unsigned I, Value *Count,
                              bool Before) {
  const Value *Op = Call.Operands[I];
  const Value *Base = baseOf(Op);
  if (Op->Ty.kind() == Type::Ref) {
    // One number (a `double &` the caller was given): `acc_tape.push(acc)`,
    // popped into a variable, not an array of one.
    Value *Copy = B.local(Op->Ty.element(), 0, Base->Name);
    Value *T = Sw.newTape(Op->Ty.element(), Base->Name);
    Value *V = G->create(OpCode::Load, Op->Ty.element(), {Map.at(Op)});
    Sw.insertAfter(Map.at(&Call),
                   {V, G->create(OpCode::Push, Type::voidTy(), {T, V})},
                   Before);
    B.store(Copy, B.pop(T));
    return Copy;
  }
  Value *Copy =
      B.local(Op->Ty.element(), Count->IVal ? Count->IVal : 1, Base->Name);
  tapeAround(Call, Map.at(Op), Copy, Count, Base, Before);
  return Copy;
}

/// What argument I of Call held before the call, for a callee that reads
/// and writes it: pushed on a tape before the call and popped into a copy,
/// which the pullback runs the callee on again (a callee that only writes
/// it gets a scratch copy). Every argument of the call pointing into the
/// same local shares one copy, as they shared the local: the pullback's
/// run sees what the call saw. The caller's adjoint of the argument is the
/// callee's in/out adjoint.
Value *ReverseMode::inOutArgument(const Value &Call, unsigned I) {
  const Value *Op = Call.Operands[I];
  const Value *Base = baseOf(Op);
  if (Base->Code != OpCode::Local && Facts.copiesWhole(Call, I))
    return wholeCopy(Call, I, /*Before=*/true);
  if (Base->Code != OpCode::Local)
    return tapedCopy(
        Call, I,
        B.constant(double(*Facts.argumentExtent(Call, I)), Scalar::Int64),
        /*Before=*/true);
  if (auto It = CallCopies.find(Base); It != CallCopies.end())
    return rebase(Op, Base, It->second);
  bool Scratch = onlyWritten(Call, Base);
  Value *Copy = Scratch ? localLike(Base) : filledLocalLike(Base);
  CallCopies[Base] = Copy;
  if (Scratch)
    return rebase(Op, Base, Copy);
  tapeAround(Call, Map.at(Base), Copy, countOf(Base), Base, /*Before=*/true);
  return rebase(Op, Base, Copy);
}

/// Whether the callee of Call returns nothing and only writes what its
/// in/out arguments into Base hold before reading it, and no other
/// argument points into Base: a scratch copy serves. Of an array or a
/// struct, a callee that writes one element first may read another the
/// caller gave (`p[0] = x; p[1] = p[1] * x;`): only a callee that never
/// reads it may have a scratch copy.
bool ReverseMode::onlyWritten(const Value &Call, const Value *Base) const {
  const Function &C = *Call.Callee;
  if (!C.RetTy.isVoid())
    return false;
  const CallPlan &Plan = Legal.plan(Call);
  for (unsigned J = 0; J < Call.Operands.size(); ++J) {
    if (!Call.Operands[J]->Ty.isMemory() || baseOf(Call.Operands[J]) != Base)
      continue;
    const Value *Prm = C.Params[J].V;
    bool OneCell = Prm->Ty.kind() == Type::Ref;
    if (!Plan.InOut[J] || readsFirst(C, Prm) ||
        (!OneCell && reads(C.Body, Prm)))
      return false;
  }
  return true;
}

/// Whether argument I of Call points into a local that an in/out argument
/// of the same call also points into: it takes that argument's copy.
bool ReverseMode::sharesInOutCopy(const Value &Call, unsigned I) const {
  const Value *Base = baseOf(Call.Operands[I]);
  const CallPlan &Plan = Legal.plan(Call);
  if (Plan.InOut[I] || !Call.Operands[I]->Ty.isMemory() ||
      Base->Code != OpCode::Local)
    return false;
  for (unsigned J = 0; J < Plan.InOut.size(); ++J)
    if (Plan.InOut[J] && baseOf(Call.Operands[J]) == Base)
      return true;
  return false;
}

/// A call that carries a derivative: the callee's pullback, made once by
/// the PullbackSource, called with the call's arguments, the seeds of what
/// the callee returns or writes, and the adjoints of the arguments that
/// carry a derivative here (scalars through a local each, arrays in place).
void ReverseMode::backwardInvoke(const Value &V) {
  if (!Facts.needsBackward(V))
    return;
  const Function &C = *V.Callee;
  const CallPlan &Plan = Legal.plan(V);
  const std::vector<unsigned> &Wrt = Plan.Wrt, &Outs = Plan.Outs;
  const Function *PB = Plan.Pullback;
  Adjoints.flushPending(*Frames.back());
  noteFor(V);
  B.setOrigin(V.Stmt, V.Loc);
  // A struct returned is not given back (Pullbacks.cpp), only its seed.
  size_t Given = V.Operands.size() - (PB->DropsResult ? 1 : 0);
  std::vector<Value *> Args(Given);
  CallCopies.clear();
  // Arguments sharing an in/out argument's copy come after it.
  for (unsigned Pass = 0; Pass < 2; ++Pass)
    for (unsigned I = 0; I < Given; ++I)
      if (sharesInOutCopy(V, I) == (Pass == 1))
        Args[I] = Plan.InOut[I] ? inOutArgument(V, I) : callArgument(V, I, *PB);
  if (PB->TakesResult)
    Args.push_back(avail(&V));
  if (!C.RetTy.isVoid()) {
    Value *A = Adjoints.adjointOf(&V);
    Args.push_back(A ? A : B.constant(0, C.RetTy.scalarKind()));
  }
  for (unsigned I : Outs) {
    const Value *Op = V.Operands[I];
    if (C.Params[I].V->Ty.kind() == Type::Ref) {
      Args.push_back(Adjoints.readAdjoint(Op, nullptr));
      if (!isOutput(baseOf(Op)))
        Adjoints.zeroAdjoint(Op, nullptr);
      continue;
    }
    const Value *Base = baseOf(Op);
    if (Value *Sd = isOutput(Base) ? Adjoints.seedOf(Base) : nullptr) {
      Args.push_back(rebase(Op, Base, Sd));
    } else {
      Args.push_back(Adjoints.adjointPointer(Op));
    }
  }
  Adjoints.flushPending(*Frames.back());
  std::vector<std::pair<const Value *, Value *>> Scalars;
  for (unsigned I : Wrt) {
    const Value *Op = V.Operands[I];
    if (Op->Ty.isMemory()) {
      Args.push_back(Adjoints.adjointPointer(Op));
      continue;
    }
    // A parameter's own adjoint takes the callee's additions directly; a
    // member of an adjoint struct (`dL.scale`), also in a loop, since the
    // struct is passed whole.
    if (Value *D = Adjoints.paramAdjoint(Op, C.Params[I].ViewRecord.empty())) {
      Args.push_back(D);
      continue;
    }
    // So does a number of a `Layer &` (in/out), read where it is passed
    // with nothing stored in between: the adjoint of its memory.
    if (const Value *Cell = Op->Code == OpCode::Load && Op->Operands.size() == 1
                                ? Op->Operands[0]
                                : nullptr;
        Cell && Cell->Code == OpCode::Param && Cell->Ty.kind() == Type::Ref &&
        !C.Params[I].ViewRecord.empty()) {
      Args.push_back(Adjoints.adjointPointer(Cell));
      continue;
    }
    Scalar S = Op->Ty.scalarKind();
    std::string Name = Sw.take(
        "d" + paramWord(C.Params[I].V->Name) + "_" + C.Name, "d_" + C.Name);
    Value *L = B.local(S, 0, Name);
    B.store(L, B.constant(0, S));
    Args.push_back(L);
    Scalars.push_back({Op, L});
  }
  // The adjoints the pullback adds into hold their values first (a local's
  // adjoint created here is zeroed, not left to its first contribution).
  Adjoints.flushPending(*Frames.back());
  B.invoke(PB, spell(*PB), Type::voidTy(), std::move(Args));
  for (auto &[Op, L] : Scalars)
    contribute(Op, B.load(L), false);
}

} // namespace gradc::autodiff
