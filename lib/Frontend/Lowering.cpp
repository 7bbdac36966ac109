//===- Lowering.cpp - Clang AST of a function body to IR ------------------===//
//
// Straight-line scalar code only: declarations, assignments and a final
// return, over arithmetic and <cmath> calls. SSA form is built the simple way
// straight-line code allows: a map from each variable to its current value.
// The builder does not fold, so the IR keeps the user's code as written;
// anything not handled is reported at the user's own source location.
//
//===----------------------------------------------------------------------===//
#include "Lowering.h"

#include "Bytes.h"

#include "gradc/IR/Builder.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSwitch.h"

#include <cctype>
#include <cmath>
#include <cstdint>

namespace gradc::frontend {

using namespace clang;
using ir::MathFn;
using ir::OpCode;
using ir::Scalar;
using ir::Value;

//===----------------------------------------------------------------------===//
// Shared helpers
//===----------------------------------------------------------------------===//

Reporter::Reporter(DiagnosticsEngine &Diags)
    : Diags(Diags),
      ErrorID(Diags.getCustomDiagID(DiagnosticsEngine::Error, "%0")),
      WarningID(Diags.getCustomDiagID(DiagnosticsEngine::Warning, "%0")) {}

void Reporter::error(SourceLocation Loc, const std::string &Msg,
                     SourceRange Range) {
  if (Silent)
    return;
  ++NumErrors;
  auto D = Diags.Report(Loc, ErrorID);
  D << Msg;
  if (Range.isValid())
    D << Range;
}

void Reporter::warning(SourceLocation Loc, const std::string &Msg,
                       SourceRange Range) {
  if (Silent)
    return;
  auto D = Diags.Report(Loc, WarningID);
  D << Msg;
  if (Range.isValid())
    D << Range;
}

std::optional<Scalar> scalarTypeOf(QualType T, const ASTContext &Ctx) {
  if (T.isNull())
    return std::nullopt;
  T = T.getCanonicalType().getUnqualifiedType();
  if (const auto *ET = T->getAs<EnumType>()) {
    const EnumDecl *ED = ET->getDecl();
    if (!ED->isComplete() || ED->getIntegerType().isNull())
      return std::nullopt;
    T = ED->getIntegerType().getCanonicalType().getUnqualifiedType();
  }
  const auto *BT = dyn_cast<BuiltinType>(T.getTypePtr());
  if (!BT)
    return std::nullopt;
  switch (BT->getKind()) {
  case BuiltinType::Float:
    return Scalar::Float32;
  case BuiltinType::Double:
    return Scalar::Float64;
  case BuiltinType::LongDouble:
    return Scalar::Float80;
  case BuiltinType::Bool:
    return Scalar::Bool;
  default:
    break;
  }
  if (!BT->isInteger())
    return std::nullopt;
  // The IR has 32- and 64-bit integers; narrower ones are promoted to int by
  // C++ anyway before any arithmetic.
  uint64_t Bits = Ctx.getTypeSize(T);
  bool Signed = BT->isSignedInteger();
  if (Bits <= 32)
    return Signed ? Scalar::Int32 : Scalar::UInt32;
  if (Bits <= 64)
    return Signed ? Scalar::Int64 : Scalar::UInt64;
  return std::nullopt;
}

ir::SourceLoc sourceLocOf(SourceLocation Loc, const SourceManager &SM) {
  if (Loc.isInvalid())
    return {};
  PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(Loc));
  if (P.isInvalid())
    return {};
  return {P.getLine(), P.getColumn()};
}

