//===- LoweringStructValue.cpp - Structs copied, assigned and returned ----===//
//
// The IR has no aggregates (Records.h), so a struct value is always
// written somewhere: a copy (`Vec3 c = b;`, `c = b;`) is member-by-member
// loads and stores, and a function returning a struct writes it through
// a last, output parameter (ir::Function::ReturnsRecord) that a call is
// given: the variable being declared, or a local made for the value
// (`dot(add(a, b), c)`), which is then copied where it goes. The reverse
// mode then sees only members and calls with outputs, which it knows.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"
#include "OperatorNames.h"

#include "gradc/IR/Uses.h"

#include <cctype>
#include <utility>

namespace gradc::frontend {

using namespace clang;
using ir::MemberKind;
using ir::Scalar;
using ir::Value;

Value *fieldOf(ir::Builder &B, Value *Rec, ir::Type Ty, std::int64_t Offset,
               const std::string &Name) {
  Value *Index = nullptr;
  std::int64_t Stride = 0;
  if (Rec->Code == ir::OpCode::Field && Rec->Text.empty()) {
    Index = Rec->index();
    Stride = Rec->Stride;
    Offset += Rec->IVal; // of a base class
    Rec = Rec->Operands[0];
  }
  Value *F = B.field(Rec, Index, Ty, Offset, Name);
  F->Stride = Stride;
  return F;
}

Value *memberOf(ir::Builder &B, Value *Rec, const MemberShape &M) {
  Value *F = fieldOf(
      B, Rec, ir::Type::ptr(M.Rec ? M.Rec->S : M.S, Rec->Ty.isConstPointee()),
      M.Offset, M.name());
  F->Member = M.Kind;
  F->StdArray = M.StdArray;
  F->RowDims = M.RowDims;
  F->Private = M.Private;
  F->ComplexPart = M.Part != nullptr;
  return F;
}

/// Calls Each(To, From) on each scalar of struct Dest and of struct Src
/// (Src null: Each(To, nullptr)), with pointers and an index each.
static void eachScalar(ir::Builder &B, Value *Dest, Value *Src,
                       const RecordShape &Shape,
                       llvm::function_ref<void(Value *, Value *, Value *)> Each,
                       llvm::function_ref<Value *(std::int64_t)> Index) {
  for (const MemberShape &M : Shape.Members) {
    Value *To = memberOf(B, Dest, M);
    Value *From = Src ? memberOf(B, Src, M) : nullptr;
    switch (M.Kind) {
    case MemberKind::Scalar:
      Each(To, From, nullptr);
      break;
    case MemberKind::Array:
      for (std::int64_t K = 0; K < M.Count; ++K)
        Each(To, From, Index(K));
      break;
    case MemberKind::Record:
      eachScalar(B, To, From, *M.Rec, Each, Index);
      break;
    case MemberKind::RecordArray:
      for (std::int64_t K = 0; K < M.Count; ++K) {
        auto Elem = [&](Value *Arr) -> Value * {
          if (!Arr)
            return nullptr;
          Value *E = B.field(Arr, Index(K), Arr->Ty, 0, "");
          E->Member = MemberKind::Record;
          E->Stride = M.Rec->Size;
          return E;
        };
        eachScalar(B, Elem(To), Elem(From), *M.Rec, Each, Index);
      }
      break;
    }
  }
}

void BodyLowering::copyRecord(Value *Dest, Value *Src,
                              const RecordShape &Shape) {
  eachScalar(
      B, Dest, Src, Shape,
      [&](Value *To, Value *From, Value *I) {
        B.store(To, B.load(From, I), I);
      },
      [&](std::int64_t K) { return constIndex(K); });
}

/// The elements ILE gives an array, in order, through nested braces (a
/// std::array's around its C array's); null for one value-initialized.
static void flattenInits(const InitListExpr *ILE,
                         std::vector<const Expr *> &Out) {
  for (const Expr *E : ILE->inits()) {
    if (const auto *Inner = dyn_cast<InitListExpr>(E->IgnoreImplicit()))
      flattenInits(Inner, Out);
    else
      Out.push_back(isa<ImplicitValueInitExpr>(E) ? nullptr : E);
  }
}

void BodyLowering::lowerMemberDefaults(Value *Rec, const RecordShape &Shape,
                                       SourceLocation Loc) {
  // `struct D { double a = 1; };`: what `D d;` runs, also for a member
  // struct (`struct N { D in; };`), whose own constructor runs them.
  for (const MemberShape &M : Shape.Members) {
    // (A std::complex member zeroes itself; its parts have no Decl.)
    if (M.Rec && M.Rec->IsComplex) {
      zeroMember(Rec, M);
      continue;
    }
    const Expr *E = M.Decl ? M.Decl->getInClassInitializer() : nullptr;
    if (!E && M.Rec) {
      at(Loc);
      if (M.Kind == MemberKind::Record) {
        lowerMemberDefaults(memberOf(B, Rec, M), *M.Rec, Loc);
        continue;
      }
      for (std::int64_t K = 0; K < M.Count; ++K) {
        Value *Elem = B.field(memberOf(B, Rec, M), constIndex(K),
                              ir::Type::ptr(M.Rec->S), 0, "");
        Elem->Member = MemberKind::Record;
        Elem->Stride = M.Rec->Size;
        lowerMemberDefaults(Elem, *M.Rec, Loc);
      }
      continue;
    }
    if (!E)
      continue;
    // `std::array<double, 9> a{};`, `double s[3] = {0, 0, 0};`: zero,
    // then the elements given.
    if (const auto *ILE = dyn_cast<InitListExpr>(E->IgnoreImplicit());
        ILE && M.Kind == MemberKind::Array) {
      std::vector<const Expr *> Given;
      flattenInits(ILE, Given);
      for (std::int64_t K = 0; K < M.Count; ++K) {
        const Expr *G = K < std::int64_t(Given.size()) ? Given[K] : nullptr;
        Value *V =
            G ? expectScalar(lowerExpr(G), G) : makeConstant(M.S, 0, 0, "0");
        if (!V)
          continue;
        at(Loc);
        B.store(memberOf(B, Rec, M), convert(V, M.S, /*Implicit=*/true),
                constIndex(K));
      }
      continue;
    }
    if (M.Kind != MemberKind::Scalar) {
      fail(Loc, "the default initializer of member '" +
                    M.Decl->getNameAsString() +
                    "' is not supported yet; declare the struct with '{}'");
      continue;
    }
    Value *V = expectScalar(lowerExpr(E), E);
    if (!V)
      continue;
    at(Loc);
    B.store(memberOf(B, Rec, M), convert(V, M.S, /*Implicit=*/true));
  }
}

void BodyLowering::zeroRecord(Value *Dest, const RecordShape &Shape) {
  eachScalar(
      B, Dest, nullptr, Shape,
      [&](Value *To, Value *, Value *I) {
        Scalar S = To->Ty.scalarKind();
        B.store(To, makeConstant(S, 0, 0, ""), I);
      },
      [&](std::int64_t K) { return constIndex(K); });
}

void BodyLowering::zeroMember(Value *Rec, const MemberShape &M) {
  RecordShape One;
  One.Members.push_back(M);
  zeroRecord(Rec, One);
}

Value *BodyLowering::constIndex(std::int64_t K) {
  return makeConstant(Scalar::Int32, 0, K, std::to_string(K));
}

/// E without what only says how C++ holds a struct value.
static const Expr *valueOf(const Expr *E) {
  while (true) {
    E = E->IgnoreParens();
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
      E = EWC->getSubExpr();
    else if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
      E = MTE->getSubExpr();
    else if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(E))
      E = BTE->getSubExpr();
    else if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E);
             ICE && (ICE->getCastKind() == CK_NoOp ||
                     ICE->getCastKind() == CK_LValueToRValue))
      E = ICE->getSubExpr();
    else if (const auto *FCE = dyn_cast<CXXFunctionalCastExpr>(E);
             FCE && FCE->getCastKind() == CK_NoOp)
      E = FCE->getSubExpr(); // `Vec3{x, y, z}`
    else if (const auto *CCE = dyn_cast<CXXConstructExpr>(E);
             CCE && CCE->getNumArgs() == 1 && CCE->getConstructor() &&
             CCE->getConstructor()->isCopyOrMoveConstructor() &&
             CCE->getConstructor()->isTrivial())
      E = CCE->getArg(0);
    else
      return E;
  }
}

