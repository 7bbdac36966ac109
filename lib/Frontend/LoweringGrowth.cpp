//===- LoweringGrowth.cpp - std::vector locals that change size -----------===//
//
// A local std::vector that push_back, emplace_back, insert, erase,
// pop_back, clear, or resize and assign to another size change is a vector
// Local whose operand 1 is an unsigned scalar Local holding its length
// (its "length Local"). An appended element is a store at the length, so
// the reverse mode sees a store like any other and records the index it
// needs; `v.size()` is a load of the length, and the backward sweep sizes
// the adjoint with it once the forward sweep has ended. The stores into
// the length carry the method in `Text` ("size" for the silent ones): the
// C++ emitter prints them as the calls the user wrote and a load of the
// length as `v.size()`, and dead code elimination keeps them.
//
// Such a vector must be declared at the function's top level: a vector
// declared in a loop is made anew each iteration, and the backward sweep
// would need its length per iteration.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

#include "gradc/IR/Uses.h"

#include "llvm/ADT/FoldingSet.h"

namespace gradc::frontend {

using namespace clang;
using ir::OpCode;
using ir::Scalar;
using ir::Value;

namespace {

bool isGrowingMethod(StringRef Name) {
  return Name == "push_back" || Name == "emplace_back" || Name == "insert" ||
         Name == "pop_back" || Name == "clear" || Name == "erase";
}

/// Methods after which the vector may be shorter than it was.
bool mayShrink(StringRef Name) {
  return Name == "pop_back" || Name == "clear" || Name == "erase" ||
         Name == "resize" || Name == "assign";
}

/// The local vector a member call is made on, or null.
const VarDecl *localVectorOf(const CXXMemberCallExpr *MCE, ASTContext &Ctx) {
  const Expr *Obj = MCE->getImplicitObjectArgument();
  const auto *DRE =
      Obj ? dyn_cast<DeclRefExpr>(Obj->IgnoreParenImpCasts()) : nullptr;
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  // (A vector passed by value is the function's own: copyGrowingParams.)
  if (!VD || !VD->hasLocalStorage() || VD->getType()->isReferenceType())
    return nullptr;
  std::optional<ContainerShape> C = containerShape(VD->getType(), Ctx);
  if (C)
    return C->IsVector ? VD : nullptr;
  // A vector of structs (LoweringStructGrowth.cpp) or of rows
  // (LoweringVectorRows.cpp).
  std::optional<StructContainer> SC = structContainer(VD->getType());
  std::optional<ArrayRows> Rows = vectorRows(VD->getType(), Ctx);
  return (SC && SC->IsVector) || (Rows && Rows->Cols) ? VD : nullptr;
}

/// The size VD was declared with (`v(n)`, `v(n, x)`), or null.
const Expr *declaredSize(const VarDecl *VD) {
  const Expr *Init = VD->getInit();
  const auto *CCE =
      Init ? dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit()) : nullptr;
  if (!CCE || CCE->getNumArgs() == 0 ||
      !CCE->getArg(0)->getType()->isIntegerType())
    return nullptr;
  return CCE->getArg(0);
}

/// Whether A and B are the same expression, written alike.
bool sameExpr(const Expr *A, const Expr *B, ASTContext &Ctx) {
  llvm::FoldingSetNodeID IA, IB;
  A->IgnoreParenImpCasts()->Profile(IA, Ctx, /*Canonical=*/true);
  B->IgnoreParenImpCasts()->Profile(IB, Ctx, /*Canonical=*/true);
  return IA == IB;
}

void scanGrowth(const Stmt *S, ASTContext &Ctx,
                llvm::DenseSet<const VarDecl *> &Growing,
                llvm::DenseSet<const VarDecl *> &Shrinking) {
  if (!S)
    return;
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(S))
    if (const VarDecl *VD = localVectorOf(MCE, Ctx)) {
      const CXXMethodDecl *MD = MCE->getMethodDecl();
      StringRef Name = MD && MD->getIdentifier() ? MD->getName() : StringRef();
      // resize and assign to the size it was given change nothing.
      const Expr *Declared = declaredSize(VD);
      bool Resizes = (Name == "resize" || Name == "assign") &&
                     MCE->getNumArgs() >= 1 &&
                     MCE->getArg(0)->getType()->isIntegerType() &&
                     !(Declared && sameExpr(Declared, MCE->getArg(0), Ctx));
      if (isGrowingMethod(Name) || Resizes)
        Growing.insert(VD);
      if (mayShrink(Name))
        Shrinking.insert(VD);
    }
  // A helper of the user's that grows a vector it is given (written where
  // it is called: lowerGrowingCall).
  if (const auto *CE = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Def = growingHelper(CE))
      for (unsigned I = 0; I < CE->getNumArgs() && I < Def->getNumParams();
           ++I) {
        ParamGrowth G = paramGrowth(*Def, I);
        const auto *DRE =
            dyn_cast<DeclRefExpr>(CE->getArg(I)->IgnoreParenImpCasts());
        const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
        if (!G.Grows || !VD || !VD->hasLocalStorage() ||
            VD->getType()->isReferenceType())
          continue;
        Growing.insert(VD);
        if (G.Shrinks)
          Shrinking.insert(VD);
      }
  // `auto items = build(x);`: the helper's vector, which it fills, is
  // items (lowerBuildingCall).
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D); VD && VD->getInit()) {
        const VarDecl *R = nullptr;
        if (!buildingCall(VD->getInit(), R))
          continue;
        Growing.insert(VD);
        if (localGrowth(*cast<FunctionDecl>(R->getDeclContext()), R).Shrinks)
          Shrinking.insert(VD);
      }
  // `u = v;` gives u the length of v.
  if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(S);
      OCE && OCE->getOperator() == OO_Equal && OCE->getNumArgs() == 2)
    if (const auto *DRE =
            dyn_cast<DeclRefExpr>(OCE->getArg(0)->IgnoreParenImpCasts()))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        Shrinking.insert(VD);
  for (const Stmt *Child : S->children())
    scanGrowth(Child, Ctx, Growing, Shrinking);
}

} // namespace

