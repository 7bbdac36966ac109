//===- LoweringStructChoice.cpp - Structs chosen by a condition -----------===//
//
// `Vec3 p = c ? a : b;`, `return w > 0 ? a : b;` from a helper returning a
// struct, `const Vec3 &q = c ? a : b;`: the struct C++ chooses is copied
// in a branch taken when C++ takes it (`if (c) p = a; else p = b;`, member
// by member), so only the chosen arm runs and each branch's derivative is
// exact. A const reference to such a choice is a copy, which is what it
// names as long as neither struct changes afterwards (refused otherwise).
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

namespace gradc::frontend {

using namespace clang;
using ir::Value;

bool BodyLowering::lowerRecordChoiceInto(const ConditionalOperator *CO,
                                         Value *Dest,
                                         const RecordShape &Shape) {
  if (InLoopHeader) {
    fail(CO->getBeginLoc(),
         "choosing a struct with '?:' in a loop's header is not supported; "
         "choose it in a variable before the loop",
         CO->getSourceRange());
    return false;
  }
  Value *C = lowerCondition(CO->getCond());
  if (!C)
    return false;
  return lowerArms(
             CO, C,
             [&](const Expr *E) { return lowerRecordInto(E, Dest, Shape); },
             /*StopAtFailure=*/true) != nullptr;
}

void BodyLowering::lowerRecordChoiceRef(const VarDecl *VD) {
  const auto *CO = cast<ConditionalOperator>(
      VD->getInit()->IgnoreImplicit()->IgnoreParens());
  std::string Name = VD->getNameAsString();
  QualType T = VD->getType().getNonReferenceType();
  if (!T.isConstQualified()) {
    poison(VD);
    fail(VD->getLocation(),
         "a reference '" + Name +
             "' to one of two structs chosen by a condition is supported "
             "when it is const; write each struct in a branch ('if (c) a.x "
             "= v; else b.x = v;')",
         VD->getSourceRange());
    return;
  }
  if (refuseChangedArgument(VD, {CO->getTrueExpr(), CO->getFalseExpr()},
                            "one of the structs '?:' chooses"))
    return poison(VD);
  const RecordShape *Shape =
      shapeOf(T, VD->getLocation(), VD->getSourceRange());
  if (!Shape || !declarable(T, VD->getLocation(), Name))
    return poison(VD);
  at(VD->getLocation());
  Value *Rec = B.local(Shape->S, Shape->Size, Name);
  Rec->Text = typeName(T.getUnqualifiedType());
  Rec->Member = ir::MemberKind::Record;
  Rec->MemberDefaults = Shape->HasDefaults;
  Pointers[VD] = Rec;
  Poisoned.erase(VD);
  if (!lowerRecordChoiceInto(CO, Rec, *Shape))
    poison(VD);
}

} // namespace gradc::frontend
