//===- LoweringStructPosition.cpp - Positions in ranges of structs --------===//
//
// `auto it = std::max_element(bodies.begin(), bodies.end(), heavier);
// return it->x;` over a std::vector, std::array or C array of structs: a
// position in such a range is the element it designates, the struct
// element `Field` (its array and element index) that `bodies[i]` is, so
// `it->x`, `(*it).x` and `it - bodies.begin()` are what they are for
// `bodies[i]`. Such an iterator does not move (a struct's numbers are not
// one pointer's steps); it is another name for its element, as a
// `const Body &` is.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"
#include "IteratorParams.h"
#include "Sequencing.h"

namespace gradc::frontend {

using namespace clang;
using ir::CmpPred;
using ir::Scalar;
using ir::Value;

namespace {

/// E without its copies and conversions (an iterator made const).
const Expr *withoutCopies(const Expr *E) {
  while (true) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E);
        CE && CE->getNumArgs() == 1)
      E = CE->getArg(0);
    else if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
      E = MTE->getSubExpr();
    else
      return E;
  }
}

} // namespace

QualType structPointee(QualType T) {
  T = T.getNonReferenceType();
  QualType Elem;
  if (isIterator(T)) {
    QualType P = iteratorPointer(T);
    Elem = P.isNull() ? QualType() : P->getPointeeType();
  } else if (T->isPointerType()) {
    Elem = T->getPointeeType();
  } else if (T->isArrayType()) {
    Elem = T->getAsArrayTypeUnsafe()->getElementType();
  }
  if (Elem.isNull() || !Elem->isStructureOrClassType() ||
      structContainer(Elem) || isIterator(Elem))
    return QualType();
  return Elem;
}

bool BodyLowering::isStructPosition(const Expr *E) {
  QualType T = E->getType().getNonReferenceType();
  // (A struct's own pointer, `&c`, is no position in a range.)
  return (isIterator(T) || T->isPointerType()) && !structPointee(T).isNull() &&
         !containerShape(structPointee(T), Ctx);
}

Value *BodyLowering::lowerStructPosition(const Expr *E) {
  SourceLocation Loc = E->getExprLoc();
  const Expr *Whole = E;
  E = withoutCopies(E);
  auto Refuse = [&] {
    return fail(Loc,
                "this position in a range of structs is not supported; "
                "gradc follows 'v.begin()', 'v.end()', 'v.begin() + k', 'a', "
                "'a + k' and what std::max_element and std::min_element "
                "return, each another name for one element ('v[k]')",
                Whole->getSourceRange());
  };
  if (isReverseIterator(E->getType()))
    return Refuse();
  if (isPoisonedRef(E)) { // reported where it is declared
    Failed = true;
    return nullptr;
  }
  QualType Elem = structPointee(E->getType());
  if (Elem.isNull())
    return Refuse();
  const RecordShape *Shape = shapeOf(Elem, Loc, Whole->getSourceRange());
  if (!Shape)
    return nullptr;
  // A struct iterator or pointer variable: its element.
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
        VD && !E->getType()->isArrayType()) {
      auto It = Pointers.find(VD);
      return It != Pointers.end() ? It->second : Refuse();
    }
  // `it + k`, `a + k`, `it - k`.
  const Expr *From = nullptr, *By = nullptr;
  bool Back = false;
  if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(E);
      OCE && OCE->getNumArgs() == 2 &&
      (OCE->getOperator() == OO_Plus || OCE->getOperator() == OO_Minus)) {
    From = OCE->getArg(0), By = OCE->getArg(1);
    Back = OCE->getOperator() == OO_Minus;
  } else if (const auto *BO = dyn_cast<BinaryOperator>(E);
             BO && (BO->getOpcode() == BO_Add || BO->getOpcode() == BO_Sub) &&
             BO->getLHS()->getType()->isPointerType()) {
    From = BO->getLHS(), By = BO->getRHS();
    Back = BO->getOpcode() == BO_Sub;
  }
  if (From) {
    Value *P = lowerStructPosition(From);
    Value *K = P ? lowerIndex(By) : nullptr;
    if (!K)
      return nullptr;
    at(E->getBeginLoc());
    auto [Array, Index] = splitPointer(P);
    K = offsetOf(K);
    return structElement(Array,
                         Back                     ? B.sub(Index, K)
                         : Index->isConstValue(0) ? K
                                                  : B.add(Index, K),
                         *Shape);
  }
  // What std::max_element returns.
  if (const auto *CE = dyn_cast<CallExpr>(E);
      CE && !isa<CXXMemberCallExpr>(CE) &&
      (stdName(CE) == "max_element" || stdName(CE) == "min_element"))
    return lowerExpr(CE);
  // `v.begin()`, `v.end()`, `std::begin(a)`, `std::end(a)`, `a`.
  const Expr *Object = nullptr;
  StringRef Name;
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(E)) {
    Object = MCE->getImplicitObjectArgument();
    if (MCE->getMethodDecl() && MCE->getMethodDecl()->getIdentifier())
      Name = MCE->getMethodDecl()->getName();
  } else if (const auto *CE = dyn_cast<CallExpr>(E);
             CE && CE->getNumArgs() == 1) {
    Object = CE->getArg(0);
    Name = stdName(CE);
  } else if (E->getType()->isArrayType()) {
    Object = E;
    Name = "begin";
  }
  bool Begin = Name == "begin" || Name == "cbegin";
  bool End = Name == "end" || Name == "cend";
  if (!Object || (!Begin && !End))
    return Refuse();
  QualType OT = Object->getType().getNonReferenceType();
  std::optional<StructContainer> C = structContainer(OT);
  const auto *CAT = Ctx.getAsConstantArrayType(OT);
  if (!C && !CAT)
    return Refuse();
  Value *Array = lowerPointer(Object);
  if (!Array)
    return nullptr;
  at(E->getBeginLoc());
  Value *Index = constIndex(0);
  if (End && (CAT || !C->IsVector))
    Index = constIndex(CAT ? CAT->getSize().getSExtValue() : C->Count);
  else if (End)
    Index = convert(structCount(Array, *Shape), Scalar::Int32,
                    /*Implicit=*/false);
  return structElement(Array, Index, *Shape);
}

