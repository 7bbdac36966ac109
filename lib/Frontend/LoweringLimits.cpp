//===- LoweringLimits.cpp - The library's named floating constants --------===//
//
// `std::numeric_limits<double>::infinity()`, `max()`, `lowest()`,
// `epsilon()`, ... and <cmath>'s `INFINITY`, `NAN` and `HUGE_VAL` are
// constants: made constants here, the interpreter knows their values (their
// bodies are compiler builtins it cannot run), and the emitter writes them
// under the name the user wrote.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringSwitch.h"

namespace gradc::frontend {

using namespace clang;
using ir::Scalar;
using ir::Value;

namespace {

/// Builtins that <cmath>'s macros expand to.
bool isConstantBuiltin(StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases("__builtin_inf", "__builtin_inff", "__builtin_infl", true)
      .Cases("__builtin_huge_val", "__builtin_huge_valf", "__builtin_huge_vall",
             true)
      .Cases("__builtin_nan", "__builtin_nanf", "__builtin_nanl", true)
      .Default(false);
}

/// A macro of <cmath> the generated header (which includes <cmath>) may
/// name as the user did.
bool isCmathMacro(StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases("INFINITY", "NAN", "HUGE_VAL", "HUGE_VALF", "HUGE_VALL", true)
      .Default(false);
}

} // namespace

std::optional<Value *>
BodyLowering::lowerLibraryConstant(const CallExpr *CE,
                                   const FunctionDecl &Callee) {
  const auto *MD = dyn_cast<CXXMethodDecl>(&Callee);
  const auto *Limits =
      MD ? dyn_cast<ClassTemplateSpecializationDecl>(MD->getParent()) : nullptr;
  bool IsLimits = Limits && Limits->getIdentifier() &&
                  Limits->getName() == "numeric_limits" &&
                  Limits->isInStdNamespace() && MD->isStatic() &&
                  MD->getIdentifier() && CE->getNumArgs() == 0;
  bool IsBuiltin =
      Callee.getIdentifier() && isConstantBuiltin(Callee.getName());
  if (!IsLimits && !IsBuiltin)
    return std::nullopt;
  std::optional<Scalar> S = scalarTypeOf(CE->getType(), Ctx);
  Expr::EvalResult Result;
  if (!S || CE->isValueDependent() || !CE->EvaluateAsRValue(Result, Ctx))
    return std::nullopt;
  std::string Text;
  if (IsLimits) {
    Text = "std::numeric_limits<" + typeName(CE->getType()) +
           ">::" + MD->getName().str() + "()";
  } else if (SourceLocation Loc = CE->getBeginLoc(); Loc.isMacroID()) {
    Token Tok;
    if (!Lexer::getRawToken(SM.getExpansionLoc(Loc), Tok, SM, LO) &&
        Tok.is(tok::raw_identifier) && isCmathMacro(Tok.getRawIdentifier()))
      Text = Tok.getRawIdentifier().str();
  }
  at(CE->getBeginLoc());
  if (Result.Val.isInt())
    return makeConstant(*S, 0, Result.Val.getInt().getExtValue(), Text);
  if (!Result.Val.isFloat())
    return std::nullopt;
  // Constants are held as doubles: a long double's max would become inf.
  llvm::APFloat F = Result.Val.getFloat();
  bool LosesInfo = false;
  F.convert(llvm::APFloat::IEEEdouble(), llvm::APFloat::rmNearestTiesToEven,
            &LosesInfo);
  if (LosesInfo && !F.isNaN())
    return std::nullopt;
  return makeConstant(*S, F.convertToDouble(), 0, Text);
}

} // namespace gradc::frontend
