//===- LoweringArrayRows.cpp - Containers of containers as flat memory ----===//
//
// `std::array<std::array<double, 3>, 2> m` is six numbers in row-major
// order, as `double m[2][3]` is (LoweringMultiDim.cpp): `m[i][j]` is
// element `i * 3 + j`, and the parameter or local keeps RowDims {3}, so
// that generated code reads `m[i][j]` again. A parameter `const
// std::vector<std::vector<double>> &X` is a matrix the same way, whose
// row length is a value, `X_cols` (a Size op at the top of the body,
// which generated code computes with `gradc::cols(X)`, checking that all
// rows are as long): `X[i][j]` is element `i * X_cols + j`. A row `m[i]`, or a
// variable bound to one (`const auto &row = m[i]`, a range-for over m), is kept
// as the row's number, so that `row[j]` is an element of m as well; only a row
// used whole (passed to a helper, iterated) becomes a pointer, an `Offset`
// whose Text is the row's type, which generated code declares as a reference to
// it (`const std::array<double, 3> &row = m[i];`).
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

namespace gradc::frontend {

using namespace clang;
using ir::Scalar;
using ir::Value;

/// E without parentheses and the conversions Clang puts on an object.
static const Expr *bare(const Expr *E) { return E->IgnoreParenImpCasts(); }

/// The rows E's object holds, if E is `m.front()`, `m.back()` or
/// `m.at(i)` of a container of rows.
static std::optional<ArrayRows> rowCall(const Expr *E, const ASTContext &Ctx) {
  const auto *MCE = dyn_cast<CXXMemberCallExpr>(E);
  const CXXMethodDecl *MD = MCE ? MCE->getMethodDecl() : nullptr;
  if (!MD || !MD->getIdentifier() ||
      !(MD->getName() == "front" || MD->getName() == "back" ||
        (MD->getName() == "at" && MCE->getNumArgs() == 1)))
    return std::nullopt;
  QualType T = MCE->getImplicitObjectArgument()->getType();
  std::optional<ArrayRows> A = arrayRows(T, Ctx);
  return A ? A : vectorRows(T, Ctx);
}

bool BodyLowering::isArrayRow(const Expr *E) const {
  E = bare(E);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    return VD && RowRefs.count(VD);
  }
  if (rowCall(E, Ctx))
    return true;
  const auto *OCE = dyn_cast<CXXOperatorCallExpr>(E);
  return OCE && OCE->getOperator() == OO_Subscript && OCE->getNumArgs() == 2 &&
         (arrayRows(OCE->getArg(0)->getType(), Ctx) ||
          vectorRows(OCE->getArg(0)->getType(), Ctx));
}

void BodyLowering::declareVectorCols(ArrayRef<const VarDecl *> Decls) {
  // (A lambda's captures are parameters of its function too.)
  for (const VarDecl *PVD : Decls) {
    auto It = Pointers.find(PVD);
    std::optional<ArrayRows> A = vectorRows(PVD->getType(), Ctx);
    if (It == Pointers.end() || !A || A->Cols)
      continue;
    at(PVD->getLocation());
    Value *Cols = B.size(It->second, Scalar::UInt64);
    Cols->Text = "cols";
    Cols->Name = PVD->getNameAsString() + "_cols";
    VectorCols[It->second] = Cols;
  }
}

