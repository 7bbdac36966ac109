//===- LoweringRecord.cpp - Structs and their members to IR ---------------===//
//
// A struct variable (a parameter, `this`, a local) is a pointer to its
// scalars (Records.h); `cam.f`, `cams[i].r` and `p->f` are Field ops from
// that pointer, which generated code prints back as the user wrote them.
// Struct locals live in memory like arrays, so that members assigned in
// loops and branches need nothing special.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

namespace gradc::frontend {

using namespace clang;
using ir::MemberKind;
using ir::Scalar;
using ir::Value;

const RecordShape *BodyLowering::shapeOf(QualType T, SourceLocation Loc,
                                         SourceRange Range) {
  std::string Why;
  const RecordShape *Shape = Shapes.shape(T, Why);
  if (!Shape)
    fail(Loc, "gradc cannot hold this struct: " + Why, Range);
  return Shape;
}

bool BodyLowering::isElementAccess(const Expr *E) const {
  if (isContainerEnd(E))
    return true;
  const auto *OCE = dyn_cast<CXXOperatorCallExpr>(E);
  return OCE && OCE->getOperator() == OO_Subscript && OCE->getNumArgs() == 2 &&
         containerShape(OCE->getArg(0)->getType(), Ctx);
}

bool BodyLowering::isStructElement(const Expr *E) const {
  E = E->IgnoreParens();
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MCE->getMethodDecl();
    StringRef Name = MD && MD->getIdentifier() ? MD->getName() : "";
    return (Name == "front" || Name == "back" || Name == "at") &&
           structContainer(MCE->getImplicitObjectArgument()
                               ->getType()
                               .getNonReferenceType());
  }
  const auto *OCE = dyn_cast<CXXOperatorCallExpr>(E);
  return OCE && OCE->getOperator() == OO_Subscript && OCE->getNumArgs() == 2 &&
         structContainer(OCE->getArg(0)->getType().getNonReferenceType());
}

Value *BodyLowering::lowerRecord(const Expr *E) {
  E = E->IgnoreParens();
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E);
      ICE && (ICE->getCastKind() == CK_NoOp ||
              ICE->getCastKind() == CK_LValueToRValue))
    return lowerRecord(ICE->getSubExpr());
  // `d` where a `const Base &` is wanted.
  if (const auto *CE = dyn_cast<CastExpr>(E);
      CE && (CE->getCastKind() == CK_DerivedToBase ||
             CE->getCastKind() == CK_UncheckedDerivedToBase))
    return lowerBaseCast(CE);
  // `static_cast<const Derived &>(*this)` (CRTP), and casts that only add
  // `const`: the same object.
  if (const auto *CE = dyn_cast<ExplicitCastExpr>(E)) {
    if (CE->getCastKind() == CK_BaseToDerived)
      return lowerDownCast(CE);
    if (CE->getCastKind() == CK_NoOp && E->isGLValue())
      return lowerRecord(CE->getSubExpr());
  }
  // A copy made to pass a struct by value: the callee only reads it.
  if (const auto *CCE = dyn_cast<CXXConstructExpr>(E);
      CCE && CCE->getNumArgs() == 1 && CCE->getConstructor() &&
      CCE->getConstructor()->isCopyOrMoveConstructor() &&
      CCE->getConstructor()->isTrivial())
    return lowerRecord(CCE->getArg(0));
  if (isa<MaterializeTemporaryExpr, CXXBindTemporaryExpr>(E))
    return lowerRecord(cast<Expr>(*E->child_begin()));
  // `dot(add(a, b), c)`, `dot(a + b, c)`, `dot(Vec3(x, 0, 0), a)`: the
  // value is written
  // into a local first.
  if (E->isPRValue() &&
      (isa<CallExpr>(E) ||
       (isa<CXXConstructExpr>(E) &&
        cast<CXXConstructExpr>(E)->getConstructor()->isUserProvided())))
    return lowerRecordTemporary(E);
  // `a + Vec3{x, 0, 0}`: a local too.
  if (const auto *FCE = dyn_cast<CXXFunctionalCastExpr>(E);
      FCE && FCE->getCastKind() == CK_NoOp &&
      isa<InitListExpr>(FCE->getSubExpr()->IgnoreParens()))
    return lowerRecordTemporary(E);
  if (isa<InitListExpr>(E) && E->getType()->isRecordType())
    return lowerRecordTemporary(E);
  if (isa<DeclRefExpr>(E)) {
    if (isPoisonedRef(E)) {
      Failed = true;
      return nullptr;
    }
    return lowerExpr(E);
  }
  if (isa<CXXThisExpr>(E)) // `*this`
    return This;
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_Deref)
    return lowerPointer(UO->getSubExpr());
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return lowerMember(ME);
  if (isSelfOperator(E))
    return lowerExpr(E); // refused there
  // `pts[i]` of a std::vector or std::array of structs.
  if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(E);
      OCE && isStructElement(E))
    return lowerStructElement(OCE->getArg(0), OCE->getArg(1), E);
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(E);
      MCE && MCE->getImplicitObjectArgument() &&
      structContainer(
          MCE->getImplicitObjectArgument()->getType().getNonReferenceType()))
    return lowerStructContainerCall(MCE); // `pts.back()`
  // `(*it).m` of an iterator over structs.
  if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(E);
      OCE && OCE->getOperator() == OO_Star && OCE->getNumArgs() == 1 &&
      isStructPosition(OCE->getArg(0)))
    return lowerStructPosition(OCE->getArg(0));
  if (isa<CXXOperatorCallExpr>(E) && !isElementAccess(E))
    return fail(E->getExprLoc(),
                "an operator returning a reference to a struct is not "
                "supported yet; return the struct by value, or name the "
                "struct it refers to",
                E->getSourceRange());
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
    // An element of an array of structs: `cams[i]`.
    return lowerStructElement(ASE->getBase(), ASE->getIdx(), ASE);
  if (isa<ConditionalOperator>(E))
    return fail(E->getExprLoc(),
                "a struct chosen by '?:' is not supported here; choose it "
                "into a variable ('" +
                    typeName(E->getType().getUnqualifiedType()) +
                    " p = c ? a : b;'), or assign each in a branch ('if (c) "
                    "a = v; else b = v;')",
                E->getSourceRange());
  return fail(E->getExprLoc(),
              "this expression of type '" + typeName(E->getType()) +
                  "' is not supported; name a struct variable, a member or "
                  "an element of an array of structs",
              E->getSourceRange());
}

