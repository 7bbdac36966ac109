//===- Lowering.cpp - Clang AST of a function body to IR ------------------===//
//
// Statements, variables and values. SSA form is built the simple way
// structured code allows: a map from each variable to its current value, and
// memory (Local, Load, Store) for the variables assigned in a loop or branch
// nested deeper than their declaration (found by a pre-pass). The builder does
// not fold, so the IR keeps the user's code as written; anything not handled
// is reported at the user's own source location.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"
#include "Bytes.h"
#include "LocalTypes.h"
#include "Sequencing.h"

#include "gradc/IR/Uses.h"

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
#include "llvm/Support/Path.h"

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
  if (saidBefore(Loc, Msg))
    return;
  ++NumSaid;
  auto D = Diags.Report(Loc, ErrorID);
  D << Msg;
  if (Range.isValid())
    D << Range;
}

void Reporter::warning(SourceLocation Loc, const std::string &Msg,
                       SourceRange Range) {
  if (Silent || saidBefore(Loc, Msg))
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
  uint64_t Bits = Ctx.getTypeSize(T);
  bool Signed = BT->isSignedInteger();
  if (Bits <= 8)
    return Signed ? Scalar::Int8 : Scalar::UInt8;
  if (Bits <= 16)
    return Signed ? Scalar::Int16 : Scalar::UInt16;
  if (Bits <= 32)
    return Signed ? Scalar::Int32 : Scalar::UInt32;
  if (Bits <= 64)
    return Signed ? Scalar::Int64 : Scalar::UInt64;
  return std::nullopt;
}

/// The alias of the user's own that TD is, as generated code names it
/// (`geo::Index`), or "" when it cannot (declared in a function or class)
/// or TD is a library's.
static std::string userAliasName(const TypedefNameDecl &TD,
                                 const ASTContext &Ctx) {
  if (!TD.getDeclContext()->getRedeclContext()->isFileContext() ||
      TD.isInStdNamespace() ||
      Ctx.getSourceManager().isInSystemHeader(TD.getLocation()))
    return "";
  PrintingPolicy Policy(Ctx.getLangOpts());
  Policy.SuppressUnwrittenScope = true; // no `(anonymous namespace)::`
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  TD.printQualifiedName(OS, Policy);
  return OS.str();
}

/// The name generated code writes an integer type under, when it is not
/// the one its scalar prints by default: the user's alias at namespace
/// scope (`index_t`), the standard alias the user wrote (`std::int64_t`),
/// or the builtin type (`long`, `char`), so that the code reads as the
/// user's and a template deduces what it deduced in the user's code.
static std::string integerName(QualType T, const ASTContext &Ctx) {
  static const char *const Aliases[] = {
      "ptrdiff_t", "int8_t",  "uint8_t",  "int16_t",  "uint16_t", "int32_t",
      "uint32_t",  "int64_t", "uint64_t", "intptr_t", "uintptr_t"};
  for (QualType Q = T.getUnqualifiedType();;) {
    const auto *TT = Q->getAs<TypedefType>();
    if (!TT)
      break;
    const TypedefNameDecl *TD = TT->getDecl();
    if (std::string User = userAliasName(*TD, Ctx); !User.empty())
      return User;
    const DeclContext *DC = TD->getDeclContext()->getRedeclContext();
    if (DC->isTranslationUnit() || DC->isStdNamespace()) {
      StringRef Name = TD->getName();
      if (Name == "size_t")
        return ""; // the default of unsigned 64-bit
      for (const char *A : Aliases)
        if (Name == A)
          return "std::" + Name.str();
    }
    Q = TD->getUnderlyingType().getUnqualifiedType();
  }
  const auto *BT = T.getCanonicalType()->getAs<BuiltinType>();
  if (!BT)
    return "";
  switch (BT->getKind()) {
  case BuiltinType::Char_S:
  case BuiltinType::Char_U:
  case BuiltinType::Long:
  case BuiltinType::ULong:
  case BuiltinType::ULongLong:
  case BuiltinType::WChar_S:
  case BuiltinType::WChar_U:
  case BuiltinType::Char8:
  case BuiltinType::Char16:
  case BuiltinType::Char32:
    return BT->getName(PrintingPolicy(Ctx.getLangOpts())).str();
  default:
    return "";
  }
}

ir::Type scalarIRType(QualType T, const ASTContext &Ctx) {
  std::optional<Scalar> S = scalarTypeOf(T, Ctx);
  if (!S)
    return ir::Type::voidTy();
  ir::Type Ty = ir::Type::scalar(*S);
  if (!ir::isInteger(*S))
    return Ty;
  QualType Plain = T.getNonReferenceType();
  if (const auto *ET = Plain.getCanonicalType()->getAs<EnumType>())
    return Ty.named(ir::internTypeName(enumName(*ET->getDecl())));
  return Ty.named(ir::internTypeName(integerName(Plain, Ctx)));
}

std::string enumName(const EnumDecl &ED) {
  if (!ED.getIdentifier() || ED.getParentFunctionOrMethod())
    return ""; // `enum { N = 3 };`: its underlying type
  // As the code can write it: without `(anonymous namespace)::`.
  PrintingPolicy Policy(ED.getASTContext().getLangOpts());
  Policy.SuppressUnwrittenScope = true;
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  ED.printQualifiedName(OS, Policy);
  return OS.str();
}

std::string enumeratorName(const EnumConstantDecl &ECD) {
  std::string Enum = enumName(*cast<EnumDecl>(ECD.getDeclContext()));
  return Enum.empty() ? "" : Enum + "::" + ECD.getNameAsString();
}

