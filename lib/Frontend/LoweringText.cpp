//===- LoweringText.cpp - std::string parameters that are compared --------===//
//
// A `const std::string &kind` parameter that the function decides by
// (`if (kind == "tanh")`) is a passive value (gradc/IR/Text.h): `==` and
// `!=` of two texts are comparisons, and a literal is a constant spelled
// as the user wrote it. Anything else done with text is refused: gradc
// follows no text that is built, changed or turned into numbers.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"
#include "TextParams.h"

#include "gradc/IR/Text.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

namespace gradc::frontend {

using namespace clang;
using ir::Value;

bool isTextType(QualType T) {
  if (T.isNull())
    return false;
  const auto *RD = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType()->getAsCXXRecordDecl());
  if (!RD || !RD->isInStdNamespace() ||
      (RD->getName() != "basic_string" && RD->getName() != "basic_string_view"))
    return false;
  const TemplateArgumentList &Args = RD->getTemplateArgs();
  return Args.size() > 0 && Args[0].getKind() == TemplateArgument::Type &&
         Args[0].getAsType().getCanonicalType()->isCharType();
}

/// What gradc follows of text, for the refusals.
static const char *TextAdvice =
    "; gradc follows a 'std::string' parameter that the function only "
    "compares ('kind == \"tanh\"', 'kind != other') or passes on to a "
    "function of yours: keep building, changing or converting text out of "
    "the function to differentiate";

std::optional<Value *> BodyLowering::lowerTextCall(const CallExpr *CE) {
  bool Text = isTextType(CE->getType());
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(CE))
    Text |= MCE->getImplicitObjectArgument() &&
            isTextType(MCE->getImplicitObjectArgument()->getType());
  for (const Expr *Arg : CE->arguments())
    Text |= isTextType(Arg->getType());
  const FunctionDecl *Callee = CE->getDirectCallee();
  // A function of the user's takes text as it takes a number.
  if (!Text || (Callee && !SM.isInSystemHeader(Callee->getLocation())))
    return std::nullopt;
  const auto *OCE = dyn_cast<CXXOperatorCallExpr>(CE);
  if (OCE && OCE->getNumArgs() == 2 &&
      (OCE->getOperator() == OO_EqualEqual ||
       OCE->getOperator() == OO_ExclaimEqual)) {
    Value *L = lowerText(OCE->getArg(0));
    Value *R = L ? lowerText(OCE->getArg(1)) : nullptr;
    if (!R)
      return nullptr;
    at(OCE->getOperatorLoc());
    return B.cmp(OCE->getOperator() == OO_EqualEqual ? ir::CmpPred::EQ
                                                     : ir::CmpPred::NE,
                 L, R);
  }
  return fail(OCE ? OCE->getOperatorLoc() : CE->getExprLoc(),
              "'" + sourceText(CE->getSourceRange()) +
                  "' uses text in a way gradc does not follow" + TextAdvice,
              CE->getSourceRange());
}

Value *BodyLowering::lowerText(const Expr *E) {
  // Through the conversions to std::string: `kind == std::string("x")`,
  // a literal passed to a `const std::string &`.
  const Expr *X = E->IgnoreImplicit()->IgnoreParens();
  for (;;) {
    if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(X);
        FC && isTextType(FC->getType()))
      X = FC->getSubExpr();
    // A std::string seen as a std::string_view.
    if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(X);
        MCE && isa_and_nonnull<CXXConversionDecl>(MCE->getMethodDecl()) &&
        isTextType(MCE->getType()) && MCE->getImplicitObjectArgument() &&
        isTextType(MCE->getImplicitObjectArgument()->getType())) {
      X = MCE->getImplicitObjectArgument()->IgnoreImplicit()->IgnoreParens();
      continue;
    }
    const auto *CCE = dyn_cast<CXXConstructExpr>(X);
    if (!CCE || !isTextType(CCE->getType()) || CCE->getNumArgs() == 0 ||
        !llvm::all_of(llvm::drop_begin(CCE->arguments()),
                      [](const Expr *A) { return isa<CXXDefaultArgExpr>(A); }))
      break;
    X = CCE->getArg(0)->IgnoreImplicit()->IgnoreParens();
  }
  if (const auto *SL = dyn_cast<StringLiteral>(X);
      SL && (SL->isOrdinary() || SL->isUTF8())) {
    std::int64_t N = ir::internText(SL->getString().str());
    std::string Spelled =
        SL->getBeginLoc().isFileID() && SL->getEndLoc().isFileID()
            ? sourceText(SL->getSourceRange())
            : ir::textLiteral(N);
    at(SL->getBeginLoc());
    return B.constant(static_cast<double>(N), ir::textType(), Spelled);
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(X);
      DRE && isTextType(DRE->getType()) && isa<ParmVarDecl>(DRE->getDecl())) {
    Value *V = lowerDeclRef(DRE);
    if (!V || ir::isText(V->Ty))
      return V;
  }
  return fail(X->getBeginLoc(),
              "'" + sourceText(E->getSourceRange()) +
                  "' is text that gradc does not follow here" + TextAdvice,
              E->getSourceRange());
}

} // namespace gradc::frontend
