//===- LoweringView.cpp - Structs of pointers into arrays -----------------===//
//
// A view struct (`struct Layer { const double *W, *b; int in, out; };`)
// holds no numbers of its own: it says where to read them. It is not
// memory to the IR: a view variable is the values of its members, each
// pointer an SSA pointer into one array as a pointer local is, fixed
// where the view is made, so that `L.W[i]` is a load from that array and
// its adjoint is found as any pointer's is. A view parameter is one IR
// parameter a member (`L.W`, `L.b`, ...), which generated code declares
// and passes as the struct (`const Layer &L`, `Layer{w, w + 6, 2, 3}`);
// the adjoint of each pointer member is a pointer of its own (`dL_W`).
// A member that is assigned, a view in memory (in an array, another
// struct, behind a pointer) and a view used as a whole other than by a
// call or a copy are refused: gradc must know which array every load
// and store reaches.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

namespace gradc::frontend {

using namespace clang;
using ir::Scalar;
using ir::Value;

const ViewShape *BodyLowering::viewShapeOf(QualType T) {
  std::string Why;
  return Shapes.view(T.getNonReferenceType(), Why);
}

BodyLowering::ViewVar BodyLowering::viewParamMembers(const ViewShape *Shape,
                                                     Value *First) {
  ViewVar V;
  V.Shape = Shape;
  auto It =
      llvm::find_if(F.Params, [&](const ir::Param &P) { return P.V == First; });
  for (size_t K = 0; V.Shape && K < V.Shape->Members.size(); ++K)
    V.Members.push_back(It + K < F.Params.end() ? (It + K)->V : nullptr);
  return V;
}

void BodyLowering::bindViewParam(const VarDecl *PVD, Value *First) {
  Views[PVD] = viewParamMembers(viewShapeOf(PVD->getType()), First);
  Poisoned.erase(PVD);
}

/// E without parentheses, no-op casts, temporaries and trivial copies.
static const Expr *viewOperand(const Expr *E) {
  while (true) {
    E = E->IgnoreParens();
    if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E);
        ICE && (ICE->getCastKind() == CK_NoOp ||
                ICE->getCastKind() == CK_LValueToRValue))
      E = ICE->getSubExpr();
    else if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
      E = MTE->getSubExpr();
    else if (const auto *FCE = dyn_cast<CXXFunctionalCastExpr>(E);
             FCE && FCE->getCastKind() == CK_NoOp)
      E = FCE->getSubExpr();
    else if (const auto *CCE = dyn_cast<CXXConstructExpr>(E);
             CCE && CCE->getNumArgs() == 1 &&
             CCE->getConstructor()->isCopyOrMoveConstructor())
      E = CCE->getArg(0);
    else
      return E;
  }
}

std::optional<BodyLowering::ViewVar> BodyLowering::lowerView(const Expr *E) {
  const Expr *Orig = E;
  E = viewOperand(E);
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_Deref && ThisView &&
      isa<CXXThisExpr>(UO->getSubExpr()->IgnoreParenImpCasts()))
    return ThisView; // `*this`, passed on
  if (isa<CXXThisExpr>(E) && ThisView)
    return ThisView;
  const ViewShape *Shape = viewShapeOf(E->getType());
  if (!Shape) {
    fail(E->getExprLoc(), "expected a view struct", E->getSourceRange());
    return std::nullopt;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (auto It = VD ? Views.find(VD) : Views.end(); It != Views.end())
      return It->second;
    if (VD && Poisoned.count(VD)) {
      Failed = true;
      return std::nullopt;
    }
  }
  const auto *ILE = dyn_cast<InitListExpr>(E);
  if (Shape->Owns) {
    fail(Orig->getExprLoc(),
         "this '" + typeName(E->getType().getUnqualifiedType()) +
             "', a struct holding std::vector members, is not one gradc can "
             "follow; gradc supports such a struct as a parameter taken by "
             "const reference, read and passed on whole",
         Orig->getSourceRange());
    return std::nullopt;
  }
  if (!ILE) {
    fail(Orig->getExprLoc(),
         "this view struct is not one gradc can follow; name a view "
         "variable, or make one here ('" +
             typeName(E->getType().getUnqualifiedType()) + "{w, w + 6, n}')",
         Orig->getSourceRange());
    return std::nullopt;
  }
  ViewVar V;
  V.Shape = Shape;
  bool Ok = true;
  for (size_t K = 0; K < Shape->Members.size(); ++K) {
    const ViewMember &M = Shape->Members[K];
    const Expr *Init = K < ILE->getNumInits() ? ILE->getInit(K) : nullptr;
    if (const auto *DI = dyn_cast_or_null<CXXDefaultInitExpr>(Init))
      Init = DI->getExpr();
    bool Null =
        !Init || isa<ImplicitValueInitExpr>(Init) ||
        Init->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull);
    Value *Val = nullptr;
    if (M.Ty.kind() == ir::Type::Ptr) {
      if (!Null)
        Val = lowerPointer(Init);
      Ok &= Null || Val;
    } else if (Null) {
      at(ILE->getBeginLoc());
      Val = makeConstant(M.Ty.scalarKind(), 0, 0, "");
    } else if ((Val = expectScalar(lowerExpr(Init), Init))) {
      at(Init->getBeginLoc());
      Val = convert(Val, M.Ty.scalarKind(), /*Implicit=*/true);
    } else {
      Ok = false;
    }
    V.Members.push_back(Val);
  }
  if (!Ok)
    return std::nullopt;
  return V;
}

