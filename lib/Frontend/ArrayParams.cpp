//===- ArrayParams.cpp - Parameters that are arrays of arrays -------------===//
//
// `double m[][3]`, `double (*m)[3]`, `const double (&m)[3][3]` and `double
// m[2][3][4]` are one flat pointer to the IR, as local arrays of arrays are
// (LoweringMultiDim.cpp); the parameter keeps the sizes of the dimensions
// after the first, which the emitter needs to print `m[i][j]` back.
//
//===----------------------------------------------------------------------===//
#include "Lowering.h"

#include "clang/AST/ASTContext.h"

namespace gradc::frontend {

using namespace clang;

std::optional<RowShape> rowShape(QualType Row, const ASTContext &Ctx) {
  RowShape Shape;
  while (const auto *AT = Ctx.getAsArrayType(Row)) {
    const auto *CAT = dyn_cast<ConstantArrayType>(AT);
    if (!CAT)
      return std::nullopt; // a variable-length row
    auto Size = static_cast<std::int64_t>(CAT->getSize().getZExtValue());
    Shape.Dims.push_back(Size);
    Shape.Suffix += "[" + std::to_string(Size) + "]";
    Row = CAT->getElementType();
  }
  Shape.Elem = Row;
  return Shape;
}

} // namespace gradc::frontend