namespace {

/// The C functions of <cmath> the IR knows, by their double-precision name.
std::optional<MathFn> cmathFunction(StringRef Name) {
  return llvm::StringSwitch<std::optional<MathFn>>(Name)
      .Case("exp", MathFn::Exp)
      .Case("log", MathFn::Log)
      .Case("log10", MathFn::Log10)
      .Case("log2", MathFn::Log2)
      .Case("log1p", MathFn::Log1p)
      .Case("expm1", MathFn::Expm1)
      .Case("sqrt", MathFn::Sqrt)
      .Case("cbrt", MathFn::Cbrt)
      .Case("pow", MathFn::Pow)
      .Case("sin", MathFn::Sin)
      .Case("cos", MathFn::Cos)
      .Case("tan", MathFn::Tan)
      .Case("asin", MathFn::Asin)
      .Case("acos", MathFn::Acos)
      .Case("atan", MathFn::Atan)
      .Case("atan2", MathFn::Atan2)
      .Case("sinh", MathFn::Sinh)
      .Case("cosh", MathFn::Cosh)
      .Case("tanh", MathFn::Tanh)
      .Case("fabs", MathFn::Fabs)
      .Case("fmax", MathFn::Fmax)
      .Case("fmin", MathFn::Fmin)
      .Case("hypot", MathFn::Hypot)
      .Case("erf", MathFn::Erf)
      .Default(std::nullopt);
}

/// The math function a call to Callee is, if gradc knows it: a <cmath>
/// function (also with C's f / l suffixes) in the global namespace or std,
/// or std::max / std::min / std::abs.
std::optional<MathFn> mathFunctionOf(const FunctionDecl &Callee) {
  const IdentifierInfo *II = Callee.getIdentifier();
  if (!II)
    return std::nullopt;
  const DeclContext *DC = Callee.getDeclContext()->getRedeclContext();
  bool InStd = DC->isStdNamespace();
  if (!InStd && !DC->isTranslationUnit())
    return std::nullopt;
  StringRef Name = II->getName();
  if (InStd) {
    if (Name == "max")
      return MathFn::StdMax;
    if (Name == "min")
      return MathFn::StdMin;
    if (Name == "abs")
      return MathFn::StdAbs;
  }
  if (std::optional<MathFn> Fn = cmathFunction(Name))
    return Fn;
  if (Name.ends_with("f") || Name.ends_with("l"))
    return cmathFunction(Name.drop_back());
  return std::nullopt;
}

/// How a user names Callee in a message: `foo`, or `std::foo` for the
/// standard library.
std::string calleeName(const FunctionDecl &Callee) {
  std::string Name = Callee.getNameAsString();
  if (Callee.getDeclContext()->getRedeclContext()->isStdNamespace())
    return "std::" + Name;
  return Name;
}

/// Why an expression of class E cannot be lowered, in the user's words.
std::string unsupportedExprMessage(const Expr *E, const ASTContext &Ctx) {
  if (isa<AbstractConditionalOperator>(E))
    return "the conditional operator is not supported yet";
  if (isa<LambdaExpr>(E))
    return "lambda expressions are not supported";
  if (isa<CXXNewExpr>(E))
    return "'new' expressions are not supported";
  if (isa<CXXDeleteExpr>(E))
    return "'delete' expressions are not supported";
  if (isa<CXXThrowExpr>(E))
    return "'throw' expressions are not supported";
  if (isa<StringLiteral>(E))
    return "string literals are not supported";
  if (isa<ArraySubscriptExpr>(E))
    return "array subscripts are not supported yet";
  if (isa<MemberExpr>(E))
    return "member access is not supported yet";
  if (isa<CXXThisExpr>(E))
    return "'this' is not supported";
  if (isa<StmtExpr>(E))
    return "statement expressions are not supported";
  if (isa<CXXDefaultArgExpr>(E))
    return "default arguments are not supported";
  if (isa<VAArgExpr>(E))
    return "'va_arg' is not supported";
  if (isa<CXXTypeidExpr>(E))
    return "'typeid' is not supported";
  if (isa<InitListExpr, CXXStdInitializerListExpr>(E))
    return "initializer lists are not supported";
  if (isa<CompoundLiteralExpr>(E))
    return "compound literals are not supported";
  if (isa<ImaginaryLiteral>(E))
    return "imaginary literals are not supported";
  if (isa<CXXConstructExpr>(E))
    return "constructing a value of type '" +
           E->getType().getAsString(Ctx.getPrintingPolicy()) +
           "' is not supported";
  return std::string("this kind of expression is not supported (") +
         E->getStmtClassName() + ")";
}

/// Why a statement of class S cannot be lowered, in the user's words.
std::string unsupportedStmtMessage(const Stmt *S) {
  const char *What = nullptr;
  bool ControlFlow = true;
  if (isa<IfStmt>(S))
    What = "'if' statements";
  else if (isa<ForStmt>(S))
    What = "'for' loops";
  else if (isa<CXXForRangeStmt>(S))
    What = "range-based 'for' loops";
  else if (isa<WhileStmt>(S))
    What = "'while' loops";
  else if (isa<DoStmt>(S))
    What = "'do' loops";
  else if (isa<SwitchStmt>(S))
    What = "'switch' statements";
  else if (isa<GotoStmt, IndirectGotoStmt>(S))
    What = "'goto' statements";
  else if (isa<LabelStmt>(S))
    What = "labels";
  else if (isa<BreakStmt>(S))
    What = "'break' statements";
  else if (isa<ContinueStmt>(S))
    What = "'continue' statements";
  else {
    ControlFlow = false;
    if (isa<CXXTryStmt>(S))
      What = "'try' blocks";
    else if (isa<AsmStmt>(S))
      What = "inline assembly statements";
    else if (isa<CoroutineBodyStmt, CoreturnStmt>(S))
      What = "coroutines";
  }
  if (!What)
    return std::string("this kind of statement is not supported (") +
           S->getStmtClassName() + ")";
  return std::string(What) + " are not supported yet" +
         (ControlFlow ? " (control flow arrives in a later version)" : "");
}

/// True for statements that do nothing: `;` and blocks of them.
bool isEmptyStmt(const Stmt *S) {
  if (isa<NullStmt>(S))
    return true;
  if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
    for (const Stmt *Child : CS->body())
      if (!isEmptyStmt(Child))
        return false;
    return true;
  }
  return false;
}

//===----------------------------------------------------------------------===//
// BodyLowering
//===----------------------------------------------------------------------===//

class BodyLowering {
public:
  BodyLowering(const FunctionDecl &FD, ASTContext &Ctx, ir::Function &F,
               Reporter &R)
      : FD(FD), Ctx(Ctx), SM(Ctx.getSourceManager()), LO(Ctx.getLangOpts()),
        F(F), B(F, F.Body, /*Fold=*/false), R(R) {}

  bool run(ArrayRef<Value *> ParamValues);

private:
  // Statements.
  void lowerBlock(const CompoundStmt *CS);
  void lowerStmt(const Stmt *S);
  int addStatement(const Stmt *S);
  void lowerDeclStmt(const DeclStmt *DS);
  void lowerVarDecl(const VarDecl *VD);
  void lowerReturn(const ReturnStmt *RS);
  void lowerExprStmt(const Expr *E);
  void lowerAssign(const BinaryOperator *BO);
  void lowerCompoundAssign(const CompoundAssignOperator *CAO);
  void lowerIncDec(const UnaryOperator *UO);

  // Expressions. Each returns nullptr after reporting an error (or silently,
  // when it uses a variable whose own error has been reported).
  Value *lowerExpr(const Expr *E);
  Value *lowerImplicitCast(const ImplicitCastExpr *ICE);
  Value *lowerExplicitCast(const ExplicitCastExpr *ECE);
  Value *lowerConversion(const CastExpr *CE, bool Implicit);
  Value *lowerDeclRef(const DeclRefExpr *DRE);
  Value *lowerGlobalConstant(const DeclRefExpr *DRE, const VarDecl *VD);
  Value *lowerUnary(const UnaryOperator *UO);
  Value *lowerBinary(const BinaryOperator *BO);
  Value *lowerCall(const CallExpr *CE);
  Value *lowerConstantExpr(const Expr *E);
  Value *lowerLiteral(const Expr *E);

  // Variables.
  const VarDecl *assignTarget(const Expr *LHS);
  Value *readVar(const VarDecl *VD, SourceLocation Loc);
  void bind(const VarDecl *VD, Value *V, unsigned Mark, SourceLocation Loc);
  void poison(const VarDecl *VD) { Poisoned.insert(VD); }
  /// True when E names a variable whose error has been reported.
  bool isPoisonedRef(const Expr *E) const;

  // Values.
  Value *convert(Value *V, Scalar To, bool Implicit);
  Value *foldConstant(Value *C, Scalar To);
  Value *makeConstant(Scalar S, double FVal, std::int64_t IVal,
                      std::string Text);
  std::optional<Scalar> typeOf(const Expr *E);

