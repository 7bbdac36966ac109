//===- LoweringMultiDim.cpp - Arrays of arrays as flat memory -------------===//
//
// A local `double a[3][4]` (any rank, constant sizes) is one Local of 12
// elements in row-major order, as C++ lays it out, and `a[i][j]` is element
// `i * 4 + j`; a row `a[i]`, used as a pointer, is `a + i * 4`. So the IR
// and everything after it see the flat memory they already know, and the
// generated code reads `a[i * 4 + j]`. Constant arrays of namespace scope
// of several dimensions are flattened the same way (LoweringGlobal.cpp).
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

bool BodyLowering::isMultiDimAccess(const ArraySubscriptExpr *ASE) const {
  SmallVector<const Expr *, 4> Indices;
  const Expr *Root = subscriptsOf(ASE, Indices);
  const auto *AT = Ctx.getAsArrayType(Root->getType());
  return AT && AT->getElementType()->isArrayType();
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
    const auto *CAT = Ctx.getAsConstantArrayType(T);
    Value *Idx = expectScalar(lowerExpr(IdxE), IdxE);
    if (!Idx || !CAT)
      return std::nullopt;
    if (!Idx->Ty.isInteger()) {
      fail(IdxE->getExprLoc(), "an index must be an integer",
           IdxE->getSourceRange());
      return std::nullopt;
    }
    at(IdxE->getBeginLoc());
    Idx = convert(Idx, Flat ? Flat->Ty.scalarKind() : Idx->Ty.scalarKind(),
                  /*Implicit=*/true);
    auto Size = static_cast<std::int64_t>(CAT->getSize().getZExtValue());
    Flat = Flat ? addScaled(Flat, Size, Idx) : Idx;
    T = CAT->getElementType();
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

} // namespace gradc::frontend