void BodyLowering::lowerStructIteratorDecl(const VarDecl *VD) {
  std::string Name = VD->getNameAsString();
  if (Reassigned.count(VD) || !VD->getInit()) {
    poison(VD);
    fail(VD->getLocation(),
         "moving an iterator over structs ('" + Name +
             "') is not supported; gradc follows one that stays where it "
             "is made ('auto it = std::max_element(...)'): index the "
             "container instead ('v[i].m')",
         VD->getSourceRange());
    return;
  }
  unsigned Mark = F.numValues();
  Value *P = lowerStructPosition(VD->getInit());
  if (!P)
    return poison(VD);
  // An index computed here is named after the iterator (`int it = 1 +
  // best;`, `dbodies[it].x`).
  if (P->Operands.size() == 2 && P->Operands[1]->Id >= Mark &&
      P->Operands[1]->Name.empty() &&
      P->Operands[1]->Code != ir::OpCode::Load && !P->Operands[1]->isConst())
    P->Operands[1]->Name = Name;
  Pointers[VD] = P;
  Poisoned.erase(VD);
}

Value *BodyLowering::lowerStructExtreme(const CallExpr *CE, bool Max) {
  if (CE->getNumArgs() != 3)
    return refuseAlgorithm(CE, "over a range of structs gradc follows it "
                               "with a comparison ('[](const Body &a, const "
                               "Body &b) { return a.m < b.m; }')");
  Value *First = lowerStructPosition(CE->getArg(0));
  Value *Last = First ? lowerStructPosition(CE->getArg(1)) : nullptr;
  if (!Last)
    return nullptr;
  QualType Elem = structPointee(CE->getArg(0)->getType());
  const RecordShape *Shape =
      shapeOf(Elem, CE->getExprLoc(), CE->getSourceRange());
  if (!Shape)
    return nullptr;
  std::optional<std::pair<Value *, Value *>> Offs =
      pointerOffsets(CE, CE->getArg(1)->getExprLoc(), First, Last);
  if (!Offs)
    return nullptr;
  std::optional<Operation> Less =
      lowerOperation(CE->getArg(2), {Shape->S, Shape->S}, CE, Elem);
  if (!Less)
    return nullptr;
  if (Less->Ty.kind() == ir::Type::Void)
    return refuseAlgorithm(CE, "its comparison must return a value");
  Value *Array = splitPointer(First).first;
  auto [From, To] = *Offs;
  at(CE->getBeginLoc());
  auto Element = [&](Value *I) {
    return From->isConstValue(0) ? I : B.add(From, I);
  };
  Value *Count = From->isConstValue(0) ? To : B.sub(To, From);
  Value *Best = bestOf(
      Count, Max,
      [&](Value *I) { return structElement(Array, Element(I), *Shape); },
      [&](Value *Cur, Value *E) { return callOperation(*Less, {Cur, E}); });
  return Best ? structElement(Array, Element(Best), *Shape) : nullptr;
}

} // namespace gradc::frontend
