//===- LoweringPrint.cpp - Printing left out of the generated code -------===//
//
// `printf(...)`, `fprintf(stderr, ...)`, `puts(...)`, `std::cout << ...`
// and `std::cerr << ... << std::endl` as statements compute nothing the
// gradient needs. The generated functions leave them out, with a warning at
// the statement: kept, they would print again wherever a caller's pullback
// runs a helper's forward sweep again, and once per sweep of
// `--check`. An argument that changes something (`printf("%d", k++)`) is
// refused, since leaving it out would lose the change.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSwitch.h"

namespace gradc::frontend {

using namespace clang;

namespace {

/// C's functions that print, as <cstdio> declares them (also `std::`).
bool isPrintFunction(const FunctionDecl *Callee, const SourceManager &SM) {
  if (!Callee || !Callee->getIdentifier() ||
      !SM.isInSystemHeader(Callee->getLocation()))
    return false;
  const DeclContext *DC = Callee->getDeclContext()->getRedeclContext();
  if (!DC->isTranslationUnit() && !DC->isStdNamespace())
    return false;
  return llvm::StringSwitch<bool>(Callee->getName())
      .Cases("printf", "fprintf", "puts", "fputs", "putchar", "fputc", "putc",
             true)
      .Case("fflush", true)
      .Default(false);
}

/// Whether T is a std::basic_ostream or derived from one (`std::cout`,
/// `std::ofstream`).
bool isOstream(QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  auto Is = [](const CXXRecordDecl *R) {
    return R->getIdentifier() && R->getName() == "basic_ostream" &&
           R->isInStdNamespace();
  };
  if (Is(RD))
    return true;
  bool Derived = false;
  RD->forallBases([&](const CXXRecordDecl *Base) {
    Derived |= Is(Base);
    return true;
  });
  return Derived;
}

/// The operands a printing statement computes, or false if E does not
/// print: the arguments of printf, what `<<` sends to a stream.
bool printedOperands(const Expr *E, const SourceManager &SM,
                     SmallVectorImpl<const Expr *> &Ops) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Cast = dyn_cast<CStyleCastExpr>(E); // (void)printf(...)
      Cast && Cast->getType()->isVoidType())
    return printedOperands(Cast->getSubExpr(), SM, Ops);
  if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (OCE->getOperator() != OO_LessLess || OCE->getNumArgs() != 2 ||
        !isOstream(OCE->getType()))
      return false;
    Ops.push_back(OCE->getArg(1));
    const Expr *Stream = OCE->getArg(0)->IgnoreParenImpCasts();
    if (isOstream(Stream->getType()) && isa<DeclRefExpr>(Stream))
      return true; // `std::cout`
    return printedOperands(Stream, SM, Ops);
  }
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(E)) { // std::cout.flush()
    const Expr *Obj = MCE->getImplicitObjectArgument();
    if (!Obj || !isOstream(Obj->getType()))
      return false;
    Ops.append(MCE->arg_begin(), MCE->arg_end());
    Obj = Obj->IgnoreParenImpCasts();
    return isa<DeclRefExpr>(Obj) || printedOperands(Obj, SM, Ops);
  }
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    if (!isPrintFunction(CE->getDirectCallee(), SM))
      return false;
    Ops.append(CE->arg_begin(), CE->arg_end());
    return true;
  }
  return false;
}

} // namespace

bool BodyLowering::isPrinting(const Stmt *S) {
  const auto *E = dyn_cast<Expr>(S);
  SmallVector<const Expr *, 4> Ops;
  if (!E || !printedOperands(E, SM, Ops))
    return false;
  for (const Expr *Op : Ops)
    if (Op->HasSideEffects(Ctx, /*IncludePossibleEffects=*/false)) {
      fail(Op->getBeginLoc(),
           "this printed value changes a variable; gradc leaves printing out "
           "of the generated functions, which would lose the change: make "
           "it in a statement of its own before printing",
           Op->getSourceRange());
      return true;
    }
  R.warning(S->getBeginLoc(),
            "the generated functions leave this printing out: it carries no "
            "derivative ('" +
                functionName() +
                "' itself still prints); to silence this, put it under "
                "'#ifndef __GRADC__'",
            S->getSourceRange());
  return true;
}

} // namespace gradc::frontend
