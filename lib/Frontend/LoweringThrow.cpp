//===- LoweringThrow.cpp - throw as a statement ---------------------------===//
//
// `if (n <= 0) throw std::invalid_argument("n must be positive");` checks
// the function's input. It is a Throw op, which the generated functions
// keep where it stands in their forward sweep: they throw the same
// exception at the same point, before any backward work. What it carries
// must be printable without Clang: the exception's type as spelled, and
// each argument a string literal (kept as spelled) or a number (a value).
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

#include "clang/AST/ExprCXX.h"
#include "llvm/Support/raw_ostream.h"

namespace gradc::frontend {

using namespace clang;

namespace {

/// E without what C++ wraps an argument or a temporary in.
const Expr *bare(const Expr *E) {
  for (;;) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
      E = EWC->getSubExpr();
    else if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(E);
             FC && FC->getCastKind() == CK_ConstructorConversion)
      E = FC->getSubExpr();
    else
      return E;
  }
}

/// An argument: a std::string made from a literal is the literal.
const Expr *bareArg(const Expr *A) {
  const Expr *E = bare(A);
  const auto *CE = dyn_cast<CXXConstructExpr>(E);
  const auto *RD = E->getType()->getAsCXXRecordDecl();
  if (CE && CE->getNumArgs() >= 1 && RD && RD->isInStdNamespace() &&
      RD->getName() == "basic_string" &&
      isa<StringLiteral>(bare(CE->getArg(0))))
    return bare(CE->getArg(0));
  return E;
}

} // namespace

const CXXThrowExpr *BodyLowering::throwOf(const Stmt *S) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  if (!E)
    return nullptr;
  E = E->IgnoreParens();
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
    E = EWC->getSubExpr()->IgnoreParens();
  return dyn_cast<CXXThrowExpr>(E);
}

void BodyLowering::lowerThrow(const CXXThrowExpr *TE) {
  const Expr *Sub = TE->getSubExpr();
  if (!Sub) {
    fail(TE->getBeginLoc(),
         "'throw;' rethrows inside a 'catch' block, which gradc does not "
         "support; catch the exception where the function is called");
    return;
  }
  const Expr *Made = bare(Sub);
  std::string Type;
  ArrayRef<const Expr *> Args(Made);
  if (const auto *CE = dyn_cast<CXXConstructExpr>(Made)) {
    Type = typeName(Sub->getType().getUnqualifiedType());
    Args = ArrayRef(CE->getArgs(), CE->getNumArgs());
  }
  std::vector<std::string> Spelled;
  std::vector<Value *> Values;
  for (const Expr *A : Args) {
    const Expr *Arg = bareArg(A);
    if (const auto *SL = dyn_cast<StringLiteral>(Arg); SL && SL->isOrdinary()) {
      std::string Text;
      llvm::raw_string_ostream OS(Text);
      SL->outputString(OS);
      Spelled.push_back(OS.str());
      continue;
    }
    QualType T = A->getType();
    if (!T->isArithmeticType() && !T->isEnumeralType()) {
      fail(A->getBeginLoc(),
           "gradc throws exceptions made of string literals and numbers, "
           "'throw std::invalid_argument(\"n must be positive\");'; this "
           "argument is neither: throw a fixed message, or build it where "
           "the function is called",
           A->getSourceRange());
      return;
    }
    Value *V = lowerExpr(A);
    if (!V)
      return;
    Spelled.emplace_back();
    Values.push_back(V);
  }
  at(TE->getBeginLoc());
  B.throwing(std::move(Type), std::move(Spelled), std::move(Values));
}

} // namespace gradc::frontend
