//===- LoweringMemory.cpp - Pointers, arrays and variables in memory ------===//
//
// What lives in memory: pointer and array parameters, non-const reference
// parameters, local arrays, and the scalar locals that a loop or branch
// nested deeper than their declaration assigns (SSA values cannot flow out
// of a region). Reads are Load, writes Store; `w[i] op= e` loads and stores
// through the same index value, which the reverse mode relies on. Pointer
// variables are SSA values (Offset ops), unless they move
// (LoweringPointer.cpp); a reference variable names a place (a Target).
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

namespace gradc::frontend {

using namespace clang;
using ir::Scalar;
using ir::Value;

namespace {

/// Finds the variables assigned in a loop or branch nested deeper than
/// their declaration. Regions are numbered; a variable's home is the region
/// of its declaration (parameters: region 0, the body).
class AssignmentScan {
public:
  AssignmentScan(llvm::DenseSet<const VarDecl *> &Deeper,
                 llvm::DenseSet<const VarDecl *> &Reassigned,
                 PointerSources *Sources = nullptr,
                 llvm::DenseSet<const BindingDecl *> *Bindings = nullptr)
      : Deeper(Deeper), Reassigned(Reassigned), Sources(Sources),
        Bindings(Bindings) {}

  void walk(const Stmt *S, unsigned Region) {
    if (!S)
      return;
    // A variable a lambda changes through a capture by reference lives in
    // memory: the lambda's function gets a reference to it.
    if (const auto *LE = dyn_cast<LambdaExpr>(S)) {
      for (const LambdaCapture &Cap : LE->captures())
        if (Cap.capturesVariable() && Cap.getCaptureKind() == LCK_ByRef)
          if (const auto *VD = dyn_cast<VarDecl>(Cap.getCapturedVar());
              VD && lambdaWrites(LE, VD))
            Deeper.insert(VD);
      return;
    }
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D)) {
          Home[VD] = Region;
          // A variable a reference names (`double &r = t;`) is read and
          // written through it: it lives in memory.
          if (VD->getType()->isReferenceType() && VD->getInit() &&
              !bindsTemporary(VD->getInit()))
            assigned(ignoreParenNoopCasts(VD->getInit()), ~0u);
          walk(VD->getInit(), Region);
        }
      return;
    }
    if (const auto *IS = dyn_cast<IfStmt>(S)) {
      walk(IS->getInit(), Region);
      walk(IS->getConditionVariableDeclStmt(), Region);
      walk(IS->getCond(), Region);
      walk(IS->getThen(), fresh());
      walk(IS->getElse(), fresh());
      return;
    }
    if (const auto *FS = dyn_cast<ForStmt>(S)) {
      // The counter is declared in the init and assigned in the step: the
      // step, condition and body are one region deeper than the init.
      unsigned Outer = fresh(), Inner = fresh();
      walk(FS->getInit(), Outer);
      walk(FS->getCond(), Inner);
      walk(FS->getInc(), Inner);
      walk(FS->getBody(), Inner);
      return;
    }
    if (isa<WhileStmt, DoStmt>(S)) {
      unsigned Inner = fresh();
      for (const Stmt *Child : S->children())
        walk(Child, Inner);
      return;
    }
    // What runs only when C++ runs it is lowered into a branch.
    if (const auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->isLogicalOp()) {
      walk(BO->getLHS(), Region);
      walk(BO->getRHS(), fresh());
      return;
    }
    if (const auto *CO = dyn_cast<ConditionalOperator>(S)) {
      walk(CO->getCond(), Region);
      walk(CO->getTrueExpr(), fresh());
      walk(CO->getFalseExpr(), fresh());
      return;
    }
    // A switch's cases become branches; a range-based for's variable is
    // the body's.
    if (const auto *SS = dyn_cast<SwitchStmt>(S)) {
      walk(SS->getInit(), Region);
      walk(SS->getConditionVariableDeclStmt(), Region);
      walk(SS->getCond(), Region);
      walk(SS->getBody(), fresh());
      return;
    }
    if (const auto *FRS = dyn_cast<CXXForRangeStmt>(S)) {
      walk(FRS->getInit(), Region);
      walk(FRS->getRangeInit(), Region);
      unsigned Inner = fresh();
      walk(FRS->getLoopVarStmt(), Inner);
      walk(FRS->getBody(), Inner);
      return;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(S);
        BO && BO->isAssignmentOp()) {
      assigned(BO->getLHS(), Region);
      if (const auto *DRE = dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParens());
          DRE && Sources && BO->getOpcode() == BO_Assign &&
          DRE->getType()->isPointerType())
        if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
          (*Sources)[VD].push_back(BO->getRHS());
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(S);
        UO && UO->isIncrementDecrementOp())
      assigned(UO->getSubExpr(), Region);
    // `++it`, `it += k`, `it = b` of an iterator.
    if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(S);
        OCE && OCE->getNumArgs() > 0 && isIterator(OCE->getArg(0)->getType()) &&
        (OCE->getOperator() == OO_PlusPlus ||
         OCE->getOperator() == OO_MinusMinus ||
         OCE->getOperator() == OO_PlusEqual ||
         OCE->getOperator() == OO_MinusEqual || OCE->getOperator() == OO_Equal))
      assigned(OCE->getArg(0), Region);
    // A scalar whose address is taken (`&w_err`) lives in memory.
    if (const auto *UO = dyn_cast<UnaryOperator>(S);
        UO && UO->getOpcode() == UO_AddrOf)
      assigned(UO->getSubExpr(), ~0u);
    // `std::advance(p, k)` moves p as `p += k` does.
    if (const auto *CE = dyn_cast<CallExpr>(S);
        CE && CE->getNumArgs() == 2 && CE->getDirectCallee() &&
        CE->getDirectCallee()->isInStdNamespace() &&
        CE->getDirectCallee()->getIdentifier() &&
        CE->getDirectCallee()->getName() == "advance")
      assigned(CE->getArg(0), Region);
    // A variable a callee may write through a reference lives in memory.
    if (const auto *CE = dyn_cast<CallExpr>(S); CE && !makesTuple(CE))
      if (const FunctionDecl *Callee = CE->getDirectCallee())
        for (unsigned I = 0; I < CE->getNumArgs() && I < Callee->getNumParams();
             ++I) {
          QualType PT = Callee->getParamDecl(I)->getType();
          if (PT->isLValueReferenceType() &&
              !PT->getPointeeType().isConstQualified())
            assigned(CE->getArg(I), ~0u);
        }
    for (const Stmt *Child : S->children())
      walk(Child, Region);
  }

