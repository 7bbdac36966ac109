//===- OperatorNames.cpp - Names of the user's operators ------------------===//
#include "OperatorNames.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

#include <cctype>

namespace gradc::frontend {

using namespace clang;

std::string operatorWord(OverloadedOperatorKind K, unsigned Arity) {
  switch (K) {
  case OO_Plus:
    return Arity == 1 ? "unary_plus" : "plus";
  case OO_Minus:
    return Arity == 1 ? "negate" : "minus";
  case OO_Star:
    return Arity == 1 ? "" : "times";
  case OO_Slash:
    return "divide";
  case OO_PlusEqual:
    return "plus_assign";
  case OO_MinusEqual:
    return "minus_assign";
  case OO_StarEqual:
    return "times_assign";
  case OO_SlashEqual:
    return "divide_assign";
  case OO_EqualEqual:
    return "equal";
  case OO_ExclaimEqual:
    return "not_equal";
  case OO_Less:
    return "less";
  case OO_LessEqual:
    return "less_equal";
  case OO_Greater:
    return "greater";
  case OO_GreaterEqual:
    return "greater_equal";
  case OO_Call:
    return "call";
  case OO_Subscript:
    return "index";
  default:
    return "";
  }
}

/// T as a piece of an identifier: `Vec3`, `double`, `unsigned_int`.
static std::string typeWord(QualType T) {
  T = T.getNonReferenceType().getUnqualifiedType();
  std::string Text = T->getAsRecordDecl()
                         ? T->getAsRecordDecl()->getName().str()
                         : T.getAsString();
  std::string Word;
  for (char C : Text)
    if (std::isalnum(static_cast<unsigned char>(C)))
      Word += C;
    else if (!Word.empty() && Word.back() != '_')
      Word += '_';
  while (!Word.empty() && Word.back() == '_')
    Word.pop_back();
  return Word;
}

std::string functionName(const FunctionDecl &FD) {
  if (!FD.isOverloadedOperator())
    return FD.getNameAsString();
  const auto *MD = dyn_cast<CXXMethodDecl>(&FD);
  bool Member = MD && MD->isInstance();
  unsigned Arity = FD.getNumParams() + Member;
  std::string Word = operatorWord(FD.getOverloadedOperator(), Arity);
  if (Word.empty())
    Word = "operator";
  // The operands' types, the object's first; the second is left out when
  // it is the first's (`Vec3_plus`) and for `()` and `[]`, whose
  // arguments are indices.
  std::string First =
      Member ? std::string() : typeWord(FD.getParamDecl(0)->getType());
  QualType FirstT = Member ? QualType(MD->getParent()->getTypeForDecl(), 0)
                           : FD.getParamDecl(0)->getType();
  std::string Name = First.empty() ? Word : First + "_" + Word;
  unsigned Second = Member ? 0 : 1;
  OverloadedOperatorKind K = FD.getOverloadedOperator();
  if (Arity == 2 && K != OO_Subscript && K != OO_Call &&
      Second < FD.getNumParams()) {
    std::string SecondWord = typeWord(FD.getParamDecl(Second)->getType());
    if (SecondWord != typeWord(FirstT))
      Name += "_" + SecondWord;
  }
  return Name;
}

std::string resultName(const FunctionDecl &FD) {
  if (!FD.isOverloadedOperator())
    return FD.getNameAsString() + "_result";
  // Never a word a user's function might be called (`sum`): the local
  // would hide it.
  const auto *MD = dyn_cast<CXXMethodDecl>(&FD);
  unsigned Arity = FD.getNumParams() + (MD && MD->isInstance());
  return operatorWord(FD.getOverloadedOperator(), Arity) + "_result";
}

bool returnsSelf(const FunctionDecl &FD) {
  QualType RT = FD.getReturnType();
  if (!RT->isLValueReferenceType())
    return false;
  switch (FD.getOverloadedOperator()) {
  case OO_PlusEqual:
  case OO_MinusEqual:
  case OO_StarEqual:
  case OO_SlashEqual:
    break;
  default:
    return false;
  }
  const CXXRecordDecl *RD = RT.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD)
    return false;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(&FD))
    return MD->isInstance() &&
           RD->getCanonicalDecl() == MD->getParent()->getCanonicalDecl();
  // `Vec2 &operator+=(Vec2 &a, const Vec2 &b)`: its first operand.
  return selfParam(FD) != nullptr;
}

const ParmVarDecl *selfParam(const FunctionDecl &FD) {
  if (isa<CXXMethodDecl>(FD) || FD.getNumParams() != 2)
    return nullptr;
  const ParmVarDecl *P = FD.getParamDecl(0);
  QualType PT = P->getType(), RT = FD.getReturnType();
  if (!PT->isLValueReferenceType() ||
      PT.getNonReferenceType().isConstQualified() ||
      !RT->isLValueReferenceType())
    return nullptr;
  const CXXRecordDecl *PD = PT.getNonReferenceType()->getAsCXXRecordDecl();
  const CXXRecordDecl *RD = RT.getNonReferenceType()->getAsCXXRecordDecl();
  return PD && RD && PD->getCanonicalDecl() == RD->getCanonicalDecl() ? P
                                                                      : nullptr;
}

std::optional<std::string> operatorProblem(const FunctionDecl &FD) {
  if (!FD.isOverloadedOperator())
    return std::nullopt;
  const auto *MD = dyn_cast<CXXMethodDecl>(&FD);
  unsigned Arity = FD.getNumParams() + (MD && MD->isInstance());
  std::string Op =
      std::string("operator") + getOperatorSpelling(FD.getOverloadedOperator());
  if (operatorWord(FD.getOverloadedOperator(), Arity).empty())
    return "'" + Op +
           "' of a struct is not supported; gradc lowers the arithmetic (+ - "
           "* /), compound assignment (+= -= *= /=), comparison (== != < <= > "
           ">=), () and [] operators: write a named function instead";
  for (const ParmVarDecl *P : FD.parameters())
    if (P->getType()->isPointerType() || P->getType()->isArrayType())
      return "'" + Op +
             "' takes a pointer; operators taking pointers are not supported: "
             "pass a reference to a struct, or write a named function";
  if (FD.getReturnType()->isPointerType())
    return "'" + Op +
           "' returns a pointer; operators returning pointers are not "
           "supported: write a named function";
  return std::nullopt;
}

bool isThisDeref(const Expr *E) {
  const auto *UO = dyn_cast<UnaryOperator>(E->IgnoreParenImpCasts());
  return UO && UO->getOpcode() == UO_Deref &&
         isa<CXXThisExpr>(UO->getSubExpr()->IgnoreParenImpCasts());
}

} // namespace gradc::frontend