bool BodyLowering::lowerRecordInto(const Expr *E, Value *Dest,
                                   const RecordShape &Shape) {
  if (Shape.IsComplex)
    return lowerComplexInto(E, Dest, Shape);
  E = valueOf(E);
  at(E->getBeginLoc());
  if (const auto *CO = dyn_cast<ConditionalOperator>(E)) // `c ? a : b`
    return lowerRecordChoiceInto(CO, Dest, Shape);
  if (const auto *ILE = dyn_cast<InitListExpr>(E)) {
    lowerRecordInit(ILE, Dest, Shape, /*Fresh=*/false);
    return !Failed;
  }
  // (`std::pair<double, double> g = f;` of a pair of floats converts it.)
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E);
      ICE && ICE->getCastKind() == CK_ConstructorConversion &&
      isTupleMaking(valueOf(ICE->getSubExpr())))
    E = valueOf(ICE->getSubExpr());
  if (isTupleMaking(E))
    return lowerTupleInto(E, Dest, Shape);
  if (const auto *CCE = dyn_cast<CXXConstructExpr>(E);
      CCE && CCE->getNumArgs() == 0 &&
      !CCE->getConstructor()->isUserProvided()) {
    // `Vec3()`: zero, then the default member initializers.
    zeroRecord(Dest, Shape);
    lowerMemberDefaults(Dest, Shape, E->getBeginLoc());
    return !Failed;
  }
  if (const auto *CCE = dyn_cast<CXXConstructExpr>(E);
      CCE && CCE->getConstructor()->isUserProvided())
    return lowerConstruct(CCE, Dest, Shape);
  // (`Body c = bs[i];` of a std::vector of structs is copied below.)
  if (isa<CallExpr>(E) && !isElementAccess(E) && !isStructElement(E)) {
    // The call takes Dest when its arguments and object are lowered, and
    // a call among them that returns a struct sets its own and puts this
    // one back.
    Value *Saved = PendingResult;
    PendingResult = Dest;
    Value *V = lowerExpr(E);
    PendingResult = Saved;
    return V != nullptr;
  }
  if (E->isPRValue() && !isa<CallExpr>(E)) {
    fail(E->getBeginLoc(),
         "this struct value is not supported yet; declare a variable and "
         "assign its members",
         E->getSourceRange());
    return false;
  }
  Value *Src = lowerRecord(E);
  if (!Src)
    return false;
  at(E->getBeginLoc());
  copyRecord(Dest, Src, Shape);
  return true;
}

