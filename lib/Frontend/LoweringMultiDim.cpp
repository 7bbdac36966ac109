//===- LoweringMultiDim.cpp - Arrays of arrays as flat memory -------------===//
//
// A local `double a[3][4]` (any rank, constant sizes) is one Local of 12
// elements in row-major order, as C++ lays it out, and `a[i][j]` is element
// `i * 4 + j`; a row `a[i]`, used as a pointer, is `a + i * 4`. So the IR
// and everything after it see the flat memory they already know. The
// local keeps the sizes after the first (RowDims), as a parameter `double
// m[][4]` does, so that generated code declares `double a[3][4]` and reads
// `a[i][j]` (lib/Emit/RowSubscripts.cpp). Constant arrays of namespace
// scope of several dimensions are flattened the same way
// (LoweringGlobal.cpp).
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

#include <algorithm>

namespace gradc::frontend {

using namespace clang;
using ir::Scalar;
using ir::Value;

std::optional<std::pair<std::int64_t, QualType>>
flatArrayShape(QualType T, const ASTContext &Ctx) {
  std::int64_t Count = 1;
  while (const auto *AT = Ctx.getAsArrayType(T)) {
    const auto *CAT = dyn_cast<ConstantArrayType>(AT);
    if (!CAT)
      return std::nullopt;
    Count *= static_cast<std::int64_t>(CAT->getSize().getZExtValue());
    T = CAT->getElementType();
  }
  return std::make_pair(Count, T);
}

std::int64_t listStride(const InitListExpr *L, const ASTContext &Ctx) {
  if (const auto *AT = Ctx.getAsArrayType(L->getType()))
    if (auto Row = flatArrayShape(AT->getElementType(), Ctx))
      return Row->first;
  return 1;
}

/// The subscripts of `a[i][j]...` from the outside in, and the array a.
static const Expr *subscriptsOf(const ArraySubscriptExpr *ASE,
                                SmallVectorImpl<const Expr *> &Indices) {
  const Expr *E = ASE;
  while (const auto *S = dyn_cast<ArraySubscriptExpr>(E)) {
    Indices.push_back(S->getIdx());
    E = S->getBase()->IgnoreParenImpCasts();
  }
  std::reverse(Indices.begin(), Indices.end());
  return E;
}

/// The rows of an array of arrays: its element type, or what a pointer to
/// rows (a parameter `double m[][3]`) points to; null for anything else.
static const ArrayType *rowsOf(QualType T, const ASTContext &Ctx) {
  if (T->isPointerType())
    return Ctx.getAsArrayType(T->getPointeeType());
  const auto *AT = Ctx.getAsArrayType(T);
  return AT ? Ctx.getAsArrayType(AT->getElementType()) : nullptr;
}

bool BodyLowering::isMultiDimAccess(const ArraySubscriptExpr *ASE) const {
  SmallVector<const Expr *, 4> Indices;
  const Expr *Root = subscriptsOf(ASE, Indices);
  return rowsOf(Root->getType(), Ctx) != nullptr;
}

Value *BodyLowering::addScaled(Value *Flat, std::int64_t Size, Value *Idx) {
  Scalar S = Flat->Ty.scalarKind();
  // Constant subscripts (`a[1][2]`) give a constant index (5).
  if (Flat->isConst() && (!Idx || Idx->isConst())) {
    std::int64_t V = Flat->IVal * Size + (Idx ? Idx->IVal : 0);
    return makeConstant(S, static_cast<double>(V), V, std::to_string(V));
  }
  Value *Scaled = B.mul(Flat, makeConstant(S, static_cast<double>(Size), Size,
                                           std::to_string(Size)));
  return Idx ? B.add(Scaled, Idx) : Scaled;
}

std::optional<BodyLowering::Target>
BodyLowering::lowerMultiDim(const ArraySubscriptExpr *ASE) {
  SmallVector<const Expr *, 4> Indices;
  const Expr *Root = subscriptsOf(ASE, Indices);
  Value *Base = lowerPointer(Root);
  if (!Base)
    return std::nullopt;
  // Row-major: ((i0 * d1 + i1) * d2 + i2) ..., then times what a partial
  // subscript leaves (a row's size).
  QualType T = Root->getType();
  Value *Flat = nullptr;
  for (const Expr *IdxE : Indices) {
    // The first subscript's size plays no part: a pointer to rows (a
    // parameter `double m[][3]`) is indexed as an array of them.
    const ArrayType *AT =
        Flat ? Ctx.getAsConstantArrayType(T) : Ctx.getAsArrayType(T);
    QualType Elem = AT                   ? AT->getElementType()
                    : T->isPointerType() ? T->getPointeeType()
                                         : QualType();
    Value *Idx = expectScalar(lowerExpr(IdxE), IdxE);
    if (!Idx || Elem.isNull())
      return std::nullopt;
    if (!Idx->Ty.isInteger()) {
      fail(IdxE->getExprLoc(), "an index must be an integer",
           IdxE->getSourceRange());
      return std::nullopt;
    }
    at(IdxE->getBeginLoc());
    Idx = convert(Idx, Flat ? Flat->Ty.scalarKind() : Idx->Ty.scalarKind(),
                  /*Implicit=*/true);
    if (Flat) {
      const auto *CAT = cast<ConstantArrayType>(AT);
      auto Size = static_cast<std::int64_t>(CAT->getSize().getZExtValue());
      Flat = addScaled(Flat, Size, Idx);
    } else {
      Flat = Idx;
    }
    T = Elem;
  }
  Target Tg;
  Tg.Ptr = Base;
  Tg.Index = Flat;
  Tg.S = Base->Ty.scalarKind();
  std::optional<std::pair<std::int64_t, QualType>> Row = flatArrayShape(T, Ctx);
  if (Row && T->isArrayType()) {
    // A row: the index of its first element.
    at(ASE->getBeginLoc());
    Tg.Index = addScaled(Flat, Row->first, nullptr);
  }
  return Tg;
}

Value *BodyLowering::lowerRow(const ArraySubscriptExpr *ASE) {
  std::optional<Target> T = lowerMultiDim(ASE);
  if (!T)
    return nullptr;
  at(ASE->getBeginLoc());
  return B.offset(T->Ptr, T->Index);
}

bool BodyLowering::isShapedLocal(const ValueDecl *VD) const {
  const auto *Var = dyn_cast<VarDecl>(VD);
  auto It = Var ? Pointers.find(Var) : Pointers.end();
  if (It == Pointers.end() || !It->second)
    return false;
  if (It->second->Code == ir::OpCode::Local)
    return !It->second->RowDims.empty();
  // In a lambda's function a captured array of arrays is a parameter of
  // that function, with its shape.
  return llvm::any_of(F.Params, [&](const ir::Param &P) {
    return P.V == It->second && !P.RowDims.empty();
  });
}

bool BodyLowering::refuseRowsArgument(const Expr *Arg, QualType PT,
                                      const std::string &Callee) {
  if (!rowsOf(PT.getNonReferenceType(), Ctx))
    return false;
  // The caller's own array of arrays, which the generated code declares
  // with its shape, as a parameter or a local (`double A[3][3]`).
  const auto *DRE = dyn_cast<DeclRefExpr>(Arg->IgnoreParenImpCasts());
  if (DRE && DRE->refersToEnclosingVariableOrCapture()) {
    // In a lambda it is a pointer to rows, which a reference to an array
    // of arrays (`const double (&m)[3][3]`) cannot be bound to.
    if (!PT->isReferenceType())
      return false;
    const ArrayType *Row = rowsOf(PT.getNonReferenceType(), Ctx);
    std::optional<RowShape> Shape = rowShape(QualType(Row, 0), Ctx);
    fail(Arg->getBeginLoc(),
         "passing '" + sourceText(Arg->getSourceRange()) +
             "', captured by the lambda, to '" + Callee +
             "', which takes a reference to an array of arrays, is not "
             "supported yet; make '" +
             Callee + "' take a pointer to rows ('const " +
             typeName(Shape->Elem.getUnqualifiedType()) + " m[]" +
             Shape->Suffix +
             "'), or call it outside the lambda and capture its result",
         Arg->getSourceRange());
    return true;
  }
  if (DRE &&
      (isa<ParmVarDecl>(DRE->getDecl()) || isShapedLocal(DRE->getDecl())))
    return false;
  fail(Arg->getBeginLoc(),
       "passing '" + sourceText(Arg->getSourceRange()) + "' to '" + Callee +
           "', which takes an array of arrays, is not supported yet; gradc "
           "passes on a whole array of arrays, not a part of one that is "
           "itself an array of arrays: make '" +
           Callee +
           "' take a flat array ('const double *') indexed as "
           "a[i * n + j]",
       Arg->getSourceRange());
  return true;
}

} // namespace gradc::frontend
