//===- Legality.cpp - What the reverse mode refuses, before it runs -------===//
#include "Legality.h"

#include "gradc/IR/LoopShape.h"
#include "gradc/IR/MemoryLocation.h"
#include "gradc/IR/Uses.h"

#include <algorithm>
#include <cmath>

namespace gradc::autodiff {

using namespace ir;

bool Legality::check() {
  block(Facts.P.Body);
  return Ok;
}

void Legality::block(const Block &Blk) {
  for (auto It = Blk.Ops.rbegin(); It != Blk.Ops.rend(); ++It) {
    const Value &V = **It;
    switch (V.Code) {
    case OpCode::Store:
      store(V);
      break;
    case OpCode::If:
      if (Facts.needsBackward(V))
        for (unsigned R : {Then, Else})
          block(V.Regions[R]);
      break;
    case OpCode::Loop:
      loop(V);
      break;
    case OpCode::Invoke:
      call(V);
      break;
    default:
      break;
    }
  }
}

/// A store to an output with a read-only seed: the output must be written
/// once per element (checked at its first store that matters).
void Legality::store(const Value &V) {
  const Value *Base = baseOf(V.Operands[0]);
  if (!Facts.Act.isActiveMemory(Base) ||
      (!Facts.Act.isActive(V.Operands[1]) &&
       (Facts.Pos.isInitStore(V) || !Facts.Pos.usedBefore(V, Base))))
    return;
  // A pointer or container parameter neither differentiated nor an
  // output has no adjoint buffer: the caller gives none, and its length is
  // not known here (a struct's is: its adjoint is a local struct).
  if (Base->Code == OpCode::Param && Base->Ty.kind() == ir::Type::Ptr &&
      Base->IVal == 0 && Facts.Act.isActive(V.Operands[1]) &&
      !hasAdjointBuffer(Base) && CheckedOutputs.insert(Base).second) {
    refuse(V, "'" + Base->Name +
                  "' is written with values that carry derivatives and read "
                  "back, but it is neither differentiated nor an output, so "
                  "its adjoint has nowhere to go (the caller gives no "
                  "buffer for it, and its length is not known here): add it "
                  "to wrt(...) (or out(...), in a function returning "
                  "void), or compute into a local array "
                  "or std::vector and copy that into '" +
                  Base->Name + "'");
    return;
  }
  if (Facts.isOutput(Base) && CheckedOutputs.insert(Base).second)
    writtenOnce(
        Facts.P, Facts.Pos, Base,
        [&](const Value &At, const std::string &Msg) { refuse(At, Msg); });
}

bool Legality::hasAdjointBuffer(const Value *Base) const {
  for (const std::vector<unsigned> *Ix : {&Facts.Opts.Wrt, &Facts.Opts.Out})
    for (unsigned I : *Ix)
      if (Facts.P.Params[I].V == Base)
        return true;
  return false;
}

void Legality::loop(const Value &V) {
  if (!Facts.needsBackward(V))
    return;
  for (unsigned R : {Init, Step})
    for (const Value *Op : V.Regions[R].Ops)
      if (Facts.needsBackward(*Op)) {
        refuse(*Op, "a loop header that computes with derivatives (in the "
                    "loop's initialization or step) is not supported yet; "
                    "move that computation into the loop body");
        return;
      }
  if (const Value *BC = findJumpBeforeEnd(V.Regions[LoopBody])) {
    refuse(*BC,
           std::string(BC->Code == OpCode::Break ? "'break'" : "'continue'") +
               " that skips statements after its 'if' is not "
               "supported yet in a loop that carries derivatives; "
               "put those statements in an 'else'");
    return;
  }
  block(V.Regions[LoopBody]);
}

/// What a call writes the backward sweep reads back as the seeds of the
/// callee's outputs: that needs memory no other op writes (an output of
/// this function, or a local) and, for a local, a call in the local's own
/// block, whose backward block gives the adjoint fresh each time.
bool Legality::callOutput(const Value &Call, const Value *Arg) {
  const Value *Base = baseOf(Arg);
  if (Facts.freshAt(Call, Base))
    return true;
  std::string Who =
      Call.Callee && Call.Callee->Method && Arg == Call.Operands[0]
          ? "'" + Base->Name +
                "' is changed by its member "
                "function " +
                Call.Text
          : "'" + Base->Name + "' is written by this call to " + Call.Text;
  refuse(Call, Who + "; gradc supports that when nothing else writes it and "
                     "it is a local variable declared in the same block as "
                     "the call (or an output written by this call alone, "
                     "outside loops)");
  return false;
}

/// How many elements a parameter taking one whole struct or std::array by
/// reference reaches: all of its own, and no more (two members of one
/// object passed apart do not overlap).
static std::optional<std::int64_t> wholeExtent(const Param &Prm) {
  if (Prm.Record.empty() || Prm.RecordPtr || Prm.VectorRows ||
      Prm.Elements.empty() || !Prm.ViewName.empty())
    return std::nullopt;
  return std::int64_t(Prm.Elements.size());
}

std::optional<Overlap> visibleOverlap(const SweepFacts &Facts,
                                      const Value &Call) {
  const Function &C = *Call.Callee;
  for (unsigned I = 0; I < Call.Operands.size(); ++I)
    for (unsigned J = I + 1; J < Call.Operands.size(); ++J) {
      const Value *A = Call.Operands[I], *B = Call.Operands[J];
      if (!A->Ty.isMemory() || !B->Ty.isMemory() || baseOf(A) != baseOf(B) ||
          !(Call.writesArg(I) || Call.writesArg(J)))
        continue;
      std::optional<double> OA = constantOffset(A, baseOf(A)),
                            OB = constantOffset(B, baseOf(B));
      // The variables an argument reads hold one value while the call's
      // arguments are made: `&s[i]` twice is one place.
      std::set<const Value *> Slots;
      loadedVariables(A, Slots);
      loadedVariables(B, Slots);
      Overlap O{I, J, ""};
      bool Overlaps = samePlace(A, B, Slots);
      if (OA && OB && *OA != *OB) {
        unsigned Low = *OA <= *OB ? I : J;
        std::optional<std::int64_t> Reach = Facts.argumentExtent(Call, Low);
        if (!Reach)
          Reach = wholeExtent(C.Params[Low]);
        Overlaps = !Reach || std::abs(*OA - *OB) < std::max<double>(*Reach, 1);
        if (!Reach)
          O.UnknownReach = C.Params[Low].V->Name;
        else
          O = {I, J, "", *Reach, std::int64_t(std::abs(*OA - *OB)), Low};
      }
      if (Overlaps)
        return O;
    }
  return std::nullopt;
}

/// A pullback takes its callee's pointer parameters for distinct memory
/// (as `restrict` would): two arguments into one array, one of them
/// written, that gradc sees overlap are refused. Overlaps gradc cannot see
/// are not.
bool Legality::overlapFree(const Value &Call) {
  std::optional<Overlap> O = visibleOverlap(Facts, Call);
  if (!O)
    return true;
  const Function &C = *Call.Callee;
  std::string Unknown;
  if (!O->UnknownReach.empty())
    Unknown = " (gradc cannot tell how many elements it reaches through '" +
              O->UnknownReach + "')";
  else if (O->Reach > 0)
    Unknown = " (it reaches " + std::to_string(O->Reach) +
              " elements through '" + C.Params[O->Low].V->Name + "', and '" +
              C.Params[O->Low == O->I ? O->J : O->I].V->Name + "' starts " +
              std::to_string(O->Apart) + " after it)";
  refuse(Call, "'" + C.Params[O->I].V->Name + "' and '" +
                   C.Params[O->J].V->Name + "' of " + Call.Text +
                   " point into the same '" +
                   baseOf(Call.Operands[O->I])->Name +
                   "', and it writes through one of them" + Unknown +
                   "; gradc's pullbacks take pointer arguments for "
                   "distinct memory: pass a copy of what it reads");
  return false;
}

/// A call that carries a derivative: which of its arguments are
/// differentiated, which are outputs seeded from here, and the callee's
/// pullback (made now, once, by the PullbackSource).
void Legality::call(const Value &V) {
  const Activity &Act = Facts.Act;
  if (!Facts.needsBackward(V))
    return;
  if (!V.Callee) {
    auto Advice = Facts.P.CallAdvice.find(&V);
    refuse(V, "a derivative flows through this call to " + V.Text +
                  ", whose body gradc cannot see; define it where gradc "
                  "reads it, or give it a custom pullback" +
                  (Advice == Facts.P.CallAdvice.end() || Advice->second.empty()
                       ? ""
                       : ": " + Advice->second));
    return;
  }
  if (!Facts.Opts.Pullbacks) {
    refuse(V, "calls of functions are not supported here");
    return;
  }
  const Function &C = *V.Callee;
  if (!overlapFree(V))
    return;
  CallPlan Plan;
  for (unsigned I = 0; I < V.Operands.size(); ++I)
    Plan.InOut.push_back(Facts.passesInOut(V, I));
  for (unsigned I = 0; I < C.Params.size(); ++I) {
    Type T = C.Params[I].V->Ty;
    const Value *Op = V.Operands[I];
    if (!isFloating(T.scalarKind())) {
      // The pullback runs on a copy of the integers the call changes.
      const Value *Base = baseOf(Op);
      if (Plan.InOut[I] && Base->Code != OpCode::Local &&
          !Facts.argumentExtent(V, I)) {
        refuse(V, V.Text + " changes '" + Base->Name +
                      "', an integer that is not a local variable here; "
                      "gradc supports that for local variables: copy '" +
                      Base->Name +
                      "' into one, and assign it back after "
                      "the call");
        return;
      }
      continue;
    }
    if (!T.isMemory()) {
      if (Act.isActive(Op))
        Plan.Wrt.push_back(I);
    } else if (Plan.InOut[I]) {
      const Value *Base = baseOf(Op);
      if (Base->Code != OpCode::Local && !Facts.argumentExtent(V, I) &&
          !Facts.copiesWhole(V, I)) {
        // A struct (of no countable extent) is copied as one: the whole
        // of the caller's parameter it is part of (a row of `Points pts`).
        const Param &Prm = C.Params[I];
        std::string Whole = Prm.Record;
        for (const Param &Own : Facts.P.Params)
          if (Own.V == Base && !Own.Record.empty())
            Whole = Own.Record;
        refuse(V, !Prm.ViewRecord.empty()
                      ? V.Text + " reads and writes '" + Base->Name +
                            "', a member of a struct holding std::vector "
                            "members that is not a local variable here, "
                            "which gradc does not support yet; make the "
                            "change in this function itself ('" +
                            Base->Name +
                            (Prm.Container ? "[i] = ...')" : " = ...')") +
                            ", or have " + V.Text +
                            " take the struct by const reference and return "
                            "what it computes"
                  : Prm.VectorRows
                      ? V.Text + " reads and writes '" + Base->Name +
                            "', a std::vector of std::vector that is not "
                            "a local variable here, which gradc does not "
                            "support yet; make the change in this function "
                            "itself ('" +
                            Base->Name + "[i][j] = ...')"
                  : Prm.RecordPtr
                      ? V.Text + " reads and writes '" + Base->Name +
                            "' through a pointer to a struct, which gradc "
                            "does not support for memory that is not a "
                            "local variable here; have " +
                            V.Text + " take one struct by reference ('" +
                            Prm.Record + " &" + Prm.V->Name +
                            "'), or copy what it changes into a local and "
                            "assign it back after the call"
                  : !Prm.Record.empty() && !Prm.RecordPtr
                      ? V.Text + " reads and writes the struct '" + Base->Name +
                            "', which is not a local variable here; gradc "
                            "supports that for local structs: copy it into "
                            "one ('" +
                            Whole + " copy = " + Base->Name +
                            ";'), call on the copy, and assign it back ('" +
                            Base->Name + " = copy;')"
                      : V.Text + " reads and writes '" + Base->Name +
                            "', which is not a local variable here, at "
                            "places gradc cannot count; gradc supports that "
                            "for local variables and arrays, and for "
                            "elements at constant indices: copy '" +
                            Base->Name + "' into a local array");
        return;
      }
      Plan.Wrt.push_back(I);
    } else if (C.writesParam(I)) {
      if (!C.RetTy.isVoid()) {
        refuse(V, V.Text + " returns a value and writes through '" +
                      C.Params[I].V->Name + "': not supported yet");
        return;
      }
      if (!callOutput(V, Op))
        return;
      Plan.Outs.push_back(I);
    } else if (Act.isActiveMemory(baseOf(Op))) {
      Plan.Wrt.push_back(I);
    }
  }
  // The pullback reads the callee's inputs where they are, or from a copy
  // taken after the call (a local of a loop or branch, which is gone by
  // the backward sweep, or one written again).
  for (unsigned I = 0; I < V.Operands.size(); ++I) {
    const Value *Op = V.Operands[I];
    if (!Op->Ty.isMemory() || V.writesArg(I))
      continue;
    const Value *Base = baseOf(Op);
    if ((!Facts.Pos.finalAt(&V, Base) || !Facts.outlives(Base)) &&
        Base->Code != OpCode::Local && !Facts.argumentExtent(V, I) &&
        !Facts.copiesWhole(V, I)) {
      // A member of a struct holding vectors taken by reference: a
      // const reference is given the number as it was.
      const Param &Prm = C.Params[I];
      refuse(V, "'" + Base->Name + "' changes after this call to " + V.Text +
                    ", whose pullback reads it at places gradc cannot "
                    "count; " +
                    (Prm.ViewRecord.empty()
                         ? std::string("copy it into a local array or "
                                       "std::vector before the call and "
                                       "pass the copy")
                     : Prm.V->Ty.kind() == Type::Ref
                         ? "have " + V.Text +
                               " take the struct by const reference ('const " +
                               Prm.ViewRecord + " &" + Prm.ViewName +
                               "'), or make the change before the call"
                         : "make the change before the call, or copy what " +
                               V.Text +
                               " reads into local vectors and pass "
                               "those"));
      return;
    }
  }
  if (C.Custom) {
    // The user's pullback takes an adjoint of every input; those that
    // carry nothing here get a scratch local (pointers cannot).
    for (unsigned I : defaultInputs(C)) {
      if (std::find(Plan.Wrt.begin(), Plan.Wrt.end(), I) != Plan.Wrt.end())
        continue;
      if (C.Params[I].V->Ty.isMemory()) {
        refuse(V, "the custom pullback " + C.Custom->Name +
                      " takes the adjoint of '" + C.Params[I].V->Name +
                      "', which carries no derivative here; not supported "
                      "yet");
        return;
      }
      Plan.Wrt.insert(std::upper_bound(Plan.Wrt.begin(), Plan.Wrt.end(), I), I);
    }
    Plan.Pullback = C.Custom;
  } else {
    Plan.Pullback = Facts.Opts.Pullbacks->pullback(C, Plan.Wrt);
  }
  if (!Plan.Pullback) {
    refuse(V, "cannot differentiate this call to " + V.Text +
                  " (see the errors above)");
    return;
  }
  Calls[&V] = std::move(Plan);
}

} // namespace gradc::autodiff