std::optional<BodyLowering::RowRef> BodyLowering::lowerArrayRow(const Expr *E) {
  E = bare(E);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = cast<VarDecl>(DRE->getDecl());
    if (isPoisonedRef(DRE)) {
      Failed = true;
      return std::nullopt;
    }
    return RowRefs.at(VD);
  }
  // `m[i]`, or `m.at(i)`, `m.front()`, `m.back()`.
  const auto *MCE = dyn_cast<CXXMemberCallExpr>(E);
  const Expr *Obj = MCE ? MCE->getImplicitObjectArgument()
                        : cast<CXXOperatorCallExpr>(E)->getArg(0);
  std::optional<ArrayRows> A = arrayRows(Obj->getType(), Ctx);
  bool Fixed = A.has_value();
  if (!A)
    A = vectorRows(Obj->getType(), Ctx);
  if (isPoisonedRef(Obj)) {
    Failed = true;
    return std::nullopt;
  }
  RowRef R;
  R.Matrix = lowerPointer(Obj);
  if (R.Matrix && A->Cols == 0) {
    auto It = VectorCols.find(R.Matrix);
    if (It == VectorCols.end()) {
      fail(E->getExprLoc(),
           "gradc follows a std::vector of std::vector that is a parameter "
           "of the function, or a local given its rows' length where it is "
           "declared ('m(n, std::vector<double>(k))'); keep the rows of "
           "this one in one 'std::vector<double>' indexed x[i * n + j]",
           E->getSourceRange());
      return std::nullopt;
    }
    R.VectorCols = It->second;
  }
  std::string Method = MCE ? MCE->getMethodDecl()->getNameAsString() : "";
  if (!R.Matrix)
    return std::nullopt;
  if (Method == "front") {
    R.Row = makeConstant(Scalar::UInt64, 0, 0, "0");
  } else if (Method == "back") {
    at(E->getBeginLoc());
    Value *N = Fixed ? makeConstant(Scalar::UInt64, 0, A->Rows,
                                    std::to_string(A->Rows))
                     : vectorRowCount(R.Matrix, *A);
    R.Row = B.sub(N, makeConstant(Scalar::UInt64, 1, 1, "1"));
  } else {
    R.Row = lowerIndex(MCE ? MCE->getArg(0)
                           : cast<CXXOperatorCallExpr>(E)->getArg(1));
  }
  if (!R.Row)
    return std::nullopt;
  R.Cols = A->Cols;
  R.Type = typeName(A->Row.getUnqualifiedType());
  return R;
}

std::optional<BodyLowering::Target>
BodyLowering::lowerRowElement(const Expr *Row, const Expr *IdxE) {
  std::optional<RowRef> R = lowerArrayRow(Row);
  Value *Idx = lowerIndex(IdxE);
  if (!R || !Idx)
    return std::nullopt;
  at(IdxE->getBeginLoc());
  Target T;
  T.Ptr = R->Matrix;
  T.Index = rowIndex(*R, Idx);
  T.S = R->Matrix->Ty.scalarKind();
  return T;
}

Value *BodyLowering::rowIndex(const RowRef &R, Value *Col) {
  // Built anew at each access, so that the emitter splits it back into
  // `[i][j]` (a shared `i * 3` would be a variable of its own).
  Value *Row = rowNumber(R);
  if (R.VectorCols) { // `i * X_cols + j`, in X_cols's type
    Scalar S = R.VectorCols->Ty.scalarKind();
    Row = convert(Row, S, /*Implicit=*/true);
    Col = convert(Col, S, /*Implicit=*/true);
    if (MatrixRows.count(R.Matrix)) {
      // A local's is flat in generated code: `m[k + j]` for `m[1][j]`.
      Value *Start = Row->isConstValue(0)   ? nullptr
                     : Row->isConstValue(1) ? R.VectorCols
                                            : B.mul(Row, R.VectorCols);
      if (!Start)
        return Col;
      return Col->isConstValue(0) ? Start : B.add(Start, Col);
    }
    return B.add(B.mul(Row, R.VectorCols), Col);
  }
  Col = convert(Col, Row->Ty.scalarKind(), /*Implicit=*/true);
  return addScaled(Row, R.Cols, Col);
}

Value *BodyLowering::rowLength(const RowRef &R, Scalar S) {
  if (R.VectorCols)
    return convert(R.VectorCols, S, /*Implicit=*/true);
  return makeConstant(S, 0, R.Cols, "");
}

Value *BodyLowering::rowNumber(const RowRef &R) {
  return R.Reload ? B.load(R.Row->Operands[0]) : R.Row;
}

Value *BodyLowering::lowerRowPointer(const Expr *E) {
  std::optional<RowRef> R = lowerArrayRow(E);
  if (!R)
    return nullptr;
  // (A callee would take the rest of the matrix for the row: its size.)
  if (R->VectorCols)
    return fail(E->getExprLoc(),
                "a row of a std::vector of std::vector is read and written "
                "element by element ('X[i][j]', 'for (double v : X[i])', "
                "'X[i].size()'), copied where a vector is declared "
                "('std::vector<double> r = X[i];') or passed to a helper "
                "('dot(X[i], w)'), not otherwise used whole: its rows do not "
                "grow or shrink; copy it first ('std::vector<double> r = "
                "X[i];')",
                E->getSourceRange());
  at(E->getBeginLoc());
  Value *Row = B.offset(R->Matrix, addScaled(rowNumber(*R), R->Cols, nullptr));
  Row->Text = R->Type;
  return Row;
}