Value *BodyLowering::lowerIndex(const Expr *IdxE) {
  IdxE = withoutSizeConversion(IdxE);
  Value *Index = expectScalar(lowerExpr(IdxE), IdxE);
  if (Index && !Index->Ty.isInteger())
    return fail(IdxE->getExprLoc(), "an index must be an integer",
                IdxE->getSourceRange());
  return Index;
}

Value *BodyLowering::lowerStructElement(const Expr *BaseE, const Expr *IdxE,
                                        const Expr *E) {
  const RecordShape *Shape =
      shapeOf(E->getType(), E->getExprLoc(), E->getSourceRange());
  Value *Base = lowerPointer(BaseE);
  Value *Index = lowerIndex(IdxE);
  if (!Shape || !Base || !Index)
    return nullptr;
  at(E->getBeginLoc());
  return structElement(Base, Index, *Shape);
}

Value *BodyLowering::lowerStructContainerCall(const CXXMemberCallExpr *MCE) {
  const Expr *Obj = MCE->getImplicitObjectArgument();
  std::optional<StructContainer> C =
      structContainer(Obj->getType().getNonReferenceType());
  const CXXMethodDecl *MD = MCE->getMethodDecl();
  std::string Name = MD->getNameAsString();
  if (Name == "data") // `step(p.data(), n)`: the structs themselves
    return lowerExpr(Obj);
  if (C->IsVector && (Name == "push_back" || Name == "emplace_back" ||
                      Name == "pop_back" || Name == "clear"))
    return lowerStructGrowth(MCE, *C);
  if (Name == "reserve" && C->IsVector)
    return lowerExpr(Obj); // changes nothing gradc follows
  if (Name == "front" || Name == "back" || Name == "at") {
    // An element, as `pts[i]` is: `pts.back()` is `pts[size - 1]`.
    const RecordShape *Shape =
        shapeOf(C->Elem, MCE->getExprLoc(), MCE->getSourceRange());
    Value *Base = lowerPointer(Obj);
    Value *Index = Name == "at" ? lowerIndex(MCE->getArg(0)) : nullptr;
    if (!Shape || !Base || (Name == "at" && !Index))
      return nullptr;
    at(MCE->getBeginLoc());
    if (Name == "front") {
      Index = constIndex(0);
    } else if (Name == "back" && !C->IsVector) {
      Index = constIndex(C->Count - 1);
    } else if (Name == "back") {
      Value *N = structCount(Base, *Shape);
      Index = B.sub(N, makeConstant(N->Ty.scalarKind(), 1, 1, "1"));
    }
    return structElement(Base, Index, *Shape);
  }
  if (Name != "size")
    return fail(MCE->getExprLoc(),
                "'" + Name + "' of a std::vector or std::array of structs " +
                    "is not supported; gradc indexes it ('pts[i].x', " +
                    "'pts.front()', 'pts.back()', 'pts.at(i)'), " +
                    "measures it ('pts.size()') and passes its 'data()'",
                MCE->getSourceRange());
  std::string Why;
  const RecordShape *Shape = Shapes.shape(C->Elem, Why);
  Value *V = lowerExpr(Obj);
  std::optional<Scalar> S = typeOf(MCE);
  if (!V || !S || !Shape)
    return nullptr;
  at(MCE->getBeginLoc());
  if (!C->IsVector)
    return makeConstant(*S, 0, C->Count, "");
  return convert(structCount(V, *Shape), *S, /*Implicit=*/true);
}

