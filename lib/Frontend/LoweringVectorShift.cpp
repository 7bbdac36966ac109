//===- LoweringVectorShift.cpp - erase and insert inside a std::vector ----===//
//
// `v.erase(p)`, `v.erase(p, q)` and `v.insert(p, x)` with p inside a local
// vector that changes size (LoweringGrowth.cpp) are the element copies
// they mean, then the new length: erase moves the elements after what it
// removes down and drops the last (`v.pop_back()`, `v.resize(...)`),
// insert makes room at the end (`v.resize(...)`), moves the elements from
// p on up and stores x at p. Each copy is a store, so the reverse mode
// moves the adjoints back as the values moved, gives the erased element's
// adjoint nothing (it is overwritten), and tapes what the copies overwrite
// when the backward sweep needs it, as for any store.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

namespace gradc::frontend {

using namespace clang;
using ir::Scalar;
using ir::Value;

Value *BodyLowering::shiftIndex(const Expr *Pos, Value *Vec,
                                const CXXMemberCallExpr *MCE) {
  Value *P = lowerPosition(Pos);
  if (!P)
    return nullptr;
  auto [Base, Off] = splitPointer(P);
  if (Base != Vec)
    return fail(Pos->getExprLoc(),
                "gradc follows a position in the vector itself ('" + Vec->Name +
                    ".begin() + i', '" + Vec->Name +
                    ".end() - 1'); this one is not",
                MCE->getSourceRange());
  return Off;
}

Value *BodyLowering::lowerShift(const CXXMemberCallExpr *MCE, Value *Vec) {
  std::string Name = MCE->getMethodDecl()->getNameAsString();
  Value *Len = Vec->Operands[1];
  Scalar S = Vec->Ty.scalarKind();
  auto One = [&] { return makeConstant(Scalar::Int32, 1, 1, "1"); };
  // (At begin(), the index is 0: nothing added or taken.)
  auto Plus = [&](Value *A, Value *C) {
    return C->isConstValue(0) ? A : A->isConstValue(0) ? C : B.add(A, C);
  };
  auto Minus = [&](Value *A, Value *C) {
    return C->isConstValue(0) ? A : B.sub(A, C);
  };
  auto Length = [&] {
    return convert(B.load(Len), Scalar::Int32, /*Implicit=*/false);
  };
  if (Name == "insert") {
    // The element is computed before the vector changes (it may read it).
    const Expr *XE = MCE->getArg(1);
    Value *X = expectScalar(lowerExpr(XE), XE);
    Value *I = X ? shiftIndex(MCE->getArg(0), Vec, MCE) : nullptr;
    if (!I)
      return nullptr;
    at(MCE->getBeginLoc());
    X = convert(X, S, /*Implicit=*/true);
    Value *N = Length();
    setLength(Vec, convert(B.add(N, One()), Scalar::UInt64, true), "resize");
    // From the end down: v[n - k] = v[n - k - 1] for k < n - i.
    countedLoop(Minus(N, I), "k", [&](Value *K) {
      Value *To = B.sub(N, K);
      B.store(Vec, B.load(Vec, B.sub(To, One())), To);
    });
    B.store(Vec, X, I);
    return Vec;
  }
  // erase(p) removes one element, erase(p, q) those from p to q.
  Value *I = shiftIndex(MCE->getArg(0), Vec, MCE);
  Value *J = I && MCE->getNumArgs() == 2 ? shiftIndex(MCE->getArg(1), Vec, MCE)
                                         : nullptr;
  if (!I || (MCE->getNumArgs() == 2 && !J))
    return nullptr;
  at(MCE->getBeginLoc());
  Value *Gone = J ? Minus(J, I) : One();
  Value *N = Length();
  // Up from p: v[i + k] = v[i + k + gone] for k < n - i - gone.
  countedLoop(B.sub(Minus(N, I), Gone), "k", [&](Value *K) {
    Value *To = Plus(I, K);
    B.store(Vec, B.load(Vec, B.add(To, Gone)), To);
  });
  Value *Shorter = convert(B.sub(N, Gone), Scalar::UInt64, true);
  setLength(Vec, Shorter, J ? "resize" : "pop_back");
  return Vec;
}

} // namespace gradc::frontend