private:
  unsigned fresh() { return ++LastRegion; }

  void assigned(const Expr *LHS, unsigned Region) {
    // `(c ? a : b) = v` assigns a and b in branches of their own.
    if (const auto *CO = dyn_cast<ConditionalOperator>(LHS->IgnoreParens())) {
      assigned(CO->getTrueExpr(), Region == ~0u ? Region : fresh());
      assigned(CO->getFalseExpr(), Region == ~0u ? Region : fresh());
      return;
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(LHS->IgnoreParens());
    if (const auto *BD = DRE ? dyn_cast<BindingDecl>(DRE->getDecl()) : nullptr;
        BD && Bindings)
      Bindings->insert(BD);
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!VD)
      return;
    if ((VD->getType()->isPointerType() || isIterator(VD->getType())) &&
        Region != ~0u)
      Reassigned.insert(VD);
    auto It = Home.find(VD);
    unsigned HomeRegion = It == Home.end() ? 0 : It->second;
    if (HomeRegion != Region)
      Deeper.insert(VD);
  }

  llvm::DenseSet<const VarDecl *> &Deeper;
  llvm::DenseSet<const VarDecl *> &Reassigned;
  PointerSources *Sources;
  llvm::DenseSet<const BindingDecl *> *Bindings;
  llvm::DenseMap<const VarDecl *, unsigned> Home;
  unsigned LastRegion = 0;
};

} // namespace

