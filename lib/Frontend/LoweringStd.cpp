//===- LoweringStd.cpp - <algorithm> and <utility> calls on numbers -------===//
//
// What of the standard library gradc lowers itself rather than reading its
// body: std::min, std::max, std::clamp and std::abs of integers (computed,
// no derivative), std::min and std::max of an initializer list (nested
// calls, which return the same element), std::swap of two numbers, and a
// const reference bound to what std::min, std::max or std::clamp returns.
// The IR needs nothing new.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"
#include "Sequencing.h"

namespace gradc::frontend {

using namespace clang;
using ir::MathFn;
using ir::Scalar;
using ir::Value;

namespace {

/// The variables a function body may write, directly or through a
/// reference, pointer or callee; Unknown when a write's target is not a
/// variable.
struct Writes {
  llvm::DenseSet<const VarDecl *> Vars;
  bool Unknown = false;

  void written(const Expr *E) {
    if (const VarDecl *VD = baseVar(E))
      Vars.insert(VD);
    else
      Unknown = true;
  }

  void walk(const Stmt *S) {
    if (!S)
      return;
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D);
            VD && VD->getInit() &&
            (VD->getType()->isReferenceType() ||
             VD->getType()->isPointerType()) &&
            !VD->getType()->getPointeeType().isConstQualified())
          written(VD->getInit());
    if (const auto *BO = dyn_cast<BinaryOperator>(S);
        BO && BO->isAssignmentOp())
      written(BO->getLHS());
    if (const auto *UO = dyn_cast<UnaryOperator>(S);
        UO && (UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf))
      written(UO->getSubExpr());
    if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(S)) {
      const CXXMethodDecl *MD = MCE->getMethodDecl();
      if (!MD || !MD->isConst())
        written(MCE->getImplicitObjectArgument());
    }
    if (const auto *CE = dyn_cast<CallExpr>(S)) {
      const FunctionDecl *Callee = CE->getDirectCallee();
      for (unsigned I = 0; I < CE->getNumArgs(); ++I) {
        QualType PT = Callee && I < Callee->getNumParams()
                          ? Callee->getParamDecl(I)->getType()
                          : CE->getArg(I)->getType();
        if ((PT->isReferenceType() || PT->isPointerType()) &&
            !PT->getPointeeType().isConstQualified())
          written(CE->getArg(I));
      }
    }
    for (const Stmt *Child : S->children())
      walk(Child);
  }

  /// Whether a write may change what E (an lvalue) designates.
  bool mayChange(const Expr *E) const {
    if (!E->isGLValue())
      return false; // a temporary
    const VarDecl *Root = baseVar(E);
    if (!Root || Vars.count(Root))
      return true;
    // A variable itself changes only when written by name (its address
    // taken or a reference bound to it counts as written).
    if (isa<DeclRefExpr>(E->IgnoreParenImpCasts()))
      return false;
    // An element or member: any write through memory may reach it.
    if (Unknown)
      return true;
    for (const VarDecl *VD : Vars) {
      QualType T = VD->getType();
      if (T->isReferenceType() || T->isPointerType() || T->isArrayType() ||
          T->isRecordType())
        return true;
    }
    return false;
  }
};

bool isIntegerCall(const CallExpr *CE, const ASTContext &Ctx) {
  std::optional<Scalar> S = scalarTypeOf(CE->getType(), Ctx);
  return S && !ir::isFloating(*S) && *S != Scalar::Bool;
}

} // namespace

std::optional<Value *> BodyLowering::lowerStdCall(const CallExpr *CE,
                                                  const FunctionDecl &Callee) {
  const IdentifierInfo *II = Callee.getIdentifier();
  const DeclContext *DC = Callee.getDeclContext()->getRedeclContext();
  if (!II || (!DC->isStdNamespace() && !DC->isTranslationUnit()))
    return std::nullopt;
  StringRef Name = II->getName();
  bool InStd = DC->isStdNamespace();
  if (InStd && Name == "swap")
    return lowerSwap(CE);
  if (InStd && Name == "exchange")
    return lowerExchange(CE);
  if (InStd && (Name == "max" || Name == "min") && CE->getNumArgs() == 1)
    if (const auto *IL = dyn_cast<CXXStdInitializerListExpr>(
            ignoreParenNoopCasts(CE->getArg(0))))
      return lowerMinMaxList(
          CE, Name == "max" ? MathFn::StdMax : MathFn::StdMin, IL);
  if (!isIntegerCall(CE, Ctx))
    return std::nullopt;
  // std::abs of an int is C's ::abs, which std names by a using-declaration.
  std::optional<MathFn> Fn = mathFunctionOf(Callee);
  if (Name == "abs" || Name == "labs" || Name == "llabs")
    Fn = MathFn::StdAbs;
  if (!Fn || !ir::isStdFn(*Fn) || CE->getNumArgs() != ir::mathFnArity(*Fn))
    return std::nullopt;
  Scalar S = *scalarTypeOf(CE->getType(), Ctx);
  std::optional<std::vector<Value *>> Args = lowerOperands(CE, S);
  if (!Args)
    return nullptr;
  at(CE->getBeginLoc());
  return B.call(*Fn, std::move(*Args));
}

