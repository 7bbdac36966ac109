//===- LoweringVector.cpp - Containers as wholes, and their ends ----------===//
//
// What std::vector and std::array do as wholes is lowered to the loops it
// means, so nothing downstream changes: a copy (`std::vector<double> u =
// w;`, `b = a;`) is a container of the same size and a counted loop that
// copies the elements; `fill(v)`, `assign(n, v)` and a vector made with a
// value (`v(n, 0.5)`) a loop that stores it. A reference to a container is
// another name for it. `v.at(i)`, `v.front()` and `v.back()` are elements,
// read and written as `v[i]` is. What changes a vector's size is in
// LoweringGrowth.cpp.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

#include <functional>

#include "gradc/IR/MemoryLocation.h"

#include <algorithm>
#include <functional>

namespace gradc::frontend {

using namespace clang;
using ir::OpCode;
using ir::Scalar;
using ir::Value;

const Expr *containerOperand(const Expr *E) {
  while (true) {
    E = E->IgnoreImplicit()->IgnoreParenImpCasts();
    if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
      E = MTE->getSubExpr();
    else if (const auto *CCE = dyn_cast<CXXConstructExpr>(E);
             CCE && CCE->getNumArgs() == 1 &&
             CCE->getConstructor()->isCopyOrMoveConstructor())
      E = CCE->getArg(0); // passed by value
    else if (const auto *CE = dyn_cast<CallExpr>(E);
             CE && CE->getNumArgs() == 1 && CE->getDirectCallee() &&
             CE->getDirectCallee()->getIdentifier() &&
             CE->getDirectCallee()->getName() == "move" &&
             CE->getDirectCallee()->isInStdNamespace())
      E = CE->getArg(0);
    else
      return E;
  }
}

namespace {

/// V without conversions between integer types, which do not change a
/// count (`n` and `size_t(n)`).
const Value *withoutIntCasts(const Value *V) {
  while (V->Code == OpCode::Cast && V->Ty.isInteger() &&
         V->Operands[0]->Ty.isInteger())
    V = V->Operands[0];
  return V;
}

} // namespace

bool sameCount(const Value *A, const Value *B) {
  A = withoutIntCasts(A);
  B = withoutIntCasts(B);
  if (A->isConst() && B->isConst())
    return A->constValue() == B->constValue();
  // (A matrix's rows and their length are Size ops of one operand.)
  if (A->Code == OpCode::Size && B->Code == OpCode::Size)
    return A->Operands[0] == B->Operands[0] && A->Text == B->Text &&
           A->Stride == B->Stride;
  return ir::sameIndex(A, B, {});
}

namespace {

/// The name of the container method MCE calls, or "".
StringRef methodName(const CXXMemberCallExpr *MCE) {
  const CXXMethodDecl *MD = MCE ? MCE->getMethodDecl() : nullptr;
  return MD && MD->getIdentifier() ? MD->getName() : "";
}

} // namespace

Value *BodyLowering::containerCount(Value *Base, const ContainerShape &C) {
  if (!C.IsVector)
    return makeConstant(Scalar::Int32, 0, C.Count, std::to_string(C.Count));
  if (Value *N = localVectorCount(Base))
    return N;
  return B.size(Base, Scalar::UInt64);
}

std::string unhoistedSizeMessage(const std::string &Name) {
  return "a std::vector declared in a loop or branch must be given a size "
         "computed outside them ('n', 'w.size()', or a variable set before "
         "the loop); declare '" +
         Name + "' with such a size, or before the loop";
}

Value *BodyLowering::hoistCount(Value *Count) {
  if (RegionDepth == 0 || Count->Code == OpCode::Param)
    return Count;
  std::vector<Value *> &Top = F.Body.Ops;
  if (std::find(Top.begin(), Top.end(), Count) != Top.end())
    return Count;
  // Computed here from constants, parameters and their sizes (`3 * n`,
  // `w.size()`): the same at the top, moved there.
  std::vector<Value *> &Here = B.block().Ops;
  std::vector<Value *> Tree;
  std::function<bool(Value *)> Movable = [&](Value *V) {
    if (V->Code == OpCode::Param)
      return true;
    if (std::find(Here.begin(), Here.end(), V) == Here.end())
      return false;
    bool Pure =
        V->isConst() ||
        (V->Code == OpCode::Size && V->Operands[0]->Code == OpCode::Param) ||
        V->Code == OpCode::Cast || V->Code == OpCode::Add ||
        V->Code == OpCode::Sub || V->Code == OpCode::Mul;
    if (!Pure)
      return false;
    if (V->Code != OpCode::Size)
      for (Value *Op : V->Operands)
        if (!Movable(Op))
          return false;
    if (std::find(Tree.begin(), Tree.end(), V) == Tree.end())
      Tree.push_back(V); // after its operands
    return true;
  };
  if (!Movable(Count))
    return nullptr;
  for (Value *V : Tree) {
    Here.erase(std::find(Here.begin(), Here.end(), V));
    Top.insert(Top.begin() + GlobalsAt++, V);
    ++TopStmtAt;
  }
  return Count;
}

void BodyLowering::copyElements(Value *Dst, Value *Src, Value *Count) {
  Scalar S = Dst->Ty.scalarKind();
  countedLoop(convert(Count, Scalar::Int32, /*Implicit=*/false), "i",
              [&](Value *I) {
                B.store(Dst, convert(B.load(Src, I), S, /*Implicit=*/true), I);
              });
}

void BodyLowering::fillElements(Value *Dst, Value *V, Value *Count) {
  V = convert(V, Dst->Ty.scalarKind(), /*Implicit=*/true);
  countedLoop(convert(Count, Scalar::Int32, /*Implicit=*/false), "i",
              [&](Value *I) { B.store(Dst, V, I); });
}

Value *BodyLowering::lowerContainer(const Expr *E) {
  E = containerOperand(E);
  if (isArrayRow(E)) // `m[i]` of a std::array of std::array
    return lowerRowPointer(E);
  if (isContainerCall(E)) {
    // A std::array or std::vector a helper returns: the local the call
    // makes for it.
    Value *Saved = std::exchange(PendingResult, nullptr);
    Value *V = lowerExpr(E);
    PendingResult = Saved;
    return V;
  }
  if (const auto *CE = dyn_cast<CallExpr>(E); CE && CE->getDirectCallee() &&
                                              !isElementAccess(E) &&
                                              structContainer(E->getType())) {
    std::string Name = CE->getDirectCallee()->getNameAsString();
    std::string Type = typeName(E->getType().getUnqualifiedType());
    std::string Problem;
    const VarDecl *Returned = nullptr;
    if (buildingCall(E, Returned, &Problem))
      return fail(E->getExprLoc(),
                  "a helper returning a std::vector of structs ('" + Name +
                      "') is followed where it gives a variable its value "
                      "('auto v = " +
                      Name + "(...);'); declare one and use it here",
                  E->getSourceRange());
    if (!Problem.empty())
      return fail(
          E->getExprLoc(),
          "a helper returning a std::vector of structs ('" + Name +
              "') is followed when it declares one vector empty at the top "
              "of its body, fills it and returns it at its end ('" +
              Type +
              " r; ... r.push_back(...); ... return r;'), reading its "
              "arguments only; here " +
              Problem +
              ": write it so, or have it fill a vector it is given ('void " +
              Name + "(..., " + Type + " &out)')",
          E->getSourceRange());
    return fail(E->getExprLoc(),
                "a helper returning a container of structs ('" + Name +
                    "') is not supported yet; have it write the result into "
                    "a container it is given ('void " +
                    Name + "(..., " + Type +
                    " &out)'), declared by the caller with its size",
                E->getSourceRange());
  }
  if ((!containerShape(E->getType(), Ctx) && !structContainer(E->getType())) ||
      !isa<DeclRefExpr, MemberExpr>(E)) // `b.x`: a std::array member
    return fail(
        E->getExprLoc(),
        "gradc copies containers from variables, their elements "
        "('v[i]') and the results of functions of the file; this '" +
            // (Canonical: `std::array{x, y}` is spelled through
            // the library's deduction guide.)
            typeName(E->getType().getCanonicalType().getUnqualifiedType()) +
            "' " + containerSourceAdvice(E),
        E->getSourceRange());
  return lowerPointer(E);
}

std::string BodyLowering::containerSourceAdvice(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (isa<ConditionalOperator>(E))
    return "is chosen by '?:': copy one arm, then the other in an 'if' ('T "
           "r = b; if (c) r = a;')";
  const auto *OCE = dyn_cast<CXXOperatorCallExpr>(E);
  if ((OCE && OCE->getOperator() == OO_Star) ||
      (isa<UnaryOperator>(E) &&
       cast<UnaryOperator>(E)->getOpcode() == UO_Deref))
    return "is read through an iterator or pointer: index the container "
           "instead ('p[0]', 'p[p.size() - 1]')";
  if (OCE && OCE->getOperator() == OO_Call)
    if (const auto *RD = OCE->getArg(0)->getType()->getAsCXXRecordDecl();
        RD && RD->isLambda())
      return "is what a lambda returns: make the lambda a function of the "
             "file, or have it write into a container it is given";
  if (isa<CXXTemporaryObjectExpr, CXXFunctionalCastExpr, InitListExpr,
          CXXConstructExpr>(E))
    return "is a temporary: declare the variable with its type and the "
           "initializer in braces ('std::array<double, 3> r{};', "
           "'std::array<double, 2> a{x, y};')";
  return "is none of them: declare a variable for it first";
}

Value *BodyLowering::lowerWrittenContainer(const Expr *E) {
  Target T;
  T.Ptr = lowerPointer(E->IgnoreParenImpCasts());
  return T.Ptr && refuseByValueWrite(T, E) ? T.Ptr : nullptr;
}

bool BodyLowering::isContainerCopy(const CXXConstructExpr *CCE) const {
  return CCE && CCE->getNumArgs() == 1 && CCE->getConstructor() &&
         CCE->getConstructor()->isCopyOrMoveConstructor() &&
         containerShape(CCE->getArg(0)->getType(), Ctx);
}

/// The elements a braced list gives a std::array of numbers, each with its
/// index (`{x, y}`, the same with its inner braces, rows of rows).
static void
listedElements(const InitListExpr *ILE, ASTContext &Ctx, std::int64_t First,
               std::vector<std::pair<std::int64_t, const Expr *>> &Out) {
  if (ILE->getType()->isRecordType()) { // the std::array: its one member
    if (ILE->getNumInits() == 1)
      if (const auto *Sub = dyn_cast<InitListExpr>(
              ILE->getInit(0)->IgnoreImplicitAsWritten()))
        listedElements(Sub, Ctx, First, Out);
    return;
  }
  std::int64_t Stride = listStride(ILE, Ctx);
  for (unsigned I = 0, N = ILE->getNumInits(); I < N; ++I) {
    const Expr *E = ILE->getInit(I);
    if (isa<ImplicitValueInitExpr>(E))
      continue;
    if (const auto *Sub = dyn_cast<InitListExpr>(E))
      listedElements(Sub, Ctx, First + I * Stride, Out);
    else
      Out.emplace_back(First + I * Stride, E);
  }
}

Value *BodyLowering::lowerContainerAssign(const CXXOperatorCallExpr *OCE) {
  std::optional<ContainerShape> C =
      containerShape(OCE->getArg(0)->getType(), Ctx);
  const Expr *LHS = OCE->getArg(0), *RHS = OCE->getArg(1);
  if (C->IsVector && (isArrayRow(containerOperand(LHS)) ||
                      isArrayRow(containerOperand(RHS)))) {
    // A row of a std::vector of std::vector on either side (`m[i] = r;`,
    // `r = m[i];`, `m[i] = m[j];`): its numbers one by one, the right side
    // first, as C++17 evaluates it. Each side keeps its length: the other
    // must have the row's (LoweringMatrixLocal.cpp).
    std::optional<RowRef> To, From;
    Value *Dst = nullptr, *Src = nullptr;
    if (isArrayRow(containerOperand(RHS))) {
      if (!(From = lowerArrayRow(containerOperand(RHS))))
        return nullptr;
    } else if (!(Src = lowerContainer(RHS))) {
      return nullptr;
    }
    if (isArrayRow(containerOperand(LHS))) {
      if (!(To = lowerArrayRow(containerOperand(LHS))))
        return nullptr;
    } else if (!(Dst = lowerWrittenContainer(LHS))) {
      return nullptr;
    }
    Target Written;
    Written.Ptr = To ? To->Matrix : Dst;
    if (!refuseByValueWrite(Written, LHS))
      return nullptr;
    if ((To && !To->VectorCols) || (From && !From->VectorCols))
      return lowerRowPointer(containerOperand(To ? LHS : RHS)); // says why
    at(OCE->getBeginLoc());
    Value *Cols = To ? To->VectorCols : From->VectorCols;
    Value *Other = Src ? containerCount(Src, *C)
                   : Dst
                       ? containerCount(Dst, *C)
                       : (To->Matrix == From->Matrix ? Cols : From->VectorCols);
    bool Grows = Dst && Dst->Code == OpCode::Local && Dst->Operands.size() > 1;
    if (Grows)
      setLength(Dst, convert(Cols, Scalar::UInt64, true), "resize");
    else if (!sameCount(Other, Cols))
      return fail(OCE->getOperatorLoc(),
                  "assigning a row of a std::vector of std::vector and a "
                  "vector of a length gradc cannot prove to be the row's is "
                  "not supported (it would change the length of one); give "
                  "the vector the row's length ('std::vector<double> "
                  "r(m[0].size());'), or declare a copy instead "
                  "('std::vector<double> r = m[i];')",
                  OCE->getSourceRange());
    Scalar S = (To ? To->Matrix : Dst)->Ty.scalarKind();
    countedLoop(convert(Cols, Scalar::Int32, /*Implicit=*/false), "j",
                [&](Value *J) {
                  Value *V = From ? B.load(From->Matrix, rowIndex(*From, J))
                                  : B.load(Src, J);
                  V = convert(V, S, /*Implicit=*/true);
                  if (To)
                    B.store(To->Matrix, V, rowIndex(*To, J));
                  else
                    B.store(Dst, V, J);
                });
    // (Its value is the row: `(m[i] = r)[j]`.)
    return To ? B.offset(To->Matrix, rowIndex(*To, intConstant(0))) : Dst;
  }
  Value *Dst = lowerWrittenContainer(LHS);
  if (!Dst)
    return nullptr;
  const Expr *From = containerOperand(RHS);
  if (const auto *ILE = dyn_cast<InitListExpr>(From); ILE && !C->IsVector) {
    // `M[1] = {x, y * y};`: the list is a whole std::array, made before it
    // is copied, so every element is read before any is written (`a = {a[1],
    // a[0]}`); those it leaves out are zero.
    std::vector<std::pair<std::int64_t, const Expr *>> Given;
    listedElements(ILE, Ctx, 0, Given);
    std::vector<std::pair<std::int64_t, Value *>> Values;
    Scalar S = Dst->Ty.scalarKind();
    for (auto [K, E] : Given) {
      Value *V = expectScalar(lowerExpr(E), E);
      if (!V)
        return nullptr;
      at(E->getBeginLoc());
      Values.emplace_back(K, convert(V, S, /*Implicit=*/true));
    }
    at(OCE->getBeginLoc());
    for (std::int64_t K = 0; K < C->Count; ++K) {
      auto It = llvm::find_if(Values, [&](auto &KV) { return KV.first == K; });
      B.store(Dst, It != Values.end() ? It->second : makeConstant(S, 0, 0, "0"),
              intConstant(K));
    }
    return Dst;
  }
  if (isa<InitListExpr, CXXStdInitializerListExpr>(From))
    return fail(RHS->getBeginLoc(),
                "assigning a list to a std::vector is not supported (it "
                "would change its size); assign its elements one by one, or "
                "declare it with the list ('std::vector<double> v = {a, b};')",
                OCE->getSourceRange());
  Value *Src = lowerContainer(RHS);
  if (!Src)
    return nullptr;
  at(OCE->getBeginLoc());
  Value *Count = containerCount(Src, *C);
  if (C->IsVector && Dst->Code == OpCode::Local && Dst->Operands.size() > 1) {
    // A vector that changes size takes the size of what it copies.
    setLength(Dst, convert(Count, Scalar::UInt64, true), "resize");
    copyElements(Dst, Src, Count);
    return Dst;
  }
  if (C->IsVector && !sameCount(containerCount(Dst, *C), Count))
    return fail(OCE->getOperatorLoc(),
                "assigning a std::vector of a size gradc cannot prove to be "
                "its own is not supported (it would change its size); "
                "declare a copy instead ('std::vector<double> u = v;'), or "
                "give both the same size ('u(n)', 'v(n)')",
                OCE->getSourceRange());
  copyElements(Dst, Src, Count);
  return Dst;
}

void BodyLowering::lowerContainerRef(const VarDecl *VD) {
  // `const std::vector<double> &r = v;`: another name for v.
  Value *P = lowerContainer(VD->getInit());
  if (!P)
    return poison(VD);
  // `= f(x);`: the local the call makes is r.
  if (isContainerCall(VD->getInit()))
    P->Name = VD->getNameAsString();
  Pointers[VD] = P;
  Poisoned.erase(VD);
}

bool BodyLowering::isContainerEnd(const Expr *E) const {
  const auto *MCE = dyn_cast<CXXMemberCallExpr>(E->IgnoreParens());
  StringRef Name = methodName(MCE);
  return (Name == "at" || Name == "front" || Name == "back") &&
         containerShape(MCE->getImplicitObjectArgument()->getType(), Ctx);
}

std::optional<BodyLowering::Target>
BodyLowering::lowerContainerEnd(const CXXMemberCallExpr *MCE) {
  StringRef Name = methodName(MCE);
  const Expr *Obj = MCE->getImplicitObjectArgument();
  std::optional<ContainerShape> C = containerShape(Obj->getType(), Ctx);
  Target T;
  T.Ptr = isContainerCall(Obj) ? lowerContainer(Obj) : lowerExpr(Obj);
  if (!T.Ptr)
    return std::nullopt;
  T.S = T.Ptr->Ty.scalarKind();
  if (Name == "at") {
    const Expr *Idx = withoutSizeConversion(MCE->getArg(0));
    T.Index = expectScalar(lowerExpr(Idx), Idx);
    if (!T.Index)
      return std::nullopt;
    return T;
  }
  at(MCE->getBeginLoc());
  if (Name == "front" || !C->IsVector) {
    std::int64_t K = Name == "front" ? 0 : C->Count - 1;
    T.Index = makeConstant(Scalar::Int32, 0, K, std::to_string(K));
    return T;
  }
  Value *N = containerCount(T.Ptr, *C);
  Scalar S = N->Ty.scalarKind();
  T.Index = B.sub(N, makeConstant(S, 1, 1, "1"));
  return T;
}

Value *BodyLowering::lowerContainerChange(const CXXMemberCallExpr *MCE,
                                          const ContainerShape &C) {
  StringRef Name = methodName(MCE);
  const Expr *Obj = MCE->getImplicitObjectArgument();
  auto Refuse = [&](const std::string &Msg) {
    return fail(MCE->getExprLoc(), Msg, MCE->getSourceRange());
  };
  if (Name == "reserve") // changes no element and no size
    return lowerExpr(Obj);
  Value *Dst = lowerWrittenContainer(Obj);
  if (!Dst)
    return nullptr;
  if (Name == "fill" && !C.IsVector && MCE->getNumArgs() == 1) {
    Value *V = expectScalar(lowerExpr(MCE->getArg(0)), MCE->getArg(0));
    if (!V)
      return nullptr;
    at(MCE->getBeginLoc());
    fillElements(Dst, V, containerCount(Dst, C));
    return Dst;
  }
  if (!C.IsVector || (Name != "assign" && Name != "resize"))
    return nullptr;
  // `v.assign(n, x)`, `v.resize(n)`: only to the size v has.
  const Expr *NE = MCE->getNumArgs() ? MCE->getArg(0) : nullptr;
  bool Sized =
      NE && NE->getType()->isIntegerType() &&
      (Name == "resize" ? MCE->getNumArgs() <= 2 : MCE->getNumArgs() == 2);
  if (!Sized)
    return Refuse("this '" + Name.str() +
                  "' of std::vector is not supported; gradc follows '" +
                  Name.str() + "(n" + (Name == "assign" ? ", x" : "") +
                  ")' to the size the vector already has");
  NE = withoutSizeConversion(NE);
  Value *N = expectScalar(lowerExpr(NE), NE);
  Value *V = Name == "assign"
                 ? expectScalar(lowerExpr(MCE->getArg(1)), MCE->getArg(1))
                 : nullptr;
  if (!N || (Name == "assign" && !V))
    return nullptr;
  at(MCE->getBeginLoc());
  Value *Count = containerCount(Dst, C);
  if (!sameCount(Count, N))
    return Refuse("'" + Name.str() +
                  "' to a size gradc cannot prove to be the vector's own is "
                  "not supported: gradc sizes a vector, its adjoint and its "
                  "copies where it is declared; declare it with the size "
                  "it needs ('std::vector<double> v(n);')");
  // resize to its own size changes nothing; assign stores x everywhere.
  if (V)
    fillElements(Dst, V, Count);
  return Dst;
}

} // namespace gradc::frontend