Value *BodyLowering::lowerMember(const MemberExpr *ME) {
  const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
  if (!FD)
    return fail(ME->getMemberLoc(),
                "'" + ME->getMemberDecl()->getNameAsString() +
                    "' is not a data member; gradc reads data members of "
                    "structs and calls member functions",
                ME->getSourceRange());
  // Read through lowerMemberValue; here only to be written.
  if (isViewMember(ME) && isPoisonedRef(ME->getBase())) {
    Failed = true; // reported where it is declared
    return nullptr;
  }
  if (isViewMember(ME) && viewShapeOf(ME->getBase()->getType())->Owns)
    return fail(ME->getMemberLoc(),
                "member '" + FD->getNameAsString() +
                    "' of a struct holding std::vector members cannot be "
                    "assigned here: gradc writes floating-point members of "
                    "such a struct taken by non-const reference ('" +
                    typeName(ME->getBase()->getType().getUnqualifiedType()) +
                    " &'); keep what changes in a local ('" +
                    typeName(ME->getType().getUnqualifiedType()) + " " +
                    FD->getNameAsString() + " = ...;')",
                ME->getSourceRange());
  if (isViewMember(ME))
    return fail(ME->getMemberLoc(),
                "member '" + FD->getNameAsString() +
                    "' of a view struct cannot be assigned: gradc fixes "
                    "what a view points to where it is made; make another "
                    "view instead",
                ME->getSourceRange());
  // `d.a` of a member of a base class: from d, at the base's offset.
  std::int64_t Offset = 0;
  const Expr *BaseE = withoutBaseCasts(ME->getBase(), Offset);
  if (!BaseE)
    return nullptr;
  QualType RecT = ME->getBase()->getType();
  if (ME->isArrow())
    RecT = RecT->getPointeeType();
  const RecordShape *Shape =
      shapeOf(RecT, ME->getMemberLoc(), ME->getSourceRange());
  if (!Shape)
    return nullptr;
  const MemberShape *M = Shape->member(FD);
  if (!M)
    return fail(ME->getMemberLoc(),
                "member '" + FD->getNameAsString() + "' is not supported");
  bool ThisBase = isa<CXXThisExpr>(BaseE->IgnoreParenImpCasts());
  Value *Base = ThisBase        ? This
                : ME->isArrow() ? lowerPointer(BaseE)
                                : lowerRecord(BaseE);
  if (!Base)
    return nullptr;
  Scalar S = M->Rec ? M->Rec->S : M->S;
  bool Const = Base->Ty.isConstPointee() || FD->getType().isConstQualified();
  at(ME->getMemberLoc());
  // `cams[i].f`: one op, printed as written.
  Value *V = fieldOf(B, Base, ir::Type::ptr(S, Const), Offset + M->Offset,
                     FD->getNameAsString());
  V->Member = M->Kind;
  V->StdArray = M->StdArray;
  V->RowDims = M->RowDims;
  V->Private = M->Private;
  // `this->f` is printed as `self.f`: the pullback's parameter.
  V->Arrow = ME->isArrow() && !ThisBase;
  return V;
}

