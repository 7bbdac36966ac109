//===- LoweringArrayValue.cpp - std::array returned by value -------------===//
//
// A helper returning a std::array is a function returning a struct
// (LoweringStructValue.cpp): it writes the array through a last, output
// parameter (ir::Function::ReturnsRecord), and a call is given the
// variable being declared (`auto c = cross(a, b);`) or a local made for
// the value (`dot(cross(a, b), c)`, `cross(a, b)[0]`), named after the
// function. Inside the helper, `return {x, y, z};`, `return r;` and
// `return f(...);` write that output element by element.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"
#include "OperatorNames.h"

namespace gradc::frontend {

using namespace clang;
using ir::Scalar;
using ir::Value;

bool BodyLowering::isContainerCall(const Expr *E) const {
  E = containerOperand(E);
  std::optional<ContainerShape> C = containerShape(E->getType(), Ctx);
  // `m.back()` of a container of rows is a row of m, which no call writes.
  return isa<CallExpr>(E) && !isElementAccess(E) && !isArrayRow(E) &&
         !isa<CXXOperatorCallExpr>(E) && C;
}

bool BodyLowering::lowerArrayInto(const Expr *E, Value *Dest,
                                  const ContainerShape &C) {
  const Expr *From = containerOperand(E);
  at(From->getBeginLoc());
  if (const auto *ILE = dyn_cast<InitListExpr>(From)) {
    // `return {x, y, z};`: braces around an array's, the rest zero.
    if (ILE->getNumInits() == 1)
      if (const auto *Inner =
              dyn_cast<InitListExpr>(ILE->getInit(0)->IgnoreImplicit()))
        ILE = Inner;
    // Each element once, zeros too: Dest is not zeroed first.
    for (std::int64_t K = 0; K < C.Count; ++K) {
      const Expr *Init = K < ILE->getNumInits() ? ILE->getInit(K) : nullptr;
      Value *V = Init && !isa<ImplicitValueInitExpr>(Init)
                     ? expectScalar(lowerExpr(Init), Init)
                     : makeConstant(C.S, 0, 0, "0");
      if (!V)
        return false;
      at(Init ? Init->getBeginLoc() : From->getBeginLoc());
      B.store(Dest, convert(V, C.S, /*Implicit=*/true), constIndex(K));
    }
    return !Failed;
  }
  if (isContainerCall(From)) {
    // The call writes Dest; a call among its arguments makes its own.
    Value *Saved = std::exchange(PendingResult, Dest);
    Value *V = lowerExpr(From);
    PendingResult = Saved;
    return V != nullptr;
  }
  Value *Src = lowerContainer(From);
  if (!Src)
    return false;
  at(E->getBeginLoc());
  copyElements(Dest, Src, containerCount(Dest, C));
  return true;
}

Value *BodyLowering::arrayLocal(QualType T, const ContainerShape &C,
                                const std::string &Name, SourceLocation Loc) {
  at(Loc);
  Value *Arr = B.local(ir::Type::scalar(C.S).named(C.Name), C.Count, Name);
  Arr->Text = typeName(T.getUnqualifiedType());
  Arr->Member = ir::MemberKind::Array;
  return Arr;
}

Value *BodyLowering::arrayResultOf(const CallExpr *CE,
                                   const FunctionDecl &Callee) {
  QualType T = Callee.getReturnType();
  if (!Callee.getDeclContext()->getRedeclContext()->Equals(
          FD.getDeclContext()->getRedeclContext()))
    T = T.getCanonicalType();
  return arrayLocal(T, *containerShape(T, Ctx), resultName(Callee),
                    CE->getBeginLoc());
}

} // namespace gradc::frontend