std::string enumProblem(QualType T) {
  const auto *ET = T.getNonReferenceType()->getAs<EnumType>();
  if (!ET)
    return "";
  const EnumDecl &ED = *ET->getDecl();
  std::string Name = "'" + ED.getNameAsString() + "'";
  if (ED.getParentFunctionOrMethod())
    return "the enum " + Name +
           " is declared inside a function, where the generated code cannot "
           "name it; declare it at namespace or class scope";
  if (ED.getAccess() == AS_private || ED.getAccess() == AS_protected)
    return "the enum " + Name +
           " is not public, and the generated code names it outside its "
           "class; make it public";
  return "";
}

ir::SourceLoc sourceLocOf(SourceLocation Loc, const SourceManager &SM) {
  if (Loc.isInvalid())
    return {};
  PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(Loc));
  if (P.isInvalid())
    return {};
  return {P.getLine(), P.getColumn()};
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
  return ir::lookupMathFn(II->getName(), InStd, Callee.getNumParams());
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
  if (isa<BinaryConditionalOperator>(E))
    return "the '?:' operator without a middle operand is not supported";
  if (isa<LambdaExpr>(E))
    return "a lambda is supported when it is called, stored in a variable "
           "(auto f = [...](...) {...};) or passed to a template parameter of "
           "a function of yours";
  if (isa<CXXNewExpr>(E))
    return "'new' is not supported: gradc follows memory it can count; hold "
           "scratch numbers in a 'std::vector<double> t(n);' or a local "
           "array";
  if (isa<CXXDeleteExpr>(E))
    return "'delete' is not supported: hold scratch numbers in a "
           "'std::vector<double>', which frees itself";
  if (isa<CXXThrowExpr>(E))
    return "'throw' inside an expression is not supported; throw in a "
           "statement of its own: 'if (x < 0) throw "
           "std::domain_error(\"x must not be negative\");'";
  if (isa<StringLiteral>(E))
    return "string literals are not supported";
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
  if (isa<CaseStmt, DefaultStmt>(S))
    return "a 'case' label inside a nested statement of its 'switch' is not "
           "supported; put each label directly in the switch's braces";
  if (isa<GotoStmt, IndirectGotoStmt>(S))
    return "'goto' statements are not supported yet; leave loops with "
           "'break' or 'return' (a return may stand anywhere)";
  const char *What = nullptr;
  if (isa<LabelStmt>(S))
    What = "labels";
  else if (isa<CXXTryStmt>(S))
    return "'try' blocks are not supported yet: the generated functions "
           "throw where yours do, but cannot catch; catch the exception "
           "where the function is called";
  else if (isa<AsmStmt>(S))
    What = "inline assembly statements";
  else if (isa<CoroutineBodyStmt, CoreturnStmt>(S))
    What = "coroutines";
  if (!What)
    return std::string("this kind of statement is not supported (") +
           S->getStmtClassName() + ")";
  return std::string(What) + " are not supported yet";
}

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

/// Whether control never runs past S: it returns, breaks or continues on
/// every path (a break inside a nested loop leaves only that loop, and
/// loops are not looked into).
bool alwaysLeaves(const Stmt *S) {
  if (!S)
    return false;
  if (isa<ReturnStmt, BreakStmt, ContinueStmt>(S))
    return true;
  if (const auto *AS = dyn_cast<AttributedStmt>(S))
    return alwaysLeaves(AS->getSubStmt());
  if (const auto *CS = dyn_cast<CompoundStmt>(S))
    return llvm::any_of(CS->body(), alwaysLeaves);
  if (const auto *IS = dyn_cast<IfStmt>(S))
    return alwaysLeaves(IS->getThen()) && alwaysLeaves(IS->getElse());
  return false;
}

bool everyPathEnds(const Stmt *S,
                   llvm::function_ref<bool(const Stmt *)> IsEnd) {
  if (!S)
    return false;
  if (IsEnd(S))
    return true;
  if (const auto *AS = dyn_cast<AttributedStmt>(S))
    return everyPathEnds(AS->getSubStmt(), IsEnd);
  if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
    for (const Stmt *Child : CS->body()) {
      if (everyPathEnds(Child, IsEnd))
        return true;
      if (alwaysLeaves(Child))
        return false;
    }
    return false;
  }
  if (const auto *IS = dyn_cast<IfStmt>(S))
    return everyPathEnds(IS->getThen(), IsEnd) &&
           everyPathEnds(IS->getElse(), IsEnd);
  return false;
}

//===----------------------------------------------------------------------===//
// BodyLowering
//===----------------------------------------------------------------------===//