std::optional<std::vector<Value *>>
BodyLowering::lowerOperands(const CallExpr *CE, Scalar S) {
  std::vector<Value *> Args;
  bool Ok = true;
  for (const Expr *Arg : CE->arguments()) {
    Value *V = lowerExpr(Arg);
    if (!V) {
      Ok = false;
      continue;
    }
    // Every operand of a call has the call's type: std::pow(x, 2) takes 2.0.
    at(Arg->getBeginLoc());
    Args.push_back(convert(V, S, /*Implicit=*/true));
  }
  if (!Ok)
    return std::nullopt;
  return Args;
}

Value *BodyLowering::lowerMinMaxList(const CallExpr *CE, MathFn Fn,
                                     const CXXStdInitializerListExpr *IL) {
  std::optional<Scalar> S = scalarTypeOf(CE->getType(), Ctx);
  const auto *Elems =
      dyn_cast<InitListExpr>(IL->getSubExpr()->IgnoreImplicit());
  if (!S || !Elems || Elems->getNumInits() == 0)
    return fail(CE->getExprLoc(),
                "this call of '" + calleeName(*CE->getDirectCallee()) +
                    "' is not supported; gradc takes the largest or "
                    "smallest of a list of numbers ('std::max({a, b, c})')",
                CE->getSourceRange());
  // std::max({a, b, c}) is std::max(std::max(a, b), c): both return the
  // first of equal elements, so the derivative goes to the same one.
  Value *Acc = nullptr;
  bool Ok = true;
  for (const Expr *E : Elems->inits()) {
    Value *V = expectScalar(lowerExpr(E), E);
    if (!V) {
      Ok = false;
      continue;
    }
    at(E->getBeginLoc());
    V = convert(V, *S, /*Implicit=*/true);
    if (Ok && Acc) {
      at(CE->getBeginLoc());
      V = B.call(Fn, {Acc, V});
    }
    Acc = V;
  }
  return Ok ? Acc : nullptr;
}

Value *BodyLowering::lowerSwap(const CallExpr *CE) {
  if (CE->getNumArgs() == 2 && !scalarTypeOf(CE->getArg(0)->getType(), Ctx) &&
      (CE->getArg(0)->getType()->isArrayType() ||
       containerShape(CE->getArg(0)->getType(), Ctx)))
    return lowerSwapWhole(CE->getArg(0), CE->getArg(1), CE);
  // Pointers that only trade two arrays (TradingPointers.cpp): the arrays
  // trade their contents instead.
  if (CE->getNumArgs() == 2)
    if (auto P = Trading.Arrays.find(pointeeVariable(CE->getArg(0))),
        Q = Trading.Arrays.find(pointeeVariable(CE->getArg(1)));
        P != Trading.Arrays.end() && Q != Trading.Arrays.end())
      return lowerSwapWhole(P->second, Q->second, CE);
  // Other pointers exchanged: each is chosen anew in each step instead,
  // which the moving pointers follow.
  if (CE->getNumArgs() == 2 && CE->getArg(0)->getType()->isPointerType())
    return fail(CE->getExprLoc(),
                "std::swap of these pointers is not supported; gradc "
                "follows two pointers that trade two whole arrays: declared "
                "at the top of the function ('double *src = a, *dst = b;'), "
                "then only read through ('src[i]', '*src', 'f(src)') and "
                "traded with each other, with the arrays not named again; "
                "or choose each by the step's parity where the step begins "
                "('double *cur = t % 2 == 0 ? a : b, *nxt = t % 2 == 0 ? b "
                ": a;'), or swap the arrays themselves ('std::swap(a, b)')",
                CE->getSourceRange());
  if (CE->getNumArgs() != 2 || !scalarTypeOf(CE->getArg(0)->getType(), Ctx))
    return fail(CE->getExprLoc(),
                "std::swap of '" +
                    typeName(CE->getArg(0)->getType().getNonReferenceType()) +
                    "' is not supported; gradc swaps numbers ('std::swap(a, "
                    "b)', 'std::swap(v[i], v[j])') and arrays or containers "
                    "of numbers: swap the members one by one",
                CE->getSourceRange());
  std::optional<Target> A = assignTarget(CE->getArg(0));
  std::optional<Target> Other = assignTarget(CE->getArg(1));
  if (!A || !Other)
    return nullptr;
  Value *VA = readTarget(*A, CE->getArg(0)->getBeginLoc());
  Value *VB = readTarget(*Other, CE->getArg(1)->getBeginLoc());
  if (!VA || !VB)
    return nullptr;
  writeTarget(*A, VB, F.numValues(), CE->getBeginLoc());
  writeTarget(*Other, VA, F.numValues(), CE->getBeginLoc());
  return VA;
}