  // Locations and text.
  void at(SourceLocation Loc) { B.setOrigin(CurStmt, sourceLocOf(Loc, SM)); }
  std::string spellingOf(SourceLocation Loc);
  std::string sourceText(SourceRange Range);
  std::string typeName(QualType T) {
    return T.getAsString(Ctx.getPrintingPolicy());
  }
  std::string functionName() const { return FD.getNameAsString(); }

  Value *fail(SourceLocation Loc, const std::string &Msg,
              SourceRange Range = {}) {
    R.error(Loc, Msg, Range);
    Failed = true;
    return nullptr;
  }

  const FunctionDecl &FD;
  ASTContext &Ctx;
  const SourceManager &SM;
  const LangOptions &LO;
  ir::Function &F;
  ir::Builder B;
  Reporter &R;

  /// The current value of each parameter and local; nullptr while a local
  /// is declared but not yet assigned.
  llvm::DenseMap<const VarDecl *, Value *> Vars;
  /// Variables whose declaration or last assignment failed to lower: their
  /// uses are skipped silently rather than reported again.
  llvm::DenseSet<const VarDecl *> Poisoned;
  int CurStmt = -1;
  /// While lowering the operand of an explicit cast: where the cast is.
  SourceLocation ExplicitCastLoc;
  bool Failed = false;
  bool Returned = false;
  bool ReportedCodeAfterReturn = false;
};

bool BodyLowering::run(ArrayRef<Value *> ParamValues) {
  for (unsigned I = 0, N = FD.getNumParams(); I < N; ++I) {
    const ParmVarDecl *PVD = FD.getParamDecl(I);
    if (I < ParamValues.size() && ParamValues[I])
      Vars[PVD] = ParamValues[I];
    else
      poison(PVD);
  }
  const Stmt *Body = FD.getBody();
  if (!Body) {
    fail(FD.getLocation(), "'" + functionName() + "' has no body");
    return false;
  }
  const auto *CS = dyn_cast<CompoundStmt>(Body);
  if (!CS) {
    // A function-try-block.
    fail(Body->getBeginLoc(), unsupportedStmtMessage(Body));
    return false;
  }
  lowerBlock(CS);
  // A void function has its own error; a missing return would be noise.
  if (!Returned && !FD.getReturnType()->isVoidType())
    fail(CS->getRBracLoc(),
         "'" + functionName() + "' must end with a return statement");
  return !Failed;
}

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

void BodyLowering::lowerBlock(const CompoundStmt *CS) {
  for (const Stmt *S : CS->body())
    lowerStmt(S);
}

void BodyLowering::lowerStmt(const Stmt *S) {
  if (Returned) {
    // Until control flow exists, a return can only end the function.
    if (isEmptyStmt(S) || ReportedCodeAfterReturn)
      return;
    ReportedCodeAfterReturn = true;
    fail(S->getBeginLoc(), "code after 'return' is not supported yet",
         S->getSourceRange());
    return;
  }
  if (const auto *CS = dyn_cast<CompoundStmt>(S))
    return lowerBlock(CS);
  if (isa<NullStmt>(S))
    return;
  if (const auto *AS = dyn_cast<AttributedStmt>(S)) // [[likely]], ...
    return lowerStmt(AS->getSubStmt());
  CurStmt = addStatement(S);
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    return lowerDeclStmt(DS);
  if (const auto *RS = dyn_cast<ReturnStmt>(S))
    return lowerReturn(RS);
  if (const auto *E = dyn_cast<Expr>(S))
    return lowerExprStmt(E);
  fail(S->getBeginLoc(), unsupportedStmtMessage(S));
}

int BodyLowering::addStatement(const Stmt *S) {
  ir::Statement St;
  St.Loc = sourceLocOf(S->getBeginLoc(), SM);
  CharSourceRange Range = SM.getExpansionRange(S->getSourceRange());
  bool Invalid = false;
  StringRef Text = Lexer::getSourceText(Range, SM, LO, &Invalid);
  if (!Invalid) {
    St.Text = bytes::collapseBlanks(Text);
    // The ';' ending an expression or a return is not part of its range.
    if (!St.Text.empty() && St.Text.back() != ';' && St.Text.back() != '}') {
      std::optional<Token> Next = Lexer::findNextToken(Range.getEnd(), SM, LO);
      if (Next && Next->is(tok::semi))
        St.Text += ';';
    }
  }
  F.Stmts.push_back(std::move(St));
  return static_cast<int>(F.Stmts.size() - 1);
}

void BodyLowering::lowerDeclStmt(const DeclStmt *DS) {
  for (const Decl *D : DS->decls()) {
    if (isa<DecompositionDecl>(D)) {
      fail(D->getLocation(), "structured bindings are not supported");
      continue;
    }
    if (const auto *VD = dyn_cast<VarDecl>(D)) {
      lowerVarDecl(VD);
      continue;
    }
    // Declarations that produce no code.
    if (isa<TypedefNameDecl, UsingDecl, UsingDirectiveDecl, UsingEnumDecl,
            StaticAssertDecl, TagDecl, NamespaceAliasDecl, FunctionDecl>(D))
      continue;
    fail(D->getLocation(), "this declaration is not supported");
  }
}

void BodyLowering::lowerVarDecl(const VarDecl *VD) {
  SourceLocation Loc = VD->getLocation();
  std::string Name = VD->getNameAsString();
  if (!VD->hasLocalStorage()) {
    poison(VD);
    fail(Loc, VD->isStaticLocal()
                  ? "static local variable '" + Name + "' is not supported"
                  : "local declaration of '" + Name + "' is not supported");
    return;
  }
  QualType T = VD->getType();
  std::optional<Scalar> S = scalarTypeOf(T, Ctx);
  std::string Problem;
  if (T->isReferenceType())
    Problem = "reference variables are not supported yet";
  else if (T->isPointerType())
    Problem = "pointer variables are not supported yet";
  else if (T->isArrayType())
    Problem = "arrays are not supported yet";
  else if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
           RD && RD->isLambda())
    Problem = "lambda expressions are not supported";
  else if (T->isRecordType())
    Problem =
        "variables of class type '" + typeName(T) + "' are not supported yet";
  else if (T->isEnumeralType())
    Problem = "enum variables are not supported yet";
  else if (T.isVolatileQualified())
    Problem = "volatile variables are not supported";
  else if (!S)
    Problem = "variables of type '" + typeName(T) + "' are not supported";
  if (!Problem.empty()) {
    poison(VD);
    fail(Loc, Problem, VD->getSourceRange());
    return;
  }
  const Expr *Init = VD->getInit();
  if (!Init) {
    Vars[VD] = nullptr;
    Poisoned.erase(VD);
    return;
  }
  // In scope, but unassigned, in its own initializer: `double y = y;`.
  Vars[VD] = nullptr;
  unsigned Mark = F.numValues();
  Value *V = lowerExpr(Init);
  if (!V) {
    poison(VD);
    return;
  }
  at(Init->getBeginLoc());
  bind(VD, convert(V, *S, /*Implicit=*/true), Mark, Loc);
}