bool BodyLowering::bindArrayRow(const VarDecl *VD, const Expr *Init) {
  if (!Init || !VD->getType()->isLValueReferenceType() || !isArrayRow(Init))
    return false;
  // `const auto &row = m[i];`: row is m's row i, wherever it is read.
  std::optional<RowRef> R = lowerArrayRow(Init);
  if (!R) {
    poison(VD);
    return true;
  }
  RowRefs[VD] = *R;
  Poisoned.erase(VD);
  return true;
}

/// The number of scalars an object of type T holds, for the flat position
/// of a nested initializer.
static std::int64_t scalarsIn(QualType T, const ASTContext &Ctx) {
  if (std::optional<ArrayRows> A = arrayRows(T, Ctx))
    return A->Rows * A->Cols;
  if (std::optional<ContainerShape> C = containerShape(T, Ctx))
    return C->Count;
  if (const auto *CAT = Ctx.getAsConstantArrayType(T))
    return static_cast<std::int64_t>(CAT->getSize().getZExtValue()) *
           scalarsIn(CAT->getElementType(), Ctx);
  return 1;
}

void BodyLowering::storeNested(const Expr *E, Value *Arr, std::int64_t First) {
  E = E->IgnoreParens();
  if (isa<ImplicitValueInitExpr>(E))
    return; // zeroed
  if (const auto *ILE = dyn_cast<InitListExpr>(E)) {
    // The semantic form is fully braced: a std::array is a struct of one
    // C array, whose elements follow one another.
    std::int64_t Stride = 1;
    if (const auto *AT = Ctx.getAsArrayType(ILE->getType()))
      Stride = scalarsIn(AT->getElementType(), Ctx);
    for (unsigned I = 0, N = ILE->getNumInits(); I < N; ++I)
      storeNested(ILE->getInit(I), Arr, First + I * Stride);
    return;
  }
  Value *V = expectScalar(lowerExpr(E), E);
  if (!V)
    return;
  at(E->getBeginLoc());
  V = convert(V, Arr->Ty.scalarKind(), /*Implicit=*/true);
  if (V->isConstValue(0))
    return;
  B.store(Arr, V, makeConstant(Scalar::Int32, 0, First, std::to_string(First)));
}

void BodyLowering::copyRows(Value *Dst, Value *Src, const ArrayRows &A,
                            Value *Rows) {
  Scalar S = Dst->Ty.scalarKind();
  Rows = Rows ? convert(Rows, Scalar::Int32, /*Implicit=*/false)
              : constIndex(A.Rows);
  countedLoop(Rows, "i", [&](Value *I) {
    countedLoop(constIndex(A.Cols), "j", [&](Value *J) {
      // The outer counter read where it is used, as `m[i][j]` reads it.
      Value *At = addScaled(B.load(I->Operands[0]), A.Cols, J);
      B.store(Dst, convert(B.load(Src, At), S, /*Implicit=*/true), At);
    });
  });
}

bool BodyLowering::aliasRows(const VarDecl *VD) {
  if (!VD->getType()->isReferenceType())
    return false;
  // `const auto &m = R;`: another name for R.
  const Expr *Init = VD->getInit();
  Value *P = Init ? lowerPointer(bare(Init)) : nullptr;
  if (!P) {
    poison(VD);
    return true;
  }
  Pointers[VD] = P;
  Poisoned.erase(VD);
  return true;
}