Value *BodyLowering::lowerExchange(const CallExpr *CE) {
  if (CE->getNumArgs() != 2 || !scalarTypeOf(CE->getType(), Ctx))
    return fail(CE->getExprLoc(),
                "std::exchange of '" +
                    typeName(CE->getArg(0)->getType().getNonReferenceType()) +
                    "' is not supported; gradc exchanges numbers "
                    "('double old = std::exchange(a, b);'): copy the old "
                    "value, then assign",
                CE->getSourceRange());
  // The new value is computed before the old one is read and replaced, as
  // the library's body does it.
  std::optional<Target> T = assignTarget(CE->getArg(0));
  Value *New = expectScalar(lowerExpr(CE->getArg(1)), CE->getArg(1));
  if (!T || !New)
    return nullptr;
  Value *Old = readTarget(*T, CE->getArg(0)->getBeginLoc());
  if (!Old)
    return nullptr;
  unsigned Mark = F.numValues();
  at(CE->getArg(1)->getBeginLoc());
  writeTarget(*T, convert(New, T->S, /*Implicit=*/true), Mark,
              CE->getBeginLoc());
  return Old;
}

std::string BodyLowering::valueAdvice(const VarDecl *VD) {
  std::string Name = VD->getNameAsString();
  std::string Type =
      typeName(VD->getType().getNonReferenceType().getUnqualifiedType());
  return "declare '" + Name + "' as a value ('" + Type + " " + Name +
         " = ...;')";
}

bool BodyLowering::namesStdResult(const VarDecl *VD) {
  if (!VD->getType().getNonReferenceType().isConstQualified())
    return false;
  const auto *CE = dyn_cast<CallExpr>(ignoreParenNoopCasts(VD->getInit()));
  const FunctionDecl *Callee = CE ? CE->getDirectCallee() : nullptr;
  std::optional<MathFn> Fn = Callee ? mathFunctionOf(*Callee) : std::nullopt;
  // A helper of the user's returning `const double &` (`pick(a, b)`,
  // `p.x()`) is read as std::max is.
  const FunctionDecl *Helper = refHelper(VD->getInit());
  bool ConstHelper =
      Helper &&
      Helper->getReturnType().getNonReferenceType().isConstQualified() &&
      returnsValue(*Helper);
  if ((!Fn || !ir::isStdFn(*Fn)) && !ConstHelper)
    return false;
  // The reference names one of the arguments; read as its value, which is
  // what it names as long as nothing writes that argument, and as long as
  // that argument is not a temporary, which ends with the statement.
  std::vector<const Expr *> Args(CE->arguments().begin(),
                                 CE->arguments().end());
  for (const Expr *Arg : Args)
    if (bindsTemporary(Arg)) {
      fail(VD->getLocation(),
           "'" + VD->getNameAsString() + "' may name '" +
               sourceText(Arg->getSourceRange()) + "', a temporary that '" +
               calleeName(*Callee) +
               "' returns a reference to and that ends with this statement "
               "(undefined behaviour); " +
               valueAdvice(VD),
           VD->getSourceRange());
      return true;
    }
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(CE))
    Args.push_back(MCE->getImplicitObjectArgument());
  refuseChangedArgument(VD, Args,
                        "an argument of '" + calleeName(*Callee) + "'");
  return true;
}

bool BodyLowering::refuseChangedArgument(const VarDecl *VD,
                                         ArrayRef<const Expr *> Args,
                                         const std::string &What) {
  Writes W;
  W.walk(FD.getBody());
  for (const Expr *Arg : Args)
    if (W.mayChange(Arg->IgnoreParenImpCasts())) {
      if (isa<DecompositionDecl>(VD)) {
        fail(VD->getLocation(),
             "these bindings name " + What +
                 " that this function also writes, which gradc does not "
                 "follow; bind copies ('double a = x, b = y;', then "
                 "'std::minmax(a, b)')",
             VD->getSourceRange());
        return true;
      }
      fail(VD->getLocation(),
           "'" + VD->getNameAsString() + "' names " + What +
               " that this function also writes, which gradc does not "
               "follow; " +
               valueAdvice(VD),
           VD->getSourceRange());
      return true;
    }
  return false;
}

} // namespace gradc::frontend
