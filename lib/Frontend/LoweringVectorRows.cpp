//===- LoweringVectorRows.cpp - Local std::vector of std::array -----------===//
//
// `std::vector<std::array<double, 3>> pts(n);` is a local vector of n * 3
// numbers, rows one after another, as such a parameter is
// (LoweringArrayRows.cpp): RowDims {3}, so that generated code reads
// `pts[i][j]` again, and Stride 3, so that the interpreter sizes it and
// counts it in rows as it does a vector of structs. Its adjoint is the same.
// push_back, emplace_back, pop_back and clear change its length as they do
// a vector of structs' (LoweringStructGrowth.cpp): a zeroed row appended,
// then its numbers stored.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

namespace gradc::frontend {

using namespace clang;
using ir::OpCode;
using ir::Scalar;
using ir::Value;

void BodyLowering::lowerVectorRowsDecl(const VarDecl *VD, const ArrayRows &A) {
  std::string Name = VD->getNameAsString();
  std::string Type = typeName(VD->getType().getUnqualifiedType());
  auto Refuse = [&](const std::string &Msg) {
    poison(VD);
    fail(VD->getLocation(), Msg, VD->getSourceRange());
  };
  if (aliasRows(VD)) // `const auto &q = pts;`
    return;
  const Expr *Init = VD->getInit();
  const auto *CCE =
      Init ? dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit()) : nullptr;
  unsigned Given = 0;
  while (CCE && Given < CCE->getNumArgs() &&
         !isa<CXXDefaultArgExpr>(CCE->getArg(Given)))
    ++Given;
  // `= pts`, `(pts)`: a copy of another vector of these rows.
  const Expr *CopyE = nullptr;
  if (CCE && Given == 1 && CCE->getConstructor()->isCopyOrMoveConstructor())
    CopyE = CCE->getArg(0);
  else if (Init && !CCE && vectorRows(Init->getType(), Ctx))
    CopyE = Init;
  // `= {{x, y, z}, r}`: as many rows as it gives; `(n, {x, y, z})`: n
  // of that row.
  const InitListExpr *List = nullptr;
  const Expr *FillE = nullptr;
  if (CCE && Given >= 1)
    if (const auto *SIL = dyn_cast<CXXStdInitializerListExpr>(
            CCE->getArg(0)->IgnoreImplicit()))
      List = dyn_cast<InitListExpr>(SIL->getSubExpr()->IgnoreImplicit());
  auto NotARow = [&](const Expr *E) {
    poison(VD);
    fail(E->getBeginLoc(),
         "this row of '" + Name +
             "' is not supported; give a list ('{x, y, z}'), or a variable "
             "or row of type '" +
             typeName(A.Row.getUnqualifiedType()) + "'",
         E->getSourceRange());
  };
  Value *Count = nullptr, *Source = nullptr;
  if (List) {
    for (const Expr *E : List->inits())
      if (!rowSource(E, A))
        return NotARow(E);
    Count = makeConstant(Scalar::UInt64, 0, List->getNumInits(),
                         std::to_string(List->getNumInits()));
  } else if (CopyE) {
    CopyE = containerOperand(CopyE);
    if (const auto *CE = dyn_cast<CallExpr>(CopyE);
        CE && CE->getDirectCallee()) {
      std::string Callee = CE->getDirectCallee()->getNameAsString();
      poison(VD);
      fail(CE->getExprLoc(),
           "a helper returning a std::vector of std::array ('" + Callee +
               "') is not supported yet; have it write the rows into one it "
               "is given ('void " +
               Callee + "(..., " + Type + " &out)'), declared by the caller",
           CE->getSourceRange());
      return;
    }
    if (!isa<DeclRefExpr>(CopyE) ||
        !Ctx.hasSameUnqualifiedType(CopyE->getType(),
                                    VD->getType().getNonReferenceType()))
      return Refuse("initializing '" + Name +
                    "' this way is not supported; give its number of rows ('" +
                    Type + " " + Name +
                    "(n);') or copy another such variable, then assign "
                    "its elements");
    Source = lowerPointer(CopyE);
    if (!Source)
      return poison(VD);
    at(VD->getLocation());
    Count = vectorRowCount(Source, A);
  } else if (Growing.count(VD) && Given == 0) {
    Count = makeConstant(Scalar::UInt64, 0, 0, "0"); // empty, until it grows
  } else if (!CCE || Given < 1 || Given > 2 ||
             !CCE->getArg(0)->getType()->isIntegerType() ||
             (Given == 2 && !(FillE = rowSource(CCE->getArg(1), A)))) {
    return Refuse("std::vector '" + Name +
                  "' of rows must be given its number of rows where it is "
                  "declared, as in '" +
                  Type + " " + Name +
                  "(n);', or copy another such variable, or start empty "
                  "and push_back rows; then assign its elements ('" +
                  Name + "[i][j] = ...')");
  } else {
    const Expr *N = withoutSizeConversion(CCE->getArg(0));
    Count = expectScalar(lowerExpr(N), N);
    if (!Count)
      return poison(VD);
  }
  bool Grows = Growing.count(VD);
  if (Grows && RegionDepth) {
    // Made anew where it is declared (LoweringGrowthScoped.cpp).
    if (Source || !Count->isConstValue(0))
      return Refuse("std::vector '" + Name +
                    "' of rows changes size (push_back, emplace_back, ...) "
                    "and is declared with rows in a loop or branch, which "
                    "gradc does not support yet; declare it empty ('" +
                    Type + " " + Name + ";') and push_back them");
    Value *Arr = restartGrowing(VD, A.S, A.Cols);
    Arr->RowDims = {A.Cols};
    Pointers[VD] = Arr;
    Poisoned.erase(VD);
    return;
  }
  // The adjoint and copies are declared with the count the top level has.
  if (!(Count = hoistCount(Count)))
    return Refuse(unhoistedSizeMessage(Name));
  at(VD->getLocation());
  std::vector<Value *> Lengths;
  if (Grows)
    declareLength(VD, Count, Lengths);
  Value *Arr = B.local(A.S, -1, Name, /*ZeroInit=*/true);
  Arr->Operands.push_back(Count);
  Arr->Operands.insert(Arr->Operands.end(), Lengths.begin(), Lengths.end());
  Arr->Text = Type;
  Arr->Member = ir::MemberKind::Array;
  Arr->Stride = A.Cols;
  Arr->RowDims = {A.Cols};
  Pointers[VD] = Arr;
  Poisoned.erase(VD);
  for (unsigned K = 0; List && K < List->getNumInits(); ++K)
    if (!storeVectorRow(
            rowSource(List->getInit(K), A), Arr,
            [&] {
              return makeConstant(Scalar::UInt64, 0, K, std::to_string(K));
            },
            A, /*Stale=*/false))
      return poison(VD);
  if (FillE)
    countedLoop(convert(Count, Scalar::Int32, /*Implicit=*/false), "i",
                [&](Value *I) {
                  if (!storeVectorRow(
                          FillE, Arr, [&] { return I; }, A,
                          /*Stale=*/false))
                    poison(VD);
                });
  if (Source)
    copyRows(Arr, Source, A, Count);
}

