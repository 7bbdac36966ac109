//===- LoweringChosenTarget.cpp - Assigning the place a condition chooses -===//
//
// `(c ? a : b) = v;` and `(c ? lo[i] : hi[i]) += v;` are the statements
// they mean: v is computed first (C++17 sequences the right operand of an
// assignment before its left), then `if (c) a = v; else b = v;`, so that
// each branch writes, and differentiates, one place. The variables so
// assigned live in memory (AssignmentScan), as any assigned in a branch.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

#include <functional>

namespace gradc::frontend {

using namespace clang;
using ir::Value;

namespace {

bool isChoice(const Expr *E) {
  return isa<ConditionalOperator>(E->IgnoreParens());
}

} // namespace

void BodyLowering::lowerChosenAssign(const BinaryOperator *BO) {
  const auto *CAO = dyn_cast<CompoundAssignOperator>(BO);
  if (InLoopHeader ||
      (CAO && CAO->getOpcode() != BO_AddAssign &&
       CAO->getOpcode() != BO_SubAssign && CAO->getOpcode() != BO_MulAssign &&
       CAO->getOpcode() != BO_DivAssign)) {
    fail(BO->getOperatorLoc(),
         "this assignment to a place chosen by '?:' is not supported; write "
         "it as 'if (c) a " +
             BO->getOpcodeStr().str() + " v; else b " +
             BO->getOpcodeStr().str() + " v;'",
         BO->getSourceRange());
    return;
  }
  if (!scalarTypeOf(BO->getLHS()->getType(), Ctx)) {
    fail(BO->getOperatorLoc(),
         "assigning a struct or array chosen by '?:' is not supported; "
         "write it as 'if (c) a = v; else b = v;'",
         BO->getSourceRange());
    return;
  }
  Value *Rhs = expectScalar(lowerExpr(BO->getRHS()), BO->getRHS());
  if (!Rhs)
    return;
  unsigned Mark = F.numValues();
  // One arm: a place, or a choice again (`c ? a : d ? b : e`).
  std::function<bool(const Expr *)> Assign = [&](const Expr *Place) {
    if (isChoice(Place)) {
      const auto *CO = cast<ConditionalOperator>(Place->IgnoreParens());
      Value *C = lowerCondition(CO->getCond());
      if (!C)
        return false;
      return lowerArms(CO, C, Assign) != nullptr;
    }
    std::optional<Target> T = assignTarget(Place);
    if (!T)
      return false;
    Value *V = Rhs;
    if (CAO) {
      Value *Cur = readTarget(*T, Place->getExprLoc());
      V = Cur ? compoundResult(CAO, Cur, Rhs, T->S) : nullptr;
    } else {
      at(BO->getRHS()->getBeginLoc());
      V = convert(Rhs, T->S, /*Implicit=*/true);
    }
    if (!V)
      return false;
    writeTarget(*T, V, Mark, BO->getBeginLoc());
    return true;
  };
  Assign(BO->getLHS());
}

} // namespace gradc::frontend