void BodyLowering::findGrowingVectors(const Stmt *Body) {
  scanGrowth(Body, Ctx, Growing, Shrinking);
}

void BodyLowering::copyGrowingParams() {
  for (const ParmVarDecl *PVD : FD.parameters()) {
    auto It = Pointers.find(PVD);
    std::optional<ContainerShape> C = containerShape(PVD->getType(), Ctx);
    if (It == Pointers.end() || !C || !C->IsVector || !Growing.count(PVD))
      continue;
    at(PVD->getLocation());
    Value *Param = It->second;
    Value *Count = B.size(Param, Scalar::UInt64);
    Value *Arr = growingLocal(PVD->getNameAsString(),
                              typeName(PVD->getType().getUnqualifiedType()),
                              C->S, Count, Shrinking.count(PVD));
    copyElements(Arr, Param, Count);
    It->second = Arr;
  }
}

Value *BodyLowering::localVectorCount(Value *Base) {
  if (Base->Code != OpCode::Local || Base->IVal >= 0)
    return nullptr;
  if (Base->Operands.size() > 1)
    return B.load(Base->Operands[1]);
  return Base->Operands[0];
}

void BodyLowering::declareLength(const VarDecl *VD, Value *Count,
                                 std::vector<Value *> &Out) {
  declareLength(VD->getNameAsString(), Shrinking.count(VD), Count, Out);
}

void BodyLowering::declareLength(const std::string &Name, bool Shrinks,
                                 Value *Count, std::vector<Value *> &Out) {
  Out.push_back(B.local(Scalar::UInt64, 0, Name + "_size"));
  // (Converted after the local: a constant converted right after it is
  // made is replaced, and the vector's operand is the constant.)
  Count = convert(Count, Scalar::UInt64, /*Implicit=*/true);
  B.store(Out.back(), Count);
  B.block().Ops.back()->Text = "size";
  if (!Shrinks)
    return;
  Out.push_back(B.local(Scalar::UInt64, 0, Name + "_capacity"));
  B.store(Out.back(), Count);
  B.block().Ops.back()->Text = "size";
}