void BodyLowering::lowerReturn(const ReturnStmt *RS) {
  Returned = true;
  const Expr *E = RS->getRetValue();
  if (!E) {
    fail(RS->getBeginLoc(), "'" + functionName() + "' must return a value");
    return;
  }
  Value *V = lowerExpr(E);
  if (!V)
    return;
  at(RS->getBeginLoc());
  if (F.RetTy.isScalar())
    V = convert(V, F.RetTy.scalarKind(), /*Implicit=*/true);
  B.ret(V);
}

void BodyLowering::lowerExprStmt(const Expr *E) {
  E = E->IgnoreParens();
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
    E = EWC->getSubExpr()->IgnoreParens();
  if (const auto *CAO = dyn_cast<CompoundAssignOperator>(E))
    return lowerCompoundAssign(CAO);
  if (const auto *BO = dyn_cast<BinaryOperator>(E);
      BO && BO->getOpcode() == BO_Assign)
    return lowerAssign(BO);
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->isIncrementDecrementOp())
    return lowerIncDec(UO);
  // `(void)x;` evaluates x for nothing.
  if (const auto *CE = dyn_cast<ExplicitCastExpr>(E);
      CE && CE->getCastKind() == CK_ToVoid)
    E = CE->getSubExpr();
  // Lowered only to report what it contains; nothing can use its ops.
  size_t Before = F.Body.Ops.size();
  lowerExpr(E);
  F.Body.Ops.resize(Before);
}

const VarDecl *BodyLowering::assignTarget(const Expr *LHS) {
  LHS = LHS->IgnoreParens();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(LHS)) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
      if (Poisoned.count(VD)) {
        Failed = true;
        return nullptr;
      }
      if (Vars.count(VD))
        return VD;
      fail(DRE->getLocation(), "assignment to global variable '" +
                                   VD->getNameAsString() +
                                   "' is not supported");
      return nullptr;
    }
  }
  const char *What = "this expression";
  if (isa<ArraySubscriptExpr>(LHS))
    What = "an array element";
  else if (isa<MemberExpr>(LHS))
    What = "a member";
  else if (const auto *UO = dyn_cast<UnaryOperator>(LHS);
           UO && UO->getOpcode() == UO_Deref)
    What = "a dereferenced pointer";
  fail(LHS->getBeginLoc(),
       std::string("assignment to ") + What + " is not supported yet",
       LHS->getSourceRange());
  return nullptr;
}

void BodyLowering::lowerAssign(const BinaryOperator *BO) {
  const VarDecl *VD = assignTarget(BO->getLHS());
  unsigned Mark = F.numValues();
  // Lowered even when the target is wrong, to report its problems too.
  Value *V = lowerExpr(BO->getRHS());
  if (!VD)
    return;
  if (!V)
    return poison(VD);
  at(BO->getRHS()->getBeginLoc());
  bind(VD, convert(V, *scalarTypeOf(VD->getType(), Ctx), /*Implicit=*/true),
       Mark, BO->getBeginLoc());
}

void BodyLowering::lowerCompoundAssign(const CompoundAssignOperator *CAO) {
  BinaryOperatorKind Op = CAO->getOpcode();
  OpCode Code;
  switch (Op) {
  case BO_AddAssign:
    Code = OpCode::Add;
    break;
  case BO_SubAssign:
    Code = OpCode::Sub;
    break;
  case BO_MulAssign:
    Code = OpCode::Mul;
    break;
  case BO_DivAssign:
    Code = OpCode::Div;
    break;
  case BO_RemAssign:
    Code = OpCode::Rem;
    break;
  default:
    fail(CAO->getOperatorLoc(),
         "compound assignment '" + CAO->getOpcodeStr().str() +
             "' is not supported yet",
         CAO->getSourceRange());
    return;
  }
  const VarDecl *VD = assignTarget(CAO->getLHS());
  Value *Cur = nullptr;
  if (VD)
    Cur = readVar(VD, CAO->getLHS()->getExprLoc());
  unsigned Mark = F.numValues();
  Value *Rhs = lowerExpr(CAO->getRHS());
  if (!VD)
    return;
  if (!Cur || !Rhs)
    return poison(VD);
  // C++ computes `v op= e` in the computation type, then converts back.
  std::optional<Scalar> CompTy =
      scalarTypeOf(CAO->getComputationLHSType(), Ctx);
  std::optional<Scalar> ResultTy =
      scalarTypeOf(CAO->getComputationResultType(), Ctx);
  if (!CompTy || !ResultTy || *CompTy != *ResultTy ||
      (Code == OpCode::Rem && !ir::isInteger(*CompTy))) {
    poison(VD);
    fail(CAO->getOperatorLoc(),
         "compound assignment '" + CAO->getOpcodeStr().str() + "' on type '" +
             typeName(CAO->getComputationLHSType()) + "' is not supported",
         CAO->getSourceRange());
    return;
  }
  at(CAO->getBeginLoc());
  Value *L = convert(Cur, *CompTy, /*Implicit=*/true);
  Value *RV = convert(Rhs, *CompTy, /*Implicit=*/true);
  Value *Res = nullptr;
  switch (Code) {
  case OpCode::Add:
    Res = B.add(L, RV);
    break;
  case OpCode::Sub:
    Res = B.sub(L, RV);
    break;
  case OpCode::Mul:
    Res = B.mul(L, RV);
    break;
  case OpCode::Div:
    Res = B.div(L, RV);
    break;
  default:
    Res = B.rem(L, RV);
    break;
  }
  Res = convert(Res, *scalarTypeOf(VD->getType(), Ctx), /*Implicit=*/true);
  bind(VD, Res, Mark, CAO->getBeginLoc());
}

