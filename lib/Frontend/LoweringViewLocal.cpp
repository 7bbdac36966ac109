//===- LoweringViewLocal.cpp - Local classes holding std::vector ----------===//
//
// A local of a class holding std::vector members made by a constructor of
// its own (`Matrix c(r, k);` with `Matrix(int r, int c) : r_(r), c_(c),
// d_(r * c, 0.0) {}`) is a view whose members are locals: each vector
// member a local vector of its own (`c_d_`), made as its initializer
// says, each number the value its initializer gives. Its member functions
// then lower as they do on a view parameter (`c(i, j) = s;` is the place
// `c_d_[i * k + j]`). Only constructors whose members are all set by
// their initializer list are followed: a body doing more is refused.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

namespace gradc::frontend {

using namespace clang;
using ir::Value;

bool BodyLowering::isOwnedViewConstruct(const Expr *Init) {
  const auto *CCE =
      Init ? dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit()) : nullptr;
  return CCE && CCE->getConstructor()->isUserProvided() &&
         !CCE->getConstructor()->isCopyOrMoveConstructor();
}

void BodyLowering::lowerOwnedViewDecl(const VarDecl *VD,
                                      const ViewShape &Shape) {
  const auto *CCE = cast<CXXConstructExpr>(VD->getInit()->IgnoreImplicit());
  std::string Name = VD->getNameAsString();
  std::string Class = typeName(VD->getType().getUnqualifiedType());
  auto Refuse = [&](SourceLocation At, const std::string &Msg) {
    poison(VD);
    fail(At, Msg);
  };
  const CXXConstructorDecl *Ctor = CCE->getConstructor();
  const FunctionDecl *Def = nullptr;
  if (!Ctor->hasBody(Def) || !isa<CXXConstructorDecl>(Def))
    return Refuse(VD->getLocation(),
                  "gradc cannot see the body of this constructor of '" + Class +
                      "'; define it in your own code");
  const auto *CD = cast<CXXConstructorDecl>(Def);
  const auto *Body = dyn_cast_or_null<CompoundStmt>(CD->getBody());
  if (!Body || !Body->body_empty())
    return Refuse(
        CD->getLocation(),
        "this constructor of '" + Class +
            "', a class holding std::vector members, does more than "
            "initialize its members; gradc follows a local '" +
            Class + " " + Name +
            "' made by a constructor whose members are all set by its "
            "initializer list and whose body is empty (': r_(r), d_(r * "
            "c, 0.0) {}'): move the rest into the initializers, or into a "
            "helper called after the declaration");
  // The parameters are the arguments' values, as in an inlined helper.
  std::vector<const ParmVarDecl *> Bound;
  auto Unbind = [&] {
    for (const ParmVarDecl *P : Bound)
      Vars.erase(P);
  };
  for (unsigned I = 0; I < CCE->getNumArgs() && I < CD->getNumParams(); ++I) {
    const Expr *Arg = CCE->getArg(I);
    if (const auto *DA = dyn_cast<CXXDefaultArgExpr>(Arg))
      Arg = DA->getExpr();
    const ParmVarDecl *PVD = CD->getParamDecl(I);
    QualType T = PVD->getType();
    std::optional<ir::Scalar> S = scalarTypeOf(T.getNonReferenceType(), Ctx);
    if (!S ||
        (T->isReferenceType() && !T.getNonReferenceType().isConstQualified())) {
      Unbind();
      return Refuse(PVD->getLocation(),
                    "constructor parameters of type '" + typeName(T) +
                        "' are not supported yet in a class holding "
                        "std::vector members made as a local; gradc "
                        "supports numbers passed by value or const "
                        "reference");
    }
    Value *V = expectScalar(lowerExpr(Arg), Arg);
    if (!V) {
      Unbind();
      return poison(VD);
    }
    at(Arg->getBeginLoc());
    Vars[PVD] = convert(V, *S, /*Implicit=*/true);
    Bound.push_back(PVD);
  }
  ViewVar V;
  V.Shape = &Shape;
  V.Members.assign(Shape.Members.size(), nullptr);
  auto *DC = const_cast<FunctionDecl *>(&FD);
  for (const CXXCtorInitializer *Init : CD->inits()) {
    const FieldDecl *Field = Init->getMember();
    int K = Field ? Shape.index(Field) : -1;
    if (!Init->isMemberInitializer() || K < 0) {
      Unbind();
      return Refuse(Init->getSourceLocation().isValid()
                        ? Init->getSourceLocation()
                        : CD->getLocation(),
                    "this constructor initializer is not supported yet in a "
                    "class holding std::vector members; initialize the "
                    "members of '" +
                        Class + "' itself");
    }
    const ViewMember &M = Shape.Members[K];
    std::string MemberName = Name + "_" + Field->getNameAsString();
    const Expr *E = Init->getInit();
    if (const auto *DI = dyn_cast<CXXDefaultInitExpr>(E))
      E = DI->getExpr();
    SourceLocation At =
        Init->isWritten() ? Init->getSourceLocation() : CD->getLocation();
    if (M.Container) {
      // `d_(r * c, 0.0)`: the local `std::vector<double> c_d_(r * c, 0.0);`.
      const auto *Made = dyn_cast<CXXConstructExpr>(E->IgnoreImplicit());
      if (!M.Container->IsVector || !Made || Made->getNumArgs() == 0 ||
          Made->getConstructor()->isCopyOrMoveConstructor()) {
        Unbind();
        return Refuse(
            At, "member '" + Field->getNameAsString() + "' of '" + Class +
                    "' must be given its size in the constructor's "
                    "initializer list ('" +
                    Field->getNameAsString() +
                    "(n, 0.0)') for gradc to follow a local '" + Class + "'");
      }
      QualType T = Field->getType();
      auto *MV = VarDecl::Create(Ctx, DC, VD->getBeginLoc(), VD->getLocation(),
                                 &Ctx.Idents.get(MemberName), T,
                                 Ctx.getTrivialTypeSourceInfo(T), SC_None);
      MV->setInitStyle(VarDecl::CallInit);
      MV->setInit(const_cast<Expr *>(E));
      lowerVarDecl(MV);
      auto It = Pointers.find(MV);
      if (It == Pointers.end() || Poisoned.count(MV)) {
        Unbind();
        return poison(VD);
      }
      V.Members[K] = It->second;
      continue;
    }
    Value *Val = nullptr;
    if (isa<ImplicitValueInitExpr>(E)) {
      at(VD->getLocation());
      Val = makeConstant(M.Ty.scalarKind(), 0, 0, "");
    } else if (!isa<CXXConstructExpr>(E) &&
               (Val = expectScalar(lowerExpr(E), E))) {
      at(VD->getLocation());
      Val = convert(Val, M.Ty.scalarKind(), /*Implicit=*/true);
    }
    if (!Val) {
      Unbind();
      if (!Failed)
        Refuse(At, "member '" + Field->getNameAsString() + "' of '" + Class +
                       "' is left uninitialized by this constructor; give "
                       "it a value in the initializer list");
      return poison(VD);
    }
    // `int c_r_ = r;` when it is computed here.
    if (Val->Name.empty() && !Val->isConst() && Val->Code != ir::OpCode::Param)
      Val->Name = MemberName;
    V.Members[K] = Val;
  }
  Unbind();
  for (size_t K = 0; K < V.Members.size(); ++K)
    if (!V.Members[K])
      return Refuse(CD->getLocation(),
                    "member '" + Shape.Members[K].Decl->getNameAsString() +
                        "' of '" + Class +
                        "' is not set by this constructor; give it a value "
                        "in the initializer list");
  Views[VD] = std::move(V);
  Poisoned.erase(VD);
}

