//===- LoweringAlgorithmSearch.cpp - std::lower_bound, std::upper_bound ---===//
//
// std::lower_bound and std::upper_bound over a range of numbers become the
// binary search the standard library runs, the same comparisons in the
// same order (so the same position, sorted range or not):
//
//   int first = 0, count = n;
//   while (count > 0) {
//     int half = count / 2;
//     if (xs[first + half] < x) { first += half + 1; count -= half + 1; }
//     else count = half;
//   }
//
// (upper_bound's test is `!(x < xs[first + half])`.) The position is a
// passive index into the range, as what std::max_element returns: what
// is read through it is differentiated, the choice of interval is not.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

namespace gradc::frontend {

using namespace clang;
using ir::CmpPred;
using ir::LoopKind;
using ir::Scalar;
using ir::Value;

namespace {

/// The type C++ compares a number of type A with one of type B in, when
/// gradc can say without a table of integer promotions: the same type, or
/// a floating type beside an integer, or the wider of two floating types.
std::optional<Scalar> comparedIn(Scalar A, Scalar B) {
  if (A == B)
    return A;
  if (ir::isFloating(A) != ir::isFloating(B))
    return ir::isFloating(A) ? A : B;
  if (!ir::isFloating(A))
    return std::nullopt;
  for (Scalar Wide : {Scalar::Float80, Scalar::Float64})
    if (A == Wide || B == Wide)
      return Wide;
  return A;
}

} // namespace

std::optional<Value *> BodyLowering::lowerBound(const CallExpr *CE,
                                                StringRef Name) {
  unsigned N = CE->getNumArgs();
  if (N != 3 && N != 4)
    return std::nullopt;
  bool Upper = Name == "upper_bound";
  std::optional<Span> S = lowerSpan(CE->getArg(0), CE->getArg(1));
  Value *X = expectScalar(lowerExpr(CE->getArg(2)), CE->getArg(2));
  if (!S || !X)
    return nullptr;
  Scalar ET = S->Base->Ty.scalarKind();
  Scalar XT = X->Ty.scalarKind();
  std::optional<Operation> Less;
  std::optional<Scalar> Common = comparedIn(ET, XT);
  if (N == 4) {
    // upper_bound calls comp(value, element), lower_bound comp(element,
    // value).
    if (!(Less = lowerOperation(CE->getArg(3),
                                Upper ? std::vector<Scalar>{XT, ET}
                                      : std::vector<Scalar>{ET, XT},
                                CE)))
      return nullptr;
    if (Less->Ty.kind() == ir::Type::Void)
      return refuseAlgorithm(CE, "its comparison must return a value");
  } else if (!Common) {
    return refuseAlgorithm(
        CE, "gradc compares a value with elements of the same integer type; "
            "convert the value ('static_cast<" +
                CE->getArg(0)
                    ->getType()
                    .getNonReferenceType()
                    ->getPointeeOrArrayElementType()
                    ->getCanonicalTypeInternal()
                    .getAsString() +
                ">(...)')");
  }
  at(CE->getBeginLoc());
  Value *First = B.local(Scalar::Int32, 0, "first");
  B.store(First, intConstant(0));
  Value *Count = B.local(Scalar::Int32, 0, "count");
  B.store(Count, convert(S->Count, Scalar::Int32, /*Implicit=*/true));
  Value *While = B.loop(LoopKind::While);
  ir::Block &Saved = B.block();
  ++RegionDepth;
  B.setBlock(While->Regions[ir::Cond]);
  B.yield(B.cmp(CmpPred::GT, B.load(Count), intConstant(0)));
  B.setBlock(While->Regions[ir::LoopBody]);
  Value *Half = B.div(B.load(Count), intConstant(2));
  Half->Name = "half";
  Value *E = B.load(S->Base, elementIndex(*S, B.add(B.load(First), Half)));
  Value *Before = nullptr; // the element is before the position sought
  if (Less) {
    Value *C =
        Upper ? callOperation(*Less, {X, E}) : callOperation(*Less, {E, X});
    if (C)
      C = convert(C, Scalar::Bool, /*Implicit=*/true);
    Before = C && Upper ? B.logicNot(C) : C;
  } else {
    Value *CX = convert(X, *Common, /*Implicit=*/true);
    Value *CEl = convert(E, *Common, /*Implicit=*/true);
    Before = Upper ? B.logicNot(B.cmp(CmpPred::LT, CX, CEl))
                   : B.cmp(CmpPred::LT, CEl, CX);
  }
  if (Before) {
    Value *If = B.ifOp(Before);
    B.setBlock(If->Regions[ir::Then]);
    Value *Past = B.add(Half, intConstant(1));
    B.store(First, B.add(B.load(First), Past));
    B.store(Count, B.sub(B.load(Count), Past));
    B.setBlock(If->Regions[ir::Else]);
    B.store(Count, Half);
  }
  --RegionDepth;
  B.setBlock(Saved);
  if (!Before)
    return nullptr;
  return B.offset(S->Base, elementIndex(*S, B.load(First)));
}

} // namespace gradc::frontend
