//===- LoweringIterator.cpp - Loops over a container's iterators ----------===//
//
// `for (auto it = v.begin(); it != v.end(); ++it) s += *it;`: an iterator
// of a std::vector (a class the library calls one) is lowered as the
// pointer it wraps, a moving pointer (LoweringPointer.cpp): its container's
// elements and an offset, `*it` an element, `++it` and `it += k` a step of
// the offset, `it != last` and `last - it` offsets compared or subtracted.
// A std::array's iterators are pointers already; their `begin()` and
// `end()` are positions (LoweringAlgorithm.cpp) either way.
// A reverse iterator (`v.rbegin()`) is the pointer to the element it
// designates, one before the one it wraps: `rbegin()` is the last element,
// `rend()` offset -1, and its steps, differences and comparisons go the
// other way.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"
#include "IteratorParams.h"

namespace gradc::frontend {

using namespace clang;
using ir::CmpPred;
using ir::Scalar;
using ir::Value;

void BodyLowering::lowerIteratorDecl(const VarDecl *VD) {
  const Expr *Init = VD->getInit();
  if (!Init) {
    poison(VD);
    fail(VD->getLocation(),
         "iterator '" + VD->getNameAsString() +
             "' must be initialized where it is declared ('auto " +
             VD->getNameAsString() + " = v.begin();')",
         VD->getSourceRange());
    return;
  }
  // (An iterator of a container of structs is a class the pointer is a
  // template argument of.)
  QualType Ptr = iteratorPointer(VD->getType());
  if (!structPointee(VD->getType()).isNull())
    return lowerStructIteratorDecl(VD);
  if (Ptr.isNull() || !scalarTypeOf(Ptr->getPointeeType(), Ctx)) {
    poison(VD);
    fail(VD->getLocation(),
         "iterator '" + VD->getNameAsString() +
             "' is not over numbers; gradc follows iterators of a "
             "std::vector of numbers: index the container ('v[i].x') or "
             "use a range-based 'for'",
         VD->getSourceRange());
    return;
  }
  Value *P = lowerPosition(Init);
  if (!P || !startMoving(VD, P))
    poison(VD);
}

std::optional<BodyLowering::Target>
BodyLowering::lowerIteratorPlace(const CXXOperatorCallExpr *OCE) {
  Value *P = lowerPosition(OCE->getArg(0));
  Value *K = nullptr;
  if (OCE->getOperator() == OO_Subscript) // it[k]
    K = expectScalar(lowerExpr(OCE->getArg(1)), OCE->getArg(1));
  if (!P || (OCE->getOperator() == OO_Subscript && !K))
    return std::nullopt;
  at(OCE->getBeginLoc());
  auto [Base, Off] = splitPointer(P);
  Target T;
  T.Ptr = Base;
  if (K) {
    K = offsetOf(K);
    T.Index = isReverseIterator(OCE->getArg(0)->getType()) ? B.sub(Off, K)
              : Off->isConstValue(0)                       ? K
                                                           : B.add(Off, K);
  } else {
    T.Index = Off;
  }
  T.S = Base->Ty.scalarKind();
  return T;
}

std::optional<Value *>
BodyLowering::lowerIteratorOp(const CXXOperatorCallExpr *OCE) {
  if (OCE->getNumArgs() == 0 || !isIterator(OCE->getArg(0)->getType()))
    return std::nullopt;
  for (const Expr *Arg : OCE->arguments())
    if (isPoisonedRef(Arg)) { // reported where it is declared
      Failed = true;
      return nullptr;
    }
  OverloadedOperatorKind Op = OCE->getOperator();
  // `*it`, `it->m` over structs: the element.
  if ((Op == OO_Star || Op == OO_Arrow) && OCE->getNumArgs() == 1 &&
      isStructPosition(OCE->getArg(0)))
    return lowerStructPosition(OCE->getArg(0));
  SourceLocation Loc = OCE->getBeginLoc();
  const Expr *Rhs = OCE->getNumArgs() == 2 ? OCE->getArg(1) : nullptr;
  bool BothIterators = Rhs && isIterator(Rhs->getType());
  bool Rev = isReverseIterator(OCE->getArg(0)->getType());
  switch (Op) {
  case OO_Star:
  case OO_Subscript:
    if (Op == OO_Star && Rhs)
      break;
    if (std::optional<Target> T = lowerIteratorPlace(OCE))
      return readTarget(*T, OCE->getExprLoc());
    return nullptr;
  case OO_PlusPlus:
  case OO_MinusMinus:
  case OO_PlusEqual:
  case OO_MinusEqual:
  case OO_Equal: {
    const VarDecl *VD = movingPointerOf(OCE->getArg(0));
    if (!VD)
      return fail(OCE->getOperatorLoc(),
                  "this iterator cannot be moved; gradc follows iterators "
                  "held in variables ('auto it = v.begin(); ++it')",
                  OCE->getSourceRange());
    if (Op == OO_Equal) {
      Value *P = lowerPosition(Rhs);
      return P ? setPointer(VD, OCE, P) : nullptr;
    }
    Value *K = makeConstant(Scalar::Int32, 1, 1, "1");
    if (Op == OO_PlusEqual || Op == OO_MinusEqual) {
      K = expectScalar(lowerExpr(Rhs), Rhs);
      if (!K)
        return nullptr;
    }
    bool Back = (Op == OO_MinusMinus || Op == OO_MinusEqual) != Rev;
    // (Clang passes a postfix ++ a second, int argument.)
    bool Post = (Op == OO_PlusPlus || Op == OO_MinusMinus) && Rhs;
    return stepPointer(VD, Loc, K, Back, Post);
  }
  case OO_Plus:
  case OO_Minus:
    if (!BothIterators)
      return lowerPosition(OCE);
    [[fallthrough]];
  case OO_EqualEqual:
  case OO_ExclaimEqual:
  case OO_Less:
  case OO_LessEqual:
  case OO_Greater:
  case OO_GreaterEqual: {
    if (!BothIterators)
      break;
    Value *L = lowerPosition(OCE->getArg(0)), *R = lowerPosition(Rhs);
    if (!L || !R)
      return nullptr;
    std::optional<std::pair<Value *, Value *>> Offs =
        pointerOffsets(OCE, OCE->getOperatorLoc(), L, R);
    if (!Offs)
      return nullptr;
    auto [LO, RO] = *Offs;
    if (Rev && Op != OO_EqualEqual && Op != OO_ExclaimEqual)
      std::swap(LO, RO); // the offsets run the other way
    if (Op == OO_Minus)  // last - first: a count
      return convert(RO->isConstValue(0) ? LO : B.sub(LO, RO),
                     *scalarTypeOf(OCE->getType(), Ctx), /*Implicit=*/true);
    CmpPred P = Op == OO_EqualEqual     ? CmpPred::EQ
                : Op == OO_ExclaimEqual ? CmpPred::NE
                : Op == OO_Less         ? CmpPred::LT
                : Op == OO_LessEqual    ? CmpPred::LE
                : Op == OO_Greater      ? CmpPred::GT
                                        : CmpPred::GE;
    return B.cmp(P, LO, RO);
  }
  default:
    break;
  }
  return fail(OCE->getOperatorLoc(),
              std::string("operator '") + getOperatorSpelling(Op) +
                  "' of an iterator is not supported; gradc follows *it, "
                  "it[k], ++it, --it, it += k, it + k, last - first and "
                  "comparisons of iterators into one container",
              OCE->getSourceRange());
}

} // namespace gradc::frontend