const Expr *ignoreParenNoopCasts(const Expr *E) {
  while (true) {
    E = E->IgnoreParens();
    if (const auto *FE = dyn_cast<FullExpr>(E))
      E = FE->getSubExpr();
    else if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E);
             ICE && ICE->getCastKind() == CK_NoOp)
      E = ICE->getSubExpr();
    else
      return E;
  }
}

bool bindsTemporary(const Expr *Init) {
  Init = ignoreParenNoopCasts(Init);
  return !Init->isGLValue() || isa<MaterializeTemporaryExpr>(Init);
}

bool lambdaWrites(const LambdaExpr *LE, const VarDecl *VD) {
  // A captured variable's home is outside the body: any write is deeper.
  llvm::DenseSet<const VarDecl *> Written, Reassigned;
  AssignmentScan(Written, Reassigned).walk(LE->getBody(), 1);
  return Written.count(VD);
}

void BodyLowering::findMemoryVariables(const Stmt *Body) {
  AssignmentScan(AssignedDeeper, Reassigned, &PointerAssigned, &WrittenBindings)
      .walk(Body, 0);
  // A pointer traded only by std::swap keeps its array: the arrays trade.
  findTradingPointers(Body, Ctx, Trading);
  for (const auto &Entry : Trading.Arrays) {
    Reassigned.erase(Entry.first);
    AssignedDeeper.erase(Entry.first);
  }
}

void BodyLowering::lowerCellDecl(const VarDecl *VD) {
  at(VD->getLocation());
  ir::Type Ty = scalarIRType(VD->getType(), Ctx);
  Value *Cell = B.local(Ty, 0, VD->getNameAsString());
  Cells[VD] = Cell;
  Poisoned.erase(VD);
  const Expr *Init = VD->getInit();
  if (!Init)
    return;
  Value *V = expectScalar(lowerExpr(Init), Init);
  if (!V)
    return;
  at(Init->getBeginLoc());
  B.store(Cell, convert(V, Ty, /*Implicit=*/true));
}

void BodyLowering::lowerArrayDecl(const VarDecl *VD) {
  std::string Name = VD->getNameAsString();
  const ArrayType *AT = Ctx.getAsArrayType(VD->getType());
  auto Refuse = [&](const std::string &Msg) {
    poison(VD);
    fail(VD->getLocation(), Msg, VD->getSourceRange());
  };
  // `double a[3][4]` is 12 numbers in a row (LoweringMultiDim.cpp).
  std::optional<std::pair<std::int64_t, QualType>> Shape =
      flatArrayShape(VD->getType(), Ctx);
  if (!Shape)
    return Refuse("arrays without a constant size are not supported; give '" +
                  Name + "' a size known at compile time");
  // `Vec3 p[4];`: an array of structs.
  if (Shape->second->isRecordType() && !containerShape(Shape->second, Ctx)) {
    const auto *CAT = Ctx.getAsConstantArrayType(VD->getType());
    if (CAT && CAT->getElementType()->isRecordType())
      return lowerStructArrayDecl(
          VD, {CAT->getElementType(), Shape->first, /*IsVector=*/false},
          /*CArray=*/true);
    return Refuse("arrays of arrays of structs are not supported; declare '" +
                  Name + "' as one array of structs and index it as '" + Name +
                  "[i * n + j]'");
  }
  std::optional<Scalar> S = scalarTypeOf(Shape->second, Ctx);
  if (isUnnameableEnum(Shape->second))
    return Refuse(enumProblem(Shape->second));
  if (!S)
    return Refuse("arrays of '" + typeName(AT->getElementType()) +
                  "' are not supported");
  at(VD->getLocation());
  // `geo::Kind k[3]` is declared so, as are its elements' copies.
  Value *Array = B.local(scalarIRType(Shape->second, Ctx), Shape->first, Name);
  if (std::optional<RowShape> Rows = rowShape(AT->getElementType(), Ctx))
    Array->RowDims = Rows->Dims;
  Pointers[VD] = Array;
  Poisoned.erase(VD);
  lowerArrayInit(VD, Array, *S);
  // Traded, it is swapped whole (TradingPointers.cpp): the elements C++
  // never gives a value are zero, not read uninitialized by the swap.
  if (llvm::any_of(Trading.Arrays, [&](const auto &Entry) {
        return pointeeVariable(Entry.second) == VD;
      }))
    Array->ZeroInit = true;
}

