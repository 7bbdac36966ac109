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
  /// Where each variable is first read and changed, to name the accesses.
  llvm::DenseMap<const VarDecl *, const Expr *> ReadAt, WriteAt;

  void read(const VarDecl *VD, const Expr *At) {
    if (VD && Reads.insert(VD).second)
      ReadAt[VD] = At;
  }
  void write(const VarDecl *VD, const Expr *At) {
    if (VD && Writes.insert(VD).second)
      WriteAt[VD] = At;
  }
  /// Adds Other's, moving the smaller set into the larger.
  void merge(Effects &&Other) {
    if (Other.Reads.size() + Other.Writes.size() > Reads.size() + Writes.size())
      std::swap(*this, Other);
    for (const VarDecl *VD : Other.Reads)
      read(VD, Other.ReadAt[VD]);
    for (const VarDecl *VD : Other.Writes)
      write(VD, Other.WriteAt[VD]);
  }
};

/// Whether C++17 sequences E's operands one after the other: an
/// assignment's right operand before its left, `<<` and `>>` and `a[b]`
/// left to right. (Not a call's: gradc lowers its arguments, which C++
/// leaves in any order, from left to right.)
bool sequencedOperands(const Expr *E) {
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    return BO->isAssignmentOp() || BO->isShiftOp();
  return isa<ArraySubscriptExpr>(E);
}

/// Whether argument I of a call of Callee may be written through:
/// `std::exchange(a, b)` reads b, which it takes as `U &&`.
bool writesArgument(const FunctionDecl &Callee, unsigned I) {
  QualType PT = Callee.getParamDecl(I)->getType();
  if (Callee.isInStdNamespace() && Callee.getIdentifier() &&
      Callee.getName() == "exchange" && I == 1)
    return false;
  return (PT->isReferenceType() || PT->isPointerType()) &&
         !PT->getPointeeType().isConstQualified();
}

/// Whether CE only reaches into a library container (`v[k]`, `v.size()`,
/// `v.data()`), though it calls a non-const member function.
bool readsContainer(const CallExpr *CE) {
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(CE->getDirectCallee());
  if (!MD || !MD->getParent()->isInStdNamespace())
    return false;
  if (MD->getOverloadedOperator() == OO_Subscript)
    return true;
  const IdentifierInfo *II = MD->getIdentifier();
  return II && llvm::is_contained({"at", "front", "back", "data", "size",
                                   "begin", "end", "cbegin", "cend"},
                                  II->getName());
}

/// Whether Callee is one of <iterator>'s free functions that name a range
/// (`std::begin(a)`, `std::size(v)`): they take a reference, and change
/// nothing.
bool namesRange(const FunctionDecl &Callee) {
  const IdentifierInfo *II = Callee.getIdentifier();
  return II && Callee.getDeclContext()->getRedeclContext()->isStdNamespace() &&
         llvm::is_contained({"begin", "end", "cbegin", "cend", "rbegin", "rend",
                             "crbegin", "crend", "size", "ssize", "data",
                             "empty"},
                            II->getName());
}

/// Whether S writes only variables declared inside it (assignments, `++`,
/// `--`; a call writing through a reference or pointer counts as writing
/// elsewhere).
bool writesOwnLocals(const Stmt *S) {
  if (!S)
    return true;
  if (const Expr *Target = assignedExpr(S)) {
    const VarDecl *VD = baseVar(Target);
    if (!VD || !VD->hasLocalStorage() || isa<ParmVarDecl>(VD) ||
        VD->getType()->isReferenceType() || VD->getType()->isPointerType())
      return false;
  }
  if (const auto *CE = dyn_cast<CallExpr>(S); CE && !readsContainer(CE)) {
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (!Callee)
      return false;
    for (const ParmVarDecl *P : Callee->parameters())
      if ((P->getType()->isReferenceType() || P->getType()->isPointerType()) &&
          !P->getType()->getPointeeType().isConstQualified())
        return false;
    if (const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
        MD && MD->isInstance() && !MD->isConst())
      return false;
  }
  return llvm::all_of(S->children(),
                      [](const Stmt *C) { return writesOwnLocals(C); });
}