Value *BodyLowering::lowerVectorRowsGrowth(const CXXMemberCallExpr *MCE,
                                           const ArrayRows &A) {
  std::string Name = MCE->getMethodDecl()->getNameAsString();
  const Expr *Obj = MCE->getImplicitObjectArgument();
  std::string Row = typeName(A.Row.getUnqualifiedType());
  auto Refuse = [&](SourceLocation Loc, const std::string &Msg) {
    return fail(Loc, Msg, MCE->getSourceRange());
  };
  Value *Dst = lowerWrittenContainer(Obj);
  if (!Dst)
    return nullptr;
  if (Dst->Code != OpCode::Local || Dst->Operands.size() < 2)
    return Refuse(MCE->getExprLoc(),
                  "'" + Name +
                      "' of a std::vector of rows that is not a local "
                      "variable of the function is not supported; copy it "
                      "into a local ('" +
                      typeName(Obj->getType().getUnqualifiedType()) +
                      " u = v;') and change that");
  Value *Len = Dst->Operands[1];
  auto One = [&] { return makeConstant(Scalar::UInt64, 1, 1, "1"); };
  if (Name == "clear" || Name == "pop_back") {
    at(MCE->getBeginLoc());
    Value *N = makeConstant(Scalar::UInt64, 0, 0, "0");
    if (Name == "pop_back")
      N = B.sub(B.load(Len), One());
    setLength(Dst, N, Name.c_str());
    return Dst;
  }
  unsigned Args = MCE->getNumArgs();
  const Expr *Arg = Args == 1 ? MCE->getArg(0) : nullptr;
  bool Zero = Name == "emplace_back" && Args == 0;
  if (!Zero && !rowSource(Arg, A))
    return Refuse(MCE->getExprLoc(),
                  "this '" + Name + "' is not supported; gradc appends one '" +
                      Row +
                      "': 'push_back({x, y, z})', 'push_back(r)' of a "
                      "variable r of that type, or 'emplace_back()'");
  for (const Expr *E : MCE->arguments())
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Obj->IgnoreParenImpCasts());
        DRE && mentions(E, DRE->getDecl()))
      return Refuse(E->getBeginLoc(),
                    "a row appended to '" + DRE->getDecl()->getNameAsString() +
                        "' that reads it is not supported; compute it into a "
                        "local first ('" +
                        Row + " r = ...; " + DRE->getDecl()->getNameAsString() +
                        ".push_back(r);')");
  at(MCE->getBeginLoc());
  setLength(Dst, B.add(B.load(Len), One()), "append");
  // What a row of this length held before a pop_back or clear is still in
  // memory: there, zeros are stored too (the appended row is zero).
  const auto *DRE = dyn_cast<DeclRefExpr>(Obj->IgnoreParenImpCasts());
  bool Stale = !DRE || Shrinking.count(dyn_cast<VarDecl>(DRE->getDecl()));
  bool Ok = storeVectorRow(
      Zero ? nullptr : rowSource(Arg, A), Dst,
      [&] { return B.sub(B.load(Len), One()); }, A, Stale);
  return Ok ? Dst : nullptr;
}

