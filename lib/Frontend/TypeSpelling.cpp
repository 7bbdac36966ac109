//===- TypeSpelling.cpp - Types as generated code can write them ----------===//
#include "TypeSpelling.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Type.h"

namespace gradc::frontend {

using namespace clang;

bool redeclarableAlias(const TypedefNameDecl &D) {
  const auto *FD =
      dyn_cast_or_null<FunctionDecl>(D.getParentFunctionOrMethod());
  if (!FD)
    return false;
  for (const Decl *Other : FD->decls())
    if (const auto *A = dyn_cast<TypedefNameDecl>(Other);
        A && A != &D && A->getDeclName() == D.getDeclName())
      return false;
  return true;
}

namespace {

bool writable(QualType T, bool InBody);

bool writableArgs(ArrayRef<TemplateArgument> Args, bool InBody) {
  for (const TemplateArgument &A : Args)
    if (A.getKind() == TemplateArgument::Type &&
        !writable(A.getAsType(), InBody))
      return false;
  return true;
}

/// Whether T, printed as written, means T in a generated function.
bool writable(QualType T, bool InBody) {
  if (T.isNull())
    return true;
  const Type *Ty = T.getTypePtr();
  if (isa<DecltypeType, TypeOfExprType, TypeOfType>(Ty))
    return false;
  if (const auto *A = dyn_cast<DeducedType>(Ty))
    return A->getDeducedType().isNull() ||
           writable(A->getDeducedType(), InBody);
  if (const auto *TT = dyn_cast<TypedefType>(Ty)) {
    // A member alias (`value_type`) is written without its class. A
    // function's own aliases are declared again where they are used.
    const TypedefNameDecl &D = *TT->getDecl();
    if (D.getDeclContext()->isRecord())
      return false;
    return !D.getParentFunctionOrMethod() || (InBody && redeclarableAlias(D));
  }
  if (const auto *E = dyn_cast<ElaboratedType>(Ty)) {
    // `std::vector<P3>::value_type` is written in full.
    if (const NestedNameSpecifier *Q = E->getQualifier())
      return !Q->getAsType() || writable(QualType(Q->getAsType(), 0), InBody);
    return writable(E->getNamedType(), InBody);
  }
  if (const auto *S = dyn_cast<SubstTemplateTypeParmType>(Ty))
    return writable(S->getReplacementType(), InBody);
  if (const auto *S = dyn_cast<TemplateSpecializationType>(Ty))
    return writableArgs(S->template_arguments(), InBody);
  if (const auto *P = dyn_cast<PointerType>(Ty))
    return writable(P->getPointeeType(), InBody);
  if (const auto *R = dyn_cast<ReferenceType>(Ty))
    return writable(R->getPointeeType(), InBody);
  if (const auto *A = dyn_cast<ArrayType>(Ty))
    return writable(A->getElementType(), InBody);
  if (const auto *P = dyn_cast<ParenType>(Ty))
    return writable(P->getInnerType(), InBody);
  return true;
}

} // namespace

std::string spelledType(QualType T, const ASTContext &Ctx, bool InBody) {
  while (!writable(T, InBody)) {
    QualType Next = T.getSingleStepDesugaredType(Ctx);
    if (Next == T) {
      T = T.getCanonicalType();
      break;
    }
    T = Next;
  }
  return T.getAsString(Ctx.getPrintingPolicy());
}

} // namespace gradc::frontend
