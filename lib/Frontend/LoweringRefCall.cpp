//===- LoweringRefCall.cpp - Helpers returning a reference to a number ----===//
//
// `double &biggest(double *a, int n)`, `double &at(int i) { return v[i]; }`:
// read, such a call is the number it names (an Invoke whose callee
// returns that value, LoweringCall.cpp). Written (`biggest(a, n) *= 3`,
// `s.at(i) = x`, `double &r = ...`, passed to a `double &`), it is the
// place: the helper's body is lowered where the call is, its parameters
// bound to the arguments, and its one `return` names the place written.
// That place is an element of memory the caller gave (a parameter's array,
// a member of its object, a `double &` argument), which the reverse mode
// follows as any other.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"
#include "Sequencing.h"

#include "clang/Basic/SourceManager.h"

namespace gradc::frontend {

using namespace clang;
using ir::Value;

bool holdsReturn(const Stmt *S) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (isa<ReturnStmt>(S))
    return true;
  return llvm::any_of(S->children(),
                      [](const Stmt *C) { return holdsReturn(C); });
}

/// Whether S assigns VD by name (`n = ...`, `n += ...`, `++n`).
static bool assignsVar(const Stmt *S, const VarDecl *VD) {
  if (!S)
    return false;
  const Expr *Target = assignedExpr(S);
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(
          Target ? Target->IgnoreParenImpCasts() : nullptr);
      DRE && DRE->getDecl() == VD)
    return true;
  return llvm::any_of(S->children(),
                      [&](const Stmt *C) { return assignsVar(C, VD); });
}

/// Whether the reference the helper Def returns may name a value rather
/// than memory the caller gave: a choice (`a > b ? a : b`) or a parameter
/// taken by value or `const &`. Bound to a const reference, its result is
/// read as a value, as std::max's is; otherwise it is the place it names.
bool returnsValue(const FunctionDecl &Def) {
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Def.getBody());
  const auto *RS = Body && !Body->body_empty()
                       ? dyn_cast<ReturnStmt>(Body->body_back())
                       : nullptr;
  if (!RS || !RS->getRetValue())
    return true;
  const Expr *E = ignoreParenNoopCasts(RS->getRetValue());
  if (isa<AbstractConditionalOperator>(E))
    return true;
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  const auto *PVD = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
  return PVD && !(PVD->getType()->isLValueReferenceType() &&
                  !PVD->getType()->getPointeeType().isConstQualified());
}

const FunctionDecl *BodyLowering::refHelper(const Expr *E) const {
  const auto *CE = dyn_cast<CallExpr>(ignoreParenNoopCasts(E));
  if (!CE || isa<CXXOperatorCallExpr>(CE)) // operators: lowerAccessor
    return nullptr;
  const FunctionDecl *Callee = CE->getDirectCallee();
  if (!Callee || SM.isInSystemHeader(Callee->getLocation()))
    return nullptr;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
      MD && MD->getParent()->isLambda())
    return nullptr;
  QualType RT = Callee->getReturnType();
  if (!RT->isLValueReferenceType() ||
      RT.getNonReferenceType()->isEnumeralType() ||
      !scalarTypeOf(RT.getNonReferenceType(), Ctx))
    return nullptr;
  const FunctionDecl *Def = nullptr;
  return Callee->hasBody(Def) ? Def : nullptr;
}

bool readsInPlace(const FunctionDecl &Def) {
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Def.getBody());
  return Body && Body->size() == 1 && !returnsValue(Def);
}

bool BodyLowering::bindInlinedParams(
    const CallExpr *CE, const FunctionDecl &Def,
    llvm::function_ref<void(const std::string &)> Refuse) {
  const Stmt *Body = Def.getBody();
  for (const ParmVarDecl *PVD : Def.parameters())
    if (!PVD->getType()->isReferenceType() && assignsVar(Body, PVD)) {
      Refuse("it assigns its parameter '" + PVD->getNameAsString() +
             "'; copy it into a local variable of the helper");
      return false;
    }
  // The parameters, bound to the arguments as variables of this body are.
  bool Ok = true;
  for (unsigned I = 0; I < CE->getNumArgs() && Ok; ++I) {
    const Expr *Arg = CE->getArg(I);
    if (const auto *DA = dyn_cast<CXXDefaultArgExpr>(Arg))
      Arg = DA->getExpr();
    const ParmVarDecl *PVD = Def.getParamDecl(I);
    QualType PT = PVD->getType();
    QualType Obj = PT.getNonReferenceType();
    Value *V = nullptr;
    if (PT->isPointerType() || Obj->isArrayType()) {
      if (PT->isPointerType() && PT->getPointeeType()->isRecordType() &&
          !containerShape(PT->getPointeeType(), Ctx))
        V = lowerRecord(Arg);
      else
        V = lowerPointer(Arg);
      Pointers[PVD] = V;
    } else if (containerShape(Obj, Ctx)) {
      V = lowerContainer(Arg);
      Pointers[PVD] = V;
    } else if (Obj->isRecordType()) {
      if (!PT->isReferenceType()) {
        Refuse("it takes '" + PVD->getNameAsString() +
               "' by value, a copy that ends with the call; take it by "
               "reference");
        return false;
      }
      V = lowerRecord(Arg);
      Pointers[PVD] = V;
    } else if (PT->isLValueReferenceType() && !Obj.isConstQualified()) {
      std::optional<Target> T = referenceArgument(Arg);
      if (T)
        ElementRefs[PVD] = *T;
      Ok = T.has_value();
      continue;
    } else if (std::optional<ir::Scalar> S = scalarTypeOf(Obj, Ctx)) {
      // By value or `const double &`: read here, as a call reads it.
      V = expectScalar(lowerExpr(Arg), Arg);
      if (V) {
        at(Arg->getBeginLoc());
        V = convert(V, *S, /*Implicit=*/true);
      }
      Vars[PVD] = V;
    } else {
      Refuse("parameters of type '" + typeName(PT) +
             "' are not supported there");
      return false;
    }
    Ok = V != nullptr;
  }
  return Ok;
}

