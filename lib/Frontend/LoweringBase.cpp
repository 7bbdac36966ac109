//===- LoweringBase.cpp - Base classes of structs -------------------------===//
//
// A struct's base classes are its first members (Records.h): the base
// subobject of `d` is `d`'s scalars from the base's offset on. A
// conversion from derived to base (`const Base &b = d;`, `d.a` of a
// member of Base, a method of Base called on `d`) is that offset and
// nothing else; generated code spells it as the user did, by the derived
// object itself, which C++ converts again.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"
#include "SelfCast.h"

namespace gradc::frontend {

using namespace clang;
using ir::MemberKind;
using ir::Value;

static bool isBaseCast(const CastExpr *CE) {
  return CE->getCastKind() == CK_DerivedToBase ||
         CE->getCastKind() == CK_UncheckedDerivedToBase;
}

std::optional<std::int64_t> BodyLowering::baseCastOffset(const CastExpr *CE) {
  QualType From = CE->getSubExpr()->getType();
  if (From->isPointerType())
    From = From->getPointeeType();
  std::int64_t Offset = 0;
  for (const CXXBaseSpecifier *BS : CE->path()) {
    const RecordShape *Shape =
        shapeOf(From, CE->getExprLoc(), CE->getSourceRange());
    if (!Shape)
      return std::nullopt;
    // An empty base (a tag, functions only) holds no scalars.
    if (const BaseShape *Base =
            Shape->base(BS->getType()->getAsCXXRecordDecl()))
      Offset += Base->Offset;
    From = BS->getType();
  }
  return Offset;
}

const Expr *BodyLowering::withoutBaseCasts(const Expr *E,
                                           std::int64_t &Offset) {
  while (true) {
    E = E->IgnoreParens();
    const auto *CE = dyn_cast<CastExpr>(E);
    if (CE && isBaseCast(CE)) {
      std::optional<std::int64_t> At = baseCastOffset(CE);
      if (!At)
        return nullptr;
      Offset += *At;
    } else if (!isa_and_nonnull<ImplicitCastExpr>(CE) ||
               CE->getCastKind() != CK_NoOp) {
      return E;
    }
    E = CE->getSubExpr();
  }
}

Value *BodyLowering::baseSubobject(Value *Derived, std::int64_t Offset) {
  if (!Derived || Offset == 0)
    return Derived;
  Value *F = fieldOf(B, Derived, Derived->Ty, Offset, "");
  F->Member = MemberKind::Record;
  return F;
}

Value *BodyLowering::lowerBaseCast(const CastExpr *CE) {
  std::int64_t Offset = 0;
  const Expr *Derived = withoutBaseCasts(CE, Offset);
  if (!Derived)
    return nullptr;
  Value *V = Derived->getType()->isPointerType() ? lowerPointer(Derived)
                                                 : lowerRecord(Derived);
  at(CE->getExprLoc());
  return baseSubobject(V, Offset);
}

Value *BodyLowering::lowerDownCast(const CastExpr *CE) {
  QualType To = CE->getType();
  if (To->isPointerType())
    To = To->getPointeeType();
  const auto *MD = dyn_cast<CXXMethodDecl>(&FD);
  const Expr *Sub = CE->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(Sub);
      UO && UO->getOpcode() == UO_Deref)
    Sub = UO->getSubExpr()->IgnoreParenImpCasts();
  const CXXRecordDecl *RD = To->getAsCXXRecordDecl();
  // Only the object of a method lowered as a Derived is one here; any
  // other base object holds the base's members alone.
  if (!MD || !This || !isa<CXXThisExpr>(Sub) || !RD ||
      selfClass(*MD) != RD->getDefinition())
    return fail(CE->getExprLoc(),
                "a cast from a base class to '" + typeName(To) +
                    "' is supported on the object of a member function "
                    "(`static_cast<const " +
                    typeName(To) +
                    " &>(*this)`, as CRTP writes it); call a member "
                    "function of '" +
                    typeName(To) + "' on the object itself",
                CE->getSourceRange());
  // The base must begin the derived object: then both start at This.
  std::int64_t Offset = 0;
  QualType From = To;
  for (const CXXBaseSpecifier *BS : CE->path()) {
    const RecordShape *Shape =
        shapeOf(From, CE->getExprLoc(), CE->getSourceRange());
    if (!Shape)
      return nullptr;
    if (const BaseShape *Base =
            Shape->base(BS->getType()->getAsCXXRecordDecl()))
      Offset += Base->Offset;
    From = BS->getType();
  }
  if (Offset != 0)
    return fail(CE->getExprLoc(),
                "a cast to '" + typeName(To) +
                    "' from a base class that is not its first is not "
                    "supported; make the base with members the first base",
                CE->getSourceRange());
  return This;
}

bool BodyLowering::lowerBaseInit(const CXXRecordDecl *Base, const Expr *E,
                                 Value *Dest, const RecordShape &Shape,
                                 bool Fresh) {
  const BaseShape *BS = Shape.base(Base);
  if (!BS)
    return true; // nothing to initialize
  Value *Sub = baseSubobject(Dest, BS->Offset);
  // `Derived d{}`: the base is value-initialized, as d is declared.
  const auto *CCE = dyn_cast<CXXConstructExpr>(E);
  if (isa<ImplicitValueInitExpr>(E) ||
      (CCE && CCE->getNumArgs() == 0 && CCE->requiresZeroInitialization() &&
       !CCE->getConstructor()->isUserProvided() && !BS->Shape->HasDefaults)) {
    if (!Fresh)
      zeroRecord(Sub, *BS->Shape);
    return true;
  }
  if (const auto *ILE = dyn_cast<InitListExpr>(E->IgnoreImplicit())) {
    lowerRecordInit(ILE, Sub, *BS->Shape, Fresh);
    return !Failed;
  }
  return lowerRecordInto(E, Sub, *BS->Shape);
}

unsigned BodyLowering::lowerBaseInits(const InitListExpr *ILE, Value *Rec,
                                      const RecordShape &Shape, bool Fresh) {
  const auto *RD = ILE->getType()->getAsCXXRecordDecl();
  unsigned I = 0;
  if (!RD)
    return I;
  // `Derived d{{x, y}, z}`: the bases come first, an empty one too.
  for (const CXXBaseSpecifier &BS : RD->bases()) {
    if (I >= ILE->getNumInits())
      break;
    at(ILE->getInit(I)->getBeginLoc());
    lowerBaseInit(BS.getType()->getAsCXXRecordDecl(), ILE->getInit(I++), Rec,
                  Shape, Fresh);
  }
  return I;
}

} // namespace gradc::frontend