void BodyLowering::lowerViewDecl(const VarDecl *VD, const ViewShape &Shape) {
  std::string Name = VD->getNameAsString();
  std::string Type =
      typeName(VD->getType().getNonReferenceType().getUnqualifiedType());
  const Expr *Init = VD->getInit();
  const auto *CCE =
      Init ? dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit()) : nullptr;
  if (Shape.Owns && !VD->getType()->isReferenceType() &&
      isOwnedViewConstruct(Init))
    return lowerOwnedViewDecl(VD, Shape);
  if (Shape.Owns && !VD->getType()->isReferenceType() && CCE &&
      CCE->getNumArgs() == 1 &&
      CCE->getConstructor()->isCopyOrMoveConstructor())
    if (const auto *From = dyn_cast<DeclRefExpr>(viewOperand(CCE->getArg(0))))
      if (auto It = Views.find(dyn_cast<VarDecl>(From->getDecl()));
          It != Views.end() && isLocalView(It->second)) {
        // `Matrix d = c;` of a local `Matrix c(r, k);` (LoweringViewLocal).
        std::string Of = From->getDecl()->getNameAsString();
        poison(VD);
        fail(VD->getLocation(),
             "copying the local '" + Of + "' of class '" + Type +
                 "', which holds std::vector members, is not supported yet; "
                 "gradc follows such a local through its accessors and "
                 "member functions that return one expression ('" +
                 Of + "(i, j)', '" + Of + ".rows()'): declare '" + Name +
                 "' with the constructor ('" + Type + " " + Name +
                 "(...);') and copy the elements, or use '" + Of + "' itself",
             VD->getSourceRange());
        return;
      }
  if (Shape.Owns && !VD->getType()->isReferenceType() && Init &&
      isa<CallExpr>(Init->IgnoreImplicit()) &&
      !isa<CXXOperatorCallExpr>(Init->IgnoreImplicit())) {
    // `Matrix c = matmul(a, b);`: no object to write the result into.
    poison(VD);
    fail(VD->getLocation(),
         "'" + Type + " " + Name +
             "' is made by a helper returning a class holding std::vector "
             "members by value, which gradc does not follow yet; compute "
             "it in this function ('" +
             Type + " " + Name +
             "(...);' made by its constructor, then its elements), or make "
             "it a parameter ('const " +
             Type + " &" + Name + "')",
         VD->getSourceRange());
    return;
  }
  if (Shape.Owns && !VD->getType()->isReferenceType()) {
    // Its first vector, for the advice: `std::vector<double> s_v(n);`.
    const ViewMember *Vec = &Shape.Members.front();
    for (const ViewMember &M : Shape.Members)
      if (M.Container && M.Container->IsVector) {
        Vec = &M;
        break;
      }
    std::string Member = Vec->Decl->getNameAsString();
    poison(VD);
    fail(VD->getLocation(),
         "'" + Type + " " + Name +
             "' is a local struct holding std::vector members that is used "
             "whole (passed on, copied, captured by a lambda, its member "
             "functions called), made by a constructor of its own, or holds "
             "a std::array, which gradc does not follow yet; gradc follows "
             "such a local through its members ('" +
             Name + "." + Member + ".push_back(x);', '" + Name + "." + Member +
             "[i]'): use those only, declare the vectors as locals of their "
             "own ('" +
             typeName(Vec->Decl->getType()) + " " + Name + "_" + Member +
             ";'), or make it a parameter ('const " + Type + " &" + Name +
             "', or '" + Type + " &" + Name + "' to change it in place)",
         VD->getSourceRange());
    return;
  }
  if (!Init || (CCE && CCE->getNumArgs() == 0)) {
    poison(VD);
    fail(VD->getLocation(),
         "view '" + Name + "' must be made where it is declared ('" + Type +
             " " + Name +
             "{w, w + 6, n};'): gradc fixes the arrays a view's pointers "
             "point into where it is made",
         VD->getSourceRange());
    return;
  }
  std::optional<ViewVar> V = lowerView(Init);
  if (!V)
    return poison(VD);
  V->Shape = &Shape;
  // `w + 6` made for member b of L1 is printed `const double *L1_b = w + 6;`.
  for (size_t K = 0; K < Shape.Members.size(); ++K)
    if (Value *M = V->Members[K];
        M && M->Name.empty() && !M->isConst() && M->Code != ir::OpCode::Param)
      M->Name = Name + "_" + Shape.Members[K].Decl->getNameAsString();
  Views[VD] = std::move(*V);
  Poisoned.erase(VD);
}

