//===- SelfCast.cpp - A base class's method that names its derived object -===//
#include "SelfCast.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

#include <set>

namespace gradc::frontend {

using namespace clang;

namespace {

const CXXRecordDecl *castTarget(const CXXMethodDecl &MD,
                                std::set<const CXXMethodDecl *> &Seen);

/// The classes a body casts its object down to, itself or through the
/// member functions it calls on its object (`2 * area()`).
class DownCasts : public RecursiveASTVisitor<DownCasts> {
public:
  explicit DownCasts(std::set<const CXXMethodDecl *> &Seen) : Seen(Seen) {}

  const CXXRecordDecl *Target = nullptr;
  bool Several = false;

  void add(const CXXRecordDecl *RD) {
    RD = RD->getCanonicalDecl();
    Several |= Target && Target != RD;
    Target = RD;
  }

  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MCE) {
    const Expr *Obj = MCE->getImplicitObjectArgument();
    const CXXMethodDecl *MD = MCE->getMethodDecl();
    if (Obj && MD && isa<CXXThisExpr>(Obj->IgnoreParenImpCasts()))
      if (const CXXRecordDecl *RD = castTarget(*MD, Seen))
        add(RD);
    return true;
  }

  bool VisitCastExpr(CastExpr *CE) {
    if (CE->getCastKind() != CK_BaseToDerived)
      return true;
    const Expr *Sub = CE->getSubExpr()->IgnoreParenImpCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(Sub);
        UO && UO->getOpcode() == UO_Deref)
      Sub = UO->getSubExpr()->IgnoreParenImpCasts();
    if (!isa<CXXThisExpr>(Sub))
      return true;
    QualType T = CE->getType();
    if (T->isPointerType())
      T = T->getPointeeType();
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    if (!RD)
      return true;
    add(RD);
    return true;
  }
  // A lambda in the body has an object of its own.
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }

private:
  std::set<const CXXMethodDecl *> &Seen;
};

/// The one class MD's body names its object as, or null.
const CXXRecordDecl *castTarget(const CXXMethodDecl &MD,
                                std::set<const CXXMethodDecl *> &Seen) {
  if (!MD.isInstance() || MD.getParent()->isLambda() || !MD.hasBody() ||
      !Seen.insert(&MD).second)
    return nullptr;
  DownCasts Casts(Seen);
  Casts.TraverseStmt(MD.getBody());
  return Casts.Several ? nullptr : Casts.Target;
}

} // namespace

const CXXRecordDecl *selfClass(const CXXMethodDecl &MD) {
  const CXXRecordDecl *Own = MD.getParent();
  std::set<const CXXMethodDecl *> Seen;
  const CXXRecordDecl *Target = castTarget(MD, Seen);
  const CXXRecordDecl *Def = Target ? Target->getDefinition() : nullptr;
  return Def && Def != Own && Def->isDerivedFrom(Own) ? Def : Own;
}

} // namespace gradc::frontend
