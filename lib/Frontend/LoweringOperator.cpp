//===- LoweringOperator.cpp - Operators of the user's structs to IR -------===//
//
// An operator of the user's own is a function with a special name: `a + b`
// is an Invoke of `operator+` (a member operator's object first, as for
// any method), which the emitter writes back as `a + b` and the reverse
// mode gives a pullback named by OperatorNames.h. A compound assignment
// returning `*this` is a non-const method returning nothing, made as a
// statement. An accessor returning a reference to one of the object's
// numbers (`double &operator()(int i, int j) { return d[i * n + j]; }`) is
// inlined: the call is the place its return names, read and written.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"
#include "OperatorNames.h"

#include "clang/Basic/SourceManager.h"

namespace gradc::frontend {

using namespace clang;
using ir::Scalar;
using ir::Value;

/// The operator of the user's own OCE calls, or null (a lambda's call,
/// an operator of the library, one gradc cannot see).
static const FunctionDecl *userOperator(const CXXOperatorCallExpr *OCE,
                                        const SourceManager &SM) {
  const FunctionDecl *Callee = OCE->getDirectCallee();
  if (!Callee || !Callee->isOverloadedOperator() ||
      SM.isInSystemHeader(Callee->getLocation()))
    return nullptr;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
      MD && MD->getParent()->isLambda())
    return nullptr;
  return Callee;
}

const Expr *BodyLowering::accessedPlace(const CXXOperatorCallExpr *OCE) const {
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(userOperator(OCE, SM));
  if (!MD || !MD->isInstance() ||
      (OCE->getOperator() != OO_Call && OCE->getOperator() != OO_Subscript))
    return nullptr;
  QualType RT = MD->getReturnType();
  if (!RT->isLValueReferenceType() ||
      !scalarTypeOf(RT.getNonReferenceType(), Ctx))
    return nullptr;
  const FunctionDecl *Def = nullptr;
  if (!MD->hasBody(Def))
    return nullptr;
  const auto *Body = dyn_cast<CompoundStmt>(Def->getBody());
  if (!Body || Body->size() != 1)
    return nullptr;
  const auto *RS = dyn_cast<ReturnStmt>(Body->body_front());
  return RS ? RS->getRetValue() : nullptr;
}

std::optional<BodyLowering::Target>
BodyLowering::lowerAccessor(const CXXOperatorCallExpr *OCE) {
  const Expr *Place = accessedPlace(OCE);
  const auto *MD = cast<CXXMethodDecl>(OCE->getDirectCallee());
  const FunctionDecl *Def = nullptr;
  MD->hasBody(Def);
  auto Refuse = [&](SourceLocation Loc, const std::string &Msg) {
    fail(Loc, Msg);
    return std::nullopt;
  };
  const Expr *ObjE = OCE->getArg(0);
  // `A(i, j)` of a `Matrix &` holding a std::vector: the place is read
  // through its members, as in a member function of it.
  std::optional<ViewVar> View;
  if (const ViewShape *VS = viewShapeOf(ObjE->getType()); VS && VS->Owns)
    if (!(View = lowerView(ObjE)))
      return std::nullopt;
  Value *Object = View                ? View->Members.front()
                  : isThisDeref(ObjE) ? This
                                      : lowerRecord(ObjE);
  if (!Object)
    return std::nullopt;
  for (unsigned I = 1; I < OCE->getNumArgs(); ++I) {
    const Expr *Arg = OCE->getArg(I);
    if (const auto *DA = dyn_cast<CXXDefaultArgExpr>(Arg))
      Arg = DA->getExpr();
    const ParmVarDecl *PVD = Def->getParamDecl(I - 1);
    QualType T = PVD->getType();
    std::optional<Scalar> S = scalarTypeOf(T.getNonReferenceType(), Ctx);
    if (!S ||
        (T->isReferenceType() && !T.getNonReferenceType().isConstQualified()))
      return Refuse(PVD->getLocation(),
                    "accessor parameters of type '" + typeName(T) +
                        "' are not supported; pass indices by value");
    Value *V = expectScalar(lowerExpr(Arg), Arg);
    if (!V)
      return std::nullopt;
    at(Arg->getBeginLoc());
    Vars[PVD] = convert(V, *S, /*Implicit=*/true);
  }
  Value *SavedThis = std::exchange(This, View ? nullptr : Object);
  std::optional<ViewVar> SavedView = ThisView;
  if (View)
    ThisView = View;
  // (`a[3 * i + j]` of a std::array member is an element access.)
  std::optional<Target> T =
      isElementAccess(Place) ? lowerElement(Place) : lowerPlace(Place);
  This = SavedThis;
  ThisView = std::move(SavedView);
  return T;
}

