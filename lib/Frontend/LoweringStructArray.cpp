//===- LoweringStructArray.cpp - Local arrays and containers of structs ---===//
//
// `Vec3 p[4];`, `std::array<Vec3, 4> p{};`, `std::vector<Vec3> v(n);`: a
// Local of all the structs' scalars, element after element, as an array
// of structs parameter is. Its Stride is the struct's size, so that the
// emitter declares it as the user did (`Vec3 p[4]`, the container's type)
// and the interpreter sizes a vector's buffer in scalars. Elements are
// reached as `cams[i]` is (lowerStructElement); the initializer's
// elements are written one struct at a time.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

namespace gradc::frontend {

using namespace clang;
using ir::MemberKind;
using ir::Scalar;
using ir::Value;

/// Whether E is a struct value whose every number is a constant +0
/// (`Vec2{0, 0}`, `Vec2{}`), which a zeroed element already holds.
static bool isZeroValue(const Expr *E, const ASTContext &Ctx) {
  E = E->IgnoreImplicit();
  if (const auto *FCE = dyn_cast<CXXFunctionalCastExpr>(E))
    E = FCE->getSubExpr()->IgnoreImplicit();
  if (isa<ImplicitValueInitExpr>(E))
    return true;
  if (const auto *ILE = dyn_cast<InitListExpr>(E))
    return llvm::all_of(
        ILE->inits(), [&](const Expr *Init) { return isZeroValue(Init, Ctx); });
  Expr::EvalResult R;
  if (E->getType()->isRecordType() || !E->EvaluateAsRValue(R, Ctx))
    return false;
  const APValue &V = R.Val;
  return (V.isInt() && V.getInt().isZero()) ||
         (V.isFloat() && V.getFloat().isPosZero());
}

Value *BodyLowering::structElement(Value *Array, Value *Index,
                                   const RecordShape &Shape) {
  Value *Elem = B.field(Array, Index, Array->Ty, 0, "");
  Elem->Member = MemberKind::Record;
  Elem->Stride = Shape.Size;
  return Elem;
}

void BodyLowering::lowerStructArrayDecl(const VarDecl *VD,
                                        const StructContainer &C, bool CArray) {
  std::string Name = VD->getNameAsString();
  auto Refuse = [&](const std::string &Msg) {
    poison(VD);
    fail(VD->getLocation(), Msg, VD->getSourceRange());
  };
  const RecordShape *Shape =
      shapeOf(C.Elem, VD->getLocation(), VD->getSourceRange());
  if (!Shape)
    return poison(VD);
  std::string Elem = typeName(C.Elem.getUnqualifiedType());
  // Each element starts at the defaults (stored below), and its adjoint
  // must not: one that grows appends elements the IR takes to be zero.
  if (Shape->HasDefaults && C.IsVector && Growing.count(VD))
    return Refuse("a std::vector of '" + Elem +
                  "', which has floating-point default member "
                  "initializers, that changes size is not supported yet; "
                  "give it its size where it is declared ('std::vector<" +
                  Elem + "> " + Name +
                  "(n);'), or drop the initializers and set the members "
                  "after the declaration");
  if (!declarable(C.Elem, VD->getLocation(), Name, /*InArray=*/true))
    return poison(VD);
  // `auto items = build(x);`: declared empty, then the helper's body
  // fills it (lowerBuildingCall).
  const VarDecl *Returned = nullptr;
  const CallExpr *Build = C.IsVector && VD->getInit() && Growing.count(VD)
                              ? buildingCall(VD->getInit(), Returned)
                              : nullptr;
  auto Built = [&] {
    if (Build && !lowerBuildingCall(Build, Returned, Pointers[VD]))
      poison(VD);
  };
  const Expr *Init = Build ? nullptr : VD->getInit();
  const auto *CCE =
      Init ? dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit()) : nullptr;
  const auto *ILE =
      Init ? dyn_cast<InitListExpr>(Init->IgnoreImplicit()) : nullptr;
  // `std::array<Vec3, 2> p = {{...}}` is braces around a C array's.
  if (ILE && !CArray && ILE->getNumInits() == 1)
    if (const auto *Inner =
            dyn_cast<InitListExpr>(ILE->getInit(0)->IgnoreImplicit());
        Inner && Inner->getType()->isArrayType())
      ILE = Inner;
  // `std::complex<double> zs[3];`: each element's constructor zeroes it;
  // `Body bs[3];` runs the default member initializers.
  bool Trivial =
      CCE && CCE->getNumArgs() == 0 &&
      (CCE->getConstructor()->isTrivial() || Shape->IsComplex ||
       (Shape->HasDefaults && !CCE->getConstructor()->isUserProvided()));
  // `std::vector<Vec3> u = pts;`, `std::array<Vec3, 4> q = p;`: a copy.
  const Expr *CopyOf = nullptr;
  if (CCE && CCE->getNumArgs() == 1 &&
      CCE->getConstructor()->isCopyOrMoveConstructor())
    CopyOf = CCE->getArg(0);
  else if (Init && !CCE && !ILE && structContainer(Init->getType()))
    CopyOf = Init;
  Value *Count = nullptr, *Source = nullptr;
  // `std::vector<Vec2> v(n, Vec2{1, 0});`: each element a copy of that.
  const Expr *FillE = nullptr;
  if (CopyOf && !CArray) {
    Source = lowerContainer(CopyOf);
    if (!Source)
      return poison(VD);
    if (C.IsVector)
      Count = structCount(Source, *Shape);
  } else if (C.IsVector) {
    unsigned Given = 0;
    while (CCE && Given < CCE->getNumArgs() &&
           !isa<CXXDefaultArgExpr>(CCE->getArg(Given)))
      ++Given;
    if (CCE && Given == 2 &&
        Ctx.hasSameUnqualifiedType(CCE->getArg(1)->getType(), C.Elem))
      FillE = CCE->getArg(1);
    if (Growing.count(VD) && (!CCE || Given == 0))
      Count = makeConstant(Scalar::UInt64, 0, 0, "0"); // empty, until it grows
    else if (!CCE || Given != (FillE ? 2 : 1) ||
             !CCE->getArg(0)->getType()->isIntegerType())
      return Refuse("std::vector '" + Name +
                    "' of structs must be given its size where it is "
                    "declared, as in 'std::vector<" +
                    Elem + "> " + Name + "(n);' or 'std::vector<" + Elem +
                    "> " + Name + "(n, " + Elem +
                    "{...});', or copy a vector ('= pts'); then assign its "
                    "elements");
    if (!Count) {
      const Expr *N = withoutSizeConversion(CCE->getArg(0));
      Count = expectScalar(lowerExpr(N), N);
      if (!Count)
        return poison(VD);
    }
  } else if (Init && !ILE && !Trivial) {
    return Refuse("initializing '" + Name +
                  "' this way is not supported; use '= {}', a list of "
                  "its elements ('= {{x, y, z}, {}}') or assign them after "
                  "the declaration");
  }
  bool Grows = C.IsVector && Growing.count(VD);
  if (Grows && RegionDepth) {
    // Made anew where it is declared (LoweringGrowthScoped.cpp).
    if (!Count || !Count->isConstValue(0))
      return Refuse("std::vector '" + Name +
                    "' of structs changes size (push_back, emplace_back, "
                    "...) and is declared with elements in a loop or "
                    "branch, which gradc does not support yet; declare it "
                    "empty ('std::vector<" +
                    Elem + "> " + Name + ";') and push_back them");
    Pointers[VD] = restartGrowing(VD, Shape->S, Shape->Size);
    Poisoned.erase(VD);
    return Built();
  }
  // The adjoint and copies are declared with the count the top level has.
  if (Count && !(Count = hoistCount(Count)))
    return Refuse(unhoistedSizeMessage(Name));
  at(VD->getLocation());
  std::vector<Value *> Lengths;
  if (Grows)
    declareLength(VD, Count, Lengths);
  bool Zeroed = C.IsVector || ILE ||
                (CCE && (CCE->requiresZeroInitialization() ||
                         Shape->IsComplex || Shape->HasDefaults));
  Value *Arr =
      B.local(Shape->S, C.IsVector ? -1 : C.Count * Shape->Size, Name, Zeroed);
  if (Count)
    Arr->Operands.push_back(Count);
  Arr->Operands.insert(Arr->Operands.end(), Lengths.begin(), Lengths.end());
  Arr->Text =
      CArray
          ? Elem
          : typeName(VD->getType().getNonReferenceType().getUnqualifiedType());
  Arr->Member = CArray ? MemberKind::RecordArray : MemberKind::Array;
  Arr->Stride = Shape->Size;
  markDefaults(*Arr, *Shape);
  Pointers[VD] = Arr;
  Poisoned.erase(VD);
  if (Build)
    return Built();
  // Each element as its constructor leaves it, before any is given.
  if (Shape->HasDefaults && !Source && !FillE)
    countedLoop(C.IsVector ? convert(Count, Scalar::Int32, /*Implicit=*/false)
                           : constIndex(C.Count),
                "i", [&](Value *I) {
                  lowerMemberDefaults(structElement(Arr, I, *Shape), *Shape,
                                      VD->getLocation());
                });
  if (Source) {
    Value *N = C.IsVector ? convert(Count, Scalar::Int32, /*Implicit=*/false)
                          : constIndex(C.Count);
    countedLoop(N, "i", [&](Value *I) {
      copyRecord(structElement(Arr, I, *Shape),
                 structElement(Source, I, *Shape), *Shape);
    });
    return;
  }
  if (ILE)
    lowerStructElements(ILE, Arr, *Shape);
  if (FillE && !isZeroValue(FillE, Ctx)) {
    // The value once, then copied into each element.
    Value *Fill = lowerRecord(FillE);
    if (!Fill)
      return poison(VD);
    at(VD->getLocation());
    countedLoop(convert(Count, Scalar::Int32, /*Implicit=*/false), "i",
                [&](Value *I) {
                  copyRecord(structElement(Arr, I, *Shape), Fill, *Shape);
                });
  }
}

void BodyLowering::lowerStructElements(const InitListExpr *ILE, Value *Arr,
                                       const RecordShape &Shape) {
  // The array is zeroed: what is not given stays zero.
  for (unsigned K = 0; K < ILE->getNumInits(); ++K) {
    const Expr *E = ILE->getInit(K);
    if (isa<ImplicitValueInitExpr>(E->IgnoreImplicit()))
      continue;
    at(E->getBeginLoc());
    Value *Elem = structElement(Arr, constIndex(K), Shape);
    if (const auto *Inner = dyn_cast<InitListExpr>(E->IgnoreImplicit()))
      lowerRecordInit(Inner, Elem, Shape);
    else
      lowerRecordInto(E, Elem, Shape);
  }
}

Value *BodyLowering::structCount(Value *Base, const RecordShape &Shape) {
  if (Value *N = localVectorCount(Base))
    return N;
  // Counted in structs: the interpreter divides its scalars by Stride.
  Value *N = B.size(Base, Scalar::UInt64);
  N->Stride = Shape.Size;
  return N;
}

} // namespace gradc::frontend