/// The view variable ME's object names, if it is one.
static const VarDecl *viewVarOf(const MemberExpr *ME) {
  const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
  const auto *DRE = dyn_cast<DeclRefExpr>(Base);
  return DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
}

bool BodyLowering::isViewMember(const MemberExpr *ME) {
  if (!isa<FieldDecl>(ME->getMemberDecl()))
    return false;
  QualType T = ME->getBase()->getType();
  if (ME->isArrow())
    T = T->getPointeeType();
  return viewShapeOf(T) != nullptr;
}

bool BodyLowering::heldInMemory(const MemberExpr *ME) {
  if (!isViewMember(ME))
    return false;
  QualType T = ME->getBase()->getType();
  const ViewShape *Shape = viewShapeOf(ME->isArrow() ? T->getPointeeType() : T);
  if (!Shape || !Shape->Owns)
    return false;
  int K = Shape->index(cast<FieldDecl>(ME->getMemberDecl()));
  const ViewVar *VV = nullptr;
  if (isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
    VV = ThisView ? &*ThisView : nullptr;
  else if (auto It = Views.find(viewVarOf(ME)); It != Views.end())
    VV = &It->second;
  Value *V = VV && K >= 0 ? VV->Members[K] : nullptr;
  return V && V->Ty.kind() == ir::Type::Ref;
}

Value *BodyLowering::lowerViewMember(const MemberExpr *ME) {
  const auto *FD = cast<FieldDecl>(ME->getMemberDecl());
  std::string Member = FD->getNameAsString();
  // `W[i]` in a member function of a struct holding vectors.
  if (isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()) && ThisView) {
    int K = ThisView->Shape->index(FD);
    return K < 0 ? nullptr : ThisView->Members[K];
  }
  const VarDecl *VD = viewVarOf(ME);
  auto It = VD && !ME->isArrow() ? Views.find(VD) : Views.end();
  if (It == Views.end()) {
    if (VD && Poisoned.count(VD)) {
      Failed = true;
      return nullptr;
    }
    return fail(ME->getMemberLoc(),
                "member '" + Member +
                    "' of this view struct is not one gradc can follow; "
                    "read members of a view variable or parameter ('L." +
                    Member + "')",
                ME->getSourceRange());
  }
  int K = It->second.Shape->index(FD);
  Value *V = K < 0 ? nullptr : It->second.Members[K];
  if (!V)
    return fail(ME->getMemberLoc(),
                "member '" + Member + "' of view '" + VD->getNameAsString() +
                    "' is not set (null) where the view is made; give it "
                    "the array it points into",
                ME->getSourceRange());
  return V;
}

} // namespace gradc::frontend
