//===- LoweringByValue.cpp - Parameters passed by value that change -------===//
//
// A struct or container passed by value is the caller's own in the IR (a
// parameter read through a const pointer). One that the body writes is
// the function's own copy in C++: it becomes a local of the same name,
// copied from the parameter at entry, and the body's writes go there. The
// reverse mode then adds the local's adjoint into the parameter's at the
// copy. (A scalar passed by value is SSA already, or a cell: Lowering.cpp.)
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"

namespace gradc::frontend {

using namespace clang;
using ir::OpCode;
using ir::Scalar;
using ir::Value;

Value *BodyLowering::copyParam(const ParmVarDecl *PVD, Value *Param) {
  QualType T = PVD->getType();
  std::string Name = PVD->getNameAsString();
  std::string Type = typeName(T.getUnqualifiedType());
  SourceLocation Loc = PVD->getLocation();
  if (std::optional<ContainerShape> C = containerShape(T, Ctx)) {
    at(Loc);
    Value *Count = C->IsVector ? containerCount(Param, *C) : nullptr;
    Value *Arr = B.local(ir::Type::scalar(C->S).named(C->Name),
                         C->IsVector ? -1 : C->Count, Name);
    if (Count)
      Arr->Operands.push_back(Count);
    Arr->Text = Type;
    Arr->Member = ir::MemberKind::Array;
    copyElements(Arr, Param, containerCount(Arr, *C));
    return Arr;
  }
  if (std::optional<ArrayRows> A = vectorRows(T, Ctx); A && A->Cols) {
    // `std::vector<std::array<double, 2>> v`: its rows copied.
    at(Loc);
    Value *Count = vectorRowCount(Param, *A);
    Value *Arr = B.local(A->S, -1, Name, /*ZeroInit=*/true);
    Arr->Operands.push_back(Count);
    Arr->Text = Type;
    Arr->Member = ir::MemberKind::Array;
    Arr->Stride = A->Cols;
    Arr->RowDims = {A->Cols};
    copyRows(Arr, Param, *A, Count);
    return Arr;
  }
  if (std::optional<StructContainer> SC = structContainer(T)) {
    // `std::vector<Point> pts`: each element copied.
    const RecordShape *Shape = shapeOf(SC->Elem, Loc, PVD->getSourceRange());
    if (!Shape || !declarable(SC->Elem, Loc, Name, /*InArray=*/true))
      return nullptr;
    at(Loc);
    Value *Count = SC->IsVector ? structCount(Param, *Shape) : nullptr;
    Value *Arr = B.local(Shape->S, SC->IsVector ? -1 : SC->Count * Shape->Size,
                         Name, /*ZeroInit=*/SC->IsVector);
    if (Count)
      Arr->Operands.push_back(Count);
    Arr->Text = Type;
    Arr->Member = ir::MemberKind::Array;
    Arr->Stride = Shape->Size;
    markDefaults(*Arr, *Shape);
    Value *N = SC->IsVector ? convert(Count, Scalar::Int32, /*Implicit=*/false)
                            : constIndex(SC->Count);
    countedLoop(N, "i", [&](Value *I) {
      copyRecord(structElement(Arr, I, *Shape), structElement(Param, I, *Shape),
                 *Shape);
    });
    return Arr;
  }
  if (viewShapeOf(T) || !T->getAsCXXRecordDecl())
    return nullptr;
  const RecordShape *Shape = shapeOf(T, Loc, PVD->getSourceRange());
  if (!Shape || !declarable(T, Loc, Name))
    return nullptr;
  at(Loc);
  Value *Rec = B.local(Shape->S, Shape->Size, Name);
  Rec->Text = Type;
  Rec->Member = ir::MemberKind::Record;
  markDefaults(*Rec, *Shape);
  copyRecord(Rec, Param, *Shape);
  return Rec;
}

void BodyLowering::copyWrittenParams(const Stmt *Body) {
  std::optional<ExprMutationAnalyzer> Writes;
  for (const ParmVarDecl *PVD : FD.parameters()) {
    QualType T = PVD->getType();
    auto It = Pointers.find(PVD);
    if (T->isReferenceType() || T->isPointerType() || It == Pointers.end() ||
        Growing.count(PVD)) // copyGrowingParams copies it
      continue;
    Value *Param = It->second;
    if (Param->Code != OpCode::Param || !Param->Ty.isConstPointee())
      continue;
    if (!Writes)
      Writes.emplace(*Body, Ctx);
    if (!Writes->isMutated(PVD))
      continue;
    if (Value *Copy = copyParam(PVD, Param))
      It->second = Copy;
  }
}

} // namespace gradc::frontend