Value *BodyLowering::lowerMemberValue(const MemberExpr *ME) {
  // A number of a `Layer &` is memory: read it.
  if (isViewMember(ME))
    return heldInMemory(ME) ? lowerLoad(ME) : lowerViewMember(ME);
  if (ME->getType()->isRecordType() || ME->getType()->isArrayType())
    return lowerMember(ME);
  return lowerLoad(ME);
}

void BodyLowering::lowerRecordDecl(const VarDecl *VD) {
  const RecordShape *Shape =
      shapeOf(VD->getType(), VD->getLocation(), VD->getSourceRange());
  if (!Shape)
    return poison(VD);
  const Expr *Init = VD->getInit();
  const auto *ILE =
      Init ? dyn_cast<InitListExpr>(Init->IgnoreImplicit()) : nullptr;
  const auto *CCE = Init ? dyn_cast<CXXConstructExpr>(Init) : nullptr;
  const CXXConstructorDecl *Ctor = CCE ? CCE->getConstructor() : nullptr;
  std::string Name = VD->getNameAsString();
  // `Camera c;` (the implicit default constructor), `Camera c{}`.
  bool Default = Ctor && CCE->getNumArgs() == 0;
  // (`std::pair<double, double> p;` and `std::complex<double> z;` are
  // zero.)
  bool ValueInit = Default && (CCE->requiresZeroInitialization() ||
                               tupleKind(VD->getType()) != TupleKind::None ||
                               Shape->IsComplex);
  // `Vec3 c = b;`, `Vec3 c = add(a, b);` (LoweringStructValue.cpp).
  bool ByValue = Init && !ILE && !Default && !isa<ImplicitValueInitExpr>(Init);
  if (!declarable(VD->getType(), VD->getLocation(), Name))
    return poison(VD);
  at(VD->getLocation());
  Value *Rec = B.local(Shape->S, Shape->Size, VD->getNameAsString(),
                       /*ZeroInit=*/ILE || ValueInit ||
                           isa_and_nonnull<ImplicitValueInitExpr>(Init));
  Rec->Text = typeName(VD->getType().getUnqualifiedType());
  Rec->Member = MemberKind::Record;
  markDefaults(*Rec, *Shape);
  Pointers[VD] = Rec;
  Poisoned.erase(VD);
  if (ByValue && !lowerRecordInto(Init, Rec, *Shape))
    poison(VD);
  else if (ILE)
    lowerRecordInit(ILE, Rec, *Shape);
  else if (Default && Shape->NoDefault)
    lowerConstruct(CCE, Rec, *Shape); // `Gaussian g;`: a constructor of yours
  else if (Default && !Ctor->isTrivial() && !Shape->IsComplex)
    lowerMemberDefaults(Rec, *Shape, VD->getLocation());
}

/// An initializer that leaves everything zero: `{}` around nothing given.
static bool isZeroInit(const Expr *E) {
  E = E->IgnoreImplicit();
  if (isa<ImplicitValueInitExpr>(E))
    return true;
  const auto *ILE = dyn_cast<InitListExpr>(E);
  if (!ILE)
    return false;
  for (const Expr *Init : ILE->inits())
    if (!isZeroInit(Init))
      return false;
  return !ILE->hasArrayFiller() || isZeroInit(ILE->getArrayFiller());
}

void BodyLowering::lowerRecordInit(const InitListExpr *ILE, Value *Rec,
                                   const RecordShape &Shape, bool Fresh) {
  // Members not given are zero (a fresh Local is declared `{}`).
  unsigned First = lowerBaseInits(ILE, Rec, Shape, Fresh);
  for (unsigned I = First; I < ILE->getNumInits() &&
                           Shape.FirstOwn + I - First < Shape.Members.size();
       ++I) {
    const Expr *E = ILE->getInit(I);
    const MemberShape &M = Shape.Members[Shape.FirstOwn + I - First];
    // `struct D { double a = 1; }`: `D d{}` runs a's initializer.
    if (const auto *DI = dyn_cast<CXXDefaultInitExpr>(E))
      E = DI->getExpr();
    if (isa<ImplicitValueInitExpr>(E) || isZeroInit(E)) {
      if (!Fresh)
        zeroMember(Rec, M);
      continue;
    }
    at(E->getBeginLoc());
    auto Member = [&] { return memberOf(B, Rec, M); };
    const auto *Inner = dyn_cast<InitListExpr>(E->IgnoreImplicit());
    if (M.Kind == MemberKind::Record && Inner) {
      lowerRecordInit(Inner, Member(), *M.Rec, Fresh);
      continue;
    }
    if (M.Kind == MemberKind::Array && Inner) {
      if (!Fresh)
        zeroMember(Rec, M);
      storeElements(Inner, Member(), M.S);
      continue;
    }
    if (M.Kind == MemberKind::Record) { // `{Gaussian(mu, s), w}`, `{v, w}`
      lowerRecordInto(E, Member(), *M.Rec);
      continue;
    }
    if (M.Kind != MemberKind::Scalar) {
      fail(E->getBeginLoc(),
           "this initializer of member '" + M.Decl->getNameAsString() +
               "' is not supported yet; assign it after the declaration",
           E->getSourceRange());
      continue;
    }
    Value *V = expectScalar(lowerExpr(E), E);
    if (!V)
      continue;
    at(E->getBeginLoc());
    V = convert(V, M.S, /*Implicit=*/true);
    if (!Fresh || !V->isConstValue(0))
      B.store(Member(), V);
  }
}

} // namespace gradc::frontend