/// A const data member of RD, of its bases or of a struct it holds, or
/// null.
static const FieldDecl *constMember(const CXXRecordDecl *RD) {
  if (!RD || !RD->hasDefinition())
    return nullptr;
  for (const CXXBaseSpecifier &B : RD->bases())
    if (const FieldDecl *F = constMember(B.getType()->getAsCXXRecordDecl()))
      return F;
  for (const FieldDecl *F : RD->fields()) {
    QualType FT = F->getType();
    while (const ArrayType *A = FT->getAsArrayTypeUnsafe())
      FT = A->getElementType();
    if (FT.isConstQualified())
      return F;
    if (const FieldDecl *Inner = constMember(FT->getAsCXXRecordDecl()))
      return Inner;
  }
  return nullptr;
}

bool BodyLowering::declarable(QualType T, SourceLocation Loc,
                              const std::string &Name, bool InArray) {
  const auto *RD = T->getAsCXXRecordDecl();
  // A local is declared, then given its members one by one.
  if (const FieldDecl *F = constMember(RD)) {
    fail(Loc, "'" + Name + "' would be a local '" +
                  typeName(T.getUnqualifiedType()) + "', whose member '" +
                  F->getNameAsString() +
                  "' is const; gradc declares a local struct and then "
                  "assigns its members: drop the 'const' of the member, or "
                  "take the struct by const reference ('const " +
                  typeName(T.getUnqualifiedType()) + " &') and read it");
    return false;
  }
  // Declared `Camera c;` and its adjoint `Camera dc{};`: zeroed, which a
  // default constructor of the user's own might not do (a pair's and
  // std::complex's do). Without one, by gradc::zero, which copies zero
  // bytes into it.
  if (!RD || tupleKind(T) != TupleKind::None || isComplexType(T))
    return true;
  std::string Why;
  const RecordShape *Shape = Shapes.shape(T, Why);
  if (!Shape || !Shape->NoDefault || (!InArray && RD->isTriviallyCopyable()))
    return true;
  std::string Class = RD->getNameAsString();
  fail(Loc, "'" + typeName(T.getUnqualifiedType()) + "' has " +
                (InArray ? "no default constructor that leaves it zeroed; "
                           "gradc declares the elements of '" +
                               Name + "' and of its adjoint with it"
                         : "no default constructor that leaves it zeroed, "
                           "and copies of it run code of yours; gradc "
                           "declares '" +
                               Name + "' and its adjoint zeroed") +
                ": add '" + Class + "() = default;'");
  return false;
}

