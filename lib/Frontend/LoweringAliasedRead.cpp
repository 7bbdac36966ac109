//===- LoweringAliasedRead.cpp - Reads a call's own writes would change ---===//
//
// A helper's `const double &` parameter, and a capture by reference a lambda
// only reads, are lowered as the value the argument has where the call is
// made. C++ reads the memory itself, each time: when the call writes that
// memory through another of its arguments (`fma_into(s, s)`,
// `subtract_ref(a, 3, a[0])`, `acc.add(acc.s)`), the two differ, so such a
// call is refused, with the copy to write when the value before the call is
// what is meant.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

#include "gradc/IR/MathFunctions.h"
#include "gradc/IR/MemoryLocation.h"
#include "gradc/IR/Uses.h"

#include "clang/AST/ExprCXX.h"

namespace gradc::frontend {

using namespace clang;
using ir::OpCode;
using ir::Value;

/// The loads V is when it names memory: one, or one of several
/// (`c ? a[0] : a[1]`, `std::max(a[0], a[1])`, which returns a reference).
/// Only what was made for the argument (Made on) reads at the call.
static void namedLoads(const Value *V, unsigned Made,
                       std::vector<const Value *> &Loads) {
  if (V->Id < Made)
    return;
  if (V->Code == OpCode::Load && V->Operands[0]->Ty.isMemory())
    Loads.push_back(V);
  else if (V->Code == OpCode::Select)
    for (unsigned I : {1, 2})
      namedLoads(V->Operands[I], Made, Loads);
  else if (V->Code == OpCode::Call && ir::isStdFn(V->Fn))
    for (const Value *Op : V->Operands)
      namedLoads(Op, Made, Loads);
}

/// Whether E uses a variable called Name.
static bool namesVariable(const Stmt *E, const std::string &Name) {
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (DRE->getDecl()->getNameAsString() == Name)
      return true;
  for (const Stmt *Child : E->children())
    if (Child && namesVariable(Child, Name))
      return true;
  return false;
}

/// How many scalars Call's callee reaches through argument J, when known.
static std::optional<std::int64_t> reachOf(const Value &Call, unsigned J) {
  const ir::Function *G = Call.Callee;
  if (!G || G->Custom || J >= G->Params.size())
    return std::nullopt;
  const ir::Param &P = G->Params[J];
  if (P.V->Ty.kind() == ir::Type::Ref)
    return 1;
  if (!P.Record.empty()) {
    if (P.Container || P.RecordPtr || P.Elements.empty())
      return std::nullopt;
    return std::int64_t(P.Elements.size());
  }
  return ir::reachedExtent(*G, P.V);
}

bool BodyLowering::refuseAliasedRead(const CallExpr *CE, const Value &Call,
                                     const NamedRead &R, bool HasObject,
                                     unsigned FirstCapture) {
  std::vector<const Value *> Loads;
  namedLoads(Call.Operands[R.Arg], R.Made, Loads);
  for (const Value *L : Loads)
    for (unsigned J = 0; J < Call.Operands.size(); ++J) {
      const Value *W = Call.Operands[J];
      if (J == R.Arg || !W->Ty.isMemory() ||
          ir::baseOf(W) != ir::baseOf(L->Operands[0]) || !Call.writesArg(J))
        continue;
      std::set<const Value *> Stable;
      ir::loadedVariables(L, Stable);
      ir::loadedVariables(W, Stable);
      if (!ir::mayReach(W, reachOf(Call, J), L->Operands[0], L->index(),
                        Stable))
        continue;
      bool Operator = isa<CXXOperatorCallExpr>(CE);
      std::string Callee = sourceText(
          (Operator ? CE->getArg(0) : CE->getCallee())->getSourceRange());
      std::string Read = sourceText(R.E->getSourceRange());
      std::string Through =
          HasObject && J == 0 ? "its object"
          : J >= FirstCapture && Call.Callee
              ? "the capture '" + Call.Callee->Params[J].V->Name + "'"
          : Call.Callee ? "'" + Call.Callee->Params[J].V->Name + "'"
                        : "another argument";
      std::string Msg =
          (R.Capture ? "'" + Read +
                           "', which a lambda this call runs captures by "
                           "reference, is written by the call through " +
                           Through
                     : "'" + R.Name + "' of " + Callee +
                           " is a const reference to '" + Read +
                           "', which this call writes through " + Through) +
          ": C++ reads there what the call writes, while gradc reads '" + Read +
          "' once, where the call is made; ";
      if (R.Capture) {
        Msg += "pass it to the lambda as a parameter instead (a copy made "
               "before the call, if the value before the call is meant)";
      } else {
        // The call again, given a copy made before it, named after the
        // parameter unless the arguments use that name.
        std::string Copy = R.Name.empty() ? "v" : R.Name;
        while (llvm::any_of(CE->arguments(), [&](const Expr *A) {
          return namesVariable(A, Copy);
        }))
          Copy += "0";
        std::string Again = Callee + "(";
        bool First = true;
        for (unsigned I = Operator; I < CE->getNumArgs(); ++I) {
          const Expr *A = CE->getArg(I);
          if (isa<CXXDefaultArgExpr>(A))
            break;
          Again += (First ? "" : ", ") +
                   (A == R.E ? Copy : sourceText(A->getSourceRange()));
          First = false;
        }
        Msg += "if the value before the call is meant, copy it first ('" +
               typeName(R.E->getType().getUnqualifiedType()) + " " + Copy +
               " = " + Read + "; " + Again + ");')";
      }
      // A capture is named where the lambda is made; the call is the place.
      const Expr *At = R.Capture ? CE : R.E;
      fail(At->getBeginLoc(), Msg, At->getSourceRange());
      return true;
    }
  return false;
}

} // namespace gradc::frontend