void BodyLowering::lowerArrayRowsDecl(const VarDecl *VD, const ArrayRows &A) {
  std::string Name = VD->getNameAsString();
  if (aliasRows(VD))
    return;
  const Expr *Init = VD->getInit();
  const auto *CCE =
      Init ? dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit()) : nullptr;
  const auto *ILE =
      Init ? dyn_cast<InitListExpr>(Init->IgnoreImplicit()) : nullptr;
  const Expr *CopyE = nullptr;
  if (CCE && CCE->getNumArgs() == 1 && CCE->getConstructor() &&
      CCE->getConstructor()->isCopyOrMoveConstructor())
    CopyE = CCE->getArg(0);
  else if (Init && !CCE && !ILE)
    CopyE = Init;
  if (const auto *CE = CopyE ? dyn_cast<CallExpr>(bare(CopyE)) : nullptr;
      CE && CE->getDirectCallee()) {
    std::string Callee = CE->getDirectCallee()->getNameAsString();
    poison(VD);
    fail(CE->getExprLoc(),
         "a helper returning a std::array of std::array ('" + Callee +
             "') is not supported yet; have it write the result into one "
             "it is given ('void " +
             Callee + "(..., " + typeName(VD->getType().getUnqualifiedType()) +
             " &out)')",
         CE->getSourceRange());
    return;
  }
  if (CopyE &&
      (!arrayRows(CopyE->getType(), Ctx) || !isa<DeclRefExpr>(bare(CopyE)))) {
    poison(VD);
    fail(VD->getLocation(),
         "initializing '" + Name +
             "' this way is not supported; use '{}', '= {...}', a copy of "
             "another variable, or assign its elements",
         VD->getSourceRange());
    return;
  }
  Value *Src = CopyE ? lowerPointer(bare(CopyE)) : nullptr;
  if (CopyE && !Src)
    return poison(VD);
  at(VD->getLocation());
  bool Zero = ILE || (CCE && CCE->requiresZeroInitialization());
  Value *Arr = B.local(A.S, A.Rows * A.Cols, Name, Zero);
  Arr->Text = typeName(VD->getType().getUnqualifiedType());
  Arr->Member = ir::MemberKind::Array;
  Arr->RowDims = {A.Cols};
  Pointers[VD] = Arr;
  Poisoned.erase(VD);
  if (Src)
    copyRows(Arr, Src, A);
  if (ILE)
    storeNested(ILE, Arr, 0);
}

Value *BodyLowering::lowerArrayRowsCall(const CXXMemberCallExpr *MCE,
                                        const ArrayRows &A) {
  std::string Name = MCE->getMethodDecl()->getNameAsString();
  const Expr *Obj = MCE->getImplicitObjectArgument();
  if (isPoisonedRef(Obj)) {
    Failed = true;
    return nullptr;
  }
  if (rowCall(MCE, Ctx)) // `m.back()` whole
    return lowerRowPointer(MCE);
  if (Name == "size" || Name == "empty") {
    std::optional<Scalar> S = typeOf(MCE);
    if (!S || !lowerPointer(Obj))
      return nullptr;
    at(MCE->getBeginLoc());
    Value *Rows = makeConstant(*S, 0, A.Rows, "");
    if (Name == "empty")
      return B.cmp(ir::CmpPred::EQ, Rows, makeConstant(*S, 0, 0, "0"));
    return Rows;
  }
  return fail(MCE->getExprLoc(),
              "'" + Name +
                  "' of a std::array of std::array is not supported; gradc "
                  "supports m[i][j], m.front(), m.back(), m.at(i), m.size(), "
                  "m[i].size(), range-based "
                  "'for' over the rows and over a row, and passing m or a "
                  "row m[i] to a function",
              MCE->getSourceRange());
}