/// `Vec3(x, y, z)`, `Vec3 v{x, y, z}`: a constructor of the user's own.
static const CXXConstructExpr *userConstruct(const Expr *E) {
  const auto *CCE = dyn_cast<CXXConstructExpr>(E);
  return CCE && CCE->getConstructor()->isUserProvided() ? CCE : nullptr;
}

/// Whether S is a statement a constructor's body may hold here: no
/// control flow, so that it runs once, in order, where it is called.
static bool isStraight(const Stmt *S) {
  if (const auto *CS = dyn_cast<CompoundStmt>(S))
    return llvm::all_of(CS->body(), isStraight);
  return isa<Expr, DeclStmt, NullStmt>(S);
}

bool BodyLowering::lowerConstruct(const CXXConstructExpr *CCE, Value *Dest,
                                  const RecordShape &Shape) {
  return lowerConstructor(CCE->getConstructor(),
                          {CCE->getArgs(), CCE->getNumArgs()},
                          CCE->getBeginLoc(), Dest, Shape);
}

bool BodyLowering::lowerConstructor(const CXXConstructorDecl *Ctor,
                                    ArrayRef<const Expr *> Args,
                                    SourceLocation Loc, Value *Dest,
                                    const RecordShape &Shape) {
  std::string Class = Ctor->getParent()->getNameAsString();
  auto Refuse = [&](SourceLocation At, const std::string &Msg) {
    fail(At, Msg);
    return false;
  };
  const FunctionDecl *Def = nullptr;
  if (!Ctor->hasBody(Def) || !isa<CXXConstructorDecl>(Def))
    return Refuse(Loc, "gradc cannot see the body of this constructor of '" +
                           Class + "'; define it in your own code");
  const auto *CD = cast<CXXConstructorDecl>(Def);
  if (!isStraight(CD->getBody()))
    return Refuse(CD->getLocation(),
                  "constructors with loops, branches or returns are not "
                  "supported yet; assign the members after the declaration, "
                  "or write a helper function that returns a '" +
                      Class + "'");
  // The parameters are the arguments' values (a struct: its pointer).
  for (unsigned I = 0; I < Args.size() && I < CD->getNumParams(); ++I) {
    const Expr *Arg = Args[I];
    if (const auto *DA = dyn_cast<CXXDefaultArgExpr>(Arg))
      Arg = DA->getExpr();
    const ParmVarDecl *PVD = CD->getParamDecl(I);
    QualType T = PVD->getType();
    bool ConstRef = T->isLValueReferenceType() &&
                    T.getNonReferenceType().isConstQualified();
    QualType Obj = T.getNonReferenceType();
    if (Obj->isRecordType() && !containerShape(Obj, Ctx) &&
        (ConstRef || !T->isReferenceType())) {
      Value *R = lowerRecord(Arg);
      if (!R)
        return false;
      Pointers[PVD] = R;
      continue;
    }
    std::optional<Scalar> S = scalarTypeOf(Obj, Ctx);
    if (!S || (T->isReferenceType() && !ConstRef))
      return Refuse(PVD->getLocation(),
                    "constructor parameters of type '" + typeName(T) +
                        "' are not supported yet; gradc supports numbers "
                        "and structs passed by value or const reference");
    Value *V = expectScalar(lowerExpr(Arg), Arg);
    if (!V)
      return false;
    at(Arg->getBeginLoc());
    Vars[PVD] = convert(V, *S, /*Implicit=*/true);
  }
  Value *SavedThis = std::exchange(This, Dest);
  bool Ok = true;
  for (const CXXCtorInitializer *Init : CD->inits()) {
    if (Init->isBaseInitializer() && !Init->isBaseVirtual()) {
      // `: Base{x, 0}`, `: Base(x, 0)`, or Base's default constructor.
      at(Init->getInit()->getBeginLoc());
      Ok &= lowerBaseInit(Init->getBaseClass()->getAsCXXRecordDecl(),
                          Init->getInit(), Dest, Shape, /*Fresh=*/false);
      continue;
    }
    if (Init->isDelegatingInitializer()) {
      // `Gaussian(double mu) : Gaussian(mu, 1.0) {}`: the other one first,
      // then this one's body.
      at(Init->getInit()->getBeginLoc());
      Ok &= lowerRecordInto(Init->getInit(), Dest, Shape);
      continue;
    }
    if (!Init->isMemberInitializer()) {
      Ok =
          Refuse(Init->getSourceLocation().isValid() ? Init->getSourceLocation()
                                                     : CD->getLocation(),
                 "this constructor initializer is not supported yet; "
                 "initialize the members of '" +
                     Class + "' itself");
      break;
    }
    const MemberShape *M = Shape.member(Init->getMember());
    const Expr *E = Init->getInit();
    if (const auto *DI = dyn_cast<CXXDefaultInitExpr>(E))
      E = DI->getExpr();
    if (!M || isa<ImplicitValueInitExpr>(E)) {
      if (M)
        zeroMember(Dest, *M);
      continue;
    }
    at(E->getBeginLoc());
    if (M->Kind == MemberKind::Record) {
      Ok &= lowerRecordInto(E, memberOf(B, Dest, *M), *M->Rec);
    } else if (const auto *ILE = dyn_cast<InitListExpr>(E->IgnoreImplicit());
               ILE && M->Kind == MemberKind::Array) {
      zeroMember(Dest, *M);
      storeElements(ILE, memberOf(B, Dest, *M), M->S);
    } else if (M->Kind == MemberKind::Scalar) {
      Value *V = expectScalar(lowerExpr(E), E);
      if (!(Ok &= V != nullptr))
        continue;
      at(E->getBeginLoc());
      B.store(memberOf(B, Dest, *M), convert(V, M->S, /*Implicit=*/true));
    } else {
      Ok = Refuse(E->getBeginLoc(),
                  "this initializer of member '" + M->Decl->getNameAsString() +
                      "' is not supported yet; assign it in the body");
    }
  }
  if (Ok)
    lowerList({cast<CompoundStmt>(CD->getBody())->body_begin(),
               cast<CompoundStmt>(CD->getBody())->body_end()});
  This = SavedThis;
  return Ok && !Failed;
}