bool BodyLowering::run(ArrayRef<Value *> ParamValues,
                       ArrayRef<const VarDecl *> Captured,
                       ArrayRef<ClosureParam> ClosureParams) {
  // A member function's object comes first (a lambda has none: what it
  // captures comes last).
  unsigned First = 0;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(&FD);
      MD && MD->isInstance() && !MD->getParent()->isLambda()) {
    This = ParamValues.empty() ? nullptr : ParamValues[0];
    First = 1;
    if (!This)
      return false; // its error has been reported
    if (const ViewShape *View = viewShapeOf(Ctx.getRecordType(MD->getParent()));
        View && View->Owns)
      ThisView = viewParamMembers(View, This);
  }
  SmallVector<const VarDecl *, 8> Decls(FD.parameters());
  Decls.append(Captured.begin(), Captured.end());
  for (unsigned I = 0, N = Decls.size(); I < N; ++I) {
    const VarDecl *PVD = Decls[I];
    Value *V =
        I + First < ParamValues.size() ? ParamValues[I + First] : nullptr;
    if (!V)
      poison(PVD);
    else if (viewShapeOf(PVD->getType()))
      bindViewParam(PVD, V);
    else if (V->Ty.kind() == ir::Type::Ref)
      Cells[PVD] = V;
    else if (V->Ty.kind() == ir::Type::Ptr)
      Pointers[PVD] = V;
    else
      Vars[PVD] = V;
  }
  // A lambda passed in: its captures are parameters too.
  unsigned I = First + Decls.size();
  for (const ClosureParam &CP : ClosureParams) {
    const VarDecl *VD = CP.Captured ? CP.Captured : FD.getParamDecl(CP.Index);
    std::optional<Closure> C = boundClosure(CP.Info, ParamValues, I);
    if (!C)
      continue; // its error has been reported
    Poisoned.erase(VD);
    if (CP.Captured) { // the caller's lambda, which the caller calls too
      Closures[VD] = std::move(*C);
      continue;
    }
    // This function's own copy of a `mutable` lambda.
    at(VD->getLocation());
    Closures[VD] = copyClosure(*C, VD->getNameAsString());
  }
  if (F.ReturnsRecord)
    ResultSlot = ParamValues.back();
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
  flattenLocalStructs(const_cast<CompoundStmt *>(CS));
  findMemoryVariables(CS);
  findGrowingVectors(CS);
  // The end of a range its parameter before begins (`It first, It last`)
  // is given as its offset from the first (IteratorParams.h).
  for (unsigned I = 1; I < FD.getNumParams(); ++I) {
    const ParmVarDecl *PVD = FD.getParamDecl(I);
    auto It = Vars.find(PVD);
    auto First = Pointers.find(FD.getParamDecl(I - 1));
    if (It == Vars.end() || First == Pointers.end() ||
        !(isIterator(PVD->getType()) || PVD->getType()->isPointerType()))
      continue;
    at(PVD->getLocation());
    Pointers[PVD] = B.offset(First->second, It->second);
    Vars.erase(It);
  }
  // A pointer parameter (an iterator) that moves starts at offset 0 of
  // what it is given.
  for (const ParmVarDecl *PVD : FD.parameters()) {
    auto It = Pointers.find(PVD);
    if (It == Pointers.end() || !Reassigned.count(PVD) ||
        !(PVD->getType()->isPointerType() || isIterator(PVD->getType())))
      continue;
    Value *V = It->second;
    Pointers.erase(It);
    if (!startMoving(PVD, V))
      poison(PVD);
  }
  // A parameter passed by value is the function's own variable: assigned in
  // a loop or branch, it is a local that the argument initializes.
  for (const ParmVarDecl *PVD : FD.parameters()) {
    auto It = Vars.find(PVD);
    if (It == Vars.end() || !It->second || !AssignedDeeper.count(PVD))
      continue;
    at(PVD->getLocation());
    Value *Cell =
        B.local(It->second->Ty.scalarKind(), 0, PVD->getNameAsString());
    B.store(Cell, It->second);
    Cells[PVD] = Cell;
    Vars.erase(It);
  }
  declareVectorCols(Decls);
  copyGrowingParams();
  copyWrittenParams(CS);
  startReturns(CS);
  lowerList({CS->body_begin(), CS->body_end()});
  finishReturns();
  if (ReturnEmitted)
    return !Failed;
  CurStmt = -1;
  at(CS->getRBracLoc());
  // A struct is returned in `out`, by every path.
  if (FD.getReturnType()->isVoidType() || (ExitedBy && ResultSlot)) {
    returnRecord();
    B.ret(nullptr);
  } else if (ResultCell && (ExitedBy || everyPathEnds(CS, [](const Stmt *S) {
                              return isa<ReturnStmt>(S) || throwOf(S);
                            })))
    B.ret(B.load(ResultCell)); // every path returned inside a branch
  else if (!Failed) // a return whose value failed to lower is reported
    fail(CS->getRBracLoc(),
         "'" + functionName() + "' must end with a return statement");
  return !Failed;
}

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

void BodyLowering::lowerList(ArrayRef<const Stmt *> Stmts) {
  for (size_t I = 0; I < Stmts.size(); ++I) {
    const Stmt *S = Stmts[I];
    if (ExitedBy) {
      // (A `do` loop's test after a body that always leaves: never run.)
      if (isEmptyStmt(S) || S == DoTest || ReportedDeadCode)
        continue;
      ReportedDeadCode = true;
      fail(S->getBeginLoc(),
           std::string("code after '") + ExitedBy + "' is never run; remove it",
           S->getSourceRange());
      return;
    }
    ArrayRef<const Stmt *> Rest = Stmts.drop_front(I + 1);
    const Stmt *Inner = S;
    while (const auto *AS = dyn_cast<AttributedStmt>(Inner))
      Inner = AS->getSubStmt();
    // `if constexpr`: the branch the instance keeps, in its place (the
    // other is not instantiated).
    if (const Stmt *Kept = constexprBranch(Inner)) {
      S = Inner = Kept;
      while (const auto *AS = dyn_cast<AttributedStmt>(Inner))
        Inner = AS->getSubStmt();
    }
    const auto *IS = dyn_cast<IfStmt>(Inner);
    // Whether a return inside S runs on to its end with `returned` set,
    // or a break with `stop` set.
    bool Outer = Returning, OuterBreaking = Breaking;
    Returning = Breaking = false;
    if (&B.block() == &F.Body)
      TopStmtAt = F.Body.Ops.size();
    bool TookRest = IS && takesRestIntoElse(IS, Rest);
    if (TookRest) {
      lowerIf(IS, Rest);
    } else {
      Tail Saved = AtTail;
      if (!Rest.empty() && !alwaysLeaves(S)) // else the rest is never run
        AtTail = Tail::None;
      lowerStmt(S);
      AtTail = Saved;
    }
    bool RanOn = Returning, BrokeOn = Breaking;
    Returning = Outer;
    Breaking = OuterBreaking;
    if (RanOn && BrokeOn && !ExitedBy) {
      fail(S->getBeginLoc(),
           "a 'return' and a 'break' inside one statement that more of its "
           "loop's body follows are not supported yet; put the statements "
           "after it in an 'else'",
           S->getSourceRange());
      return;
    }
    if (RanOn && !ExitedBy) {
      skipAfterReturn(TookRest ? ArrayRef<const Stmt *>() : Rest);
      return;
    }
    if (BrokeOn && !ExitedBy) {
      skipAfterBreak(TookRest ? ArrayRef<const Stmt *>() : Rest);
      return;
    }
    Returning = Returning || RanOn;
    Breaking = Breaking || BrokeOn;
    if (TookRest)
      return;
  }
}

