//===- LoweringForEachWhole.cpp - std::for_each over rows and structs -----===//
//
// `std::for_each(pts.begin(), pts.end(), [&](const std::array<double, 3>
// &p) {...})` over a container of rows (a std::vector or std::array of
// std::array) or of structs: a counted loop calling the operation on each
// element, given whole, as a call of a function taking one gives it (a
// pointer to its numbers).
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

namespace gradc::frontend {

using namespace clang;
using ir::Scalar;
using ir::Value;

/// The variable whose `begin()` (`cbegin()`) or, if End, `end()` (`cend()`)
/// E is, or null.
static const DeclRefExpr *endOf(const Expr *E, bool End) {
  while (true) {
    E = E->IgnoreImplicit()->IgnoreParenImpCasts();
    const auto *CCE = dyn_cast<CXXConstructExpr>(E);
    if (!CCE || CCE->getNumArgs() != 1)
      break;
    E = CCE->getArg(0); // made a const_iterator
  }
  const auto *MCE = dyn_cast<CXXMemberCallExpr>(E);
  const CXXMethodDecl *MD = MCE ? MCE->getMethodDecl() : nullptr;
  if (!MD || !MD->getIdentifier() ||
      (MD->getName() != (End ? "end" : "begin") &&
       MD->getName() != (End ? "cend" : "cbegin")))
    return nullptr;
  const auto *DRE = dyn_cast<DeclRefExpr>(
      MCE->getImplicitObjectArgument()->IgnoreParenImpCasts());
  return DRE && isa<VarDecl>(DRE->getDecl()) ? DRE : nullptr;
}

/// The variable E, a position (`v.begin() + k`, `v.end() - 1`), is in.
static const DeclRefExpr *containerOf(const Expr *E) {
  E = E->IgnoreImplicit()->IgnoreParenImpCasts();
  if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(E);
      OCE && OCE->getNumArgs() == 2 &&
      (OCE->getOperator() == OO_Plus || OCE->getOperator() == OO_Minus))
    return containerOf(OCE->getArg(0));
  if (const DeclRefExpr *DRE = endOf(E, /*End=*/false))
    return DRE;
  return endOf(E, /*End=*/true);
}

std::optional<Value *> BodyLowering::lowerForEachWhole(const CallExpr *CE) {
  const DeclRefExpr *First =
      CE->getNumArgs() == 3 ? containerOf(CE->getArg(0)) : nullptr;
  if (!First)
    return std::nullopt;
  QualType T = First->getType().getNonReferenceType();
  std::optional<ArrayRows> A = arrayRows(T, Ctx);
  bool Fixed = A.has_value();
  if (!A)
    A = vectorRows(T, Ctx);
  std::optional<StructContainer> SC = A ? std::nullopt : structContainer(T);
  if (!A && !SC)
    return std::nullopt;
  const DeclRefExpr *Last = endOf(CE->getArg(1), /*End=*/true);
  if (First != endOf(CE->getArg(0), /*End=*/false) || !Last ||
      Last->getDecl() != First->getDecl() || (A && !A->Cols))
    return refuseAlgorithm(
        CE, "gradc follows it over the rows of a std::vector or std::array "
            "of std::array, and over a container of structs, from begin() "
            "to end() of one variable ('std::for_each(v.begin(), v.end(), "
            "f)'); write the loop ('for (auto &e : v)')");
  if (isPoisonedRef(First)) {
    Failed = true;
    return nullptr;
  }
  const RecordShape *Shape =
      SC ? shapeOf(SC->Elem, CE->getExprLoc(), CE->getSourceRange()) : nullptr;
  if (SC && !Shape)
    return nullptr;
  QualType Elem = A ? A->Row : SC->Elem;
  std::optional<Operation> Op =
      lowerOperation(CE->getArg(2), {A ? A->S : Shape->S}, CE, Elem);
  Value *Base = Op ? lowerPointer(First) : nullptr;
  if (!Base)
    return nullptr;
  at(CE->getBeginLoc());
  Value *Count = A ? Fixed ? constIndex(A->Rows) : vectorRowCount(Base, *A)
                 : SC->IsVector ? structCount(Base, *Shape)
                                : constIndex(SC->Count);
  bool Ok = true;
  countedLoop(
      convert(Count, Scalar::Int32, /*Implicit=*/false), "i", [&](Value *I) {
        Value *E = nullptr;
        if (A) {
          E = B.offset(Base, addScaled(I, A->Cols, nullptr));
          E->Text = typeName(Elem.getUnqualifiedType());
          // (Declared as a reference to the row: the operation's
          // name for it.)
          E->Name = Op->Fn->getParamDecl(0)->getNameAsString();
        } else {
          E = structElement(Base, I, *Shape);
        }
        std::vector<Value *> Args{E};
        if (Op->C) {
          std::optional<std::vector<Value *>> Extra = captureArgs(*Op->C);
          if (!Extra) {
            Ok = false;
            return;
          }
          Args.insert(Args.end(), Extra->begin(), Extra->end());
        }
        B.invoke(Op->G, Op->Spelled, Op->Ty, std::move(Args));
      });
  if (!Ok)
    return nullptr;
  // (It returns the operation, which gradc does not follow as a value.)
  return makeConstant(Scalar::Int32, 0, 0, "0");
}

} // namespace gradc::frontend