Value *BodyLowering::lowerVectorRowsCall(const CXXMemberCallExpr *MCE) {
  std::string Name = MCE->getMethodDecl()->getNameAsString();
  const Expr *Obj = MCE->getImplicitObjectArgument();
  if (isPoisonedRef(Obj)) {
    Failed = true;
    return nullptr;
  }
  if (rowCall(MCE, Ctx)) // `pts.back()` whole
    return lowerRowPointer(MCE);
  std::optional<ArrayRows> A = vectorRows(Obj->getType(), Ctx);
  if (A->Cols && (Name == "push_back" || Name == "emplace_back" ||
                  Name == "pop_back" || Name == "clear"))
    return lowerVectorRowsGrowth(MCE, *A);
  if (A->Cols && Name == "reserve")
    return lowerExpr(Obj); // changes nothing gradc follows
  if (A->Cols && Name != "size" && Name != "empty")
    return fail(MCE->getExprLoc(),
                "'" + Name +
                    "' of a std::vector of std::array is not supported; "
                    "gradc supports v[i][j], v.size(), v.empty(), "
                    "v.front(), v.back(), v.at(i), push_back, emplace_back, "
                    "pop_back, clear, range-based "
                    "'for' over the rows and over a row, and passing v to "
                    "a function",
                MCE->getSourceRange());
  const auto *DRE = dyn_cast<DeclRefExpr>(bare(Obj));
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (Name != "size" && Name != "empty" && VD && !isa<ParmVarDecl>(VD) &&
      !VD->getType()->isReferenceType())
    return fail(MCE->getExprLoc(),
                "'" + Name +
                    "' of a local std::vector of std::vector is not "
                    "supported yet; gradc supports m[i][j], m.size(), "
                    "m[i].size(), range-based 'for' over the rows and over "
                    "a row, and rows copied or passed to helpers: declare it "
                    "with all its rows ('" +
                    typeName(VD->getType().getUnqualifiedType()) + " " +
                    VD->getNameAsString() +
                    "(n, std::vector<double>(k));') and assign their "
                    "elements",
                MCE->getSourceRange());
  if (Name != "size" && Name != "empty")
    return fail(MCE->getExprLoc(),
                "'" + Name +
                    "' of a std::vector of std::vector is not supported; "
                    "gradc supports X[i][j], X.size(), X[i].size(), "
                    "range-based 'for' over the rows and over a row, and "
                    "passing X to a function; its rows do not grow",
                MCE->getSourceRange());
  std::optional<Scalar> S = typeOf(MCE);
  Value *X = S ? lowerPointer(Obj) : nullptr;
  if (!X)
    return nullptr;
  at(MCE->getBeginLoc());
  Value *Rows = vectorRowCount(X, *A);
  if (Name == "empty")
    return B.cmp(ir::CmpPred::EQ, Rows,
                 makeConstant(Scalar::UInt64, 0, 0, "0"));
  return convert(Rows, *S, /*Implicit=*/true);
}

Value *BodyLowering::vectorRowCount(Value *Matrix, const ArrayRows &A) {
  if (auto It = MatrixRows.find(Matrix); It != MatrixRows.end())
    return convert(It->second, Scalar::UInt64, /*Implicit=*/true);
  if (Value *N = localVectorCount(Matrix)) // a local's (LoweringVectorRows.cpp)
    return convert(N, Scalar::UInt64, /*Implicit=*/true);
  Value *Rows = B.size(Matrix, Scalar::UInt64);
  if (A.Cols) // rows of a std::array: counted as a vector of structs is
    Rows->Stride = A.Cols;
  else
    Rows->Text = "rows";
  return Rows;
}

Value *BodyLowering::lowerRowsAssign(const CXXOperatorCallExpr *OCE) {
  QualType T = OCE->getArg(0)->getType().getNonReferenceType();
  std::optional<ArrayRows> A = arrayRows(T, Ctx);
  bool Fixed = A.has_value();
  if (!A)
    A = vectorRows(T, Ctx);
  // `M = R;`: element by element, as a copy is.
  const Expr *Src = containerOperand(OCE->getArg(1));
  if (!isa<DeclRefExpr>(Src) || !Ctx.hasSameUnqualifiedType(Src->getType(), T))
    return fail(OCE->getOperatorLoc(),
                "assigning this to a " +
                    std::string(Fixed ? "std::array" : "std::vector") +
                    " of std::array is not supported; assign another such "
                    "variable, or the elements one by one",
                OCE->getSourceRange());
  Value *Dst = lowerWrittenContainer(OCE->getArg(0));
  Value *From = Dst ? lowerPointer(Src) : nullptr;
  if (!From)
    return nullptr;
  at(OCE->getBeginLoc());
  Value *Rows = Fixed ? nullptr : vectorRowCount(From, *A);
  if (Rows && Dst->Code == ir::OpCode::Local && Dst->Operands.size() > 1)
    setLength(Dst, Rows, "resize"); // it takes the size of what it copies
  else if (Rows && !sameCount(vectorRowCount(Dst, *A), Rows))
    return fail(OCE->getOperatorLoc(),
                "assigning a std::vector of a size gradc cannot prove to be "
                "its own is not supported (it would change its size); "
                "declare a copy instead ('auto u = v;'), or give both the "
                "same size ('u(n)', 'v(n)')",
                OCE->getSourceRange());
  copyRows(Dst, From, *A, Rows);
  return Dst;
}

} // namespace gradc::frontend