std::optional<Value *>
BodyLowering::lowerUserOperator(const CXXOperatorCallExpr *OCE) {
  // `m(i, j)`, `v[i]`: at the object, not at the closing bracket.
  SourceLocation Loc =
      OCE->getOperator() == OO_Call || OCE->getOperator() == OO_Subscript
          ? OCE->getBeginLoc()
          : OCE->getOperatorLoc();
  SourceRange Range = OCE->getSourceRange();
  // An operand whose declaration was refused has been reported.
  if (OCE->getNumArgs() > 0 &&
      llvm::any_of(OCE->arguments(),
                   [&](const Expr *A) { return isPoisonedRef(A); })) {
    Failed = true;
    return nullptr;
  }
  const FunctionDecl *Callee = userOperator(OCE, SM);
  if (!Callee) {
    const FunctionDecl *Lib = OCE->getDirectCallee();
    if (!Lib || !SM.isInSystemHeader(Lib->getLocation()) ||
        OCE->getNumArgs() == 0)
      return std::nullopt;
    QualType T = OCE->getArg(0)->getType();
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    return fail(Loc,
                std::string("operator '") +
                    getOperatorSpelling(OCE->getOperator()) + "' of '" +
                    (RD ? RD->getQualifiedNameAsString()
                        : typeName(T.getUnqualifiedType())) +
                    "' is not supported: gradc differentiates the operators "
                    "of your own structs; write the computation on numbers",
                Range);
  }
  if (accessedPlace(OCE)) {
    std::optional<Target> T = lowerAccessor(OCE);
    return T ? readTarget(*T, OCE->getExprLoc()) : nullptr;
  }
  if (returnsSelf(*Callee))
    return fail(Loc,
                std::string("the value of '") +
                    getOperatorSpelling(OCE->getOperator()) +
                    "' on a struct is not supported yet; write it as a "
                    "statement of its own",
                Range);
  if (Callee->getReturnType()->isReferenceType())
    return fail(Loc,
                "'" + Callee->getNameAsString() + "' returns a reference to '" +
                    typeName(Callee->getReturnType().getNonReferenceType()) +
                    "'; gradc supports operators returning a reference to "
                    "one number of their object ('double &operator()(int i) "
                    "{ return d[i]; }'): return by value, or name what it "
                    "refers to",
                Range);
  if (!Callees)
    return fail(Loc, "operators of structs are not supported here", Range);
  const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
  if (!MD || !MD->isInstance())
    return lowerInvoke(OCE, *Callee);
  // A member operator: its object is the first operand.
  const Expr *ObjE = OCE->getArg(0);
  // `A(i, j)` of a `const Matrix &` holding a std::vector.
  if (const ViewShape *VS = viewShapeOf(ObjE->getType()); VS && VS->Owns)
    return lowerViewInvoke(OCE, *Callee, ObjE);
  Value *Object = isThisDeref(ObjE) ? This : lowerRecord(ObjE);
  if (!Object)
    return nullptr;
  return lowerInvoke(OCE, *Callee, Object);
}

void BodyLowering::lowerSelfOperator(const CXXOperatorCallExpr *OCE) {
  if (!Callees) {
    fail(OCE->getOperatorLoc(), "operators of structs are not supported here",
         OCE->getSourceRange());
    return;
  }
  const auto *MD = dyn_cast<CXXMethodDecl>(OCE->getDirectCallee());
  if (!MD) { // a free one: its first operand is an argument like another
    lowerInvoke(OCE, *OCE->getDirectCallee());
    return;
  }
  const Expr *ObjE = OCE->getArg(0);
  Value *Object = isThisDeref(ObjE) ? This : lowerRecord(ObjE);
  if (!Object)
    return;
  Target T;
  T.Ptr = Object;
  if (!refuseByValueWrite(T, ObjE))
    return;
  lowerInvoke(OCE, *MD, Object);
}

bool BodyLowering::isSelfOperator(const Expr *E) const {
  const auto *OCE = dyn_cast<CXXOperatorCallExpr>(E);
  const FunctionDecl *Callee = OCE ? userOperator(OCE, SM) : nullptr;
  return Callee && returnsSelf(*Callee);
}

} // namespace gradc::frontend
