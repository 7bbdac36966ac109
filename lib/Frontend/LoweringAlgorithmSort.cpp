//===- LoweringAlgorithmSort.cpp - std::sort as an insertion sort ---------===//
//
// std::sort, std::stable_sort, std::partial_sort and std::nth_element of a
// range of numbers (a local copy, an in/out array) become the insertion
// sort a person writes:
//
//   for (int i = 1; i < n; ++i) {
//     double key = y[i];
//     int j = i;
//     while (j > 0 && key < y[j - 1]) { y[j] = y[j - 1]; --j; }
//     y[j] = key;
//   }
//
// Values only move, so the reverse mode's handling of stores is the
// derivative: each sorted element's gradient flows back to where it came
// from, through the moves undone in reverse. It is stable, which both
// sorts allow (equal elements are equal values, so std::sort's choice
// among them changes nothing), and O(n^2), for the short ranges one takes
// a median or a trimmed mean of.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

namespace gradc::frontend {

using namespace clang;
using ir::CmpPred;
using ir::LoopKind;
using ir::Scalar;
using ir::Value;

std::optional<Value *> BodyLowering::lowerSort(const CallExpr *CE,
                                               StringRef Name) {
  // nth_element(first, nth, last) and partial_sort(first, middle, last)
  // sort the whole range, which meets what they promise: the elements
  // they leave in an order C++ does not say come out sorted.
  unsigned Last = Name == "nth_element" || Name == "partial_sort" ? 2 : 1;
  unsigned N = CE->getNumArgs();
  if (N != Last + 1 && N != Last + 2)
    return std::nullopt;
  std::optional<Span> S = lowerSpan(CE->getArg(0), CE->getArg(Last));
  if (!S || (Last == 2 && !lowerPosition(CE->getArg(1))))
    return nullptr;
  Scalar ET = S->Base->Ty.scalarKind();
  std::optional<Operation> Less;
  if (N == Last + 2 &&
      !(Less = lowerOperation(CE->getArg(Last + 1), {ET, ET}, CE)))
    return nullptr;
  if (Less && Less->Ty.kind() == ir::Type::Void)
    return refuseAlgorithm(CE, "its comparison must return a value");
  at(CE->getBeginLoc());
  auto Element = [&](Value *K) { return elementIndex(*S, K); };
  bool Ok = true;
  countedLoop(
      S->Count, "i",
      [&](Value *I) {
        Value *Key = B.load(S->Base, Element(I));
        Key->Name = "key";
        Value *J = B.local(Scalar::Int32, 0, "j");
        B.store(J, I);
        // while (j > 0 && key < y[j - 1]): the element before moves up. A
        // comparison of the user's is called in the body, `if
        // (!less(key, y[j - 1])) break;`, where it runs only when j > 0,
        // as C++ runs it (a loop's header calls everything it holds).
        Value *While = B.loop(LoopKind::While);
        ir::Block &Saved = B.block();
        ++RegionDepth;
        B.setBlock(While->Regions[ir::Cond]);
        Value *At = B.load(J);
        Value *Positive = B.cmp(CmpPred::GT, At, intConstant(0));
        bool Called = Less && !Less->Arith;
        if (Called) {
          B.yield(Positive);
          B.setBlock(While->Regions[ir::LoopBody]);
          At = B.load(J);
        }
        Value *Prev = B.load(S->Base, Element(B.sub(At, intConstant(1))));
        Value *Before = Less ? callOperation(*Less, {Key, Prev})
                             : B.cmp(CmpPred::LT, Key, Prev);
        if (!Before) {
          Ok = false;
        } else {
          Before = convert(Before, Scalar::Bool, /*Implicit=*/true);
          if (Called) { // the rest of the body in the if's else
            Value *If = B.ifOp(B.logicNot(Before));
            B.setBlock(If->Regions[ir::Then]);
            B.brk();
            B.setBlock(If->Regions[ir::Else]);
          } else {
            B.yield(B.logicAnd(Positive, Before));
            B.setBlock(While->Regions[ir::LoopBody]);
          }
          At = B.load(J);
          Value *Down = B.sub(At, intConstant(1));
          B.store(S->Base, B.load(S->Base, Element(Down)), Element(At));
          B.store(J, Down);
        }
        --RegionDepth;
        B.setBlock(Saved);
        B.store(S->Base, Key, Element(B.load(J)));
      },
      intConstant(1));
  if (!Ok)
    return nullptr;
  return makeConstant(Scalar::Int32, 0, 0, "0");
}

} // namespace gradc::frontend