bool BodyLowering::lowerInlinedBody(const FunctionDecl &Def, const Stmt *Body,
                                    ArrayRef<const Stmt *> Stmts, Value *Object,
                                    llvm::function_ref<void()> End) {
  InlinedRefs.push_back(&Def);
  Value *SavedThis = std::exchange(This, Object);
  int SavedStmt = CurStmt;
  size_t SavedTop = TopStmtAt;
  Tail SavedTail = std::exchange(AtTail, Tail::None);
  bool FailedBefore = std::exchange(Failed, false);
  findMemoryVariables(Body);
  lowerList(Stmts);
  if (!Failed)
    End();
  bool Ok = !Failed;
  Failed |= FailedBefore;
  AtTail = SavedTail;
  TopStmtAt = SavedTop;
  CurStmt = SavedStmt;
  This = SavedThis;
  InlinedRefs.pop_back();
  return Ok;
}

std::optional<BodyLowering::Target>
BodyLowering::lowerRefCallPlace(const Expr *E) {
  const auto *CE = cast<CallExpr>(ignoreParenNoopCasts(E));
  const FunctionDecl *Def = refHelper(CE);
  std::string Name = calleeName(*Def);
  SourceLocation Loc = CE->getBeginLoc();
  auto Refuse = [&](const std::string &Why) -> std::optional<Target> {
    fail(Loc,
         "'" + Name +
             "' returns a reference, and its result is written here: " + Why,
         CE->getSourceRange());
    return std::nullopt;
  };
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Def->getBody());
  const auto *RS = Body && !Body->body_empty()
                       ? dyn_cast<ReturnStmt>(Body->body_back())
                       : nullptr;
  if (!RS || !RS->getRetValue())
    return Refuse("gradc names the place it returns when its body ends with "
                  "its one 'return'; compute the index in the caller "
                  "instead ('a[k] *= 3')");
  ArrayRef<const Stmt *> Before(Body->body_begin(), Body->size() - 1);
  if (llvm::any_of(Before, [](const Stmt *S) { return holdsReturn(S); }))
    return Refuse("gradc names the place it returns when its one 'return' "
                  "ends its body; return once, at the end");
  // A loop's header is printed as one C++ expression: no statements there.
  if (InLoopHeader && !Before.empty())
    return Refuse("gradc writes its body where it is called, which cannot be "
                  "in a loop's header; write through it in the loop's body");
  if (llvm::is_contained(InlinedRefs, Def))
    return Refuse("it calls itself; gradc cannot name the place a recursion "
                  "returns: compute the index instead");
  // The object of a member function.
  Value *Object = nullptr;
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(CE)) {
    const Expr *Obj = MCE->getImplicitObjectArgument();
    QualType OT = Obj->getType()->isPointerType()
                      ? Obj->getType()->getPointeeType()
                      : Obj->getType();
    if (viewShapeOf(OT))
      return Refuse("a member function of a struct holding pointers or "
                    "std::vector members is not supported there; index the "
                    "member itself ('L.W[i] = ...')");
    Object = Obj->getType()->isPointerType()                ? lowerPointer(Obj)
             : isa<CXXThisExpr>(Obj->IgnoreParenImpCasts()) ? This
                                                            : lowerRecord(Obj);
    if (!Object)
      return std::nullopt;
  }
  if (!bindInlinedParams(CE, *Def,
                         [&](const std::string &Why) { Refuse(Why); }))
    return std::nullopt;
  // The body, lowered here: its statements as the caller's, then the
  // place its return names.
  std::optional<Target> T;
  lowerInlinedBody(*Def, Body, Before, Object,
                   [&] { T = returnedPlace(RS->getRetValue(), Name, CE); });
  return T;
}

std::optional<BodyLowering::Target>
BodyLowering::returnedPlace(const Expr *E, const std::string &Name,
                            const Expr *Call) {
  E = ignoreParenNoopCasts(E);
  SourceLocation Loc = E->getBeginLoc();
  if (const VarDecl *VD = returnedLocal(E)) {
    fail(Loc, localReferenceMessage(Name, VD), E->getSourceRange());
    return std::nullopt;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (auto It = ElementRefs.find(VD); It != ElementRefs.end())
        return It->second;
  if (isa<AbstractConditionalOperator>(E)) {
    // At the call, which is what the user changes.
    fail(Call->getBeginLoc(),
         "'" + Name + "' returns one of two places chosen by a condition (" +
             "line " + std::to_string(SM.getPresumedLineNumber(Loc)) +
             "); gradc reads such a result, but does not write through it "
             "yet: write each place in a branch ('if (c) a = v; else b = "
             "v;')",
         Call->getSourceRange());
    return std::nullopt;
  }
  if (refHelper(E))
    return lowerRefCallPlace(E);
  return assignTarget(E);
}

} // namespace gradc::frontend