const Expr *BodyLowering::rowSource(const Expr *E, const ArrayRows &A) {
  if (!E)
    return nullptr;
  E = E->IgnoreImplicit();
  if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
    E = MTE->getSubExpr()->IgnoreImplicit();
  if (isa<InitListExpr>(E))
    return E;
  if (!Ctx.hasSameUnqualifiedType(E->getType().getNonReferenceType(), A.Row))
    return nullptr;
  E = containerOperand(E);
  return isa<DeclRefExpr>(E) || isArrayRow(E) ? E : nullptr;
}

bool BodyLowering::storeVectorRow(const Expr *E, Value *Dst,
                                  llvm::function_ref<Value *()> Row,
                                  const ArrayRows &A, bool Stale) {
  Value *From = nullptr;
  const auto *ILE = dyn_cast_or_null<InitListExpr>(E);
  if (E && !ILE && !(From = lowerContainer(E)))
    return false;
  // `{a, b, c}` is braces around the std::array's C array.
  if (ILE && ILE->getNumInits() == 1)
    if (const auto *Inner =
            dyn_cast<InitListExpr>(ILE->getInit(0)->IgnoreImplicit()))
      ILE = Inner;
  for (std::int64_t J = 0; J < A.Cols; ++J) {
    Value *V = makeConstant(A.S, 0, 0, "0");
    if (From) {
      V = convert(B.load(From, constIndex(J)), A.S, /*Implicit=*/true);
    } else if (ILE && J < ILE->getNumInits() &&
               !isa<ImplicitValueInitExpr>(ILE->getInit(J)->IgnoreImplicit())) {
      const Expr *X = ILE->getInit(J);
      if (!(V = expectScalar(lowerExpr(X), X)))
        return false;
      V = convert(V, A.S, /*Implicit=*/true);
    }
    if (V->isConstValue(0) && !Stale)
      continue;
    Value *R = Row();
    B.store(
        Dst, V,
        addScaled(R, A.Cols,
                  makeConstant(R->Ty.scalarKind(), 0, J, std::to_string(J))));
  }
  return true;
}

} // namespace gradc::frontend
