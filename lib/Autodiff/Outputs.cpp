//===- Outputs.cpp - Outputs whose seeds stay read-only -------------------===//
#include "Outputs.h"

#include "gradc/IR/MemoryLocation.h"
#include "gradc/IR/Uses.h"

namespace gradc::autodiff {

using namespace ir;

/// Stores `r[i].a = ...; r[i].b = ...` into distinct members of element i
/// of an array of structs, i injective over the loops around them: each
/// element is written once.
static bool membersOnce(const ProgramOrder &Pos,
                        const std::vector<const Value *> &Stores,
                        const Value *Base) {
  const Value *Index = nullptr;
  std::vector<const Value *> Loops;
  std::set<double> Members;
  for (const Value *S : Stores) {
    // The element's own Field, on Base; members of members (`ps[i].pos.x`)
    // at constant places inside it.
    const Value *F = S->Operands[0];
    while (F->Code == OpCode::Field && !F->index() &&
           F->Operands[0]->Code == OpCode::Field)
      F = F->Operands[0];
    std::optional<double> Inside = constantOffset(S->Operands[0], F);
    if (F->Code != OpCode::Field || !F->index() || F->Operands[0] != Base ||
        !Inside)
      return false;
    double At =
        *Inside + double(F->IVal) +
        (S->index() && S->index()->isConst() ? S->index()->constValue() : 0);
    std::vector<const Value *> Around = Pos.loopsAround(S);
    if ((S->index() && !S->index()->isConst()) ||
        (Index && (F->index() != Index || Around != Loops)) ||
        !Members.insert(At).second)
      return false;
    Index = F->index();
    Loops = std::move(Around);
  }
  return Index && !Loops.empty() && Pos.injective(Index, Loops, 0);
}

/// Stores `err[S * i + c]` for distinct constants 0 <= c < S, all in one
/// counted loop over i from 0 by 1 (and no other loop): each element of
/// err is written once (two residuals per observation, say).
static bool stridedOnce(const Function &P, const ProgramOrder &Pos,
                        const std::vector<const Value *> &Stores,
                        const Value *Base) {
  const Value *Loop = nullptr;
  std::optional<CountedLoop> L;
  std::set<double> Offsets;
  double Stride = 0;
  for (const Value *S : Stores) {
    const Block *Blk = Pos.Home.at(S);
    while (Pos.Owner.count(Blk) && Pos.Owner.at(Blk)->Code == OpCode::If)
      Blk = Pos.Home.at(Pos.Owner.at(Blk));
    if (!Pos.Owner.count(Blk) || S->Operands[0] != Base || !S->index())
      return false;
    const Value *Lp = Pos.Owner.at(Blk);
    if (Lp->Code != OpCode::Loop || Pos.Home.at(Lp) != &P.Body ||
        (Loop && Lp != Loop))
      return false;
    if (!Loop) {
      Loop = Lp;
      L = Pos.counted(*Lp);
      if (!L || !L->Start->isConstValue(0) || L->Step != 1 ||
          L->Pred != CmpPred::LT)
        return false;
    }
    // S * i or S * i + c, either way round.
    const Value *Idx = S->index(), *Mul = Idx;
    double C = 0;
    if (Idx->Code == OpCode::Add) {
      for (unsigned K = 0; K < 2; ++K)
        if (Idx->Operands[K]->isConst() &&
            Idx->Operands[1 - K]->Code == OpCode::Mul) {
          C = Idx->Operands[K]->constValue();
          Mul = Idx->Operands[1 - K];
        }
      if (Mul == Idx)
        return false;
    }
    if (Mul->Code != OpCode::Mul)
      return false;
    double K = 0;
    bool Found = false;
    for (unsigned M = 0; M < 2; ++M)
      if (Mul->Operands[M]->isConst() &&
          isLoadOf(Mul->Operands[1 - M], L->Counter)) {
        K = Mul->Operands[M]->constValue();
        Found = true;
      }
    if (!Found || K <= 0 || (Stride != 0 && K != Stride) || C < 0 || C >= K ||
        !Offsets.insert(C).second)
      return false;
    Stride = K;
  }
  return Loop != nullptr;
}

/// Outputs are seeded by the caller, read-only: the backward sweep reads the
/// seed of each element at the store that wrote it, so each element must be
/// written once and never read back.
bool writtenOnce(const Function &P, const ProgramOrder &Pos, const Value *Base,
                 const Refusal &Report) {
  bool Once = true;
  auto Refuse = [&](const Value &At, const std::string &Msg) {
    Once = false;
    if (Report)
      Report(At, Msg);
  };
  std::vector<const Value *> Stores;
  std::function<void(const Block &)> Scan = [&](const Block &Blk) {
    for (const Value *V : Blk.Ops) {
      if (V->Code == OpCode::Load && baseOf(V->Operands[0]) == Base)
        Refuse(*V, P.Method && Base == P.Params[0].V
                       ? "member function " +
                             P.Name.substr(P.Name.find('_') + 1) +
                             " reads and changes its object; gradc supports "
                             "member functions that only read their object, or "
                             "that write each of its members once"
                       : "reading output '" + Base->Name +
                             "' back is not supported yet; compute the value "
                             "in a local variable and store it once");
      if (V->Code == OpCode::Store && baseOf(V->Operands[0]) == Base)
        Stores.push_back(V);
      for (const Block &R : V->Regions)
        Scan(R);
    }
  };
  Scan(P.Body);
  // A call writing the output is checked at the call.
  if (!Once || stridedOnce(P, Pos, Stores, Base) ||
      membersOnce(Pos, Stores, Base))
    return Once;
  std::set<double> Constants;
  for (const Value *S : Stores) {
    std::vector<const Value *> Loops = Pos.loopsAround(S);
    const Value *Idx = S->index();
    // Where the store's pointer is in Base, when that is a constant: a
    // member (`r.b`), an element of one (`r.e[2]`), or Base itself.
    std::optional<double> At = constantOffset(S->Operands[0], Base);
    bool Single;
    if (Stores.size() == 1)
      Single = Loops.empty() || (Idx && At && Pos.injective(Idx, Loops, 0));
    else
      Single = Loops.empty() && At &&
               (Idx ? Idx->isConst() &&
                          Constants.insert(*At + Idx->constValue()).second
                    : Constants.insert(*At).second);
    if (!Single)
      Refuse(*S, "gradc cannot prove that this store writes each element of "
                 "output '" +
                     Base->Name +
                     "' once; write every element "
                     "exactly once (accumulate in a local variable first)");
  }
  return Once;
}

std::set<const Value *> readOnlyOutputs(const Function &P,
                                        const ReverseOptions &Opts,
                                        const ProgramOrder &Pos) {
  std::set<const Value *> ReadOnly;
  for (unsigned I : Opts.Out) {
    const Value *O = P.Params[I].V;
    if (isInOut(P, Opts.Wrt, Opts.Out, I))
      continue;
    if (writtenOnce(P, Pos, O) ||
        (!P.Params[I].Record.empty() && O->Ty.kind() != Type::Ptr) ||
        (P.Method && O == P.Params[0].V))
      ReadOnly.insert(O);
  }
  return ReadOnly;
}

} // namespace gradc::autodiff