void BodyLowering::lowerIncDec(const UnaryOperator *UO) {
  const VarDecl *VD = assignTarget(UO->getSubExpr());
  if (!VD)
    return;
  Value *Cur = readVar(VD, UO->getSubExpr()->getExprLoc());
  if (!Cur)
    return poison(VD);
  Scalar S = Cur->Ty.scalarKind();
  if (S == Scalar::Bool) {
    poison(VD);
    fail(UO->getOperatorLoc(), "incrementing a bool is not supported");
    return;
  }
  unsigned Mark = F.numValues();
  at(UO->getBeginLoc());
  Value *One = makeConstant(S, 1, 1, "1");
  Value *Res = UO->isIncrementOp() ? B.add(Cur, One) : B.sub(Cur, One);
  bind(VD, Res, Mark, UO->getBeginLoc());
}

//===----------------------------------------------------------------------===//
// Variables
//===----------------------------------------------------------------------===//

Value *BodyLowering::readVar(const VarDecl *VD, SourceLocation Loc) {
  if (Poisoned.count(VD)) {
    Failed = true;
    return nullptr;
  }
  auto It = Vars.find(VD);
  if (It == Vars.end())
    return fail(Loc, "use of '" + VD->getNameAsString() + "' is not supported");
  if (!It->second) {
    // Reported once; later uses would only repeat it.
    poison(VD);
    return fail(Loc, "'" + VD->getNameAsString() +
                         "' is used before it is assigned");
  }
  return It->second;
}

void BodyLowering::bind(const VarDecl *VD, Value *V, unsigned Mark,
                        SourceLocation Loc) {
  // A value computed by this very statement becomes the variable; anything
  // older (a parameter, another variable, an earlier constant) is copied, so
  // that every version of every variable is a value of its own.
  bool Fresh = V->Code != OpCode::Param && V->Name.empty() && V->Id >= Mark;
  if (!Fresh) {
    at(Loc);
    V = B.copy(V);
  }
  V->Name = VD->getNameAsString();
  Vars[VD] = V;
  Poisoned.erase(VD);
}

//===----------------------------------------------------------------------===//
// Values
//===----------------------------------------------------------------------===//

std::optional<Scalar> BodyLowering::typeOf(const Expr *E) {
  std::optional<Scalar> S = scalarTypeOf(E->getType(), Ctx);
  if (!S)
    fail(E->getExprLoc(),
         "values of type '" + typeName(E->getType()) + "' are not supported",
         E->getSourceRange());
  return S;
}

Value *BodyLowering::makeConstant(Scalar S, double FVal, std::int64_t IVal,
                                  std::string Text) {
  Value *C = B.constant(0, S, std::move(Text));
  if (ir::isFloating(S))
    C->FVal = FVal;
  else
    C->IVal = S == Scalar::Bool ? (IVal != 0) : IVal;
  return C;
}

Value *BodyLowering::convert(Value *V, Scalar To, bool Implicit) {
  if (V->Ty == ir::Type::scalar(To))
    return V;
  if (V->isConst())
    return foldConstant(V, To);
  Value *C = B.cast(V, To);
  // The emitter may leave an implicit conversion unwritten, as the user did.
  if (Implicit && C != V && C->Code == OpCode::Cast)
    C->IVal = 1;
  return C;
}

Value *BodyLowering::foldConstant(Value *C, Scalar To) {
  Scalar From = C->Ty.scalarKind();
  double Src = From == Scalar::UInt64
                   ? static_cast<double>(static_cast<std::uint64_t>(C->IVal))
                   : C->constValue();
  double FVal = 0;
  std::int64_t IVal = 0;
  double Result = 0;
  if (ir::isFloating(To)) {
    FVal = To == Scalar::Float32 ? static_cast<double>(static_cast<float>(Src))
                                 : Src;
    Result = FVal;
  } else if (To == Scalar::Bool) {
    IVal = Src != 0;
    Result = static_cast<double>(IVal);
  } else {
    if (ir::isFloating(From)) {
      // Out of range is undefined behaviour in C++; any value will do.
      if (std::isfinite(Src) && std::fabs(Src) < 9.2e18)
        IVal = static_cast<std::int64_t>(Src);
    } else {
      IVal = C->IVal;
    }
    switch (To) {
    case Scalar::Int32:
      IVal = static_cast<std::int32_t>(static_cast<std::uint32_t>(IVal));
      Result = static_cast<double>(IVal);
      break;
    case Scalar::UInt32:
      IVal = static_cast<std::uint32_t>(IVal);
      Result = static_cast<double>(IVal);
      break;
    case Scalar::UInt64:
      Result = static_cast<double>(static_cast<std::uint64_t>(IVal));
      break;
    default:
      Result = static_cast<double>(IVal);
      break;
    }
  }
  // Keep the user's spelling (`1` in `1 + exp(-y)`) where it still means the
  // same number; the emitter decides whether it can be printed as is.
  std::string Text;
  bool Numeric = !C->Text.empty() &&
                 (std::isdigit(static_cast<unsigned char>(C->Text[0])) ||
                  C->Text[0] == '.');
  if (Numeric && From != Scalar::Bool && To != Scalar::Bool && Result == Src)
    Text = C->Text;
  // An unnamed constant at the end of the block was made for this
  // conversion alone; nothing else refers to it.
  if (C->Name.empty() && !F.Body.Ops.empty() && F.Body.Ops.back() == C)
    F.Body.Ops.pop_back();
  return makeConstant(To, FVal, IVal, std::move(Text));
}

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

std::string BodyLowering::spellingOf(SourceLocation Loc) {
  bool Invalid = false;
  StringRef Text = Lexer::getSourceText(
      CharSourceRange::getTokenRange(SM.getSpellingLoc(Loc)), SM, LO, &Invalid);
  return Invalid ? std::string() : Text.str();
}

std::string BodyLowering::sourceText(SourceRange Range) {
  bool Invalid = false;
  StringRef Text =
      Lexer::getSourceText(SM.getExpansionRange(Range), SM, LO, &Invalid);
  return Invalid ? std::string() : bytes::collapseBlanks(Text);
}

