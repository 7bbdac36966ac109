//===- LoweringGrowingHelper.cpp - Helpers growing a vector they are given ===//
//
// `void add_feature(std::vector<double> &out, double v) { out.push_back(v *
// v); }` changes the size of the caller's vector. A local vector that
// changes size is a Local with a length Local (LoweringGrowth.cpp), which
// a call could not carry across; so such a helper's body is lowered where
// it is called, its parameters bound to the arguments (as a helper
// returning a reference is, LoweringRefCall.cpp), and its `out.push_back`
// is the caller's `f.push_back`. The caller's scan for vectors that grow
// (findGrowingVectors) counts the call as a growth of the vector passed.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

#include "clang/Basic/SourceManager.h"

namespace gradc::frontend {

using namespace clang;
using ir::OpCode;
using ir::Value;

namespace {

/// The definition of Callee when gradc may write it where it is called: a
/// function of the user's, not a method, an operator or a lambda.
const FunctionDecl *inlinableDefinition(const FunctionDecl *Callee) {
  if (!Callee || isa<CXXMethodDecl>(Callee) || Callee->isOverloadedOperator())
    return nullptr;
  const FunctionDecl *Def = nullptr;
  if (!Callee->hasBody(Def) ||
      Def->getASTContext().getSourceManager().isInSystemHeader(
          Def->getLocation()))
    return nullptr;
  return Def;
}

/// Whether T is a non-const reference to a std::vector gradc follows as
/// it grows (of numbers or of structs).
bool isGrowableVectorRef(QualType T, ASTContext &Ctx) {
  if (!T->isLValueReferenceType() || T.getNonReferenceType().isConstQualified())
    return false;
  QualType Obj = T.getNonReferenceType();
  std::optional<ContainerShape> C = containerShape(Obj, Ctx);
  std::optional<StructContainer> SC = structContainer(Obj);
  return (C && C->IsVector) || (SC && SC->IsVector);
}

/// The variable (a parameter, a local) E names, or null.
const VarDecl *namedParam(const Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  return DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
}

/// E without the copies and moves C++ makes of a value (`return r;`).
const Expr *withoutMoves(const Expr *E) {
  while (true) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *CCE = dyn_cast<CXXConstructExpr>(E);
        CCE && CCE->getNumArgs() == 1 &&
        CCE->getConstructor()->isCopyOrMoveConstructor())
      E = CCE->getArg(0);
    else if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
      E = MTE->getSubExpr();
    else
      return E;
  }
}

void scanParamGrowth(const Stmt *S, const VarDecl *P, ParamGrowth &G,
                     unsigned Depth) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(S)) {
    const CXXMethodDecl *MD = MCE->getMethodDecl();
    const Expr *Obj = MCE->getImplicitObjectArgument();
    if (MD && MD->getIdentifier() && Obj && namedParam(Obj) == P) {
      StringRef Name = MD->getName();
      bool Sizes = (Name == "resize" || Name == "assign") &&
                   MCE->getNumArgs() >= 1 &&
                   MCE->getArg(0)->getType()->isIntegerType();
      G.Grows |= Sizes || Name == "push_back" || Name == "emplace_back" ||
                 Name == "insert" || Name == "pop_back" || Name == "clear" ||
                 Name == "erase";
      G.Shrinks |=
          Sizes || Name == "pop_back" || Name == "clear" || Name == "erase";
    }
  } else if (const auto *CE = dyn_cast<CallExpr>(S);
             CE && !isa<CXXOperatorCallExpr>(CE) && Depth < 8) {
    // Passed on to another helper that grows it.
    if (const FunctionDecl *Def = inlinableDefinition(CE->getDirectCallee()))
      for (unsigned I = 0; I < CE->getNumArgs() && I < Def->getNumParams(); ++I)
        if (namedParam(CE->getArg(I)) == P) {
          ParamGrowth Inner = paramGrowth(*Def, I, Depth + 1);
          G.Grows |= Inner.Grows;
          G.Shrinks |= Inner.Shrinks;
        }
  }
  for (const Stmt *Child : S->children())
    scanParamGrowth(Child, P, G, Depth);
}

/// A number computed for a parameter of a helper written where it is
/// called keeps the parameter's name, as the helper's statements, quoted
/// beside it, call it.
void nameAfterParams(const FunctionDecl &Def,
                     const llvm::DenseMap<const VarDecl *, Value *> &Vars) {
  for (const ParmVarDecl *PVD : Def.parameters())
    if (Value *V = Vars.lookup(PVD);
        V && V->Name.empty() && !V->isConst() && V->Code != OpCode::Param)
      V->Name = PVD->getNameAsString();
}

} // namespace

ParamGrowth paramGrowth(const FunctionDecl &Def, unsigned I, unsigned Depth) {
  ParamGrowth G;
  const ParmVarDecl *P = Def.getParamDecl(I);
  if (isGrowableVectorRef(P->getType(), Def.getASTContext()))
    scanParamGrowth(Def.getBody(), P, G, Depth);
  return G;
}

