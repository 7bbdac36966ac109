//===- Sequencing.cpp - Side effects C++ leaves unordered -----------------===//
//
// Each subexpression is summarized by the variables it reads and the ones
// it changes; where an operator's operands are unordered, a change in one
// that another reads or changes is a conflict. Arrays and structs count as
// their variable, so `a[0]++ + a[1]` is refused too: cheap to rewrite, and
// never wrong to refuse.
//
//===----------------------------------------------------------------------===//
#include "Sequencing.h"
#include "Records.h"

#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

namespace gradc::frontend {

using namespace clang;

namespace {

bool changes(const Expr *E) {
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    return BO->isAssignmentOp();
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return UO->isIncrementDecrementOp();
  return false;
}

struct Effects {
  llvm::SmallPtrSet<const VarDecl *, 4> Reads, Writes;
  llvm::DenseMap<const VarDecl *, const Expr *> WriteAt;

  void write(const VarDecl *VD, const Expr *At) {
    if (VD && Writes.insert(VD).second)
      WriteAt[VD] = At;
  }
  /// Adds Other's, moving the smaller set into the larger.
  void merge(Effects &&Other) {
    if (Other.Reads.size() + Other.Writes.size() > Reads.size() + Writes.size())
      std::swap(*this, Other);
    Reads.insert(Other.Reads.begin(), Other.Reads.end());
    for (const VarDecl *VD : Other.Writes)
      write(VD, Other.WriteAt[VD]);
  }
};

class OrderChecker {
public:
  std::optional<OrderConflict> Conflict;

  Effects visit(const Expr *E) {
    Effects Out;
    if (!E || Conflict || isa<LambdaExpr>(E))
      return Out;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        Out.Reads.insert(VD);
      return Out;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
      if (BO->isCommaOp() || BO->isLogicalOp()) {
        Out = visit(BO->getLHS());
        Out.merge(visit(BO->getRHS()));
        return Out;
      }
    }
    if (isa<AbstractConditionalOperator>(E)) {
      for (const Stmt *Child : E->children())
        Out.merge(visit(dyn_cast_or_null<Expr>(Child)));
      return Out;
    }
    llvm::SmallVector<Effects, 4> Parts;
    for (const Stmt *Child : E->children())
      if (const auto *CE = dyn_cast_or_null<Expr>(Child))
        Parts.push_back(visit(CE));
    check(Parts);
    for (Effects &P : Parts)
      Out.merge(std::move(P));
    if (const auto *BO = dyn_cast<BinaryOperator>(E);
        BO && BO->isAssignmentOp())
      Out.write(baseVar(BO->getLHS()), E);
    else if (const auto *UO = dyn_cast<UnaryOperator>(E);
             UO && UO->isIncrementDecrementOp())
      Out.write(baseVar(UO->getSubExpr()), E);
    else if (const auto *CE = dyn_cast<CallExpr>(E))
      callWrites(CE, Out);
    return Out;
  }

private:
  /// What a call may change: what its non-const references and pointers
  /// designate, and the object of a non-const member function.
  static void callWrites(const CallExpr *CE, Effects &Out) {
    // `v[i]`, `m(i, j)`: the element access itself changes nothing; `a +=
    // b` of the user's own changes `a`.
    if (isa<CXXOperatorCallExpr>(CE)) {
      const auto *MD = dyn_cast_or_null<CXXMethodDecl>(CE->getDirectCallee());
      if (MD && MD->isInstance() && !MD->isConst() && CE->getNumArgs() > 0 &&
          MD->getOverloadedOperator() != OO_Subscript &&
          MD->getOverloadedOperator() != OO_Call &&
          MD->getOverloadedOperator() != OO_Equal &&
          !MD->getParent()->isInStdNamespace())
        Out.write(baseVar(CE->getArg(0)), CE);
      return;
    }
    // `v.data()` of a non-const container changes nothing; a method of
    // the user's own may.
    if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(CE))
      if (const CXXMethodDecl *MD = MCE->getMethodDecl();
          MD && !MD->isConst() && !MD->isStatic() &&
          !MD->getParent()->isInStdNamespace())
        Out.write(baseVar(MCE->getImplicitObjectArgument()), CE);
    const FunctionDecl *Callee = CE->getDirectCallee();
    // `std::get<0>(t)`, `std::make_pair(x, y)`, `std::tie(a, b)` take
    // references and change nothing themselves.
    if (!Callee || isTupleGet(CE) || makesTuple(CE) || tieCall(CE) ||
        onlyReadsRanges(*Callee))
      return;
    for (unsigned I = 0; I < CE->getNumArgs() && I < Callee->getNumParams();
         ++I) {
      QualType PT = Callee->getParamDecl(I)->getType();
      bool Writable = (PT->isReferenceType() || PT->isPointerType()) &&
                      !PT->getPointeeType().isConstQualified();
      if (Writable)
        Out.write(baseVar(CE->getArg(I)), CE);
    }
  }

  void check(llvm::SmallVectorImpl<Effects> &Parts) {
    for (size_t I = 0; I < Parts.size() && !Conflict; ++I)
      for (size_t J = 0; J < Parts.size() && !Conflict; ++J) {
        if (I == J)
          continue;
        for (const VarDecl *VD : Parts[I].Writes)
          if (Parts[J].Reads.count(VD) || Parts[J].Writes.count(VD)) {
            const Expr *At = Parts[I].WriteAt[VD];
            Conflict = OrderConflict{At->getExprLoc(), At->getSourceRange(),
                                     VD->getNameAsString()};
            break;
          }
      }
  }
};

} // namespace

const VarDecl *baseVar(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return dyn_cast<VarDecl>(DRE->getDecl());
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
      E = ASE->getBase();
    else if (const auto *ME = dyn_cast<MemberExpr>(E))
      E = ME->getBase();
    else if (const auto *UO = dyn_cast<UnaryOperator>(E);
             UO && UO->getOpcode() == UO_Deref)
      E = UO->getSubExpr();
    else if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(E);
             OCE && OCE->getOperator() == OO_Subscript)
      E = OCE->getArg(0);
    else if (const auto *CE = dyn_cast<CallExpr>(E); CE && isTupleGet(CE))
      E = CE->getArg(0);
    else
      return nullptr;
  }
  return nullptr;
}

const Expr *findSideEffect(const Expr *E) {
  // Without recursion: E may be deeply nested (see Depth.h).
  llvm::SmallVector<const Stmt *, 16> Work{E};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (const auto *X = dyn_cast<Expr>(S); X && changes(X))
      return X;
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return nullptr;
}

std::optional<OrderConflict> findOrderConflict(const Expr *E) {
  if (!hasSideEffect(E))
    return std::nullopt;
  OrderChecker C;
  C.visit(E);
  return C.Conflict;
}

} // namespace gradc::frontend