Value *BodyLowering::lowerExpr(const Expr *E) {
  if (!E)
    return nullptr;
  // Wrappers that compute nothing.
  if (const auto *PE = dyn_cast<ParenExpr>(E))
    return lowerExpr(PE->getSubExpr());
  if (const auto *FE = dyn_cast<FullExpr>(E)) // ConstantExpr, ExprWithCleanups
    return lowerExpr(FE->getSubExpr());
  if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
    return lowerExpr(MTE->getSubExpr());
  if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(E))
    return lowerExpr(BTE->getSubExpr());

  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E))
    return lowerImplicitCast(ICE);
  if (const auto *ECE = dyn_cast<ExplicitCastExpr>(E))
    return lowerExplicitCast(ECE);
  if (isa<FloatingLiteral, IntegerLiteral, CharacterLiteral,
          CXXBoolLiteralExpr>(E))
    return lowerLiteral(E);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return lowerDeclRef(DRE);
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return lowerUnary(UO);
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    return lowerBinary(BO);
  if (const auto *CE = dyn_cast<CallExpr>(E))
    return lowerCall(CE);
  if (isa<UnaryExprOrTypeTraitExpr, TypeTraitExpr, CXXNoexceptExpr,
          ArrayTypeTraitExpr, ExpressionTraitExpr>(E))
    return lowerConstantExpr(E);
  if (isa<ImplicitValueInitExpr, CXXScalarValueInitExpr>(E)) {
    std::optional<Scalar> S = typeOf(E);
    if (!S)
      return nullptr;
    at(E->getBeginLoc());
    return makeConstant(*S, 0, 0, "");
  }
  // `double a{x};` and `double a = {x};`.
  if (const auto *ILE = dyn_cast<InitListExpr>(E);
      ILE && scalarTypeOf(ILE->getType(), Ctx) && ILE->getNumInits() <= 1) {
    if (ILE->getNumInits() == 1)
      return lowerExpr(ILE->getInit(0));
    at(E->getBeginLoc());
    return makeConstant(*scalarTypeOf(ILE->getType(), Ctx), 0, 0, "");
  }
  // `w[0]` on a pointer parameter already reported says nothing new.
  const Expr *Base = nullptr;
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
    Base = ASE->getBase();
  else if (const auto *ME = dyn_cast<MemberExpr>(E))
    Base = ME->getBase();
  if (Base && isPoisonedRef(Base)) {
    Failed = true;
    return nullptr;
  }
  return fail(E->getExprLoc(), unsupportedExprMessage(E, Ctx),
              E->getSourceRange());
}

bool BodyLowering::isPoisonedRef(const Expr *E) const {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return VD && Poisoned.count(VD);
}

Value *BodyLowering::lowerLiteral(const Expr *E) {
  std::optional<Scalar> S = typeOf(E);
  if (!S)
    return nullptr;
  at(E->getBeginLoc());
  if (const auto *FL = dyn_cast<FloatingLiteral>(E))
    return makeConstant(*S, FL->getValueAsApproximateDouble(), 0,
                        spellingOf(FL->getLocation()));
  if (const auto *IL = dyn_cast<IntegerLiteral>(E)) {
    llvm::APInt V = IL->getValue();
    if (V.getBitWidth() > 64)
      return fail(IL->getLocation(), "integer literals wider than 64 bits "
                                     "are not supported");
    bool Signed = IL->getType()->isSignedIntegerType();
    std::int64_t I =
        Signed ? V.getSExtValue() : static_cast<std::int64_t>(V.getZExtValue());
    return makeConstant(*S, 0, I, spellingOf(IL->getLocation()));
  }
  if (const auto *CL = dyn_cast<CharacterLiteral>(E))
    return makeConstant(*S, 0, CL->getValue(), spellingOf(CL->getLocation()));
  const auto *BL = cast<CXXBoolLiteralExpr>(E);
  return makeConstant(*S, 0, BL->getValue(), BL->getValue() ? "true" : "false");
}

Value *BodyLowering::lowerImplicitCast(const ImplicitCastExpr *ICE) {
  switch (ICE->getCastKind()) {
  case CK_LValueToRValue:
  case CK_NoOp:
    return lowerExpr(ICE->getSubExpr());
  case CK_IntegralToFloating:
  case CK_FloatingCast:
  case CK_FloatingToIntegral:
  case CK_IntegralCast:
  case CK_IntegralToBoolean:
  case CK_FloatingToBoolean:
  case CK_BooleanToSignedIntegral:
    // Clang spells `(double)n` as a no-op cast around an implicit one.
    return lowerConversion(ICE, /*Implicit=*/!ICE->isPartOfExplicitCast());
  default:
    break;
  }
  // The operand's own error usually names the real problem (a global array,
  // a function used as a value); report the conversion only if it has none.
  if (!lowerExpr(ICE->getSubExpr()))
    return nullptr;
  return fail(ICE->getExprLoc(),
              std::string("implicit conversion '") + ICE->getCastKindName() +
                  "' is not supported",
              ICE->getSourceRange());
}

Value *BodyLowering::lowerExplicitCast(const ExplicitCastExpr *ECE) {
  if (isa<CStyleCastExpr, CXXStaticCastExpr, CXXFunctionalCastExpr>(ECE)) {
    switch (ECE->getCastKind()) {
    case CK_NoOp:
    case CK_LValueToRValue: {
      // The conversion itself is an implicit cast marked as part of this
      // one; it is located here.
      SourceLocation Saved = ExplicitCastLoc;
      ExplicitCastLoc = ECE->getBeginLoc();
      Value *V = lowerExpr(ECE->getSubExpr());
      ExplicitCastLoc = Saved;
      return V;
    }
    case CK_IntegralToFloating:
    case CK_FloatingCast:
    case CK_FloatingToIntegral:
    case CK_IntegralCast:
    case CK_IntegralToBoolean:
    case CK_FloatingToBoolean:
      return lowerConversion(ECE, /*Implicit=*/false);
    default:
      break;
    }
  }
  std::string Kind = "this cast";
  if (isa<CXXReinterpretCastExpr>(ECE))
    Kind = "'reinterpret_cast'";
  else if (isa<CXXConstCastExpr>(ECE))
    Kind = "'const_cast'";
  else if (isa<CXXDynamicCastExpr>(ECE))
    Kind = "'dynamic_cast'";
  else if (ECE->getCastKind() == CK_ToVoid)
    Kind = "a cast to 'void'";
  return fail(ECE->getBeginLoc(),
              Kind + " to '" + typeName(ECE->getTypeAsWritten()) +
                  "' is not supported",
              ECE->getSourceRange());
}