Value *BodyLowering::growingLocal(const std::string &Name,
                                  const std::string &Type, Scalar S,
                                  Value *Count, bool Shrinks,
                                  std::int64_t Stride) {
  std::vector<Value *> Lengths;
  declareLength(Name, Shrinks, Count, Lengths);
  Value *Vec = B.local(S, -1, Name, /*ZeroInit=*/true);
  Vec->Operands.push_back(Count);
  Vec->Operands.insert(Vec->Operands.end(), Lengths.begin(), Lengths.end());
  Vec->Text = Type;
  Vec->Member = ir::MemberKind::Array;
  Vec->Stride = Stride;
  return Vec;
}

void BodyLowering::setLength(Value *Vec, Value *N, const char *Method) {
  B.store(Vec->Operands[1], N);
  B.block().Ops.back()->Text = Method;
  if (Vec->Operands.size() < 3 || StringRef(Method) == "clear" ||
      StringRef(Method) == "pop_back")
    return;
  // The longest it has been, which its adjoint must hold.
  Value *Cap = Vec->Operands[2];
  Value *Old = B.load(Cap);
  B.store(Cap, B.select(B.cmp(ir::CmpPred::LT, Old, N), N, Old));
  B.block().Ops.back()->Text = "size";
}

Value *BodyLowering::lowerGrowth(const CXXMemberCallExpr *MCE) {
  const CXXMethodDecl *MD = MCE->getMethodDecl();
  std::string Name = MD->getNameAsString();
  const Expr *Obj = MCE->getImplicitObjectArgument();
  auto Refuse = [&](const std::string &Msg) {
    return fail(MCE->getExprLoc(), Msg, MCE->getSourceRange());
  };
  const std::string Supported =
      "gradc follows a local std::vector that grows and shrinks (push_back, "
      "emplace_back, insert, erase, pop_back, clear, resize, assign)";
  unsigned Args = MCE->getNumArgs();
  bool AtEnd = false;
  if (Name == "insert" && Args == 2) {
    // `v.end()`, made a const_iterator.
    const Expr *Pos = MCE->getArg(0);
    while (true) {
      Pos = Pos->IgnoreImplicit()->IgnoreParenImpCasts();
      const auto *CCE = dyn_cast<CXXConstructExpr>(Pos);
      if (!CCE || CCE->getNumArgs() != 1)
        break;
      Pos = CCE->getArg(0);
    }
    const auto *End = dyn_cast<CXXMemberCallExpr>(Pos);
    const auto *EndObj =
        End ? dyn_cast<DeclRefExpr>(
                  End->getImplicitObjectArgument()->IgnoreParenImpCasts())
            : nullptr;
    const auto *ObjRef = dyn_cast<DeclRefExpr>(Obj->IgnoreParenImpCasts());
    AtEnd = EndObj && ObjRef && EndObj->getDecl() == ObjRef->getDecl() &&
            End->getMethodDecl() && End->getMethodDecl()->getIdentifier() &&
            (End->getMethodDecl()->getName() == "end" ||
             End->getMethodDecl()->getName() == "cend");
  }
  bool Shifts = (Name == "insert" && !AtEnd) || Name == "erase";
  if (Shifts && (Name == "insert"
                     ? Args != 2 || !isNumberOrEnum(MCE->getArg(1)->getType())
                     : Args != 1 && Args != 2))
    return Refuse("this '" + Name + "' of std::vector is not supported; " +
                  Supported +
                  ": write 'v.insert(v.begin() + i, x)', 'v.erase(v.begin() + "
                  "i)' or 'v.erase(v.begin() + i, v.begin() + j)'");
  Value *Dst = lowerWrittenContainer(Obj);
  if (!Dst)
    return nullptr;
  if (Dst->Code != OpCode::Local || Dst->Operands.size() < 2)
    return Refuse("'" + Name +
                  "' of a std::vector that is not a local variable of the "
                  "function is not supported; " +
                  Supported +
                  ": copy it into a local ('std::vector<double> "
                  "u = v;'), change that and return or write "
                  "back what you need");
  if (Shifts)
    return lowerShift(MCE, Dst);
  Value *Len = Dst->Operands[1];
  Scalar S = Dst->Ty.scalarKind();
  const Expr *XE = Name == "insert" ? MCE->getArg(1) : nullptr;
  if ((Name == "push_back" || Name == "emplace_back") && Args == 1)
    XE = MCE->getArg(0);
  if (XE || Name == "emplace_back" || Name == "push_back") {
    if (!XE || !isNumberOrEnum(XE->getType()))
      return Refuse("this '" + Name +
                    "' is not supported; gradc appends one number: '" + Name +
                    "(x)'");
    // The element is computed before the vector changes (it may read it).
    Value *X = expectScalar(lowerExpr(XE), XE);
    if (!X)
      return nullptr;
    at(MCE->getBeginLoc());
    X = convert(X, S, /*Implicit=*/true);
    // Stored at the length, which then grows (each read on its own, so
    // that neither is a variable of the generated code).
    B.store(Dst, X, B.load(Len));
    B.block().Ops.back()->Text = Name == "insert" ? "push_back" : Name;
    setLength(Dst, B.add(B.load(Len), makeConstant(Scalar::UInt64, 1, 1, "1")),
              "size");
    return Dst;
  }
  at(MCE->getBeginLoc());
  if (Name == "clear" || Name == "pop_back") {
    Value *N = makeConstant(Scalar::UInt64, 0, 0, "0");
    if (Name == "pop_back")
      N = B.sub(B.load(Len), makeConstant(Scalar::UInt64, 1, 1, "1"));
    setLength(Dst, N, Name.c_str());
    return Dst;
  }
  // resize(n), resize(n, x), assign(n, x).
  bool Sized = Args >= 1 && MCE->getArg(0)->getType()->isIntegerType() &&
               (Name == "resize" ? Args <= 2 : Args == 2);
  if (!Sized)
    return Refuse("this '" + Name +
                  "' of std::vector is not supported; gradc follows '" + Name +
                  "(n" + (Name == "assign" ? ", x" : "") + ")'");
  const Expr *NE = withoutSizeConversion(MCE->getArg(0));
  Value *N = expectScalar(lowerExpr(NE), NE);
  Value *X = Args == 2 ? expectScalar(lowerExpr(MCE->getArg(1)), MCE->getArg(1))
                       : makeConstant(S, 0, 0, "0");
  if (!N || !X)
    return nullptr;
  at(MCE->getBeginLoc());
  X = convert(X, S, /*Implicit=*/true);
  // The elements it gives a value are stores, so that the reverse mode
  // sees what they overwrite (a resize after a clear).
  Value *Old = Name == "assign" ? makeConstant(Scalar::Int32, 0, 0, "0")
                                : convert(B.load(Len), Scalar::Int32,
                                          /*Implicit=*/false);
  setLength(Dst, convert(N, Scalar::UInt64, /*Implicit=*/true), "resize");
  Value *N32 = convert(N, Scalar::Int32, /*Implicit=*/false);
  if (Name == "assign")
    fillElements(Dst, X, N32);
  else
    countedLoop(B.sub(N32, Old), "i",
                [&](Value *I) { B.store(Dst, X, B.add(Old, I)); });
  return Dst;
}

bool BodyLowering::refuseGrowingArgument(Value *V, const Expr *Arg, QualType PT,
                                         const std::string &Callee) {
  const Value *Base = V ? ir::baseOf(V) : nullptr;
  if (!Base || Base->Code != OpCode::Local || Base->Operands.size() < 2)
    return false;
  QualType Pointee = PT->isPointerType() || PT->isReferenceType()
                         ? PT->getPointeeType()
                         : QualType();
  if (Pointee.isNull() || Pointee.isConstQualified())
    return false;
  fail(Arg->getBeginLoc(),
       "passing '" + Base->Name + "', a std::vector that changes size, to '" +
           Callee +
           "', which may write it, is not supported; pass it as "
           "'const std::vector<double> &', or copy it into a vector that "
           "keeps its size ('std::vector<double> u = " +
           Base->Name + ";')",
       Arg->getSourceRange());
  return true;
}

} // namespace gradc::frontend
