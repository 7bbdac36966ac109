//===- LoweringBinding.cpp - Structured bindings --------------------------===//
//
// `auto [a, b] = p;` and `const auto &[x, y, z] = v;` over a struct of
// numbers, a std::array, a std::pair or a std::tuple (also one a helper
// returns, `auto [a, b] = f(x);`). With `&` each name is another name for its
// member or element (read and written there, as a reference variable);
// without it the struct is copied, so each name is the value its member
// had at the declaration. The IR needs nothing new.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

namespace gradc::frontend {

using namespace clang;
using ir::Scalar;
using ir::Value;

void BodyLowering::lowerDecomposition(const DecompositionDecl *DD) {
  auto Poison = [&] {
    for (const BindingDecl *BD : DD->bindings())
      PoisonedBindings.insert(BD);
  };
  auto Refuse = [&](const std::string &Msg) {
    Poison();
    fail(DD->getLocation(), Msg, DD->getSourceRange());
  };
  QualType T = DD->getType().getNonReferenceType();
  std::optional<ContainerShape> C = containerShape(T, Ctx);
  // A pair or tuple of what gradc cannot hold.
  if (tupleKind(T) != TupleKind::None &&
      !shapeOf(T, DD->getLocation(), DD->getSourceRange()))
    return Poison();
  if (!C && !T->isRecordType())
    return Refuse("structured bindings of '" + typeName(T) +
                  "' are not supported; gradc supports them of structs of "
                  "numbers and std::array");
  if (C && C->IsVector)
    return Refuse("structured bindings of a std::vector are not possible");
  const Expr *Init = DD->getInit();
  // `auto [a, b] = f(x);`: the local the call returns into.
  const Expr *Call = Init ? Init->IgnoreImplicit()->IgnoreParens() : nullptr;
  bool Returned = isa_and_nonnull<CallExpr>(Call) && !isElementAccess(Call);
  Value *Base = !Init           ? nullptr
                : C && Returned ? lowerContainer(Init)
                : Returned      ? lowerRecordTemporary(Init)
                                : lowerRecord(Init);
  if (!Base)
    return Refuse("the object of these structured bindings cannot be read");
  lowerBindings(DD, Base);
}

void BodyLowering::lowerBindings(const DecompositionDecl *DD, Value *Base) {
  auto Refuse = [&](const std::string &Msg) {
    for (const BindingDecl *BD : DD->bindings())
      PoisonedBindings.insert(BD);
    fail(DD->getLocation(), Msg, DD->getSourceRange());
  };
  QualType T = DD->getType().getNonReferenceType();
  bool ByRef = DD->getType()->isReferenceType();
  std::optional<ContainerShape> C = containerShape(T, Ctx);
  // A pair or tuple: each name is its element, a member of the struct.
  std::string Why;
  const RecordShape *Tuple =
      tupleKind(T) != TupleKind::None ? Shapes.shape(T, Why) : nullptr;
  // The bindings of a struct are members of DD: lowerMember reads them
  // through it.
  Pointers[DD] = Base;
  unsigned K = 0;
  for (const BindingDecl *BD : DD->bindings()) {
    Target Place;
    at(BD->getLocation());
    if (C) {
      Place.Ptr = Base;
      Place.Index = makeConstant(Scalar::Int32, 0, K, std::to_string(K));
      Place.S = C->S;
    } else if (Tuple) {
      Place.Ptr = memberOf(B, Base, Tuple->Members[K]);
      Place.S = Tuple->Members[K].S;
    } else {
      const auto *ME =
          dyn_cast_or_null<MemberExpr>(BD->getBinding()->IgnoreImplicit());
      if (!ME || !isa<FieldDecl>(ME->getMemberDecl()))
        return Refuse("this structured binding is not supported");
      if (!scalarTypeOf(ME->getType(), Ctx)) {
        // An array member: its pointer, read in place.
        if (!ByRef)
          return Refuse("binding '" + BD->getNameAsString() +
                        "' copies an array; bind by reference (auto &[...])");
        Value *P = lowerMember(ME);
        if (!P)
          return Refuse("this structured binding is not supported");
        BindingValues[BD] = P;
        ++K;
        continue;
      }
      std::optional<Target> T = lowerPlace(ME);
      if (!T)
        return Refuse("this structured binding is not supported");
      Place = *T;
    }
    if (ByRef)
      BindingPlaces[BD] = Place;
    else // a copy: the value the member has now
      BindingValues[BD] = readTarget(Place, BD->getLocation());
    ++K;
  }
}

Value *BodyLowering::lowerBindingRef(const DeclRefExpr *DRE,
                                     const BindingDecl *BD) {
  if (PoisonedBindings.count(BD)) {
    Failed = true;
    return nullptr;
  }
  if (auto It = BindingValues.find(BD); It != BindingValues.end())
    return It->second;
  if (auto It = BindingPlaces.find(BD); It != BindingPlaces.end())
    return readTarget(It->second, DRE->getLocation());
  return fail(DRE->getLocation(), "structured bindings are not supported here");
}

std::optional<BodyLowering::Target>
BodyLowering::bindingTarget(const DeclRefExpr *DRE, const BindingDecl *BD) {
  if (PoisonedBindings.count(BD)) {
    Failed = true;
    return std::nullopt;
  }
  if (auto It = BindingPlaces.find(BD); It != BindingPlaces.end())
    return refuseByValueWrite(It->second, DRE);
  fail(DRE->getLocation(),
       "assigning to '" + BD->getNameAsString() +
           "', a structured binding of a copy, is not supported; bind by "
           "reference (auto &[...]) or declare a variable",
       DRE->getSourceRange());
  return std::nullopt;
}

} // namespace gradc::frontend