Value *BodyLowering::lowerConversion(const CastExpr *CE, bool Implicit) {
  Value *V = lowerExpr(CE->getSubExpr());
  if (!V)
    return nullptr;
  std::optional<Scalar> S = typeOf(CE);
  if (!S)
    return nullptr;
  at(Implicit || ExplicitCastLoc.isInvalid() ? CE->getBeginLoc()
                                             : ExplicitCastLoc);
  return convert(V, *S, Implicit);
}

Value *BodyLowering::lowerDeclRef(const DeclRefExpr *DRE) {
  const ValueDecl *D = DRE->getDecl();
  std::string Name = D->getNameAsString();
  if (const auto *VD = dyn_cast<VarDecl>(D)) {
    if (Vars.count(VD) || Poisoned.count(VD))
      return readVar(VD, DRE->getLocation());
    if (VD->hasLocalStorage())
      return fail(DRE->getLocation(), "use of '" + Name + "' is not supported",
                  DRE->getSourceRange());
    return lowerGlobalConstant(DRE, VD);
  }
  if (const auto *ECD = dyn_cast<EnumConstantDecl>(D)) {
    std::optional<Scalar> S = typeOf(DRE);
    if (!S)
      return nullptr;
    const llvm::APSInt &V = ECD->getInitVal();
    if (V.getBitWidth() > 64)
      return fail(DRE->getLocation(),
                  "enumerator '" + Name + "' is too wide to be supported");
    at(DRE->getBeginLoc());
    return makeConstant(*S, 0, V.getExtValue(), "");
  }
  if (isa<FunctionDecl>(D))
    return fail(DRE->getLocation(),
                "using function '" + Name + "' as a value is not supported",
                DRE->getSourceRange());
  if (isa<BindingDecl>(D))
    return fail(DRE->getLocation(), "structured bindings are not supported");
  return fail(DRE->getLocation(), "use of '" + Name + "' is not supported",
              DRE->getSourceRange());
}

Value *BodyLowering::lowerGlobalConstant(const DeclRefExpr *DRE,
                                         const VarDecl *VD) {
  // A named constant is as good as a literal; a mutable global is state the
  // derivative cannot see.
  std::string Name = VD->getNameAsString();
  QualType T = VD->getType();
  std::optional<Scalar> S = scalarTypeOf(T, Ctx);
  bool Constant = VD->isConstexpr() || T.isConstQualified();
  if (!S || !Constant || T.isVolatileQualified())
    return fail(DRE->getLocation(),
                "global variable '" + Name + "' is not supported",
                DRE->getSourceRange());
  const VarDecl *Def = nullptr;
  const Expr *Init = VD->getAnyInitializer(Def);
  const APValue *Val = nullptr;
  if (Init && Def && !Init->isValueDependent())
    Val = Def->evaluateValue();
  double FVal = 0;
  std::int64_t IVal = 0;
  if (Val && Val->isFloat()) {
    llvm::APFloat AF = Val->getFloat();
    bool LosesInfo = false;
    AF.convert(llvm::APFloat::IEEEdouble(), llvm::APFloat::rmNearestTiesToEven,
               &LosesInfo);
    FVal = AF.convertToDouble();
  } else if (Val && Val->isInt() && Val->getInt().getBitWidth() <= 64) {
    IVal = Val->getInt().getExtValue();
    FVal = static_cast<double>(IVal);
  } else {
    return fail(DRE->getLocation(),
                "global variable '" + Name +
                    "' is not supported: its value is not a compile-time "
                    "constant",
                DRE->getSourceRange());
  }
  at(DRE->getBeginLoc());
  return makeConstant(*S, FVal, IVal, "");
}

Value *BodyLowering::lowerUnary(const UnaryOperator *UO) {
  const char *Problem = nullptr;
  switch (UO->getOpcode()) {
  case UO_Plus:
  case UO_Extension:
    return lowerExpr(UO->getSubExpr());
  case UO_Minus: {
    Value *V = lowerExpr(UO->getSubExpr());
    if (!V)
      return nullptr;
    std::optional<Scalar> S = typeOf(UO);
    if (!S)
      return nullptr;
    at(UO->getBeginLoc());
    if (*S == Scalar::Bool)
      return fail(UO->getOperatorLoc(), "negating a bool is not supported");
    Value *Operand = convert(V, *S, /*Implicit=*/true);
    // A negative literal is a constant (-2), so that std::pow(x, -2) gets
    // the constant-exponent derivative.
    if (Operand->isConst()) {
      std::string Text = Operand->Text;
      if (!Text.empty())
        Text = Text[0] == '-' ? Text.substr(1) : "-" + Text;
      return makeConstant(*S, -Operand->FVal, -Operand->IVal, Text);
    }
    return B.neg(Operand);
  }
  case UO_PreInc:
  case UO_PostInc:
  case UO_PreDec:
  case UO_PostDec:
    Problem = UO->isIncrementOp()
                  ? "'++' inside an expression is not supported; write it as "
                    "a statement of its own"
                  : "'--' inside an expression is not supported; write it as "
                    "a statement of its own";
    break;
  case UO_LNot:
    Problem = "logical not '!' is not supported yet";
    break;
  case UO_Not:
    Problem = "bitwise not '~' is not supported yet";
    break;
  case UO_AddrOf:
    Problem = "taking an address with '&' is not supported";
    break;
  case UO_Deref:
    if (isPoisonedRef(UO->getSubExpr())) {
      Failed = true;
      return nullptr;
    }
    Problem = "pointer dereference '*' is not supported yet";
    break;
  default:
    return fail(UO->getOperatorLoc(),
                "the operator '" +
                    UnaryOperator::getOpcodeStr(UO->getOpcode()).str() +
                    "' is not supported",
                UO->getSourceRange());
  }
  return fail(UO->getOperatorLoc(), Problem, UO->getSourceRange());
}

