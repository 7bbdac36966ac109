//===- LoweringLocalStructs.cpp - Local structs holding std::vector -------===//
//
// A local struct holding std::vector members (`struct S {
// std::vector<double> v; double w; }; S s; s.v.push_back(x);`) only
// groups variables: gradc follows each member as a local of its own,
// `s_v` and `s_w`, by rewriting the body before it is lowered. The
// declaration becomes one of each member, and every `s.v` a name of
// that local, so that vectors growing, sized, indexed and passed on are
// the local vectors gradc already follows. A struct used otherwise (passed
// whole, copied, captured, its member functions called, made by a
// constructor of its own) is left alone, and refused where it is declared.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace gradc::frontend {

using namespace clang;

namespace {

/// The local structs holding vectors that a body uses only through their
/// members, and every use.
class LocalStructUses : public RecursiveASTVisitor<LocalStructUses> {
public:
  explicit LocalStructUses(
      llvm::function_ref<const ViewShape *(QualType)> ViewOf)
      : ViewOf(ViewOf) {}

  bool VisitDeclStmt(DeclStmt *DS) {
    for (Decl *D : DS->decls())
      if (auto *VD = dyn_cast<VarDecl>(D); VD && owning(VD))
        Candidates.insert(VD);
    return true;
  }
  bool VisitMemberExpr(MemberExpr *ME) {
    auto *DRE = dyn_cast<DeclRefExpr>(ME->getBase()->IgnoreParenImpCasts());
    if (DRE && isa<FieldDecl>(ME->getMemberDecl()) && !ME->isArrow())
      Members.insert(DRE);
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      Refs.push_back({DRE, VD});
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *LE) {
    for (const LambdaCapture &C : LE->captures())
      if (C.capturesVariable())
        if (auto *VD = dyn_cast<VarDecl>(C.getCapturedVar()))
          Captured.insert(VD);
    return true;
  }

  /// The structs to rewrite: each use a member read or written.
  llvm::SmallPtrSet<VarDecl *, 4> flattened() const {
    llvm::SmallPtrSet<VarDecl *, 4> Out;
    for (VarDecl *VD : Candidates)
      if (!Captured.count(VD) && initOk(VD) &&
          llvm::all_of(Refs, [&](const auto &R) {
            return R.second != VD || Members.count(R.first);
          }))
        Out.insert(VD);
    return Out;
  }

private:
  bool owning(const VarDecl *VD) const {
    const ViewShape *Shape =
        VD->getType()->isReferenceType() ? nullptr : ViewOf(VD->getType());
    // (A std::array member, which `{}` would zero, stays refused.)
    return Shape && Shape->Owns && VD->hasLocalStorage() &&
           !isa<ParmVarDecl>(VD) &&
           llvm::all_of(Shape->Members, [](const ViewMember &M) {
             return !M.Container || M.Container->IsVector;
           });
  }
  /// `S s;`, `S s{};` or `S s{...}` of one value a member: a constructor
  /// of the user's own is not followed here.
  static bool initOk(const VarDecl *VD) {
    const Expr *Init = VD->getInit();
    if (!Init)
      return true;
    Init = Init->IgnoreImplicit();
    if (const auto *CCE = dyn_cast<CXXConstructExpr>(Init))
      return CCE->getNumArgs() == 0 &&
             (!CCE->getConstructor()->isUserProvided());
    return isa<InitListExpr>(Init);
  }

  llvm::function_ref<const ViewShape *(QualType)> ViewOf;
  llvm::SmallPtrSet<VarDecl *, 4> Candidates, Captured;
  llvm::SmallPtrSet<DeclRefExpr *, 16> Members;
  std::vector<std::pair<DeclRefExpr *, VarDecl *>> Refs;
};

} // namespace