/// `assert(c);`: a check of the function's own, which computes nothing
/// the gradient needs; the generated functions leave it out.
bool BodyLowering::isAssertion(const Stmt *S) const {
  SourceLocation L = S->getBeginLoc();
  return isa<Expr>(S) && L.isMacroID() &&
         Lexer::getImmediateMacroName(L, SM, LO) == "assert";
}

const Stmt *BodyLowering::constexprBranch(const Stmt *S) {
  const auto *IS = dyn_cast<IfStmt>(S);
  if (!IS || !IS->isConstexpr() || IS->getInit() ||
      IS->getConditionVariable() || IS->getCond()->isValueDependent())
    return nullptr;
  bool Taken = false;
  if (!IS->getCond()->EvaluateAsBooleanCondition(Taken, Ctx))
    return nullptr;
  const Stmt *Kept = Taken ? IS->getThen() : IS->getElse();
  if (!Kept) // `if constexpr (c) ...` without an else, c false
    return new (Ctx) NullStmt(IS->getEndLoc());
  // A kept `if constexpr` within it is chosen in turn.
  if (const Stmt *Inner = constexprBranch(Kept))
    return Inner;
  return Kept;
}

void BodyLowering::lowerStmt(const Stmt *S) {
  if (const auto *CS = dyn_cast<CompoundStmt>(S))
    return lowerList({CS->body_begin(), CS->body_end()});
  if (isa<NullStmt>(S) || isAssertion(S) || isPrinting(S) ||
      Trading.Silent.count(S))
    return;
  // `src = dst;` of `T *tmp = src; src = dst; dst = tmp;`: the arrays trade.
  if (auto It = Trading.Trades.find(S); It != Trading.Trades.end()) {
    CurStmt = addStatement(S);
    lowerSwapWhole(Trading.Arrays.at(It->second.first),
                   Trading.Arrays.at(It->second.second), cast<Expr>(S));
    return;
  }
  if (S == DoTest) {
    CurStmt = DoTestHeader;
    lowerLoopTest(DoTest);
    return;
  }
  if (const auto *AS = dyn_cast<AttributedStmt>(S)) // [[likely]], ...
    return lowerStmt(AS->getSubStmt());
  // A label changes nothing; a 'goto' to it is refused where it stands.
  if (const auto *LS = dyn_cast<LabelStmt>(S))
    return lowerStmt(LS->getSubStmt());
  // Control flow records its header as its statement.
  if (const auto *IS = dyn_cast<IfStmt>(S))
    return lowerIf(IS);
  if (const auto *FS = dyn_cast<ForStmt>(S))
    return lowerFor(FS);
  if (const auto *WS = dyn_cast<WhileStmt>(S))
    return lowerWhile(WS);
  if (const auto *DS = dyn_cast<DoStmt>(S))
    return lowerDo(DS);
  if (const auto *SS = dyn_cast<SwitchStmt>(S))
    return lowerSwitch(SS);
  if (const auto *FRS = dyn_cast<CXXForRangeStmt>(S))
    return lowerRangeFor(FRS);
  CurStmt = addStatement(S);
  if (isa<BreakStmt, ContinueStmt>(S))
    return lowerJump(S);
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    return lowerDeclStmt(DS);
  if (const auto *RS = dyn_cast<ReturnStmt>(S))
    return lowerReturn(RS);
  if (const CXXThrowExpr *TE = throwOf(S))
    return lowerThrow(TE);
  if (const auto *E = dyn_cast<Expr>(S))
    return lowerExprStmt(E);
  fail(S->getBeginLoc(), unsupportedStmtMessage(S));
}

int BodyLowering::addStatementText(const Stmt *S, std::string Text) {
  ir::Statement St;
  St.Loc = sourceLocOf(S->getBeginLoc(), SM);
  St.Text = std::move(Text);
  St.Inside = InlinedHelper;
  // A helper of another file written inline: its line there is no line
  // of this file, so the statement is placed at the call and says where
  // it is written (`(in add_squares, features.h:10)`).
  if (ForeignSite.isValid()) {
    St.Inside += ", " +
                 llvm::sys::path::filename(
                     SM.getFilename(SM.getExpansionLoc(S->getBeginLoc())))
                     .str() +
                 ":" + std::to_string(St.Loc.Line);
    St.Loc = sourceLocOf(ForeignSite, SM);
  }
  F.Stmts.push_back(std::move(St));
  return static_cast<int>(F.Stmts.size() - 1);
}

/// The end of the statement that starts at Begin: its ';' at the outer
/// level, found token by token (an instance of a fold expression, `return
/// (v + ...);`, ends its range at the pattern's `v`).
static SourceLocation statementEnd(SourceLocation Begin,
                                   const SourceManager &SM,
                                   const LangOptions &LO) {
  int Depth = 0;
  Token T;
  SourceLocation Loc = Begin;
  while (!Lexer::getRawToken(Loc, T, SM, LO, /*IgnoreWhiteSpace=*/true)) {
    if (T.isOneOf(tok::l_paren, tok::l_square, tok::l_brace))
      ++Depth;
    else if (T.isOneOf(tok::r_paren, tok::r_square, tok::r_brace))
      --Depth;
    else if (T.is(tok::semi) && Depth == 0)
      return T.getLocation();
    if (Depth < 0 || T.is(tok::eof))
      break;
    Loc = T.getEndLoc();
  }
  return SourceLocation();
}