Value *BodyLowering::lowerBinary(const BinaryOperator *BO) {
  BinaryOperatorKind Op = BO->getOpcode();
  std::string Sym = BO->getOpcodeStr().str();
  SourceLocation OpLoc = BO->getOperatorLoc();
  SourceRange Range = BO->getSourceRange();
  if (BO->isAssignmentOp())
    return fail(OpLoc, "assignment inside an expression is not supported",
                Range);
  if (BO->isComparisonOp())
    return fail(OpLoc, "comparison '" + Sym + "' is not supported yet", Range);
  if (BO->isLogicalOp())
    return fail(OpLoc, "logical operator '" + Sym + "' is not supported yet",
                Range);
  if (BO->isBitwiseOp())
    return fail(OpLoc, "bitwise operator '" + Sym + "' is not supported yet",
                Range);
  if (BO->isShiftOp())
    return fail(OpLoc, "shift operator '" + Sym + "' is not supported yet",
                Range);
  if (BO->isCommaOp())
    return fail(OpLoc, "the comma operator is not supported", Range);
  if (BO->isPtrMemOp())
    return fail(OpLoc, "pointer-to-member access is not supported", Range);
  if (!BO->isMultiplicativeOp() && !BO->isAdditiveOp())
    return fail(OpLoc, "the operator '" + Sym + "' is not supported", Range);

  // Both sides, so that errors in either are reported.
  Value *L = lowerExpr(BO->getLHS());
  Value *RV = lowerExpr(BO->getRHS());
  if (!L || !RV)
    return nullptr;
  std::optional<Scalar> S = typeOf(BO);
  if (!S)
    return nullptr;
  if (*S == Scalar::Bool || (Op == BO_Rem && !ir::isInteger(*S)))
    return fail(OpLoc,
                "'" + Sym + "' on type '" + typeName(BO->getType()) +
                    "' is not supported",
                Range);
  at(BO->getBeginLoc());
  // Clang's usual arithmetic conversions already made both sides agree.
  L = convert(L, *S, /*Implicit=*/true);
  RV = convert(RV, *S, /*Implicit=*/true);
  switch (Op) {
  case BO_Add:
    return B.add(L, RV);
  case BO_Sub:
    return B.sub(L, RV);
  case BO_Mul:
    return B.mul(L, RV);
  case BO_Div:
    return B.div(L, RV);
  default:
    return B.rem(L, RV);
  }
}

Value *BodyLowering::lowerCall(const CallExpr *CE) {
  SourceLocation CalleeLoc = CE->getCallee()->IgnoreImplicit()->getExprLoc();
  SourceRange Range = CE->getSourceRange();
  if (isa<CXXMemberCallExpr>(CE))
    return fail(CalleeLoc, "member function calls are not supported yet",
                Range);
  if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(CE)) {
    // `l(x)` on a lambda variable already reported.
    if (OCE->getNumArgs() > 0 && isPoisonedRef(OCE->getArg(0))) {
      Failed = true;
      return nullptr;
    }
    return fail(OCE->getOperatorLoc(),
                std::string("overloaded operator '") +
                    getOperatorSpelling(OCE->getOperator()) +
                    "' is not supported",
                Range);
  }
  if (isa<UserDefinedLiteral>(CE))
    return fail(CE->getBeginLoc(), "user-defined literals are not supported",
                Range);
  const FunctionDecl *Callee = CE->getDirectCallee();
  if (!Callee)
    return fail(CE->getBeginLoc(),
                "calls through function pointers are not supported", Range);
  std::string Name = calleeName(*Callee);
  std::optional<MathFn> Fn = mathFunctionOf(*Callee);
  if (!Fn) {
    // Library functions come from system headers; the user's own from theirs.
    bool Library =
        Ctx.getSourceManager().isInSystemHeader(Callee->getLocation());
    return fail(CalleeLoc,
                "call to '" + Name + "' is not supported" +
                    (Library ? ": of the library's functions gradc "
                               "differentiates exp, log, log10, log2, log1p, "
                               "expm1, sqrt, cbrt, pow, sin, cos, tan, asin, "
                               "acos, atan, atan2, sinh, cosh, tanh, fabs, "
                               "fmax, fmin, hypot, erf, std::max, std::min "
                               "and std::abs"
                             : " yet: calls to your own functions arrive in a "
                               "later version"),
                Range);
  }
  std::optional<Scalar> S = scalarTypeOf(CE->getType(), Ctx);
  if (!S || !ir::isFloating(*S)) {
    if (ir::isStdFn(*Fn) && CE->getType()->isIntegerType())
      return fail(CalleeLoc, Name + " on integers is not supported yet", Range);
    return fail(CalleeLoc,
                "call to '" + Name + "' returning '" + typeName(CE->getType()) +
                    "' is not supported",
                Range);
  }
  unsigned Arity = ir::mathFnArity(*Fn);
  if (CE->getNumArgs() != Arity)
    return fail(CalleeLoc,
                "call to '" + Name + "' with " +
                    std::to_string(CE->getNumArgs()) +
                    (CE->getNumArgs() == 1 ? " argument" : " arguments") +
                    " is not supported",
                Range);
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
    Args.push_back(convert(V, *S, /*Implicit=*/true));
  }
  if (!Ok)
    return nullptr;
  at(CE->getBeginLoc());
  return B.call(*Fn, std::move(Args));
}

Value *BodyLowering::lowerConstantExpr(const Expr *E) {
  // sizeof, alignof, noexcept, type traits: integers known at compile time.
  Expr::EvalResult Result;
  std::optional<Scalar> S = scalarTypeOf(E->getType(), Ctx);
  if (!S || E->isValueDependent() || !E->EvaluateAsInt(Result, Ctx) ||
      Result.Val.getInt().getBitWidth() > 64)
    return fail(E->getExprLoc(), unsupportedExprMessage(E, Ctx),
                E->getSourceRange());
  at(E->getBeginLoc());
  return makeConstant(*S, 0, Result.Val.getInt().getExtValue(),
                      sourceText(E->getSourceRange()));
}

} // namespace

bool lowerBody(const FunctionDecl &FD, ASTContext &Ctx, ir::Function &F,
               ArrayRef<Value *> ParamValues, Reporter &R) {
  return BodyLowering(FD, Ctx, F, R).run(ParamValues);
}

} // namespace gradc::frontend