/// A call of a function of the user's returning a reference to a number
/// that writes nothing but its own locals (`double &at(int i) { return
/// v[i]; }`): as `v[i]`, the call names a place and changes nothing.
bool namesPlace(const CallExpr *CE) {
  const FunctionDecl *Callee = CE->getDirectCallee();
  const FunctionDecl *Def = nullptr;
  if (!Callee || !Callee->getReturnType()->isLValueReferenceType() ||
      !Callee->getReturnType().getNonReferenceType()->isArithmeticType() ||
      !Callee->hasBody(Def))
    return false;
  return writesOwnLocals(Def->getBody());
}

class OrderChecker {
public:
  explicit OrderChecker(bool Cxx17) : Cxx17(Cxx17) {}
  std::optional<OrderConflict> Conflict;

  Effects visit(const Expr *E) {
    Effects Out;
    if (!E || Conflict || isa<LambdaExpr>(E))
      return Out;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        Out.read(VD, DRE);
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
    if (!Cxx17 || !sequencedOperands(E))
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
    if (namesPlace(CE))
      return;
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
        onlyReadsRanges(*Callee) || namesRange(*Callee))
      return;
    for (unsigned I = 0; I < CE->getNumArgs() && I < Callee->getNumParams();
         ++I)
      if (writesArgument(*Callee, I))
        Out.write(baseVar(CE->getArg(I)), CE);
  }

  void check(llvm::SmallVectorImpl<Effects> &Parts) {
    for (size_t I = 0; I < Parts.size() && !Conflict; ++I)
      for (size_t J = 0; J < Parts.size() && !Conflict; ++J) {
        if (I == J)
          continue;
        for (const VarDecl *VD : Parts[I].Writes) {
          bool Writes = Parts[J].Writes.count(VD);
          if (!Writes && !Parts[J].Reads.count(VD))
            continue;
          const Expr *At = Parts[I].WriteAt[VD];
          const Expr *Other =
              Writes ? Parts[J].WriteAt[VD] : Parts[J].ReadAt[VD];
          Conflict = OrderConflict{At->getExprLoc(), At->getSourceRange(),
                                   VD->getNameAsString(),
                                   Other->getSourceRange(), Writes};
          break;
        }
      }
  }

private:
  bool Cxx17;
};

} // namespace

/// The argument whose memory the reference CE returns names: the first
/// passed by pointer or non-const reference, or null.
static const Expr *placeOwner(const CallExpr *CE) {
  const FunctionDecl *Callee = CE->getDirectCallee();
  for (unsigned I = 0; I < CE->getNumArgs() && I < Callee->getNumParams();
       ++I) {
    QualType PT = Callee->getParamDecl(I)->getType();
    if ((PT->isPointerType() || PT->isReferenceType()) &&
        !PT->getPointeeType().isConstQualified())
      return CE->getArg(I);
  }
  return nullptr;
}

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
    else if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(E);
             MCE && namesPlace(MCE))
      E = MCE->getImplicitObjectArgument(); // `p.at(i)`
    else if (const auto *CE = dyn_cast<CallExpr>(E); CE && namesPlace(CE))
      E = placeOwner(CE); // `biggest(a, n)`: a
    else
      return nullptr;
  }
  return nullptr;
}

const Expr *assignedExpr(const Stmt *S) {
  if (const auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->isAssignmentOp())
    return BO->getLHS();
  if (const auto *UO = dyn_cast<UnaryOperator>(S);
      UO && UO->isIncrementDecrementOp())
    return UO->getSubExpr();
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

std::optional<OrderConflict> findOrderConflict(const Expr *E, bool Cxx17) {
  if (!hasSideEffect(E))
    return std::nullopt;
  OrderChecker C(Cxx17);
  C.visit(E);
  return C.Conflict;
}

bool valueBeforeTarget(const Expr *LHS, const Expr *RHS) {
  OrderChecker C(/*Cxx17=*/true);
  Effects L = C.visit(LHS), R = C.visit(RHS);
  auto Touches = [](const Effects &A, const Effects &B) {
    return llvm::any_of(A.Writes, [&](const VarDecl *VD) {
      return B.Reads.count(VD) || B.Writes.count(VD);
    });
  };
  return Touches(L, R) || Touches(R, L);
}

} // namespace gradc::frontend