int BodyLowering::addStatement(const Stmt *S) {
  SourceRange Range = S->getSourceRange();
  if (FD.isTemplateInstantiation() && isa<ReturnStmt, Expr>(S))
    if (SourceLocation End =
            statementEnd(SM.getExpansionLoc(Range.getBegin()), SM, LO);
        End.isValid())
      Range.setEnd(End);
  std::string Out = sourceText(Range);
  // The ';' ending an expression or a return is not part of its range.
  if (!Out.empty() && Out.back() != ';' && Out.back() != '}') {
    CharSourceRange CR = SM.getExpansionRange(S->getSourceRange());
    std::optional<Token> Next = Lexer::findNextToken(CR.getEnd(), SM, LO);
    if (Next && Next->is(tok::semi))
      Out += ';';
  }
  return addStatementText(S, std::move(Out));
}

void BodyLowering::lowerDeclStmt(const DeclStmt *DS) {
  for (const Decl *D : DS->decls()) {
    if (const auto *DD = dyn_cast<DecompositionDecl>(D)) {
      lowerDecomposition(DD);
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
  // A `static const` (or constexpr) local is a constant as one of
  // namespace scope is: read where it is used (LoweringGlobal.cpp).
  if (VD->isStaticLocal() &&
      (VD->isConstexpr() || VD->getType().isConstant(Ctx)))
    return;
  if (!VD->hasLocalStorage()) {
    poison(VD);
    fail(Loc,
         VD->isStaticLocal()
             ? std::string(VD->getTSCSpec() != TSCS_unspecified ? "thread_local"
                                                                : "static") +
                   " local variable '" + Name +
                   "' is not supported: it keeps its value from call "
                   "to call, which gradc cannot follow; declare it "
                   "'const' or 'constexpr' if it never changes, or "
                   "pass it as a parameter"
             : "local declaration of '" + Name + "' is not supported");
    return;
  }
  QualType T = VD->getType();
  if (T->isPointerType() && !T->isFunctionPointerType())
    return lowerPointerDecl(VD);
  if (isIterator(T) && !T->isReferenceType())
    return lowerIteratorDecl(VD);
  if (T->isArrayType())
    return lowerArrayDecl(VD);
  if (std::optional<ArrayRows> A = arrayRows(T, Ctx))
    return lowerArrayRowsDecl(VD, *A);
  if (std::optional<ArrayRows> A = vectorRows(T, Ctx); A && A->Cols)
    return lowerVectorRowsDecl(VD, *A);
  if (std::optional<ArrayRows> A = vectorRows(T, Ctx);
      A && !T->isReferenceType())
    return lowerVectorMatrixDecl(VD, *A);
  if (bindArrayRow(VD, VD->getInit()))
    return;
  if (std::optional<ContainerShape> C = containerShape(T, Ctx))
    return lowerContainerDecl(VD, *C);
  if (std::optional<StructContainer> SC = structContainer(T))
    return lowerStructArrayDecl(VD, *SC, /*CArray=*/false);
  // `const auto &items = build(x);`: the vector the helper fills, as if
  // declared by value (lowerBuildingCall).
  if (const VarDecl *R = nullptr; T->isReferenceType() && VD->getInit())
    if (std::optional<StructContainer> SC =
            structContainer(T.getNonReferenceType());
        SC && SC->IsVector && buildingCall(VD->getInit(), R))
      return lowerStructArrayDecl(VD, *SC, /*CArray=*/false);
  // `Layer L{w, w + 6, 2, 3};`, `const Layer &R = L;`: a view's members.
  if (const ViewShape *View = viewShapeOf(T))
    return lowerViewDecl(VD, *View);
  // `const std::vector<double> &r = v;`: another name for v.
  if (T->isReferenceType() && containerShape(T.getNonReferenceType(), Ctx) &&
      VD->getInit())
    return lowerContainerRef(VD);
  // `const Vec3 &q = c ? a : b;`: a copy of the one chosen.
  if (T->isLValueReferenceType() && T.getNonReferenceType()->isRecordType() &&
      !containerShape(T.getNonReferenceType(), Ctx) && VD->getInit() &&
      isa<ConditionalOperator>(VD->getInit()->IgnoreImplicit()->IgnoreParens()))
    return lowerRecordChoiceRef(VD);
  // `const Spring &sp = springs[s];`: another name for that struct.
  if (T->isLValueReferenceType() && T.getNonReferenceType()->isRecordType() &&
      !containerShape(T.getNonReferenceType(), Ctx) && VD->getInit()) {
    Value *R = lowerRecord(VD->getInit());
    if (!R)
      return poison(VD);
    Pointers[VD] = R;
    Poisoned.erase(VD);
    return;
  }
  if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl(); RD && RD->isLambda())
    return lowerLambdaDecl(VD);
  if (isStdFunction(T)) {
    poison(VD);
    fail(Loc, StdFunctionAdvice, VD->getSourceRange());
    return;
  }
  if (T->getAsCXXRecordDecl())
    return lowerRecordDecl(VD);
  // `double &slot = acc[k];`: another name for that place. A const
  // reference bound to a temporary (`const double &a = x * 2;`) is a value.
  if (T->isLValueReferenceType() && VD->getInit() &&
      !bindsTemporary(VD->getInit()) && !namesStdResult(VD))
    return lowerReferenceDecl(VD);
  std::optional<Scalar> S = scalarTypeOf(T.getNonReferenceType(), Ctx);
  std::string Problem;
  if (T->isRValueReferenceType())
    Problem = "rvalue reference variables are not supported; declare '" + Name +
              "' as a variable of type '" +
              typeName(T.getNonReferenceType().getUnqualifiedType()) + "'";
  else if (T->isReferenceType() && !T.getNonReferenceType().isConstQualified())
    Problem = "reference variables are not supported yet";
  else if (T->isRecordType())
    Problem =
        "variables of class type '" + typeName(T) + "' are not supported yet";
  else if (T->isEnumeralType() && !enumProblem(T).empty())
    Problem = enumProblem(T);
  else if (T.isVolatileQualified())
    Problem = "volatile variables are not supported";
  else if (!S)
    Problem = "variables of type '" + typeName(T) + "' are not supported";
  if (!Problem.empty()) {
    poison(VD);
    fail(Loc, Problem, VD->getSourceRange());
    return;
  }
  if (VD->getInit() && !checkOrder(VD->getInit()))
    return poison(VD);
  if (AssignedDeeper.count(VD))
    return lowerCellDecl(VD);
  const Expr *Init = VD->getInit();
  if (!Init) {
    Vars[VD] = nullptr;
    Poisoned.erase(VD);
    return;
  }
  // In scope, but unassigned, in its own initializer: `double y = y;`.
  Vars[VD] = nullptr;
  unsigned Mark = F.numValues();
  Value *V = expectScalar(lowerExpr(Init), Init);
  if (!V) {
    poison(VD);
    return;
  }
  at(Init->getBeginLoc());
  bind(VD, convert(V, scalarIRType(T, Ctx), /*Implicit=*/true), Mark, Loc);
}

bool BodyLowering::checkOrder(const Expr *E) {
  std::optional<OrderConflict> C =
      findOrderConflict(E, Ctx.getLangOpts().CPlusPlus17);
  if (!C)
    return true;
  // Both accesses, as the user wrote them (`'i++' changes 'i', which 'i'
  // at 12:15 reads`).
  PresumedLoc Other =
      SM.getPresumedLoc(SM.getExpansionLoc(C->OtherRange.getBegin()));
  std::string Where = Other.isInvalid()
                          ? std::string()
                          : " at " + std::to_string(Other.getLine()) + ":" +
                                std::to_string(Other.getColumn());
  fail(C->Loc,
       "C++ does not say in which order '" + sourceText(C->Range) +
           "' changes '" + C->Name + "' and '" + sourceText(C->OtherRange) +
           "'" + Where + (C->OtherWrites ? " changes" : " reads") +
           " it; split the expression into statements",
       C->Range);
  return false;
}

void BodyLowering::lowerExprStmt(const Expr *E) {
  if (!checkOrder(E))
    return;
  E = E->IgnoreParens();
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
    E = EWC->getSubExpr()->IgnoreParens();
  if (const VarDecl *VD = Moving.empty() ? nullptr : choiceUse(E)) {
    lowerChoiceUse(E, VD, /*Discard=*/true);
    return;
  }
  // `(c ? a : b) = v;`
  if (const auto *BO = dyn_cast<BinaryOperator>(E);
      BO && BO->isAssignmentOp() &&
      isa<ConditionalOperator>(BO->getLHS()->IgnoreParens())) {
    lowerChosenAssign(BO);
    return;
  }
  if (const auto *CAO = dyn_cast<CompoundAssignOperator>(E)) {
    lowerCompoundAssign(CAO);
    return;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->getOpcode() == BO_Assign) {
      lowerAssign(BO);
      return;
    }
    // `i++, j--`: two statements, in order.
    if (BO->isCommaOp()) {
      lowerExprStmt(BO->getLHS());
      lowerExprStmt(BO->getRHS());
      return;
    }
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->isIncrementDecrementOp()) {
    lowerIncDec(UO);
    return;
  }
  if (isSelfOperator(E)) {
    lowerSelfOperator(cast<CXXOperatorCallExpr>(E));
    return;
  }
  // `(void)x;` evaluates x for nothing.
  if (const auto *CE = dyn_cast<ExplicitCastExpr>(E);
      CE && CE->getCastKind() == CK_ToVoid)
    E = CE->getSubExpr();
  // Kept for a call that writes memory (or might), or an assignment inside
  // (`(void)(x = 1)`); otherwise lowered only to report what it contains,
  // as nothing can use its ops.
  size_t Before = B.block().Ops.size();
  unsigned BindsBefore = Binds;
  lowerExpr(E);
  std::vector<Value *> &Ops = B.block().Ops;
  if (Binds == BindsBefore &&
      std::none_of(Ops.begin() + Before, Ops.end(),
                   [](const Value *V) { return V->hasEffect(); }))
    Ops.resize(Before);
}