void BodyLowering::flattenLocalStructs(CompoundStmt *Body) {
  auto ViewOf = [&](QualType T) { return viewShapeOf(T); };
  LocalStructUses Uses(ViewOf);
  Uses.TraverseStmt(Body);
  llvm::SmallPtrSet<VarDecl *, 4> Flat = Uses.flattened();
  if (Flat.empty())
    return;
  // One local a member: `s_v`, initialized as the struct's braces say.
  llvm::DenseMap<std::pair<const VarDecl *, const FieldDecl *>, VarDecl *>
      MemberVar;
  auto *DC = const_cast<FunctionDecl *>(&FD);
  auto Rewrite = [&](auto &Self, Stmt *S) -> void {
    for (Stmt *&Child : S->children()) {
      if (!Child)
        continue;
      if (auto *DS = dyn_cast<DeclStmt>(Child)) {
        SmallVector<Decl *, 4> Decls;
        bool Changed = false;
        for (Decl *D : DS->decls()) {
          auto *VD = dyn_cast<VarDecl>(D);
          if (!VD || !Flat.count(VD)) {
            Decls.push_back(D);
            continue;
          }
          Changed = true;
          const auto *ILE = dyn_cast_or_null<InitListExpr>(
              VD->getInit() ? VD->getInit()->IgnoreImplicit() : nullptr);
          const auto *RD = VD->getType()->getAsRecordDecl();
          unsigned K = 0;
          for (FieldDecl *Field : RD->fields()) {
            std::string Name =
                VD->getNameAsString() + "_" + Field->getNameAsString();
            auto *MV = VarDecl::Create(
                Ctx, DC, VD->getBeginLoc(), VD->getLocation(),
                &Ctx.Idents.get(Name), Field->getType(),
                Ctx.getTrivialTypeSourceInfo(Field->getType()), SC_None);
            if (ILE && K < ILE->getNumInits()) {
              const Expr *E = ILE->getInit(K)->IgnoreImplicit();
              // `{std::vector<double>(n), ...}`: the member is made so,
              // as `std::vector<double> s_v(n);`.
              if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(E))
                E = FC->getSubExpr()->IgnoreImplicit();
              if (isa<CXXConstructExpr>(E))
                MV->setInitStyle(VarDecl::CallInit);
              if (!isa<ImplicitValueInitExpr>(E))
                MV->setInit(const_cast<Expr *>(E));
            }
            // A number the braces leave out is zero, as in `S s{};`.
            QualType T = Field->getType();
            if (ILE && !MV->getInit() && T->isRealFloatingType())
              MV->setInit(FloatingLiteral::Create(
                  Ctx, llvm::APFloat::getZero(Ctx.getFloatTypeSemantics(T)),
                  /*isexact=*/true, T, SourceLocation()));
            else if (ILE && !MV->getInit() && T->isIntegerType())
              MV->setInit(IntegerLiteral::Create(
                  Ctx, llvm::APInt(Ctx.getIntWidth(T), 0), T,
                  SourceLocation()));
            ++K;
            MemberVar[{VD, Field}] = MV;
            Decls.push_back(MV);
          }
        }
        if (Changed)
          Child = new (Ctx)
              DeclStmt(DeclGroupRef::Create(Ctx, Decls.data(), Decls.size()),
                       DS->getBeginLoc(), DS->getEndLoc());
        Self(Self, Child);
        continue;
      }
      if (auto *ME = dyn_cast<MemberExpr>(Child)) {
        auto *DRE = dyn_cast<DeclRefExpr>(ME->getBase()->IgnoreParenImpCasts());
        auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
        auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
        if (VD && Field && Flat.count(VD)) {
          VarDecl *MV = MemberVar.lookup({VD, Field});
          if (MV) {
            // Spanning `s.v`, so that statements print as written: from
            // `s` (a `::` qualifier there, which nothing reads) to `v`.
            NestedNameSpecifierLocBuilder From;
            From.MakeGlobal(Ctx, ME->getBeginLoc());
            Child = DeclRefExpr::Create(
                Ctx, From.getWithLocInContext(Ctx), SourceLocation(), MV, false,
                DeclarationNameInfo(MV->getDeclName(), ME->getMemberLoc()),
                MV->getType(), VK_LValue);
            continue;
          }
        }
      }
      Self(Self, Child);
    }
  };
  Rewrite(Rewrite, Body);
}

} // namespace gradc::frontend
