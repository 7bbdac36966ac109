//===- LoweringBinding.cpp - Structured bindings --------------------------===//
//
// `auto [a, b] = p;` and `const auto &[x, y, z] = v;` over a struct of
// numbers, a std::array (also a row of a container or array of them,
// `auto [u, v] = p.back();`), a std::pair or a std::tuple (also one a
// helper returns, `auto [a, b] = f(x);`). With `&` each name is another name
// for its member or element (read and written there, as a reference variable);
// without it the struct is copied, so each name is the value its member
// had at the declaration, or a variable of its own when it is assigned
// later. The IR needs nothing new.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"
#include "Sequencing.h"

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
  // `auto [lo, hi] = std::minmax(x, y);`: a pair of references.
  if (const auto *CE = dyn_cast_or_null<CallExpr>(
          DD->getInit() ? DD->getInit()->IgnoreImplicit()->IgnoreParens()
                        : nullptr);
      CE && isStdMinmax(CE))
    return lowerMinmaxBindings(DD, CE);
  // `auto [lo, hi] = std::minmax_element(b, e);`: a pair of positions.
  if (const auto *CE = dyn_cast_or_null<CallExpr>(
          DD->getInit() ? DD->getInit()->IgnoreImplicit()->IgnoreParens()
                        : nullptr);
      CE && stdName(CE) == "minmax_element")
    return lowerMinmaxElementBindings(DD, CE);
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
  // `auto [u, v] = p.back();`: a row of a container or array of rows,
  // copied (by the copy constructor of std::array) or named.
  const Expr *Row = Init;
  if (const auto *CCE = dyn_cast_or_null<CXXConstructExpr>(
          Init ? Init->IgnoreImplicit() : nullptr);
      CCE && CCE->getNumArgs() == 1 &&
      CCE->getConstructor()->isCopyOrMoveConstructor())
    Row = CCE->getArg(0);
  // Each name is then an element of the matrix (`p[k][0]`), as `p.back()[0]`
  // is: not one of a reference to the row, which growing `p` would leave
  // dangling.
  if (C && Init && isArrayRow(Row)) {
    std::optional<RowRef> R = lowerArrayRow(Row);
    if (!R)
      return Refuse("the object of these structured bindings cannot be read");
    RowRefs[DD] = *R;
    return lowerBindings(DD, R->Matrix);
  }
  Value *Base = !Init           ? nullptr
                : C && Returned ? lowerContainer(Init)
                : Returned      ? lowerRecordTemporary(Init)
                                : lowerRecord(Init);
  if (!Base)
    return Refuse("the object of these structured bindings cannot be read");
  lowerBindings(DD, Base);
}

bool BodyLowering::isStdMinmax(const CallExpr *CE) const {
  const FunctionDecl *Callee = CE->getDirectCallee();
  return Callee && Callee->isInStdNamespace() && Callee->getIdentifier() &&
         Callee->getName() == "minmax" && CE->getNumArgs() == 2 &&
         scalarTypeOf(CE->getArg(0)->getType(), Ctx) &&
         !CE->getArg(0)->getType()->isEnumeralType();
}