std::optional<BodyLowering::Target>
BodyLowering::assignTarget(const Expr *LHS) {
  LHS = LHS->IgnoreParens();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(LHS);
      DRE && isa<BindingDecl>(DRE->getDecl()))
    return bindingTarget(DRE, cast<BindingDecl>(DRE->getDecl()));
  if (const auto *DRE = dyn_cast<DeclRefExpr>(LHS)) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
      std::string Name = VD->getNameAsString();
      if (Poisoned.count(VD)) {
        Failed = true;
        return std::nullopt;
      }
      if (auto It = ElementRefs.find(VD); It != ElementRefs.end())
        return refuseByValueWrite(It->second, LHS);
      Target T;
      if (auto It = Cells.find(VD); It != Cells.end()) {
        T.Ptr = It->second;
        T.S = T.Ptr->Ty.scalarKind();
        return T;
      }
      if (Pointers.count(VD)) {
        fail(DRE->getLocation(),
             "assigning to pointer variable '" + Name +
                 "' is not supported; declare a new pointer instead",
             LHS->getSourceRange());
        return std::nullopt;
      }
      if (Vars.count(VD)) {
        T.Var = VD;
        T.S = *scalarTypeOf(VD->getType(), Ctx);
        return T;
      }
    }
  }
  if (refHelper(LHS)) // `biggest(a, n) *= 3`
    return refuseByValueWrite(lowerRefCallPlace(LHS), LHS);
  if (refuseGlobalWrite(LHS))
    return std::nullopt;
  if (isElementAccess(LHS))
    return refuseByValueWrite(lowerElement(LHS), LHS);
  if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(LHS);
      OCE && accessedPlace(OCE))
    return refuseByValueWrite(lowerAccessor(OCE), LHS);
  if (const auto *CE = dyn_cast<CallExpr>(LHS); CE && isTupleGet(CE))
    return refuseByValueWrite(lowerTupleGet(CE), LHS);
  if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(LHS);
      OCE && OCE->getNumArgs() > 0 && isIterator(OCE->getArg(0)->getType()))
    return refuseByValueWrite(lowerPlace(LHS), LHS); // `*it = x`
  if (isa<ArraySubscriptExpr, MemberExpr>(LHS) ||
      (isa<UnaryOperator>(LHS) &&
       cast<UnaryOperator>(LHS)->getOpcode() == UO_Deref)) {
    std::optional<Target> T = lowerPlace(LHS);
    return refuseByValueWrite(T, LHS);
  }
  const char *What = isa<MemberExpr>(LHS) ? "a member" : "this expression";
  fail(LHS->getBeginLoc(),
       std::string("assignment to ") + What + " is not supported yet",
       LHS->getSourceRange());
  return std::nullopt;
}

