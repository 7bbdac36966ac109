//===- LoweringSwapWhole.cpp - Swaps of arrays and containers -------------===//
//
// `std::swap(a, b)` of two arrays, std::arrays or std::vectors of numbers,
// and `T.swap(Tn)` of two vectors (the old and new state of a time
// stepper): the loop that exchanges their elements, one by one. For two
// vectors of one size that is what the library's exchange of buffers
// leaves, and each element's derivative follows it; vectors whose sizes
// gradc cannot prove equal, or that change size, are refused.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

namespace gradc::frontend {

using namespace clang;
using ir::Scalar;
using ir::Value;

Value *BodyLowering::lowerSwapWhole(const Expr *A, const Expr *Other,
                                    const Expr *Call) {
  QualType T = A->getType().getNonReferenceType();
  SourceLocation Loc = Call->getBeginLoc();
  auto Refuse = [&](const std::string &Why) -> Value * {
    return fail(Loc,
                "swapping these '" + typeName(T.getUnqualifiedType()) +
                    "' is not supported: " + Why,
                Call->getSourceRange());
  };
  if (!Ctx.hasSameUnqualifiedType(T, Other->getType().getNonReferenceType()))
    return Refuse("gradc swaps two of one type");
  Value *PA = nullptr, *PB = nullptr, *Count = nullptr;
  if (std::optional<ContainerShape> C = containerShape(T, Ctx)) {
    PA = lowerWrittenContainer(A);
    PB = PA ? lowerWrittenContainer(Other) : nullptr;
    if (!PB)
      return nullptr;
    auto Grows = [](const Value *P) {
      return P->Code == ir::OpCode::Local && P->Operands.size() > 1;
    };
    if (C->IsVector && (Grows(PA) || Grows(PB)))
      return Refuse("one of them changes size, and a swap would exchange "
                    "their sizes; swap the elements in a loop of your own");
    at(Loc);
    Count = containerCount(PA, *C);
    if (C->IsVector && !sameCount(Count, containerCount(PB, *C)))
      return Refuse("gradc swaps two std::vectors of one size, and cannot "
                    "prove these are ('std::vector<double> a(n), b(n);')");
  } else if (std::optional<std::pair<std::int64_t, QualType>> Shape =
                 flatArrayShape(T, Ctx);
             Shape && T->isArrayType() && scalarTypeOf(Shape->second, Ctx)) {
    PA = lowerWrittenContainer(A);
    PB = PA ? lowerWrittenContainer(Other) : nullptr;
    if (!PB)
      return nullptr;
    Count = makeConstant(Scalar::Int32, 0, Shape->first,
                         std::to_string(Shape->first));
  } else {
    return Refuse("gradc swaps numbers, and arrays, std::arrays and "
                  "std::vectors of numbers; swap the members one by one");
  }
  at(Loc);
  Scalar S = PA->Ty.scalarKind();
  countedLoop(convert(Count, Scalar::Int32, /*Implicit=*/false), "i",
              [&](Value *I) {
                Value *VA = B.load(PA, I);
                Value *VB = B.load(PB, I);
                B.store(PA, convert(VB, S, /*Implicit=*/true), I);
                B.store(PB, convert(VA, S, /*Implicit=*/true), I);
              });
  return PA;
}

} // namespace gradc::frontend
