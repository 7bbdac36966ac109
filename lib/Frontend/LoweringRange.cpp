//===- LoweringRange.cpp - Range-based for to a counted loop --------------===//
//
// `for (double v : a)` over an array of constant size, a std::array or a
// std::vector (of numbers, or of structs: `const Point &p` names pts[i],
// `Point p` is a local copy of it; of rows: `const auto &r` names m[i],
// `std::array<double, 3> r` is a copy) becomes `for (int i = 0; i < size; ++i)
// { double v = a[i];
// ... }`, the loop the reverse mode already reverses by counting down. A
// reference `double &v` (also `const double &v`) names a[i] itself: each
// read is a Load of a[i] and each write a Store, so that the body sees
// what C++ would.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

namespace gradc::frontend {

using namespace clang;
using ir::Scalar;
using ir::Value;

void BodyLowering::lowerRangeFor(const CXXForRangeStmt *FRS) {
  int Header = addStatementText(
      FRS, sourceText(SourceRange(FRS->getBeginLoc(), FRS->getRParenLoc())));
  CurStmt = Header;
  if (const Stmt *Init = FRS->getInit()) {
    lowerStmt(Init);
    CurStmt = Header;
  }
  const Expr *Range = FRS->getRangeInit();
  const VarDecl *VD = FRS->getLoopVariable();
  QualType RT = Range->getType().getNonReferenceType();
  auto Refuse = [&](const std::string &Why) {
    poison(VD);
    fail(Range->getExprLoc(),
         "range-based 'for' over " + Why +
             " is not supported; gradc supports it over arrays of numbers "
             "of a constant size, std::array and std::vector (or write the "
             "loop with an index)",
         Range->getSourceRange());
  };
  // Over the rows of a std::array of std::array or a std::vector of
  // std::vector: the variable names each.
  std::optional<ArrayRows> A = arrayRows(RT, Ctx);
  if (!A)
    A = vectorRows(RT, Ctx);
  if (A) {
    // (`for (std::array<double, 3> r : rows)` copies each row, and so
    // does `for (std::vector<double> r : m)` of a std::vector of them.)
    bool CopiesRow =
        !VD->getType()->isReferenceType() && !isa<DecompositionDecl>(VD) &&
        (A->Cols || Ctx.hasSameUnqualifiedType(VD->getType(), A->Row));
    if (!VD->getType()->isLValueReferenceType() && !CopiesRow) {
      poison(VD);
      fail(VD->getLocation(),
           "a loop variable that copies a row is not supported yet; bind a "
           "reference to each row ('const auto &" +
               VD->getNameAsString() + "')",
           VD->getSourceRange());
      return;
    }
    if (!checkOrder(Range))
      return poison(VD);
    Value *Matrix = lowerPointer(Range);
    if (!Matrix)
      return poison(VD);
    Value *Cols = nullptr;
    if (A->Cols == 0) { // a std::vector of std::vector
      auto It = VectorCols.find(Matrix);
      if (It == VectorCols.end())
        return Refuse("a std::vector of std::vector that is no parameter");
      Cols = It->second;
    }
    at(FRS->getBeginLoc());
    Value *Rows =
        makeConstant(Scalar::Int32, 0, A->Rows, std::to_string(A->Rows));
    if (auto It = MatrixRows.find(Matrix); It != MatrixRows.end())
      Rows = convert(It->second, Scalar::Int32, /*Implicit=*/false);
    else if (!arrayRows(RT, Ctx))
      Rows = convert(vectorRowCount(Matrix, *A), Scalar::Int32,
                     /*Implicit=*/false);
    Value *Loop = countedLoop(Rows, "i", [&](Value *Index) {
      RowRef R{Matrix, Index, A->Cols, typeName(A->Row.getUnqualifiedType())};
      R.VectorCols = Cols;
      R.Reload = true;
      Poisoned.erase(VD);
      if (!CopiesRow) {
        RowRefs[VD] = R;
        return;
      }
      at(VD->getLocation());
      if (Cols) { // a vector of the row's numbers (LoweringMatrixLocal.cpp)
        if (Value *Copy =
                copyMatrixRow(R, VD->getNameAsString(), VD->getLocation()))
          Pointers[VD] = Copy;
        else
          poison(VD);
        return;
      }
      Value *Copy = arrayLocal(A->Row, ContainerShape{A->S, A->Cols},
                               VD->getNameAsString(), VD->getLocation());
      countedLoop(constIndex(A->Cols), "j", [&](Value *J) {
        B.store(Copy, B.load(Matrix, rowIndex(R, J)), J);
      });
      Pointers[VD] = Copy;
    });
    ++RegionDepth;
    lowerLoopBody(Loop, FRS->getBody());
    --RegionDepth;
    CurStmt = Header;
    return;
  }
  // What is iterated: its elements' pointer and how many there are.
  QualType Elem;
  std::optional<std::int64_t> Known;
  std::optional<ContainerShape> C = containerShape(RT, Ctx);
  std::optional<StructContainer> SC = structContainer(RT);
  if (const auto *CAT = Ctx.getAsConstantArrayType(RT)) {
    Elem = CAT->getElementType();
    Known = static_cast<std::int64_t>(CAT->getSize().getZExtValue());
  } else if (C) {
    if (!C->IsVector)
      Known = C->Count;
  } else if (SC) {
    Elem = SC->Elem;
    if (!SC->IsVector)
      Known = SC->Count;
  } else {
    return Refuse("'" + typeName(RT) + "'");
  }
  // Structs (`for (const Point &p : pts)`): p names pts[i].
  const RecordShape *Shape = nullptr;
  if (!C && Elem->isRecordType()) {
    Shape = shapeOf(Elem, Range->getExprLoc(), Range->getSourceRange());
    if (!Shape)
      return poison(VD);
    bool Copies =
        !VD->getType()->isReferenceType() && !isa<DecompositionDecl>(VD);
    if (Copies && !Ctx.hasSameUnqualifiedType(VD->getType(), Elem)) {
      poison(VD);
      fail(VD->getLocation(),
           "a loop variable of another type than the elements ('" +
               typeName(Elem.getUnqualifiedType()) +
               "') is not supported; declare it 'auto' or bind a reference",
           VD->getSourceRange());
      return;
    }
    if (Copies &&
        !declarable(VD->getType(), VD->getLocation(), VD->getNameAsString()))
      return poison(VD);
  }
  std::optional<Scalar> ElemS =
      C ? std::optional<Scalar>(C->S) : scalarTypeOf(Elem, Ctx);
  if (!Shape && (!ElemS || (!C && isUnnameableEnum(Elem))))
    return Refuse("elements of type '" + typeName(Elem) + "'");
  if (!checkOrder(Range))
    return poison(VD);
  // A row of a std::array of std::array: elements of the matrix.
  std::optional<RowRef> Row;
  if (isArrayRow(Range) && !(Row = lowerArrayRow(Range)))
    return poison(VD);
  Value *Base = Row ? Row->Matrix : lowerPointer(Range);
  if (!Base)
    return poison(VD);
  at(Range->getBeginLoc());
  Value *Count = nullptr;
  if (Known) {
    Count = makeConstant(Scalar::Int32, 0, *Known, std::to_string(*Known));
  } else if (Row && Row->VectorCols) { // a row of a std::vector of them
    Count = convert(Row->VectorCols, Scalar::Int32, /*Implicit=*/false);
  } else if (Value *N = localVectorCount(Base)) {
    Count = convert(N, Scalar::Int32,
                    /*Implicit=*/N->Code != ir::OpCode::Load);
  } else {
    Value *Size = B.size(Base, Scalar::UInt64);
    if (Shape) // counted in structs
      Size->Stride = Shape->Size;
    Count = convert(Size, Scalar::Int32, /*Implicit=*/false);
  }

  // The variable: a copy of the element, or (a reference of its type) the
  // element itself.
  QualType VT = VD->getType();
  std::optional<Scalar> VarS = scalarTypeOf(VT.getNonReferenceType(), Ctx);
  // `const double &v` over floats binds a converted copy.
  bool Alias = VT->isReferenceType() && VarS == ElemS;
  if (!Shape && (!VarS || isUnnameableEnum(VT.getNonReferenceType()))) {
    poison(VD);
    fail(VD->getLocation(),
         "a loop variable of type '" + typeName(VT) + "' is not supported",
         VD->getSourceRange());
    return;
  }

  at(FRS->getBeginLoc());
  Value *Loop = countedLoop(Count, "i", [&](Value *Index) {
    at(VD->getLocation());
    if (Row)
      Index = rowIndex(*Row, Index);
    if (Shape) {
      Value *E = B.field(Base, Index, Base->Ty, 0, "");
      E->Member = ir::MemberKind::Record;
      E->Stride = Shape->Size;
      Poisoned.erase(VD);
      if (const auto *DD = dyn_cast<DecompositionDecl>(VD)) {
        // (`for (auto [a, b] : pts)` copies the numbers it names.)
        Pointers[VD] = E;
        lowerBindings(DD, E);
        return;
      }
      if (VD->getType()->isReferenceType()) {
        Pointers[VD] = E;
        return;
      }
      // `for (Vec2 p : pts)`: a local struct, a copy of the element.
      Value *Copy = B.local(Shape->S, Shape->Size, VD->getNameAsString());
      Copy->Text = typeName(Elem.getUnqualifiedType()); // (not `auto`'s)
      Copy->Member = ir::MemberKind::Record;
      Copy->MemberDefaults = Shape->HasDefaults;
      copyRecord(Copy, E, *Shape);
      Pointers[VD] = Copy;
    }
    if (Alias) {
      Target T;
      T.Ptr = Base;
      T.Index = Index;
      T.S = *ElemS;
      ElementRefs[VD] = T;
      Poisoned.erase(VD);
      return;
    }
    unsigned Mark = F.numValues();
    Value *V = convert(B.load(Base, Index), *VarS, /*Implicit=*/true);
    if (AssignedDeeper.count(VD)) {
      Value *Cell = B.local(*VarS, 0, VD->getNameAsString());
      B.store(Cell, V);
      Cells[VD] = Cell;
      Poisoned.erase(VD);
    } else {
      bind(VD, V, Mark, VD->getLocation());
    }
  });
  ++RegionDepth;
  lowerLoopBody(Loop, FRS->getBody());
  --RegionDepth;
  CurStmt = Header;
}

} // namespace gradc::frontend
