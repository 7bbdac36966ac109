//===- LoweringVectorReturn.cpp - std::vector returned by value ----------===//
//
// A helper returning a std::vector is a function returning a struct
// (LoweringStructValue.cpp): it writes the vector through a last, output
// parameter `out` (ir::Function::ReturnsRecord), which `return p;` copies
// p into, so that its pullback never reads `out` and takes only its seed
// `dout`. A vector is sized where it is declared, its adjoint and copies
// alike; so a call is given a local sized before the call, by the size of
// what the helper returns (ir::Function::ResultCount) computed again over
// the call's arguments: `p(z.size())` returned is `h.size()` at the call
// `softmax(h)`. A helper whose vector grows, or is sized in a loop, cannot
// be sized that way and is refused at the call.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"
#include "OperatorNames.h"

#include "gradc/IR/Inline.h"

#include <algorithm>
#include <map>

namespace gradc::frontend {

using namespace clang;
using ir::OpCode;
using ir::Value;

bool BodyLowering::lowerVectorReturn(const Expr *E, const ContainerShape &C) {
  const Expr *From = containerOperand(E);
  if (isa<InitListExpr, CXXStdInitializerListExpr, CXXConstructExpr>(From)) {
    fail(From->getBeginLoc(),
         "returning a std::vector made in the return statement ('{x, y}', "
         "'std::vector<double>(n)') is not supported yet; declare the "
         "vector with its size ('std::vector<double> r(n);'), assign its "
         "elements and return it",
         From->getSourceRange());
    return false;
  }
  // A variable, a parameter, or what another helper returns.
  Value *Src = lowerContainer(From);
  if (!Src)
    return false;
  at(E->getBeginLoc());
  Value *Count = containerCount(Src, C);
  if (ResultSlot->Code == OpCode::Local) {
    // Returned from more than one place: into `result`, sized by the
    // return taken, copied into `out` at the end (returnRecord).
    setLength(ResultSlot, convert(Count, ir::Scalar::UInt64, /*Implicit=*/true),
              "resize");
    copyElements(ResultSlot, Src, Count);
    return true;
  }
  copyElements(ResultSlot, Src, Count);
  F.ResultCount = Count;
  return true;
}

Value *BodyLowering::countOver(const Value *Count, const ir::Function &G,
                               ArrayRef<Value *> Args) {
  auto Arg = [&](const Value *P) -> Value * {
    for (size_t I = 0; I < G.Params.size() && I < Args.size(); ++I)
      if (G.Params[I].V == P)
        return Args[I];
    return nullptr;
  };
  ir::Scalar S =
      Count->Ty.isScalar() ? Count->Ty.scalarKind() : ir::Scalar::Float64;
  switch (Count->Code) {
  case OpCode::Const:
    return makeConstant(S, Count->FVal, Count->IVal, Count->Text);
  case OpCode::Param: {
    Value *A = Arg(Count);
    return A && A->Ty.isScalar() && A->Ty.isInteger() ? A : nullptr;
  }
  case OpCode::Size: {
    // `z.size()` of a parameter: the size of the vector given for it.
    const Value *P = Count->Operands[0];
    Value *A = P->Code == OpCode::Param ? Arg(P) : nullptr;
    if (!A || A->Ty.kind() != ir::Type::Ptr)
      return nullptr;
    if (Value *N = localVectorCount(A))
      return N;
    Value *N = B.size(A, S);
    N->Stride = Count->Stride; // of structs
    return N;
  }
  case OpCode::Load: {
    // `r(n)` in a const method, `r(L.n)`: that member of the object given.
    Value *P = Count->Operands.size() == 1 && Count->Ty.isInteger()
                   ? memberOver(Count->Operands[0], G, Args)
                   : nullptr;
    return P ? B.load(P) : nullptr;
  }
  case OpCode::Cast: {
    Value *X = countOver(Count->Operands[0], G, Args);
    return X ? convert(X, S, /*Implicit=*/Count->IVal == 1) : nullptr;
  }
  case OpCode::Add:
  case OpCode::Sub:
  case OpCode::Mul:
  case OpCode::Div:
  case OpCode::Rem: {
    Value *L = countOver(Count->Operands[0], G, Args);
    Value *R = L ? countOver(Count->Operands[1], G, Args) : nullptr;
    if (!R)
      return nullptr;
    switch (Count->Code) {
    case OpCode::Add:
      return B.add(L, R);
    case OpCode::Sub:
      return B.sub(L, R);
    case OpCode::Mul:
      return B.mul(L, R);
    case OpCode::Div:
      return B.div(L, R);
    default:
      return B.rem(L, R);
    }
  }
  default:
    return nullptr;
  }
}

Value *BodyLowering::memberOver(const Value *Place, const ir::Function &G,
                                ArrayRef<Value *> Args) {
  if (Place->Code == OpCode::Param) {
    // A struct the helper cannot change before it sizes the vector.
    if (!Place->Ty.isConstPointee())
      return nullptr;
    for (size_t I = 0; I < G.Params.size() && I < Args.size(); ++I)
      if (G.Params[I].V == Place && Args[I]->Ty.kind() == ir::Type::Ptr)
        return Args[I];
    return nullptr;
  }
  if (Place->Code != OpCode::Field || Place->Operands.size() != 1)
    return nullptr;
  Value *Base = memberOver(Place->Operands[0], G, Args);
  if (!Base)
    return nullptr;
  Value *Member = F.create(OpCode::Field, Place->Ty, {Base});
  ir::copyAttributes(*Place, *Member);
  Member->Arrow = false; // the emitter writes `->` for a pointer
  return B.append(Member);
}

Value *BodyLowering::hoistOps(size_t From, Value *Result) {
  std::vector<Value *> &Here = B.block().Ops;
  std::vector<Value *> &Top = F.Body.Ops;
  if (&Here == &Top)
    return Result;
  std::vector<Value *> Moved(Here.begin() + From, Here.end());
  auto Before = Top.begin() + TopStmtAt;
  // A constant made in the loop (an argument `2`) is made again at the
  // top; anything else must be there already.
  std::vector<Value *> Lifted;
  std::map<const Value *, Value *> Again;
  auto Lift = [&](Value *V) -> Value * {
    if (V->Code == OpCode::Param || llvm::is_contained(Moved, V) ||
        std::find(Top.begin(), Before, V) != Before)
      return V;
    if (!V->isConst())
      return nullptr;
    Value *&C = Again[V];
    if (!C)
      Lifted.push_back(
          C = makeConstant(V->Ty.scalarKind(), V->FVal, V->IVal, V->Text));
    return C;
  };
  // Checked before anything changes: on failure the ops stay (the call
  // then grows its result where it is made).
  auto Liftable = [&](const Value *V) {
    return V->Code == OpCode::Param || llvm::is_contained(Moved, V) ||
           std::find(Top.begin(), Before, V) != Before || V->isConst();
  };
  for (Value *V : Moved) {
    if (V->Code == OpCode::Load)
      return nullptr; // of memory that may change before the statement
    if (!llvm::all_of(V->Operands, Liftable))
      return nullptr;
  }
  if (!Liftable(Result))
    return nullptr;
  for (Value *V : Moved)
    for (Value *&Op : V->Operands)
      Op = Lift(Op);
  Result = Lift(Result);
  Here.erase(Here.begin() + From, Here.end());
  Lifted.insert(Lifted.end(), Moved.begin(), Moved.end());
  Top.insert(Top.begin() + TopStmtAt, Lifted.begin(), Lifted.end());
  TopStmtAt += Lifted.size();
  return Result;
}

Value *BodyLowering::vectorResultOf(const CallExpr *CE,
                                    const FunctionDecl &Callee,
                                    const ir::Function &G,
                                    ArrayRef<Value *> Args) {
  std::string Name = Callee.getNameAsString();
  std::string Advice = "have it write the result into a vector it is given "
                       "('void " +
                       Name +
                       "(..., std::vector<double> &out)'), declared by the "
                       "caller with its size";
  auto Refuse = [&](const std::string &Msg) {
    return fail(CE->getExprLoc(), Msg, CE->getSourceRange());
  };
  if (G.Incomplete)
    return Refuse("a helper returning a std::vector that calls itself ('" +
                  Name + "') is not supported; " + Advice);
  at(CE->getBeginLoc());
  size_t From = B.block().Ops.size();
  Value *Count = G.ResultCount ? countOver(G.ResultCount, G, Args) : nullptr;
  // Its adjoint and copies are declared where only the top level is in
  // scope (as for a vector declared in a loop: hoistCount).
  if (Count && RegionDepth)
    Count = hoistOps(From, Count);
  std::optional<ContainerShape> C = containerShape(Callee.getReturnType(), Ctx);
  QualType T = Callee.getReturnType();
  if (!Callee.getDeclContext()->getRedeclContext()->Equals(
          FD.getDeclContext()->getRedeclContext()))
    T = T.getCanonicalType();
  std::string Type = typeName(T.getUnqualifiedType());
  const VarDecl *Named = CE == NamedCall ? NamedVar : nullptr;
  std::string Local = Named ? Named->getNameAsString() : resultName(Callee);
  at(CE->getBeginLoc());
  if (!Count)
    return grownResult(Local, Type, CE->getBeginLoc(), C->S,
                       Named && Shrinking.count(Named));
  // Not zeroed: the call writes every element (`auto h = f(x);`).
  Value *Vec = B.local(C->S, -1, Local, /*ZeroInit=*/false);
  Vec->Operands.push_back(Count);
  Vec->Text = Type;
  Vec->Member = ir::MemberKind::Array;
  return Vec;
}

Value *BodyLowering::grownResult(const std::string &Name,
                                 const std::string &Type, SourceLocation Loc,
                                 ir::Scalar S, bool Shrinks) {
  // Its size is known once the call has run (it grows in the helper, or
  // depends on what a loop computes): a vector that changes size, whose
  // length the call sets (lowerInvoke: growResult).
  if (RegionDepth) // (emptied silently: the call gives it its elements)
    return restartGrowing(Name, Type, Loc, S, /*Stride=*/0, "size");
  Value *Vec = growingLocal(
      Name, Type, S, makeConstant(ir::Scalar::UInt64, 0, 0, "0"), Shrinks);
  Vec->ZeroInit = false; // `std::vector<double> h = f(x);`: the call fills it
  return Vec;
}

void BodyLowering::growResult(Value *Vec) {
  if (Vec->Code != OpCode::Local || Vec->Operands.size() < 2)
    return;
  // (Silent: the call has given the vector its size.)
  setLength(Vec, B.size(Vec, ir::Scalar::UInt64), "size");
}

} // namespace gradc::frontend