namespace gradc::frontend {

/// `v[i]` converts an int i to size_t; the generated code need not say so.
const Expr *withoutSizeConversion(const Expr *E) {
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E);
      ICE && ICE->getCastKind() == CK_IntegralCast &&
      ICE->getSubExpr()->getType()->isIntegerType())
    return ICE->getSubExpr();
  return E;
}

void BodyLowering::lowerContainerDecl(const VarDecl *VD,
                                      const ContainerShape &C) {
  std::string Name = VD->getNameAsString();
  auto Refuse = [&](const std::string &Msg) {
    poison(VD);
    fail(VD->getLocation(), Msg, VD->getSourceRange());
  };
  const Expr *Init = VD->getInit();
  const auto *CCE =
      Init ? dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit()) : nullptr;
  const auto *ILE =
      Init ? dyn_cast<InitListExpr>(Init->IgnoreImplicit()) : nullptr;
  std::string Type = typeName(VD->getType().getUnqualifiedType());
  Value *Count = nullptr;
  // `std::vector<double> u = w;`, `std::array<double, 3> b(a);`: a copy.
  Value *CopyOf = nullptr, *Fill = nullptr;
  const InitListExpr *List = nullptr;
  bool Made = Init && !CCE && !ILE && containerShape(Init->getType(), Ctx);
  if (Init && !C.IsVector && isContainerCall(Init)) {
    // `auto c = cross(a, b);`: the call writes c.
    Value *Arr = arrayLocal(VD->getType(), C, Name, VD->getLocation());
    if (!lowerArrayInto(Init, Arr, C))
      return poison(VD);
    Pointers[VD] = Arr;
    Poisoned.erase(VD);
    return;
  }
  if (Init && C.IsVector && !Growing.count(VD) && isContainerCall(Init) &&
      Ctx.hasSameUnqualifiedType(VD->getType(),
                                 containerOperand(Init)->getType())) {
    // `auto h = matvec(W, x, m);`: the local the call makes is h.
    NamedCall = containerOperand(Init);
    NamedVar = VD;
    Value *Vec = lowerContainer(Init);
    NamedCall = nullptr;
    if (!Vec)
      return poison(VD);
    Vec->Name = Name;
    Pointers[VD] = Vec;
    Poisoned.erase(VD);
    return;
  }
  // `std::vector<double> r = m[i];` of a std::vector of std::vector: a
  // vector of the row's numbers (LoweringMatrixLocal.cpp).
  if (const Expr *RowE =
          isContainerCopy(CCE) ? containerOperand(CCE->getArg(0)) : nullptr;
      RowE && C.IsVector && !Growing.count(VD) && isArrayRow(RowE)) {
    std::optional<RowRef> R = lowerArrayRow(RowE);
    if (R && !R->VectorCols) {
      lowerRowPointer(RowE); // says why not
      return poison(VD);
    }
    Value *Copy = R ? copyMatrixRow(*R, Name, VD->getLocation()) : nullptr;
    if (!Copy)
      return poison(VD);
    Pointers[VD] = Copy;
    Poisoned.erase(VD);
    return;
  }
  if (isContainerCopy(CCE) || Made) {
    CopyOf = lowerContainer(Made ? Init : CCE->getArg(0));
    if (!CopyOf)
      return poison(VD);
    at(VD->getLocation());
    if (C.IsVector) // of the size of what it copies
      Count = containerCount(CopyOf, C);
  } else if (C.IsVector) {
    // `std::vector<double> v(n)` or `v(n, x)`: of a fixed size.
    // The allocator is a defaulted argument.
    unsigned Given = 0;
    while (CCE && Given < CCE->getNumArgs() &&
           !isa<CXXDefaultArgExpr>(CCE->getArg(Given)))
      ++Given;
    if (CCE && CCE->getNumArgs() >= 1)
      if (const auto *IL = dyn_cast<CXXStdInitializerListExpr>(
              CCE->getArg(0)->IgnoreImplicit()))
        // `std::vector<double> v{a, b};`: of the list's size, then its
        // elements stored as a std::array's are.
        List = dyn_cast<InitListExpr>(IL->getSubExpr()->IgnoreImplicit());
    if (List) {
      std::int64_t N = List->getNumInits();
      Count = makeConstant(Scalar::Int32, 0, N, std::to_string(N));
    } else if (Growing.count(VD) && (!CCE || Given == 0)) {
      // `std::vector<double> v;`: empty, until it grows.
      Count = makeConstant(Scalar::UInt64, 0, 0, "0");
    } else if (!CCE || Given < 1 || Given > 2 ||
               isa<CXXStdInitializerListExpr>(CCE->getArg(0)) ||
               !CCE->getArg(0)->getType()->isIntegerType() ||
               (Given == 2 && !CCE->getArg(1)->getType()->isRealType())) {
      return Refuse("std::vector '" + Name +
                    "' must be given its size where it is declared, as in "
                    "'std::vector<double> " +
                    Name + "(n);', or grow it with push_back");
    } else if (Given == 2) {
      Fill = expectScalar(lowerExpr(CCE->getArg(1)), CCE->getArg(1));
      if (!Fill)
        return poison(VD);
      if (Fill->isConstValue(0))
        Fill = nullptr; // zeroed anyway
    }
    if (!Count) {
      const Expr *N = withoutSizeConversion(CCE->getArg(0));
      Count = expectScalar(lowerExpr(N), N);
      if (!Count)
        return poison(VD);
    }
  } else if (Init && !ILE &&
             !(CCE && CCE->getNumArgs() == 0 &&
               CCE->getConstructor()->isTrivial())) {
    return Refuse("initializing std::array '" + Name +
                  "' this way is not supported; use '= {...}' or assign "
                  "its elements");
  }
  // Its adjoint and copies are sized the same in the backward sweep, where
  // only what the function's top level computes is in scope; a vector in a
  // loop or branch that grows, or whose size is computed there, is made
  // anew where it is declared: a vector of the top level, emptied there
  // (LoweringGrowthScoped.cpp).
  bool Grows = C.IsVector && Growing.count(VD);
  if (C.IsVector && RegionDepth && (Grows || (Count && !hoistCount(Count)))) {
    Growing.insert(VD);
    Pointers[VD] = restartGrowing(VD, C, Count, CopyOf, Fill);
    Poisoned.erase(VD);
    if (List)
      storeElements(List, Pointers[VD], C.S);
    return;
  }
  if (Count && !(Count = hoistCount(Count)))
    return Refuse(unhoistedSizeMessage(Name));
  at(VD->getLocation());
  std::vector<Value *> Lengths;
  if (Grows)
    declareLength(VD, Count, Lengths);
  Value *Arr = B.local(ir::Type::scalar(C.S).named(C.Name),
                       C.IsVector ? -1 : C.Count, Name,
                       /*ZeroInit=*/C.IsVector || ILE ||
                           (CCE && CCE->requiresZeroInitialization()));
  if (Count)
    Arr->Operands.push_back(Count);
  Arr->Operands.insert(Arr->Operands.end(), Lengths.begin(), Lengths.end());
  Arr->Text = Type;
  Arr->Member = ir::MemberKind::Array;
  Pointers[VD] = Arr;
  Poisoned.erase(VD);
  if (CopyOf)
    copyElements(Arr, CopyOf, containerCount(Arr, C));
  if (Fill)
    fillElements(Arr, Fill, Count);
  if (List)
    storeElements(List, Arr, C.S);
  if (!ILE)
    return;
  // `std::array<double, 3> a = {x, y}` is braces around an array's.
  if (ILE->getNumInits() == 1)
    if (const auto *Inner =
            dyn_cast<InitListExpr>(ILE->getInit(0)->IgnoreImplicit()))
      ILE = Inner;
  storeElements(ILE, Arr, C.S);
}

