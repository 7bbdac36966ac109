//===- LoweringAlgorithmFold.cpp - Folds of <numeric> as loops ------------===//
//
// std::accumulate, std::inner_product, std::reduce and std::transform_reduce
// over a range of numbers, with or without operations of the user's: the
// loop each means, folding from the left into a variable of the result's
// type. `std::accumulate(x, x + n, 1.0, std::multiplies<>())` is
// `double prod = 1.0; for (int i = 0; i < n; ++i) prod = prod * x[i];`,
// and a lambda is called there: `acc = f_lambda(acc, x[i]);`.
//
// std::reduce and std::transform_reduce may group the elements as the
// library likes (libstdc++ adds them in fours), which is the left fold only
// for an associative and commutative operation: they are followed with
// std::plus or std::multiplies as their reduction, never a wrong value.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

namespace gradc::frontend {

using namespace clang;
using ir::Scalar;
using ir::Value;

std::optional<Value *> BodyLowering::lowerFold(const CallExpr *CE,
                                               StringRef Name) {
  bool Accumulate = Name == "accumulate", Inner = Name == "inner_product",
       Reduce = Name == "reduce", TransformReduce = Name == "transform_reduce";
  if (!Accumulate && !Inner && !Reduce && !TransformReduce)
    return std::nullopt;
  unsigned N = CE->getNumArgs();
  auto Arg = [&](unsigned K) { return CE->getArg(K); };
  auto Refuse = [&](const std::string &Advice) {
    return refuseAlgorithm(CE, Advice);
  };
  // Which argument is what: the second range's start, the initial value
  // (none: the element type's zero), the reduction and the transform.
  int Second = -1, Init = -1, Red = -1, Tr = -1;
  if (Accumulate && (N == 3 || N == 4)) {
    Init = 2;
    Red = N == 4 ? 3 : -1;
  } else if ((Inner || TransformReduce) && (N == 4 || N == 6)) {
    Second = 2;
    Init = 3;
    Red = N == 6 ? 4 : -1;
    Tr = N == 6 ? 5 : -1;
  } else if (TransformReduce && N == 5) {
    Init = 2;
    Red = 3;
    Tr = 4;
  } else if (Reduce && N >= 2 && N <= 4) {
    Init = N >= 3 ? 2 : -1;
    Red = N == 4 ? 3 : -1;
  } else {
    return std::nullopt;
  }
  std::optional<Scalar> T = scalarTypeOf(CE->getType(), Ctx);
  if (!T)
    return Refuse("its value must be a number");
  std::optional<Span> S = lowerSpan(Arg(0), Arg(1));
  Value *Other = Second >= 0 ? lowerPosition(Arg(Second)) : nullptr;
  Value *Start = Init >= 0 ? expectScalar(lowerExpr(Arg(Init)), Arg(Init))
                           : makeConstant(*T, 0, 0, "0");
  if (!S || !Start || (Second >= 0 && !Other))
    return nullptr;
  auto [OBase, OOff] =
      Other ? splitPointer(Other) : std::pair<Value *, Value *>();
  // The transform, applied to each element (or pair of elements) first.
  std::optional<Operation> Trans;
  if (Tr >= 0) {
    std::vector<Scalar> Elems{S->Base->Ty.scalarKind()};
    if (Other)
      Elems.push_back(OBase->Ty.scalarKind());
    Trans = lowerOperation(Arg(Tr), Elems, CE);
    if (!Trans)
      return nullptr;
    if (Trans->Ty.kind() == ir::Type::Void)
      return Refuse("its transform must return a value");
  }
  // What each step adds: the element, the product of two, or the
  // transform's value.
  Scalar Step = Trans ? Trans->Ty.scalarKind()
                : Other
                    ? std::max(S->Base->Ty.scalarKind(), OBase->Ty.scalarKind())
                    : S->Base->Ty.scalarKind();
  // (Converted to the result's type after each step of a grouping the
  // library chooses, the value depends on the grouping.)
  if ((Reduce || TransformReduce) && *T != Step)
    return Refuse("std::" + Name.str() +
                  " may group the elements in any order, and converts "
                  "each partial result to its initial value's type, which "
                  "is not theirs; give the initial value the type of the "
                  "elements ('0.0')");
  std::optional<Operation> Op;
  if (Red >= 0) {
    Op = lowerOperation(Arg(Red), {*T, Step}, CE);
    if (!Op)
      return nullptr;
    if (Op->Ty.kind() == ir::Type::Void)
      return Refuse("its operation must return a value");
    if ((Reduce || TransformReduce) && Op->Arith != '+' && Op->Arith != '*')
      return Refuse("std::" + Name.str() +
                    " may group the elements in any order, which is the "
                    "left fold gradc differentiates only for an associative "
                    "and commutative operation; gradc follows it with "
                    "std::plus<>() or std::multiplies<>(): for an operation "
                    "of your own, call std::accumulate (or "
                    "std::inner_product), which fold from the left");
  }
  at(CE->getBeginLoc());
  // The accumulator is named after the lambda's first parameter (`[](double
  // acc, double x)`), else after what it computes.
  std::string AccName = Op && Op->C ? Op->Fn->getParamDecl(0)->getNameAsString()
                        : Op && Op->Fn           ? "acc"
                        : Op && Op->Arith == '*' ? "prod"
                        : Other && !Trans        ? "dot"
                                                 : "sum";
  Value *Acc = B.local(*T, 0, AccName.empty() ? "acc" : AccName);
  B.store(Acc, convert(Start, *T, /*Implicit=*/true));
  bool Ok = true;
  countedLoop(S->Count, "i", [&](Value *I) {
    Value *E = B.load(S->Base, elementIndex(*S, I));
    Value *F = Other ? B.load(OBase, OOff->isConstValue(0) ? I : B.add(OOff, I))
                     : nullptr;
    if (Trans) {
      std::vector<Value *> Args{E};
      if (F)
        Args.push_back(F);
      E = callOperation(*Trans, std::move(Args));
    } else if (F) {
      E = B.mul(convert(E, Step, true), convert(F, Step, true));
    }
    Value *V = nullptr;
    if (!E) {
      Ok = false;
      return;
    }
    if (Op) {
      V = callOperation(*Op, {B.load(Acc), E});
      if (!V) {
        Ok = false;
        return;
      }
    } else { // acc = acc + e, in the type C++ adds them in
      Scalar Sum = std::max(*T, E->Ty.scalarKind());
      V = B.add(convert(B.load(Acc), Sum, true), convert(E, Sum, true));
    }
    B.store(Acc, convert(V, *T, true));
  });
  if (!Ok)
    return nullptr;
  return B.load(Acc);
}

} // namespace gradc::frontend