void BodyLowering::lowerArrayInit(const VarDecl *VD, Value *Array, Scalar S) {
  const Expr *Init = VD->getInit();
  if (!Init)
    return;
  const auto *ILE = dyn_cast<InitListExpr>(Init->IgnoreImplicit());
  if (!ILE) {
    fail(Init->getBeginLoc(), "this array initializer is not supported",
         Init->getSourceRange());
    return;
  }
  // `= {}`, `= {0}`: zeroed; other elements are stored one by one.
  Array->ZeroInit = true;
  storeElements(ILE, Array, S);
}

void BodyLowering::storeElements(const InitListExpr *ILE, Value *Array,
                                 Scalar S, std::int64_t First) {
  // The rows of an array of arrays, each at its first element.
  std::int64_t Stride = listStride(ILE, Ctx);
  for (unsigned I = 0, N = ILE->getNumInits(); I < N; ++I) {
    const Expr *E = ILE->getInit(I);
    if (isa<ImplicitValueInitExpr>(E))
      continue;
    if (const auto *Sub = dyn_cast<InitListExpr>(E);
        Sub && Sub->getType()->isArrayType()) {
      storeElements(Sub, Array, S, First + I * Stride);
      continue;
    }
    Value *V = expectScalar(lowerExpr(E), E);
    if (!V)
      continue;
    at(E->getBeginLoc());
    V = convert(V, S, /*Implicit=*/true);
    if (V->isConstValue(0))
      continue;
    std::int64_t At = First + I;
    Value *Index = makeConstant(Scalar::Int32, 0, At, std::to_string(At));
    B.store(Array, V, Index);
  }
}

void BodyLowering::lowerPointerDecl(const VarDecl *VD) {
  std::string Name = VD->getNameAsString();
  QualType Pointee = VD->getType()->getPointeeType();
  auto Refuse = [&](const std::string &Msg) {
    poison(VD);
    fail(VD->getLocation(), Msg, VD->getSourceRange());
  };
  std::string Why;
  bool Record = Pointee->isRecordType() && !containerShape(Pointee, Ctx) &&
                Shapes.shape(Pointee, Why);
  if (viewShapeOf(Pointee))
    return Refuse("a pointer to a view struct is not supported; name the "
                  "view itself, or a reference to it ('const " +
                  typeName(Pointee.getUnqualifiedType()) + " &r = v;')");
  if (!Record && (!scalarTypeOf(Pointee, Ctx) || isUnnameableEnum(Pointee)))
    return Refuse("pointer variables of type '" + typeName(VD->getType()) +
                  "' are not supported");
  const Expr *Init = VD->getInit();
  // `const double *p;` assigned later, or `p = c ? a : b`: it moves.
  if (!Init && !Reassigned.count(VD))
    return Refuse("pointer variable '" + Name +
                  "' must be initialized where it is declared");
  if (!Init || isa<ConditionalOperator>(Init->IgnoreParenImpCasts())) {
    if (!startMoving(VD, nullptr) || (Init && !choosePointer(VD, Init, Init)))
      poison(VD);
    return;
  }
  unsigned Mark = F.numValues();
  Value *P = lowerPointer(Init);
  if (!P)
    return poison(VD);
  // A pointer computed here is named after the variable; `p = w` aliases.
  if (Reassigned.count(VD)) {
    if (!startMoving(VD, P))
      poison(VD);
    return;
  }
  if (P->Code == ir::OpCode::Offset && P->Name.empty() && P->Id >= Mark)
    P->Name = Name;
  Pointers[VD] = P;
  Poisoned.erase(VD);
}