std::optional<BodyLowering::Target> BodyLowering::lowerElement(const Expr *E) {
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(E->IgnoreParens()))
    return lowerContainerEnd(MCE);
  const auto *OCE = cast<CXXOperatorCallExpr>(E->IgnoreParens());
  if (isArrayRow(OCE->getArg(0))) // `m[i][j]`, `row[j]`
    return lowerRowElement(OCE->getArg(0), OCE->getArg(1));
  Target T;
  // `cross(a, b)[0]`: the local the call returns into.
  T.Ptr = isContainerCall(OCE->getArg(0)) ? lowerContainer(OCE->getArg(0))
                                          : lowerExpr(OCE->getArg(0));
  T.Index = lowerIndex(OCE->getArg(1));
  if (!T.Ptr || !T.Index)
    return std::nullopt;
  T.S = T.Ptr->Ty.scalarKind();
  return T;
}

Value *BodyLowering::containerSize(const Expr *Obj, const ContainerShape &C,
                                   Scalar S) {
  Value *V = lowerExpr(Obj);
  if (!V)
    return nullptr;
  at(Obj->getBeginLoc());
  if (Value *N = localVectorCount(V))
    return convert(N, S, /*Implicit=*/true);
  if (C.IsVector) // a parameter
    return B.size(V, S);
  return makeConstant(S, 0, C.Count, "");
}