ParamGrowth localGrowth(const FunctionDecl &Def, const VarDecl *Local) {
  ParamGrowth G;
  scanParamGrowth(Def.getBody(), Local, G, 0);
  return G;
}

const CallExpr *buildingCall(const Expr *Init, const VarDecl *&Returned,
                             std::string *Problem) {
  // `auto items = build(x);`, also through a copy or move C++14 makes.
  const auto *CE = dyn_cast<CallExpr>(withoutMoves(Init));
  if (!CE || isa<CXXMemberCallExpr, CXXOperatorCallExpr>(CE))
    return nullptr;
  const FunctionDecl *Def = inlinableDefinition(CE->getDirectCallee());
  std::optional<StructContainer> SC =
      Def ? structContainer(Def->getReturnType()) : std::nullopt;
  if (!SC || !SC->IsVector)
    return nullptr;
  auto No = [&](const std::string &Why) -> const CallExpr * {
    if (Problem)
      *Problem = Why;
    return nullptr;
  };
  for (const ParmVarDecl *PVD : Def->parameters()) {
    QualType PT = PVD->getType();
    if ((PT->isReferenceType() || PT->isPointerType()) &&
        !PT->getPointeeType().isConstQualified())
      return No("it may change its parameter '" + PVD->getNameAsString() + "'");
  }
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Def->getBody());
  const auto *RS = Body && !Body->body_empty()
                       ? dyn_cast<ReturnStmt>(Body->body_back())
                       : nullptr;
  const VarDecl *R = RS && RS->getRetValue()
                         ? namedParam(withoutMoves(RS->getRetValue()))
                         : nullptr;
  if (!R || isa<ParmVarDecl>(R) || !R->hasLocalStorage() ||
      !R->getASTContext().hasSameUnqualifiedType(R->getType(),
                                                 Def->getReturnType()))
    return No("it does not end with 'return' of a local vector");
  // R declared empty, alone, at the top of the body.
  bool Declared = false;
  for (const Stmt *St : Body->body()) {
    const auto *DS = dyn_cast<DeclStmt>(St);
    if (!DS || !DS->isSingleDecl() || DS->getSingleDecl() != R)
      continue;
    const auto *CCE =
        R->getInit()
            ? dyn_cast<CXXConstructExpr>(R->getInit()->IgnoreImplicit())
            : nullptr;
    Declared = !R->getInit() || (CCE && CCE->getNumArgs() == 0);
  }
  if (!Declared)
    return No("the vector it returns is not declared empty on a line of its "
              "own at the top of its body");
  ArrayRef<const Stmt *> Before(Body->body_begin(), Body->size() - 1);
  if (llvm::any_of(Before, [](const Stmt *S) { return holdsReturn(S); }))
    return No("it returns from more than one place");
  Returned = R;
  return CE;
}

const FunctionDecl *growingHelper(const CallExpr *CE) {
  if (isa<CXXMemberCallExpr, CXXOperatorCallExpr>(CE))
    return nullptr;
  const FunctionDecl *Def = inlinableDefinition(CE->getDirectCallee());
  if (!Def)
    return nullptr;
  for (unsigned I = 0; I < Def->getNumParams(); ++I)
    if (paramGrowth(*Def, I).Grows)
      return Def;
  return nullptr;
}