/// A local for the temporary struct of type T (`Vec3{x, y, z}` as an
/// operand): named after its class, or null after an error.
Value *BodyLowering::recordLocal(QualType T, const Expr *E,
                                 const RecordShape *&Shape) {
  Shape = shapeOf(T, E->getExprLoc(), E->getSourceRange());
  if (!Shape)
    return nullptr;
  std::string Name = T->getAsCXXRecordDecl()->getNameAsString();
  Name[0] = static_cast<char>(std::tolower(Name[0]));
  if (!declarable(T, E->getBeginLoc(), Name))
    return nullptr;
  at(E->getBeginLoc());
  Value *Tmp = B.local(Shape->S, Shape->Size, Name);
  Tmp->Text = typeName(T.getUnqualifiedType());
  Tmp->Member = MemberKind::Record;
  markDefaults(*Tmp, *Shape);
  return Tmp;
}

Value *BodyLowering::lowerRecordTemporary(const Expr *E) {
  if (isComplexType(E->getType()))
    if (Value *Tmp = complexTemporary(E); Tmp || Failed)
      return Tmp;
  if (const auto *ILE = dyn_cast<InitListExpr>(valueOf(E))) {
    // `a + Vec3{x, 0, 0}`.
    const RecordShape *Shape = nullptr;
    Value *Tmp = recordLocal(ILE->getType(), ILE, Shape);
    if (!Tmp)
      return nullptr;
    lowerRecordInit(ILE, Tmp, *Shape, /*Fresh=*/false);
    return Failed ? nullptr : Tmp;
  }
  if (isTupleMaking(valueOf(E))) {
    // `f(std::make_pair(x, y))`: a local named after the class, `pair`.
    const RecordShape *Shape = nullptr;
    Value *Tmp = recordLocal(valueOf(E)->getType(), valueOf(E), Shape);
    return Tmp && lowerTupleInto(valueOf(E), Tmp, *Shape) ? Tmp : nullptr;
  }
  if (const CXXConstructExpr *CCE = userConstruct(valueOf(E))) {
    // `dot(Vec3(x, 0, 0), a)`: a local named after the class.
    const RecordShape *Shape = nullptr;
    Value *Tmp = recordLocal(CCE->getType(), CCE, Shape);
    return Tmp && lowerConstruct(CCE, Tmp, *Shape) ? Tmp : nullptr;
  }
  // The call makes a local for it (resultOf), after its arguments.
  Value *Saved = std::exchange(PendingResult, nullptr);
  Value *V = lowerExpr(valueOf(E));
  PendingResult = Saved;
  return V;
}