void BodyLowering::lowerReferenceDecl(const VarDecl *VD) {
  std::string Name = VD->getNameAsString();
  QualType T = VD->getType().getNonReferenceType();
  const Expr *Init = ignoreParenNoopCasts(VD->getInit());
  auto Refuse = [&](const std::string &Msg) {
    poison(VD);
    fail(VD->getLocation(), Msg, VD->getSourceRange());
  };
  if (!checkOrder(Init))
    return poison(VD);
  // `double (&row)[3] = a;`: another name for the array.
  if (T->isArrayType() &&
      !Ctx.getAsArrayType(T)->getElementType()->isArrayType()) {
    Value *P = lowerPointer(Init);
    if (!P)
      return poison(VD);
    Pointers[VD] = P;
    Poisoned.erase(VD);
    return;
  }
  if (T->isPointerType())
    return Refuse("references to pointers are not supported; copy the "
                  "pointer instead ('const double *" +
                  Name + " = ...;')");
  std::optional<Scalar> S = scalarTypeOf(T, Ctx);
  if (!S || T->isEnumeralType() || T.isVolatileQualified())
    return Refuse("reference variables of type '" + typeName(VD->getType()) +
                  "' are not supported");
  std::optional<Target> Place;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Init)) {
    const auto *Other = dyn_cast<VarDecl>(DRE->getDecl());
    if (Other && Poisoned.count(Other))
      return poison(VD);
    if (auto It = Other ? ElementRefs.find(Other) : ElementRefs.end();
        It != ElementRefs.end()) {
      Place = It->second;
    } else if (auto It = Other ? Cells.find(Other) : Cells.end();
               It != Cells.end()) {
      Place = Target();
      Place->Ptr = It->second;
      Place->S = It->second->Ty.scalarKind();
    } else {
      return Refuse("a reference can name a local variable, a parameter, an "
                    "element ('a[i]'), a member ('s.m') or '*p'; '" +
                    DRE->getDecl()->getNameAsString() +
                    "' is none of these: copy its value into a variable");
    }
  } else if (isElementAccess(Init)) {
    Place = lowerElement(Init);
  } else if (refHelper(Init)) { // `double &m = biggest(a, n);`
    Place = lowerRefCallPlace(Init);
  } else if (isa<ArraySubscriptExpr, MemberExpr>(Init) ||
             (isa<UnaryOperator>(Init) &&
              cast<UnaryOperator>(Init)->getOpcode() == UO_Deref)) {
    Place = lowerPlace(Init);
  } else if (const auto *CO = dyn_cast<ConditionalOperator>(Init);
             CO && CO->isGLValue()) {
    // (A value instead would change the meaning: writes through it reach
    // neither place.)
    return Refuse("a reference bound to one of two places chosen by a "
                  "condition is not supported; keep the condition ('bool "
                  "first = " +
                  sourceText(CO->getCond()->getSourceRange()) +
                  ";') and write each use of '" + Name +
                  "' in an if and an else, one for each place");
  } else {
    return Refuse("a reference can name a variable, an element ('a[i]'), a "
                  "member ('s.m') or '*p'; declare '" +
                  Name + "' as a variable holding the value instead");
  }
  if (!Place)
    return poison(VD);
  if (Place->S != *S)
    return Refuse("reference '" + Name +
                  "' names a value of another type; "
                  "declare it as a variable holding the value instead");
  ElementRefs[VD] = *Place;
  Poisoned.erase(VD);
}

Value *BodyLowering::lowerPointer(const Expr *E) {
  Value *P = lowerExpr(E);
  if (P && !P->Ty.isMemory())
    return fail(E->getExprLoc(), "expected a pointer", E->getSourceRange());
  return P;
}