std::optional<BodyLowering::Target>
BodyLowering::refuseByValueWrite(std::optional<Target> T, const Expr *LHS) {
  // A struct or container passed by value is the caller's own in the IR.
  const Value *Base = T && T->Ptr ? ir::baseOf(T->Ptr) : nullptr;
  if (!Base || Base->Code != OpCode::Param || !Base->Ty.isConstPointee())
    return T;
  // A member of a struct holding vectors that a lambda captured (read
  // only: its function takes it by const reference).
  bool ViewMember = llvm::any_of(F.Params, [&](const ir::Param &P) {
    return P.V == Base && !P.ViewRecord.empty();
  });
  if (ViewMember && isa<CXXMethodDecl>(FD) &&
      cast<CXXMethodDecl>(FD).getParent()->isLambda()) {
    fail(LHS->getBeginLoc(),
         "a lambda assigning into '" + Base->Name +
             "', a member of a struct holding std::vector members it "
             "captured, is not supported; gradc reads such a struct in a "
             "lambda: return the value, and assign it outside ('" +
             Base->Name + "[i] = f(i);')",
         LHS->getSourceRange());
    return std::nullopt;
  }
  fail(LHS->getBeginLoc(),
       "assigning into '" + Base->Name +
           "', passed by value, is not supported; declare a local variable "
           "for what changes",
       LHS->getSourceRange());
  return std::nullopt;
}

Value *BodyLowering::lowerAssign(const BinaryOperator *BO) {
  if (const VarDecl *VD = movingPointerOf(BO->getLHS()))
    return movePointer(VD, BO, BO->getRHS());
  // Where it matters, the value first, as C++17 orders it (checkOrder
  // refused the rest).
  unsigned Mark = F.numValues();
  bool ValueFirst = valueBeforeTarget(BO->getLHS(), BO->getRHS());
  Value *V = ValueFirst ? lowerExpr(BO->getRHS()) : nullptr;
  std::optional<Target> T = assignTarget(BO->getLHS());
  if (!ValueFirst) {
    Mark = F.numValues();
    // Lowered even when the target is wrong, to report its problems too.
    V = lowerExpr(BO->getRHS());
  }
  if (!T)
    return nullptr;
  V = expectScalar(V, BO->getRHS());
  if (!V) {
    if (T->Var)
      poison(T->Var);
    return nullptr;
  }
  at(BO->getRHS()->getBeginLoc());
  V = convert(V, T->S, /*Implicit=*/true);
  writeTarget(*T, V, Mark, BO->getBeginLoc());
  return T->Var ? Vars[T->Var] : V;
}

Value *BodyLowering::lowerCompoundAssign(const CompoundAssignOperator *CAO) {
  if (const VarDecl *VD = movingPointerOf(CAO->getLHS()))
    return movePointer(VD, CAO, CAO->getRHS());
  // As in lowerAssign, the value first where it matters.
  unsigned Mark = F.numValues();
  bool ValueFirst = valueBeforeTarget(CAO->getLHS(), CAO->getRHS());
  Value *Rhs = ValueFirst
                   ? expectScalar(lowerExpr(CAO->getRHS()), CAO->getRHS())
                   : nullptr;
  std::optional<Target> T = assignTarget(CAO->getLHS());
  Value *Cur = nullptr;
  if (T)
    Cur = readTarget(*T, CAO->getLHS()->getExprLoc());
  if (!ValueFirst) {
    Mark = F.numValues();
    Rhs = expectScalar(lowerExpr(CAO->getRHS()), CAO->getRHS());
  }
  if (!T)
    return nullptr;
  Value *Res = Cur && Rhs ? compoundResult(CAO, Cur, Rhs, T->S) : nullptr;
  if (!Res) {
    if (T->Var)
      poison(T->Var);
    return nullptr;
  }
  writeTarget(*T, Res, Mark, CAO->getBeginLoc());
  return T->Var ? Vars[T->Var] : Res;
}

