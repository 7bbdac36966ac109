//===- LocalTypes.cpp - Classes declared inside a function ----------------===//
#include "LocalTypes.h"

#include "TypeSpelling.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace gradc::frontend {

using namespace clang;

namespace {

/// A class or enumeration declared in a function that T names: itself,
/// through pointers, references and arrays, or as a template's argument
/// (`std::vector<Acc>`). A lambda's class is not one: gradc writes
/// lambdas as functions of their own.
const TagDecl *localTag(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  while (true) {
    if (const auto *P = T->getAs<PointerType>())
      T = P->getPointeeType().getCanonicalType();
    else if (const ArrayType *A = T->getAsArrayTypeUnsafe())
      T = A->getElementType().getCanonicalType();
    else
      break;
  }
  const TagDecl *TD = T->getAsTagDecl();
  if (!TD)
    return nullptr;
  if (const auto *RD = dyn_cast<CXXRecordDecl>(TD); RD && RD->isLambda())
    return nullptr;
  if (TD->getParentFunctionOrMethod())
    return TD;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(TD))
    for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
      if (A.getKind() == TemplateArgument::Type)
        if (const TagDecl *L = localTag(A.getAsType()))
          return L;
  return nullptr;
}

std::string functionOf(const TagDecl &TD) {
  if (const auto *FD =
          dyn_cast_or_null<FunctionDecl>(TD.getParentFunctionOrMethod()))
    return FD->getNameAsString();
  return "its function";
}

} // namespace

std::vector<ir::LocalType> localTypesOf(const FunctionDecl &FD) {
  std::vector<ir::LocalType> Types;
  // A lambda's body may name the classes of the function it is written in.
  if (const auto *MD = dyn_cast<CXXMethodDecl>(&FD);
      MD && MD->getParent()->isLambda())
    if (const auto *Outer = dyn_cast_or_null<FunctionDecl>(
            MD->getParent()->getParentFunctionOrMethod()))
      Types = localTypesOf(*Outer);
  const ASTContext &Ctx = FD.getASTContext();
  const SourceManager &SM = Ctx.getSourceManager();
  for (const Decl *D : FD.decls()) {
    // Aliases too (`typedef std::array<double, 2> P;`, `using Scalar =
    // double;`): generated code writes types as the user named them.
    const NamedDecl *ND = dyn_cast<TypedefNameDecl>(D);
    if (const auto *TD = dyn_cast<TagDecl>(D);
        TD && !TD->isImplicit() && TD->isThisDeclarationADefinition() &&
        !TD->getName().empty()) {
      if (const auto *RD = dyn_cast<CXXRecordDecl>(TD); RD && RD->isLambda())
        continue;
      ND = TD;
    }
    if (!ND || ND->isImplicit())
      continue;
    const auto *Alias = dyn_cast<TypedefNameDecl>(ND);
    // Two of one name (in two blocks) are written as what they stand for.
    if (Alias && !redeclarableAlias(*Alias))
      continue;
    CharSourceRange Range = SM.getExpansionRange(ND->getSourceRange());
    std::string Text = Lexer::getSourceText(Range, SM, Ctx.getLangOpts()).str();
    if (Text.empty())
      continue;
    // `typedef struct P {...} Q;` defines P, which has its own entry.
    if (const TagDecl *Tag =
            Alias ? Alias->getUnderlyingType()->getAsTagDecl() : nullptr;
        Tag && Tag->isEmbeddedInDeclarator() && !Tag->getName().empty())
      Text =
          "using " + Alias->getNameAsString() + " = " + Tag->getNameAsString();
    Types.push_back({ND->getNameAsString(), Text + ";"});
  }
  return Types;
}

const TagDecl *localTypeOf(const FunctionDecl &FD) {
  const TagDecl *Local = nullptr;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(&FD);
      MD && !MD->getParent()->isLambda())
    Local = localTag(FD.getASTContext().getRecordType(MD->getParent()));
  if (!Local)
    Local = localTag(FD.getReturnType());
  for (const ParmVarDecl *P : FD.parameters())
    if (!Local)
      Local = localTag(P->getType());
  return Local;
}

std::optional<std::string>
localTypeProblem(const FunctionDecl &FD, const std::string &Name,
                 const std::vector<const VarDecl *> &Captured) {
  const TagDecl *Local = localTypeOf(FD);
  for (const VarDecl *V : Captured)
    if (!Local)
      Local = localTag(V->getType());
  if (!Local)
    return std::nullopt;
  std::string Class = Local->getNameAsString();
  std::string Where = functionOf(*Local);
  return "'" + Name + "' works on '" + Class + "', which is declared inside '" +
         Where + "'; gradc writes the pullback of '" + Name + "' outside '" +
         Where + "', where '" + Class + "' has no name: declare '" + Class +
         "' outside the function";
}

} // namespace gradc::frontend
