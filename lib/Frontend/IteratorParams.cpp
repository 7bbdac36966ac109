//===- IteratorParams.cpp - Iterators given to the user's functions -------===//
#include "IteratorParams.h"
#include "Records.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace gradc::frontend {

using namespace clang;

QualType iteratorPointer(QualType T) {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    return T;
  const auto *CTS = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T->getAsCXXRecordDecl());
  if (!isIterator(T) || !CTS || CTS->getTemplateArgs().size() == 0 ||
      CTS->getTemplateArgs().get(0).getKind() != TemplateArgument::Type)
    return QualType();
  // (`__normal_iterator<const double *, std::vector<double>>`.)
  QualType A = CTS->getTemplateArgs().get(0).getAsType();
  if (A->isPointerType())
    return A;
  return isReverseIterator(T) ? iteratorPointer(A) : QualType();
}

namespace {

/// Whether a statement of FD's body satisfies Found.
bool anyStmt(const FunctionDecl &FD,
             llvm::function_ref<bool(const Stmt *)> Found) {
  SmallVector<const Stmt *, 32> Work{FD.getBody()};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (Found(S))
      return true;
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return false;
}

/// Whether FD's body reads or writes through PVD itself (`*b`, `b[i]`,
/// `b->m`): an array of its own then, not a range's end.
bool dereferenced(const FunctionDecl &FD, const ParmVarDecl *PVD) {
  // (`*b++` reads through b.)
  auto Names = [&](const Expr *E) {
    while (true) {
      E = E->IgnoreParenImpCasts();
      if (const auto *UO = dyn_cast<UnaryOperator>(E);
          UO && UO->isIncrementDecrementOp())
        E = UO->getSubExpr();
      else if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(E);
               OCE && (OCE->getOperator() == OO_PlusPlus ||
                       OCE->getOperator() == OO_MinusMinus))
        E = OCE->getArg(0);
      else if (const auto *CE = dyn_cast<CXXConstructExpr>(E);
               CE && CE->getNumArgs() == 1)
        E = CE->getArg(0);
      else
        break;
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    return DRE && DRE->getDecl() == PVD;
  };
  return anyStmt(FD, [&](const Stmt *S) {
    if (const auto *UO = dyn_cast<UnaryOperator>(S);
        UO && UO->getOpcode() == UO_Deref && Names(UO->getSubExpr()))
      return true;
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(S);
        ASE && Names(ASE->getBase()))
      return true;
    if (const auto *ME = dyn_cast<MemberExpr>(S);
        ME && ME->isArrow() && Names(ME->getBase()))
      return true;
    const auto *OCE = dyn_cast<CXXOperatorCallExpr>(S);
    return OCE && OCE->getNumArgs() > 0 && Names(OCE->getArg(0)) &&
           (OCE->getOperator() == OO_Star ||
            OCE->getOperator() == OO_Subscript ||
            OCE->getOperator() == OO_Arrow) &&
           !(OCE->getOperator() == OO_Star && OCE->getNumArgs() == 2);
  });
}

/// Whether FD's body compares or subtracts A and B (`first != last`,
/// `last - first`), which C++ defines only within one array.
bool compared(const FunctionDecl &FD, const ParmVarDecl *A,
              const ParmVarDecl *B) {
  auto Is = [](const Expr *E, const ParmVarDecl *P) {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return DRE && DRE->getDecl() == P;
  };
  return anyStmt(FD, [&](const Stmt *S) {
    const auto *BO = dyn_cast<BinaryOperator>(S);
    return BO && (BO->isComparisonOp() || BO->getOpcode() == BO_Sub) &&
           ((Is(BO->getLHS(), A) && Is(BO->getRHS(), B)) ||
            (Is(BO->getLHS(), B) && Is(BO->getRHS(), A)));
  });
}

} // namespace

bool isRangeEnd(const FunctionDecl &FD, unsigned J) {
  if (J == 0 || J >= FD.getNumParams())
    return false;
  QualType First = FD.getParamDecl(J - 1)->getType();
  QualType Last = FD.getParamDecl(J)->getType();
  if (First->isReferenceType() ||
      First.getCanonicalType().getUnqualifiedType() !=
          Last.getCanonicalType().getUnqualifiedType())
    return false;
  // `dot(It a, It b, int n)` reading `b[i]`: two arrays.
  if (!FD.hasBody() || dereferenced(FD, FD.getParamDecl(J)))
    return false;
  if (isIterator(First))
    return true;
  // `It first, It last` of a template's instance taking pointers; two
  // pointers of a function are two arrays (`dot(const double *a, const
  // double *b)`), unless it compares them (`for (; first != last;
  // ++first)`).
  if (First->isPointerType() &&
      compared(FD, FD.getParamDecl(J - 1), FD.getParamDecl(J)))
    return true;
  const FunctionDecl *Pattern = FD.getTemplateInstantiationPattern();
  if (!First->isPointerType() || !Pattern ||
      Pattern->getNumParams() != FD.getNumParams())
    return false;
  QualType PF = Pattern->getParamDecl(J - 1)->getType();
  QualType PL = Pattern->getParamDecl(J)->getType();
  return PF->isTemplateTypeParmType() &&
         PF.getCanonicalType() == PL.getCanonicalType();
}

bool takesIterators(const FunctionDecl &FD) {
  for (unsigned I = 0; I < FD.getNumParams(); ++I)
    if (isRangeEnd(FD, I) || isIterator(FD.getParamDecl(I)->getType()))
      return true;
  return false;
}

} // namespace gradc::frontend