Value *BodyLowering::lowerRecordAssign(const CXXOperatorCallExpr *OCE) {
  const Expr *LHS = OCE->getArg(0);
  // `bodies = step(bodies, dt);`: refused where the call is, as in a
  // declaration (lowerContainer says why).
  if (structContainer(LHS->getType()) &&
      isa<CallExpr>(containerOperand(OCE->getArg(1))) &&
      !isStructElement(containerOperand(OCE->getArg(1))))
    return lowerContainer(OCE->getArg(1));
  const RecordShape *Shape =
      shapeOf(LHS->getType(), LHS->getExprLoc(), LHS->getSourceRange());
  Value *Dest = Shape ? lowerRecord(LHS) : nullptr;
  if (!Dest)
    return nullptr;
  Target T;
  T.Ptr = Dest;
  if (!refuseByValueWrite(T, LHS))
    return nullptr;
  if (Shape->IsComplex) // its value first: `z = z * z`
    return lowerComplexInto(OCE->getArg(1), Dest, *Shape) ? Dest : nullptr;
  // A call writes the value where the copy then reads it: the struct
  // assigned may be one of its arguments (`v = add(v, a)`).
  const Expr *RHS = OCE->getArg(1);
  // (`f[i] = pts[i];` of containers of structs is a copy.)
  if ((isa<CallExpr>(valueOf(RHS)) && !isStructElement(valueOf(RHS))) ||
      userConstruct(valueOf(RHS)) || isTupleMaking(valueOf(RHS))) {
    Value *Tmp = lowerRecordTemporary(RHS);
    if (!Tmp)
      return nullptr;
    at(OCE->getOperatorLoc());
    copyRecord(Dest, Tmp, *Shape);
    return Dest;
  }
  return lowerRecordInto(RHS, Dest, *Shape) ? Dest : nullptr;
}

Value *BodyLowering::resultOf(const CallExpr *CE, const FunctionDecl &Callee) {
  QualType T = Callee.getReturnType();
  const RecordShape *Shape = shapeOf(T, CE->getExprLoc(), CE->getSourceRange());
  // Named after the function (never its own name, which the variable
  // would hide).
  std::string Name = resultName(Callee);
  if (!Shape || !declarable(T, CE->getBeginLoc(), Name))
    return nullptr;
  at(CE->getBeginLoc());
  Value *Tmp = B.local(Shape->S, Shape->Size, Name);
  // The type as the callee wrote it (`V2` in namespace geo), in full
  // where the caller is elsewhere.
  if (!Callee.getDeclContext()->getRedeclContext()->Equals(
          FD.getDeclContext()->getRedeclContext()))
    T = T.getCanonicalType();
  Tmp->Text = typeName(T.getUnqualifiedType());
  Tmp->Member = MemberKind::Record;
  markDefaults(*Tmp, *Shape);
  return Tmp;
}

} // namespace gradc::frontend