void BodyLowering::lowerMinmaxBindings(const DecompositionDecl *DD,
                                       const CallExpr *CE) {
  auto Poison = [&] {
    for (const BindingDecl *BD : DD->bindings())
      PoisonedBindings.insert(BD);
  };
  // The pair names the arguments: read as their values, which is what it
  // names as long as neither changes (as `const double &m = std::max(a,
  // b);` is read).
  for (const Expr *Arg : CE->arguments())
    if (bindsTemporary(Arg)) {
      fail(Arg->getBeginLoc(),
           "std::minmax returns references to its arguments, and '" +
               sourceText(Arg->getSourceRange()) +
               "' is a temporary that ends with this statement (undefined "
               "behaviour); store it in a variable first",
           Arg->getSourceRange());
      return Poison();
    }
  if (refuseChangedArgument(DD, {CE->getArg(0), CE->getArg(1)},
                            "an argument of 'std::minmax'"))
    return Poison();
  std::optional<Scalar> S = scalarTypeOf(CE->getArg(0)->getType(), Ctx);
  Value *A = expectScalar(lowerExpr(CE->getArg(0)), CE->getArg(0));
  Value *Bv =
      A ? expectScalar(lowerExpr(CE->getArg(1)), CE->getArg(1)) : nullptr;
  if (!Bv)
    return Poison();
  at(CE->getBeginLoc());
  A = convert(A, *S, /*Implicit=*/true);
  Bv = convert(Bv, *S, /*Implicit=*/true);
  // As the library: (b, a) when b < a, else (a, b); a tie gives (a, b),
  // so the gradient goes where C++'s reference points.
  Value *Swapped = B.cmp(ir::CmpPred::LT, Bv, A);
  Value *Lo = B.select(Swapped, Bv, A);
  Value *Hi = B.select(Swapped, A, Bv);
  auto Bindings = DD->bindings();
  Lo->Name = Bindings[0]->getNameAsString();
  Hi->Name = Bindings[1]->getNameAsString();
  BindingValues[Bindings[0]] = Lo;
  BindingValues[Bindings[1]] = Hi;
}

void BodyLowering::lowerMinmaxElementBindings(const DecompositionDecl *DD,
                                              const CallExpr *CE) {
  auto Poison = [&] {
    for (const BindingDecl *BD : DD->bindings())
      PoisonedBindings.insert(BD);
  };
  unsigned N = CE->getNumArgs();
  if ((N != 2 && N != 3) || isStructPosition(CE->getArg(0))) {
    refuseAlgorithm(CE, "gradc follows it over ranges of numbers, with or "
                        "without a comparison; over structs, call "
                        "std::min_element and std::max_element");
    return Poison();
  }
  // The range is walked twice, once for each end: its arguments must not
  // change anything.
  for (const Expr *Arg : CE->arguments())
    if (Arg->HasSideEffects(Ctx, /*IncludePossibleEffects=*/false)) {
      fail(Arg->getExprLoc(),
           "this argument of 'std::minmax_element' changes something; "
           "compute it into a variable first",
           Arg->getSourceRange());
      return Poison();
    }
  // As the library: the first smallest element and the last largest.
  Value *Lo = lowerExtreme(CE, /*Max=*/false, /*Last=*/false);
  Value *Hi = Lo ? lowerExtreme(CE, /*Max=*/true, /*Last=*/true) : nullptr;
  if (!Hi)
    return Poison();
  auto Bindings = DD->bindings();
  BindingValues[Bindings[0]] = Lo;
  BindingValues[Bindings[1]] = Hi;
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
    if (auto Row = RowRefs.find(DD); Row != RowRefs.end()) {
      Place.Ptr = Base;
      Place.Index = rowIndex(
          Row->second, makeConstant(Scalar::Int32, 0, K, std::to_string(K)));
      Place.S = C->S;
    } else if (C) {
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
    if (ByRef) {
      BindingPlaces[BD] = Place;
    } else if (WrittenBindings.count(BD)) {
      // A copy changed later: a variable of its own, as `double x = p.x;`.
      Value *V = readTarget(Place, BD->getLocation());
      if (!V)
        return Refuse("this structured binding is not supported");
      Target Own;
      Own.Ptr = B.local(Place.S, 0, BD->getNameAsString());
      Own.S = Place.S;
      B.store(Own.Ptr, V);
      BindingPlaces[BD] = Own;
    } else { // a copy: the value the member has now
      unsigned Mark = F.numValues();
      Value *V = readTarget(Place, BD->getLocation());
      // A load made here takes the binding's name (`u`, not `p_old`); an
      // older value keeps its own.
      if (V && V->Code != ir::OpCode::Param && V->Name.empty() && V->Id >= Mark)
        V->Name = BD->getNameAsString();
      BindingValues[BD] = V;
    }
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