Value *BodyLowering::lowerContainerCall(const CXXMemberCallExpr *MCE,
                                        const ContainerShape &C) {
  const CXXMethodDecl *MD = MCE->getMethodDecl();
  std::string Name = MD->getNameAsString();
  const Expr *Obj = MCE->getImplicitObjectArgument();
  if (Name == "data") {
    return lowerExpr(Obj);
  }
  // A std::array's iterators are pointers: `auto it = a.begin()`.
  if (!C.IsVector &&
      (Name == "begin" || Name == "cbegin" || Name == "end" || Name == "cend"))
    return lowerPosition(MCE);
  if (Name == "size" && isArrayRow(Obj)) { // `m[i].size()`
    std::optional<Scalar> S = typeOf(MCE);
    std::optional<RowRef> R = S ? lowerArrayRow(Obj) : std::nullopt;
    if (!R)
      return nullptr;
    at(MCE->getBeginLoc());
    return rowLength(*R, *S);
  }
  if (Name == "size") {
    std::optional<Scalar> S = typeOf(MCE);
    return S ? containerSize(Obj, C, *S) : nullptr;
  }
  if (Name == "empty") {
    Value *V = lowerExpr(Obj);
    if (!V)
      return nullptr;
    at(MCE->getBeginLoc());
    Value *N = containerCount(V, C);
    Scalar S = N->Ty.scalarKind();
    return B.cmp(ir::CmpPred::EQ, N, makeConstant(S, 0, 0, "0"));
  }
  if (Name == "at" || Name == "front" || Name == "back") {
    std::optional<Target> T = lowerContainerEnd(MCE);
    return T ? readTarget(*T, MCE->getExprLoc()) : nullptr;
  }
  const Expr *Bare = Obj->IgnoreParenImpCasts();
  const auto *DRE = dyn_cast<DeclRefExpr>(Bare);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  bool Grows = VD && Growing.count(VD);
  if (C.IsVector &&
      (Name == "push_back" || Name == "emplace_back" || Name == "insert" ||
       Name == "pop_back" || Name == "clear" || Name == "erase" ||
       (Grows && (Name == "resize" || Name == "assign"))))
    return lowerGrowth(MCE);
  if (Name == "fill" || Name == "assign" || Name == "resize" ||
      Name == "reserve")
    return lowerContainerChange(MCE, C);
  if (Name == "swap" && MCE->getNumArgs() == 1) // `T.swap(Tn)`
    return lowerSwapWhole(Obj, MCE->getArg(0), MCE);
  return fail(
      MCE->getExprLoc(),
      "'" + Name + "' of " + (C.IsVector ? "std::vector" : "std::array") +
          " is not supported; gradc supports indexed, at, front, "
          "back, data, size, empty, swap, fill of a std::array, and push_back, "
          "emplace_back, insert at end(), pop_back, clear, resize "
          "and assign of a local std::vector",
      MCE->getSourceRange());
}

} // namespace gradc::frontend