Value *BodyLowering::compoundResult(const CompoundAssignOperator *CAO,
                                    Value *Cur, Value *Rhs, Scalar To) {
  OpCode Code;
  switch (CAO->getOpcode()) {
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
  case BO_AndAssign:
  case BO_OrAssign:
  case BO_XorAssign:
  case BO_ShlAssign:
  case BO_ShrAssign:
    Code = bitwiseCode(CAO->getOpcode());
    break;
  default:
    return fail(CAO->getOperatorLoc(),
                "compound assignment '" + CAO->getOpcodeStr().str() +
                    "' is not supported yet",
                CAO->getSourceRange());
  }
  // C++ computes `v op= e` in the computation type, then converts back.
  std::optional<Scalar> CompTy =
      scalarTypeOf(CAO->getComputationLHSType(), Ctx);
  std::optional<Scalar> ResultTy =
      scalarTypeOf(CAO->getComputationResultType(), Ctx);
  bool IntegerOnly = Code == OpCode::Rem || ir::isBitwise(Code);
  if (!CompTy || !ResultTy || *CompTy != *ResultTy ||
      (IntegerOnly && !ir::isInteger(*CompTy)))
    return fail(CAO->getOperatorLoc(),
                "compound assignment '" + CAO->getOpcodeStr().str() +
                    "' on type '" + typeName(CAO->getComputationLHSType()) +
                    "' is not supported",
                CAO->getSourceRange());
  at(CAO->getBeginLoc());
  Value *L = convert(Cur, *CompTy, /*Implicit=*/true);
  bool Shift = Code == OpCode::Shl || Code == OpCode::Shr;
  std::optional<Scalar> CountTy =
      Shift ? scalarTypeOf(CAO->getRHS()->getType(), Ctx) : CompTy;
  Value *RV = convert(Rhs, CountTy.value_or(*CompTy), /*Implicit=*/true);
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
  case OpCode::Rem:
    Res = B.rem(L, RV);
    break;
  default:
    Res = B.bits(Code, L, RV);
    break;
  }
  return convert(Res, To, /*Implicit=*/true);
}

Value *BodyLowering::lowerIncDec(const UnaryOperator *UO) {
  if (const VarDecl *VD = movingPointerOf(UO->getSubExpr()))
    return movePointer(VD, UO, nullptr);
  std::optional<Target> T = assignTarget(UO->getSubExpr());
  if (!T)
    return nullptr;
  Value *Cur = readTarget(*T, UO->getSubExpr()->getExprLoc());
  if (!Cur) {
    if (T->Var)
      poison(T->Var);
    return nullptr;
  }
  Scalar S = Cur->Ty.scalarKind();
  if (S == Scalar::Bool) {
    if (T->Var)
      poison(T->Var);
    return fail(UO->getOperatorLoc(), "incrementing a bool is not supported");
  }
  unsigned Mark = F.numValues();
  at(UO->getBeginLoc());
  Value *One = makeConstant(S, 1, 1, "1");
  Value *Res = UO->isIncrementOp() ? B.add(Cur, One) : B.sub(Cur, One);
  writeTarget(*T, Res, Mark, UO->getBeginLoc());
  // `i++` is the value i had; the Load or SSA value read keeps it.
  if (UO->isPostfix())
    return Cur;
  return T->Var ? Vars[T->Var] : Res;
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
  ++Binds;
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

Value *BodyLowering::expectScalar(Value *V, const Expr *E) {
  if (!V || V->Ty.isScalar())
    return V;
  return fail(E->getExprLoc(),
              "a pointer is not supported here; index it or dereference it",
              E->getSourceRange());
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

Value *BodyLowering::convert(Value *V, ir::Type To, bool Implicit) {
  if (V->Ty.name() == To.name() || !V->Ty.isScalar())
    return convert(V, To.scalarKind(), Implicit);
  bool Number =
      V->isConst() && (V->Text.empty() || V->Text[0] == '-' ||
                       std::isdigit(static_cast<unsigned char>(V->Text[0])));
  Value *C;
  if (V->isConst() && !Number && Implicit) {
    // An unscoped enum's enumerator (`Red + 1`) reads as the number.
    C = makeConstant(To.scalarKind(), 0, V->IVal, V->Text);
  } else if (V->Ty != To || Number) {
    C = convert(V, To.scalarKind(), Implicit);
    if (C == V) // a constant of the type already
      C = foldConstant(V, To.scalarKind());
  } else if (V->Code == OpCode::Cast && V->Name.empty() &&
             !B.block().Ops.empty() && B.block().Ops.back() == V) {
    C = V; // made for this conversion: it converts to the name at once
  } else if (Implicit) {
    C = B.copy(V);
  } else {
    C = B.cast(V, To);
  }
  C->Ty = C->Ty.named(To.name());
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
    // Converted as C++ converts to a narrower type: modulo 2^bits.
    unsigned Bits = ir::intBits(To);
    if (Bits < 64) {
      std::uint64_t U = static_cast<std::uint64_t>(IVal) & ((1ULL << Bits) - 1);
      bool Negative = ir::isSignedInt(To) && (U >> (Bits - 1)) != 0;
      IVal = Negative ? static_cast<std::int64_t>(U) -
                            static_cast<std::int64_t>(1ULL << Bits)
                      : static_cast<std::int64_t>(U);
    }
    Result = To == Scalar::UInt64
                 ? static_cast<double>(static_cast<std::uint64_t>(IVal))
                 : static_cast<double>(IVal);
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
  std::vector<Value *> &Ops = B.block().Ops;
  if (C->Name.empty() && !Ops.empty() && Ops.back() == C)
    Ops.pop_back();
  return makeConstant(To, FVal, IVal, std::move(Text));
}

bool lowerBody(const FunctionDecl &FD, ASTContext &Ctx, ir::Function &F,
               ArrayRef<Value *> ParamValues, Reporter &R,
               CalleeSource *Callees, ArrayRef<const VarDecl *> Captured,
               ArrayRef<ClosureParam> Closures) {
  return BodyLowering(FD, Ctx, F, R, Callees)
             .run(ParamValues, Captured, Closures) &&
         inlineLocalMethods(F, FD, R);
}

} // namespace gradc::frontend