bool BodyLowering::isLocalView(const ViewVar &V) {
  for (size_t K = 0; V.Shape && K < V.Shape->Members.size(); ++K)
    if (V.Shape->Members[K].Container && V.Members[K] &&
        V.Members[K]->Code != ir::OpCode::Param)
      return true;
  return false;
}

/// Obj's variable's name, or "this object".
static std::string objectName(const Expr *Obj) {
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Obj->IgnoreParenImpCasts()))
    return "'" + DRE->getDecl()->getNameAsString() + "'";
  return "this object";
}

bool BodyLowering::refuseLocalViewWhole(const ViewVar &V, const Expr *Arg,
                                        const std::string &Callee) {
  if (!isLocalView(V))
    return false;
  std::string Class =
      typeName(Arg->getType().getNonReferenceType().getUnqualifiedType());
  fail(Arg->getExprLoc(),
       "passing the local " + objectName(Arg) + " of class '" + Class +
           "', which holds std::vector members, whole to '" + Callee +
           "' is not supported yet; gradc follows such a local through its "
           "accessors and member functions that return one expression "
           "('c(i, j)', 'c.rows()'); pass the members the helper reads, or "
           "make the '" +
           Class + "' a parameter of the annotated function ('const " + Class +
           " &c')",
       Arg->getSourceRange());
  return true;
}

