//===- LoweringMatrixLocal.cpp - Local std::vector of std::vector ---------===//
//
// `std::vector<std::vector<double>> m(n, std::vector<double>(k));` is a
// matrix of n rows of k numbers, as a parameter of that type is
// (LoweringArrayRows.cpp), but its rows' length is known where it is
// declared, so it needs no check: it is one flat local `std::vector<double>
// m(n * k)`, `m[i][j]` its element `i * k + j` (VectorCols holds k,
// MatrixRows n). Generated code, its adjoint and the tapes see a plain
// vector of numbers. A row used whole (`std::vector<double> r = m[i];`, or
// passed to a helper) is a copy of its numbers, written back after a helper
// that may change it. Given as a list of rows of numbers (`= {{x, y}, {y,
// x}}`), it is the same flat vector, the list's numbers stored into it.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

namespace gradc::frontend {

using namespace clang;
using ir::Scalar;
using ir::Value;

/// The constructor call of a row given as a temporary: `std::vector<double>
/// (k)`, `std::vector<double>(k, v)`; null for anything else.
static const CXXConstructExpr *rowConstruction(const Expr *E) {
  E = E->IgnoreImplicit()->IgnoreParens();
  if (const auto *FCE = dyn_cast<CXXFunctionalCastExpr>(E))
    E = FCE->getSubExpr()->IgnoreImplicit();
  const auto *CCE = dyn_cast<CXXConstructExpr>(E);
  if (!CCE || CCE->getNumArgs() == 0 ||
      !CCE->getArg(0)->getType()->isIntegerType() ||
      isa<CXXStdInitializerListExpr>(CCE->getArg(0)))
    return nullptr;
  return CCE;
}

/// Names the count of matrix Name's numbers (`m_count = n * k`), which its
/// adjoint is declared with too.
static void nameCount(Value *Count, const std::string &Name) {
  if (Count->Code == ir::OpCode::Mul && Count->Name.empty())
    Count->Name = Name + "_count";
}

/// The number of arguments written in a constructor call (the allocator is
/// a defaulted one).
static unsigned givenArgs(const CXXConstructExpr *CCE) {
  unsigned Given = 0;
  while (CCE && Given < CCE->getNumArgs() &&
         !isa<CXXDefaultArgExpr>(CCE->getArg(Given)))
    ++Given;
  return Given;
}

/// The numbers of a row given as a list, `{x, y}` or `std::vector<double>{x,
/// y}`; null for anything else.
static const InitListExpr *rowList(const Expr *E) {
  E = E->IgnoreImplicit()->IgnoreParens();
  if (const auto *FCE = dyn_cast<CXXFunctionalCastExpr>(E))
    E = FCE->getSubExpr()->IgnoreImplicit();
  const auto *CCE = dyn_cast<CXXConstructExpr>(E);
  if (!CCE || givenArgs(CCE) != 1)
    return nullptr;
  const auto *SIL =
      dyn_cast<CXXStdInitializerListExpr>(CCE->getArg(0)->IgnoreImplicit());
  return SIL ? dyn_cast<InitListExpr>(SIL->getSubExpr()->IgnoreImplicit())
             : nullptr;
}

void BodyLowering::lowerVectorMatrixDecl(const VarDecl *VD,
                                         const ArrayRows &A) {
  std::string Name = VD->getNameAsString();
  std::string Type = typeName(VD->getType().getUnqualifiedType());
  std::string Row = typeName(A.Row.getUnqualifiedType());
  auto Refuse = [&](const std::string &Msg) {
    poison(VD);
    fail(VD->getLocation(), Msg, VD->getSourceRange());
  };
  const std::string Advice =
      "; gradc supports a matrix whose rows are all given one length where "
      "it is declared ('" +
      Type + " " + Name + "(n, " + Row + "(k));', also '" + Row +
      "(k, x)', or '= {{a, b}, {c, d}}'), or a copy of another such "
      "variable";
  // The flat vector of Rows * Cols numbers, zeroed; null when refused. Its
  // adjoint and copies are declared with the count the top level has.
  auto Declare = [&](Value *Rows, Value *Cols) -> Value * {
    Value *Count = hoistCount(B.mul(Rows, Cols));
    if (!Count) {
      Refuse(unhoistedSizeMessage(Name));
      return nullptr;
    }
    nameCount(Count, Name);
    at(VD->getLocation());
    Value *Arr = B.local(A.S, -1, Name, /*ZeroInit=*/true);
    Arr->Operands.push_back(Count);
    Arr->Text = Row;
    Arr->Member = ir::MemberKind::Array;
    Pointers[VD] = Arr;
    Poisoned.erase(VD);
    VectorCols[Arr] = Cols;
    MatrixRows[Arr] = Rows;
    return Arr;
  };
  const Expr *Init = VD->getInit();
  const auto *CCE =
      Init ? dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit()) : nullptr;
  unsigned Given = givenArgs(CCE);
  // `auto m2 = m;`, `Matrix W2(W);`: a copy of another matrix.
  const Expr *CopyE = nullptr;
  if (CCE && Given == 1 && CCE->getConstructor()->isCopyOrMoveConstructor())
    CopyE = containerOperand(CCE->getArg(0));
  else if (Init && !CCE && vectorRows(Init->getType(), Ctx))
    CopyE = containerOperand(Init);
  if (CopyE) {
    if (!isa<DeclRefExpr>(CopyE) ||
        !Ctx.hasSameUnqualifiedType(CopyE->getType(),
                                    VD->getType().getNonReferenceType()))
      return Refuse("initializing '" + Name + "' this way is not supported" +
                    Advice);
    Value *Src = lowerPointer(CopyE);
    if (!Src)
      return poison(VD);
    auto Cols = VectorCols.find(Src);
    if (Cols == VectorCols.end())
      return Refuse("copying '" + sourceText(CopyE->getSourceRange()) +
                    "' is not supported" + Advice);
    at(VD->getLocation());
    Value *Rows = vectorRowCount(Src, A);
    if (auto It = MatrixRows.find(Src); It != MatrixRows.end())
      Rows = It->second; // in its own type
    Value *Width = convert(Cols->second, Rows->Ty.scalarKind(),
                           /*Implicit=*/true);
    Value *Arr = Declare(Rows, Width);
    if (!Arr)
      return;
    RowRef From{Src, nullptr, 0, Row};
    From.VectorCols = Cols->second;
    RowRef To{Arr, nullptr, 0, Row};
    To.VectorCols = Width;
    From.Reload = To.Reload = true; // the outer counter, loaded where used
    countedLoop(convert(Rows, Scalar::Int32, /*Implicit=*/false), "i",
                [&](Value *I) {
                  From.Row = To.Row = I;
                  countedLoop(convert(To.VectorCols, Scalar::Int32,
                                      /*Implicit=*/false),
                              "j", [&](Value *J) {
                                B.store(Arr,
                                        convert(B.load(Src, rowIndex(From, J)),
                                                A.S, /*Implicit=*/true),
                                        rowIndex(To, J));
                              });
                });
    return;
  }
  // `= {{x, y}, {y, x}}`: as many rows as the list gives, each given as a
  // list of numbers, all as long as the first.
  if (const auto *SIL = CCE && Given == 1
                            ? dyn_cast<CXXStdInitializerListExpr>(
                                  CCE->getArg(0)->IgnoreImplicit())
                            : nullptr) {
    const auto *List =
        dyn_cast<InitListExpr>(SIL->getSubExpr()->IgnoreImplicit());
    if (!List || List->getNumInits() == 0)
      return Refuse("a std::vector of std::vector declared empty is not "
                    "supported yet (its rows would grow one by one)" +
                    Advice);
    std::vector<const InitListExpr *> RowLists;
    for (const Expr *E : List->inits()) {
      const InitListExpr *RL = rowList(E);
      if (!RL || RL->getNumInits() == 0) {
        poison(VD);
        fail(E->getBeginLoc(),
             "this row of '" + Name +
                 "' is not supported; give each row as a list of its "
                 "numbers ('{x, y}')" +
                 Advice,
             E->getSourceRange());
        return;
      }
      if (!RowLists.empty() &&
          RL->getNumInits() != RowLists.front()->getNumInits()) {
        unsigned First = RowLists.front()->getNumInits();
        poison(VD);
        fail(E->getBeginLoc(),
             "the rows of '" + Name + "' differ in length (row 0 has " +
                 std::to_string(First) + " numbers, row " +
                 std::to_string(RowLists.size()) + " has " +
                 std::to_string(RL->getNumInits()) +
                 "); gradc holds a local std::vector of std::vector as a "
                 "matrix, every row as long as the first: give every row " +
                 std::to_string(First) +
                 " numbers, or keep the rows one after another in one '" + Row +
                 "' (with where each row starts in a 'std::vector<int>')",
             E->getSourceRange());
        return;
      }
      RowLists.push_back(RL);
    }
    std::int64_t N = RowLists.size(), K = RowLists.front()->getNumInits();
    Value *Arr = Declare(makeConstant(Scalar::UInt64, 0, N, std::to_string(N)),
                         makeConstant(Scalar::UInt64, 0, K, std::to_string(K)));
    if (!Arr)
      return;
    // In the list's order, as C++ evaluates a braced list; zeros are
    // there already.
    for (std::int64_t I = 0; I < N; ++I)
      for (std::int64_t J = 0; J < K; ++J) {
        const Expr *E = RowLists[I]->getInit(J);
        Value *V = expectScalar(lowerExpr(E), E);
        if (!V)
          continue;
        at(E->getBeginLoc());
        V = convert(V, A.S, /*Implicit=*/true);
        if (V->isConstValue(0))
          continue;
        std::int64_t At = I * K + J;
        B.store(Arr, V, makeConstant(Scalar::Int32, 0, At, std::to_string(At)));
      }
    return;
  }
  // `m(n, std::vector<double>(k))`, `m(n, std::vector<double>(k, x))`.
  const CXXConstructExpr *RowCE =
      CCE && Given == 2 && CCE->getArg(0)->getType()->isIntegerType()
          ? rowConstruction(CCE->getArg(1))
          : nullptr;
  unsigned RowGiven = givenArgs(RowCE);
  if (!RowCE || RowGiven < 1 || RowGiven > 2 ||
      (RowGiven == 2 && !RowCE->getArg(1)->getType()->isRealType())) {
    if (!Init || (CCE && Given == 0))
      return Refuse(
          "a std::vector of std::vector declared empty is not supported "
          "yet (its rows would grow one by one)" +
          Advice);
    if (CCE && Given == 1 && CCE->getArg(0)->getType()->isIntegerType())
      return Refuse("the rows of '" + Name +
                    "' must be given their length where it is declared" +
                    Advice);
    return Refuse("initializing '" + Name + "' this way is not supported" +
                  Advice);
  }
  const Expr *RowsE = withoutSizeConversion(CCE->getArg(0));
  Value *Rows = expectScalar(lowerExpr(RowsE), RowsE);
  if (!Rows)
    return poison(VD);
  const Expr *ColsE = withoutSizeConversion(RowCE->getArg(0));
  Value *Cols = expectScalar(lowerExpr(ColsE), ColsE);
  if (!Cols)
    return poison(VD);
  Value *Fill = nullptr;
  if (RowGiven == 2) {
    Fill = expectScalar(lowerExpr(RowCE->getArg(1)), RowCE->getArg(1));
    if (!Fill)
      return poison(VD);
    if (Fill->isConstValue(0))
      Fill = nullptr; // zeroed anyway
  }
  at(VD->getLocation());
  // Rows and columns in one type: their own if they share it.
  Scalar S = Rows->Ty.scalarKind();
  if (Cols->Ty.scalarKind() != S) {
    S = Scalar::UInt64;
    Rows = convert(Rows, S, /*Implicit=*/true);
    Cols = convert(Cols, S, /*Implicit=*/true);
  }
  Value *Arr = Declare(Rows, Cols);
  if (Arr && Fill)
    fillElements(Arr, Fill, Arr->Operands[0]); // its count
}

Value *BodyLowering::copyMatrixRow(const RowRef &R, const std::string &Name,
                                   SourceLocation Loc) {
  Value *Cols = hoistCount(R.VectorCols);
  if (!Cols)
    return fail(Loc, unhoistedSizeMessage(Name));
  at(Loc);
  Value *Copy = B.local(R.Matrix->Ty.scalarKind(), -1, Name, /*ZeroInit=*/true);
  Copy->Operands.push_back(Cols);
  Copy->Text = R.Type;
  Copy->Member = ir::MemberKind::Array;
  countedLoop(
      convert(Cols, Scalar::Int32, /*Implicit=*/false), "j",
      [&](Value *J) { B.store(Copy, B.load(R.Matrix, rowIndex(R, J)), J); });
  return Copy;
}

} // namespace gradc::frontend