Value *BodyLowering::lowerGrowingCall(const CallExpr *CE,
                                      const FunctionDecl &Def) {
  std::string Name = calleeName(Def);
  auto Refuse = [&](const std::string &Why) {
    return fail(CE->getExprLoc(),
                "'" + Name +
                    "' changes the size of a std::vector it is given, so "
                    "gradc writes its body where it is called; " +
                    Why,
                CE->getSourceRange());
  };
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Def.getBody());
  if (!Body || !Def.getReturnType()->isVoidType())
    return Refuse("it must return void: give what it computes back through "
                  "a reference parameter ('double &out')");
  if (holdsReturn(Body))
    return Refuse("it must run to its end: put what follows an early "
                  "'return' in an 'else'");
  if (InLoopHeader)
    return Refuse("call it in the loop's body, not in its header");
  if (llvm::is_contained(InlinedRefs, &Def))
    return Refuse("it calls itself: grow the vector in a loop instead");
  // A `const double &` is read where the call is; C++ reads it where the
  // helper does, after what the helper wrote through another argument.
  for (unsigned I = 0; I < CE->getNumArgs() && I < Def.getNumParams(); ++I) {
    QualType PT = Def.getParamDecl(I)->getType();
    const auto *DRE =
        dyn_cast<DeclRefExpr>(CE->getArg(I)->IgnoreParenImpCasts());
    if (!PT->isReferenceType() ||
        !PT.getNonReferenceType().isConstQualified() || !DRE)
      continue;
    for (unsigned J = 0; J < CE->getNumArgs() && J < Def.getNumParams(); ++J) {
      QualType QT = Def.getParamDecl(J)->getType();
      bool Writes = (QT->isReferenceType() || QT->isPointerType()) &&
                    !QT->getPointeeType().isConstQualified();
      if (J != I && Writes && mentions(CE->getArg(J), DRE->getDecl()))
        return Refuse("'" + DRE->getDecl()->getNameAsString() +
                      "' is given to it twice, once to change: pass a copy "
                      "of what it reads ('double c = " +
                      DRE->getDecl()->getNameAsString() + ";')");
    }
  }
  if (!bindInlinedParams(CE, Def, [&](const std::string &Why) { Refuse(Why); }))
    return nullptr;
  nameAfterParams(Def, Vars);
  // The vectors it grows must be locals that grow, which it grows too.
  Value *Grown = nullptr;
  for (unsigned I = 0; I < Def.getNumParams() && I < CE->getNumArgs(); ++I) {
    ParamGrowth G = paramGrowth(Def, I);
    if (!G.Grows)
      continue;
    const ParmVarDecl *PVD = Def.getParamDecl(I);
    Value *V = Pointers.lookup(PVD);
    if (!V || V->Code != OpCode::Local || V->Operands.size() < 2) {
      const Expr *Arg = CE->getArg(I);
      std::string Given = sourceText(Arg->getSourceRange());
      return fail(Arg->getBeginLoc(),
                  "'" + Name +
                      "' changes the size of the std::vector given "
                      "for its parameter '" +
                      PVD->getNameAsString() +
                      "'; gradc follows the size of a local std::vector of '" +
                      functionName() + "', passed by its name: copy '" + Given +
                      "' into a local ('std::vector<double> u = " + Given +
                      ";'), pass that, and return or write back "
                      "what you need",
                  Arg->getSourceRange());
    }
    Growing.insert(PVD);
    if (G.Shrinks)
      Shrinking.insert(PVD);
    Grown = V;
  }
  // The body, lowered here as the caller's statements.
  std::string SavedInside = std::exchange(InlinedHelper, Name);
  SourceLocation SavedSite = ForeignSite;
  if (!ForeignSite.isValid() &&
      !SM.isWrittenInSameFile(SM.getExpansionLoc(Def.getLocation()),
                              SM.getExpansionLoc(FD.getLocation())))
    ForeignSite = CE->getBeginLoc();
  bool Ok = lowerInlinedBody(Def, Body, {Body->body_begin(), Body->body_end()},
                             This, [] {});
  InlinedHelper = SavedInside;
  ForeignSite = SavedSite;
  return Ok ? Grown : nullptr;
}

bool BodyLowering::lowerBuildingCall(const CallExpr *CE,
                                     const VarDecl *Returned, Value *Into) {
  const FunctionDecl &Def = *inlinableDefinition(CE->getDirectCallee());
  std::string Name = calleeName(Def);
  auto Refuse = [&](const std::string &Why) {
    fail(CE->getExprLoc(),
         "'" + Name +
             "' returns a std::vector of structs that it fills, so gradc "
             "writes its body where it is called; " +
             Why,
         CE->getSourceRange());
    return false;
  };
  const auto *Body = cast<CompoundStmt>(Def.getBody());
  if (InLoopHeader)
    return Refuse("call it in the loop's body, not in its header");
  if (llvm::is_contained(InlinedRefs, &Def))
    return Refuse("it calls itself: fill the vector in a loop instead");
  if (!bindInlinedParams(CE, Def, [&](const std::string &Why) { Refuse(Why); }))
    return false;
  nameAfterParams(Def, Vars);
  // Its vector is the caller's: `r.push_back(...)` appends to `items`.
  findGrowingVectors(Body);
  Pointers[Returned] = Into;
  Poisoned.erase(Returned);
  Growing.insert(Returned);
  std::vector<const Stmt *> Stmts;
  for (const Stmt *St : llvm::drop_end(Body->body())) {
    const auto *DS = dyn_cast<DeclStmt>(St);
    if (!DS || !DS->isSingleDecl() || DS->getSingleDecl() != Returned)
      Stmts.push_back(St);
  }
  std::string SavedInside = std::exchange(InlinedHelper, Name);
  SourceLocation SavedSite = ForeignSite;
  if (!ForeignSite.isValid() &&
      !SM.isWrittenInSameFile(SM.getExpansionLoc(Def.getLocation()),
                              SM.getExpansionLoc(FD.getLocation())))
    ForeignSite = CE->getBeginLoc();
  bool Ok = lowerInlinedBody(Def, Body, Stmts, This, [] {});
  InlinedHelper = SavedInside;
  ForeignSite = SavedSite;
  return Ok;
}

} // namespace gradc::frontend