std::optional<BodyLowering::Target> BodyLowering::lowerPlace(const Expr *E) {
  E = E->IgnoreParens();
  Target T;
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E);
      ASE && isMultiDimAccess(ASE)) {
    std::optional<Target> MT = lowerMultiDim(ASE);
    if (MT && !scalarTypeOf(ASE->getType(), Ctx)) {
      fail(ASE->getExprLoc(),
           "a row of an array of arrays is not a number; index it again",
           ASE->getSourceRange());
      return std::nullopt;
    }
    return MT;
  }
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
    T.Ptr = lowerPointer(ASE->getBase());
    Value *Off = T.Ptr ? takeOffset(T.Ptr) : nullptr;
    T.Index = expectScalar(lowerExpr(ASE->getIdx()), ASE->getIdx());
    // `p[i]` of a moving pointer: base[p_off + i].
    if (Off && T.Index && T.Index->Ty.isInteger()) {
      at(ASE->getBeginLoc());
      Off = convert(Off, T.Index->Ty.scalarKind(), true);
      T.Index = T.Index->isConstValue(0) ? Off : B.add(Off, T.Index);
    }
    if (!T.Ptr || !T.Index)
      return std::nullopt;
    if (!scalarTypeOf(ASE->getType(), Ctx)) {
      fail(ASE->getExprLoc(),
           "elements of type '" + typeName(ASE->getType()) +
               "' are not supported; use a flat array",
           ASE->getSourceRange());
      return std::nullopt;
    }
    if (!T.Index->Ty.isInteger()) {
      fail(ASE->getIdx()->getExprLoc(), "an index must be an integer",
           ASE->getIdx()->getSourceRange());
      return std::nullopt;
    }
  } else if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(E);
             OCE && OCE->getNumArgs() > 0 &&
             isIterator(OCE->getArg(0)->getType()) &&
             (OCE->getOperator() == OO_Star ||
              OCE->getOperator() == OO_Subscript)) {
    return lowerIteratorPlace(OCE); // `*it = x`
  } else if (isa<CallExpr>(E) && isTupleGet(cast<CallExpr>(E))) {
    return lowerTupleGet(cast<CallExpr>(E));
  } else if (const auto *ME = dyn_cast<MemberExpr>(E);
             ME && isa<FieldDecl>(ME->getMemberDecl())) {
    if (heldInMemory(ME)) { // a number of a `Layer &`
      T.Ptr = lowerViewMember(ME);
      T.S = T.Ptr->Ty.scalarKind();
      return T;
    }
    if (isViewMember(ME)) { // fixed where the view is made: refused there
      lowerMember(ME);
      return std::nullopt;
    }
    if (isPoisonedRef(ME->getBase())) {
      Failed = true;
      return std::nullopt;
    }
    if (!scalarTypeOf(ME->getType(), Ctx)) {
      fail(ME->getMemberLoc(),
           "member '" + ME->getMemberDecl()->getNameAsString() +
               "' is not a number; use one of its elements or members",
           ME->getSourceRange());
      return std::nullopt;
    }
    T.Ptr = lowerMember(ME);
    if (!T.Ptr)
      return std::nullopt;
  } else if (const auto *UO = dyn_cast<UnaryOperator>(E);
             UO && UO->getOpcode() == UO_Deref) {
    if (isPoisonedRef(UO->getSubExpr())) {
      Failed = true;
      return std::nullopt;
    }
    T.Ptr = lowerPointer(UO->getSubExpr());
    if (!T.Ptr)
      return std::nullopt;
    T.Index = takeOffset(T.Ptr); // `*p` of a moving pointer: base[p_off]
  } else {
    fail(E->getExprLoc(), unsupportedExprMessage(E, Ctx), E->getSourceRange());
    return std::nullopt;
  }
  T.S = T.Ptr->Ty.scalarKind();
  return T;
}

Value *BodyLowering::lowerLoad(const Expr *E) {
  std::optional<Target> T = lowerPlace(E);
  if (!T)
    return nullptr;
  return readTarget(*T, E->getExprLoc());
}