Value *BodyLowering::lowerLocalViewCall(const CallExpr *CE,
                                        const FunctionDecl &Callee,
                                        const ViewVar &V, const Expr *Obj) {
  std::string Name = Callee.getNameAsString();
  const FunctionDecl *Def = nullptr;
  Callee.hasBody(Def);
  const auto *Body =
      Def ? dyn_cast_or_null<CompoundStmt>(Def->getBody()) : nullptr;
  const auto *Ret = Body && Body->size() == 1
                        ? dyn_cast<ReturnStmt>(Body->body_front())
                        : nullptr;
  QualType RT = Callee.getReturnType();
  std::optional<Scalar> S = scalarTypeOf(RT.getNonReferenceType(), Ctx);
  bool ValueOut = S && (!RT->isReferenceType() ||
                        RT.getNonReferenceType().isConstQualified());
  std::string Class =
      typeName(Obj->getType().getNonReferenceType().getUnqualifiedType());
  if (!Ret || !Ret->getRetValue() || !ValueOut)
    return fail(CE->getExprLoc(),
                "calling '" + Name + "' on the local " + objectName(Obj) +
                    " of class '" + Class +
                    "', which holds std::vector members, is not supported "
                    "yet: gradc follows such a local through accessors "
                    "returning a reference to an element ('double "
                    "&operator()(int i, int j)') and member functions that "
                    "return one number ('int rows() const { return r_; }'); "
                    "write the loop in the annotated function, or make the "
                    "'" +
                    Class + "' a parameter of it",
                CE->getSourceRange());
  // Its parameters: the arguments' values (a member operator's object is
  // its first argument).
  unsigned Skip = isa<CXXOperatorCallExpr>(CE) ? 1 : 0;
  std::vector<const ParmVarDecl *> Bound;
  auto Unbind = [&] {
    for (const ParmVarDecl *P : Bound)
      Vars.erase(P);
  };
  for (unsigned I = Skip; I < CE->getNumArgs(); ++I) {
    const Expr *Arg = CE->getArg(I);
    if (const auto *DA = dyn_cast<CXXDefaultArgExpr>(Arg))
      Arg = DA->getExpr();
    const ParmVarDecl *PVD = Def->getParamDecl(I - Skip);
    QualType T = PVD->getType();
    std::optional<Scalar> PS = scalarTypeOf(T.getNonReferenceType(), Ctx);
    if (!PS ||
        (T->isReferenceType() && !T.getNonReferenceType().isConstQualified())) {
      Unbind();
      return fail(PVD->getLocation(),
                  "parameters of type '" + typeName(T) +
                      "' are not supported yet in a member function called "
                      "on a local of a class holding std::vector members; "
                      "pass numbers by value");
    }
    Value *A = expectScalar(lowerExpr(Arg), Arg);
    if (!A) {
      Unbind();
      return nullptr;
    }
    at(Arg->getBeginLoc());
    Vars[PVD] = convert(A, *PS, /*Implicit=*/true);
    Bound.push_back(PVD);
  }
  Value *SavedThis = std::exchange(This, nullptr);
  std::optional<ViewVar> SavedView = std::exchange(ThisView, V);
  const Expr *E = Ret->getRetValue();
  Value *Out = expectScalar(lowerExpr(E), E);
  This = SavedThis;
  ThisView = std::move(SavedView);
  Unbind();
  if (!Out)
    return nullptr;
  at(CE->getBeginLoc());
  return convert(Out, *S, /*Implicit=*/true);
}

} // namespace gradc::frontend