Value *BodyLowering::lowerAddressOf(const UnaryOperator *UO) {
  const Expr *Sub = UO->getSubExpr()->IgnoreParens();
  if (Sub->getType()->isRecordType()) // `&cam`, `&cams[i]`
    return lowerRecord(Sub);
  if (isElementAccess(Sub)) { // `&v[i]` on a std::vector
    std::optional<Target> T = lowerElement(Sub);
    if (!T)
      return nullptr;
    if (VectorCols.count(T->Ptr))
      return fail(UO->getOperatorLoc(),
                  "taking the address of an element of a std::vector of "
                  "std::vector is not supported; index it where it is read "
                  "or written ('X[i][j]')",
                  UO->getSourceRange());
    at(UO->getBeginLoc());
    return B.offset(T->Ptr, T->Index);
  }
  // A local scalar in memory (`&w_err`): its cell; a reference: the place
  // it names.
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Sub))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
      if (auto It = Cells.find(VD); It != Cells.end())
        return It->second;
      if (auto It = ElementRefs.find(VD); It != ElementRefs.end()) {
        if (!It->second.Index)
          return It->second.Ptr;
        at(UO->getBeginLoc());
        return B.offset(It->second.Ptr, It->second.Index);
      }
    }
  if (!isa<ArraySubscriptExpr>(Sub) && !isa<MemberExpr>(Sub) &&
      !(isa<UnaryOperator>(Sub) &&
        cast<UnaryOperator>(Sub)->getOpcode() == UO_Deref))
    return fail(UO->getOperatorLoc(),
                "taking the address of a variable is not supported; only "
                "&w[k], &*p, &s.m and &s are",
                UO->getSourceRange());
  std::optional<Target> T = lowerPlace(Sub);
  if (!T)
    return nullptr;
  if (!T->Index)
    return T->Ptr;
  at(UO->getBeginLoc());
  return B.offset(T->Ptr, T->Index);
}

Value *BodyLowering::lowerPointerArith(const BinaryOperator *BO) {
  const Expr *PtrE = BO->getLHS(), *IntE = BO->getRHS();
  if (!PtrE->getType()->isPointerType())
    std::swap(PtrE, IntE);
  if (IntE->getType()->isPointerType()) {
    // `end - p`: the difference of their offsets into the same array.
    Value *L = lowerPointer(BO->getLHS()), *R = lowerPointer(BO->getRHS());
    std::optional<Scalar> S = typeOf(BO);
    if (!L || !R || !S)
      return nullptr;
    std::optional<std::pair<Value *, Value *>> Offs =
        pointerOffsets(BO, BO->getOperatorLoc(), L, R);
    if (!Offs)
      return nullptr;
    auto [LO, RO] = *Offs;
    return convert(RO->isConstValue(0) ? LO : B.sub(LO, RO), *S,
                   /*Implicit=*/true);
  }
  if (PtrE->getType()->getPointeeType()->isArrayType())
    // `m + 1` steps over rows, which the flat IR would have to scale.
    return fail(BO->getOperatorLoc(),
                "arithmetic on a pointer to rows of an array of arrays is not "
                "supported; index it instead ('m[i]', '&m[i][j]')",
                BO->getSourceRange());
  if (PtrE->getType()->getPointeeType()->isRecordType())
    return fail(BO->getOperatorLoc(),
                "arithmetic on a pointer to a struct is not supported; index "
                "it instead ('p[i].m', '&p[i]')",
                BO->getSourceRange());
  Value *P = lowerPointer(PtrE);
  Value *K = expectScalar(lowerExpr(IntE), IntE);
  if (!P || !K)
    return nullptr;
  if (!K->Ty.isInteger())
    return fail(IntE->getExprLoc(), "a pointer offset must be an integer",
                IntE->getSourceRange());
  at(BO->getBeginLoc());
  if (BO->getOpcode() == BO_Sub)
    K = K->isConst() ? makeConstant(K->Ty.scalarKind(), 0, -K->IVal,
                                    K->Text.empty() ? "" : "-" + K->Text)
                     : B.neg(K);
  return B.offset(P, K);
}

Value *BodyLowering::readTarget(const Target &T, SourceLocation Loc) {
  if (T.Var)
    return readVar(T.Var, Loc);
  at(Loc);
  return B.load(T.Ptr, T.Index);
}

void BodyLowering::writeTarget(const Target &T, Value *V, unsigned Mark,
                               SourceLocation Loc) {
  if (T.Var)
    return bind(T.Var, V, Mark, Loc);
  at(Loc);
  B.store(T.Ptr, V, T.Index);
}

} // namespace gradc::frontend
