//===- LoweringExpr.cpp - Clang expressions to IR values
//-------------------===//
//
// Arithmetic, conversions, comparisons, logic, the conditional operator and
// <cmath> calls. Memory accesses (w[i], *p, &w[k], w + k) are in
// LoweringMemory.cpp.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"
#include "Bytes.h"

#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace gradc::frontend {

using namespace clang;
using ir::MathFn;
using ir::OpCode;
using ir::Scalar;
using ir::Value;

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

std::string BodyLowering::spellingOf(SourceLocation Loc) {
  bool Invalid = false;
  StringRef Text = Lexer::getSourceText(
      CharSourceRange::getTokenRange(SM.getSpellingLoc(Loc)), SM, LO, &Invalid);
  return Invalid ? std::string() : Text.str();
}

std::string BodyLowering::sourceText(SourceRange Range) {
  bool Invalid = false;
  StringRef Text =
      Lexer::getSourceText(SM.getExpansionRange(Range), SM, LO, &Invalid);
  return Invalid ? std::string()
                 : bytes::collapseBlanks(
                       std::string_view(Text.data(), Text.size()));
}

Value *BodyLowering::lowerExpr(const Expr *E) {
  if (!E)
    return nullptr;
  // Wrappers that compute nothing.
  if (const auto *PE = dyn_cast<ParenExpr>(E))
    return lowerExpr(PE->getSubExpr());
  if (const auto *FE = dyn_cast<FullExpr>(E)) // ConstantExpr, ExprWithCleanups
    return lowerExpr(FE->getSubExpr());
  if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
    return lowerExpr(MTE->getSubExpr());
  if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(E))
    return lowerExpr(BTE->getSubExpr());
  // C++20 writes `it != end` with only `==` declared as `!(it == end)`:
  // lowered so, then read back as the `!=` it was.
  if (const auto *RW = dyn_cast<CXXRewrittenBinaryOperator>(E)) {
    Value *V = lowerExpr(RW->getSemanticForm());
    if (V && V->Code == ir::OpCode::Not &&
        V->Operands[0]->Code == ir::OpCode::Cmp &&
        V->Operands[0]->Pred == ir::CmpPred::EQ) {
      at(RW->getOperatorLoc());
      return B.cmp(ir::CmpPred::NE, V->Operands[0]->Operands[0],
                   V->Operands[0]->Operands[1]);
    }
    return V;
  }

  // `in[k]` through a pointer into one of several arrays: once for each.
  if (const VarDecl *VD = Moving.empty() ? nullptr : choiceUse(E))
    return lowerChoiceUse(E, VD, /*Discard=*/false);
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E))
    return lowerImplicitCast(ICE);
  if (const auto *ECE = dyn_cast<ExplicitCastExpr>(E))
    return lowerExplicitCast(ECE);
  if (isa<FloatingLiteral, IntegerLiteral, CharacterLiteral,
          CXXBoolLiteralExpr>(E))
    return lowerLiteral(E);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return lowerDeclRef(DRE);
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return lowerUnary(UO);
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    return lowerBinary(BO);
  if (const auto *CE = dyn_cast<CallExpr>(E))
    return lowerCall(CE);
  // A template's non-type argument (N in sumN<3>): its value.
  if (const auto *NT = dyn_cast<SubstNonTypeTemplateParmExpr>(E)) {
    Value *V = lowerExpr(NT->getReplacement());
    if (V && V->isConst())
      V->Text.clear(); // its spelling is the parameter's name
    return V;
  }
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E);
      ASE && ASE->getType()->isArrayType() && isMultiDimAccess(ASE))
    return lowerRow(ASE); // `a[i]` of `double a[3][4]`
  if (isa<ArraySubscriptExpr>(E))
    return E->getType()->isRecordType() ? lowerRecord(E) : lowerLoad(E);
  if (const auto *ME = dyn_cast<MemberExpr>(E);
      ME && isa<FieldDecl>(ME->getMemberDecl()))
    return lowerMemberValue(ME);
  // `m.rate` of a static member: the object is not read.
  if (const auto *ME = dyn_cast<MemberExpr>(E);
      ME && isa<VarDecl>(ME->getMemberDecl()))
    return lowerGlobal(ME, cast<VarDecl>(ME->getMemberDecl()));
  if (isa<CXXThisExpr>(E) && This)
    return This;
  if (const auto *CO = dyn_cast<ConditionalOperator>(E))
    return lowerConditional(CO);
  if (isa<UnaryExprOrTypeTraitExpr, TypeTraitExpr, CXXNoexceptExpr,
          ArrayTypeTraitExpr, ExpressionTraitExpr>(E))
    return lowerConstantExpr(E);
  if (isa<ImplicitValueInitExpr, CXXScalarValueInitExpr>(E)) {
    std::optional<Scalar> S = typeOf(E);
    if (!S)
      return nullptr;
    at(E->getBeginLoc());
    return makeConstant(*S, 0, 0, "");
  }
  // `double a{x};` and `double a = {x};`.
  if (const auto *ILE = dyn_cast<InitListExpr>(E);
      ILE && scalarTypeOf(ILE->getType(), Ctx) && ILE->getNumInits() <= 1) {
    if (ILE->getNumInits() == 1)
      return lowerExpr(ILE->getInit(0));
    at(E->getBeginLoc());
    return makeConstant(*scalarTypeOf(ILE->getType(), Ctx), 0, 0, "");
  }
  // `w[0]` on a pointer parameter already reported says nothing new.
  const Expr *Base = nullptr;
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
    Base = ASE->getBase();
  else if (const auto *ME = dyn_cast<MemberExpr>(E))
    Base = ME->getBase();
  if (Base && isPoisonedRef(Base)) {
    Failed = true;
    return nullptr;
  }
  return fail(E->getExprLoc(), unsupportedExprMessage(E, Ctx),
              E->getSourceRange());
}

bool BodyLowering::isPoisonedRef(const Expr *E) const {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return VD && Poisoned.count(VD);
}

Value *BodyLowering::lowerLiteral(const Expr *E) {
  std::optional<Scalar> S = typeOf(E);
  if (!S)
    return nullptr;
  at(E->getBeginLoc());
  if (const auto *FL = dyn_cast<FloatingLiteral>(E))
    return makeConstant(*S, FL->getValueAsApproximateDouble(), 0,
                        spellingOf(FL->getLocation()));
  if (const auto *IL = dyn_cast<IntegerLiteral>(E)) {
    llvm::APInt V = IL->getValue();
    if (V.getBitWidth() > 64)
      return fail(IL->getLocation(), "integer literals wider than 64 bits "
                                     "are not supported");
    bool Signed = IL->getType()->isSignedIntegerType();
    std::int64_t I =
        Signed ? V.getSExtValue() : static_cast<std::int64_t>(V.getZExtValue());
    return makeConstant(*S, 0, I, spellingOf(IL->getLocation()));
  }
  if (const auto *CL = dyn_cast<CharacterLiteral>(E))
    return makeConstant(*S, 0, CL->getValue(), spellingOf(CL->getLocation()));
  const auto *BL = cast<CXXBoolLiteralExpr>(E);
  return makeConstant(*S, 0, BL->getValue(), BL->getValue() ? "true" : "false");
}

Value *BodyLowering::lowerImplicitCast(const ImplicitCastExpr *ICE) {
  switch (ICE->getCastKind()) {
  case CK_LValueToRValue:
  case CK_NoOp:
  case CK_ArrayToPointerDecay: // the array is its pointer already
    return lowerExpr(ICE->getSubExpr());
  case CK_IntegralToFloating:
  case CK_FloatingCast:
  case CK_FloatingToIntegral:
  case CK_IntegralCast:
  case CK_IntegralToBoolean:
  case CK_FloatingToBoolean:
  case CK_BooleanToSignedIntegral:
    // Clang spells `(double)n` as a no-op cast around an implicit one.
    return lowerConversion(ICE, /*Implicit=*/!ICE->isPartOfExplicitCast());
  case CK_DerivedToBase:
  case CK_UncheckedDerivedToBase:
    return lowerBaseCast(ICE);
  default:
    break;
  }
  // The operand's own error usually names the real problem (a global array,
  // a function used as a value); report the conversion only if it has none.
  if (!lowerExpr(ICE->getSubExpr()))
    return nullptr;
  return fail(ICE->getExprLoc(),
              std::string("implicit conversion '") + ICE->getCastKindName() +
                  "' is not supported",
              ICE->getSourceRange());
}

Value *BodyLowering::lowerExplicitCast(const ExplicitCastExpr *ECE) {
  if (isa<CStyleCastExpr, CXXStaticCastExpr, CXXFunctionalCastExpr>(ECE)) {
    switch (ECE->getCastKind()) {
    case CK_NoOp:
    case CK_LValueToRValue: {
      // The conversion itself is an implicit cast marked as part of this
      // one; it is located here.
      SourceLocation Saved = ExplicitCastLoc;
      ExplicitCastLoc = ECE->getBeginLoc();
      Value *V = lowerExpr(ECE->getSubExpr());
      ExplicitCastLoc = Saved;
      return V;
    }
    case CK_IntegralToFloating:
    case CK_FloatingCast:
    case CK_FloatingToIntegral:
    case CK_IntegralCast:
    case CK_IntegralToBoolean:
    case CK_FloatingToBoolean:
      return lowerConversion(ECE, /*Implicit=*/false);
    case CK_DerivedToBase:
      return lowerBaseCast(ECE);
    default:
      break;
    }
  }
  std::string Kind = "this cast";
  if (isa<CXXReinterpretCastExpr>(ECE))
    Kind = "'reinterpret_cast'";
  else if (isa<CXXConstCastExpr>(ECE))
    Kind = "'const_cast'";
  else if (isa<CXXDynamicCastExpr>(ECE))
    Kind = "'dynamic_cast'";
  else if (ECE->getCastKind() == CK_ToVoid)
    Kind = "a cast to 'void'";
  return fail(ECE->getBeginLoc(),
              Kind + " to '" + typeName(ECE->getTypeAsWritten()) +
                  "' is not supported",
              ECE->getSourceRange());
}

Value *BodyLowering::lowerConversion(const CastExpr *CE, bool Implicit) {
  Value *V = lowerExpr(CE->getSubExpr());
  if (!V)
    return nullptr;
  if (!typeOf(CE))
    return nullptr;
  at(Implicit || ExplicitCastLoc.isInvalid() ? CE->getBeginLoc()
                                             : ExplicitCastLoc);
  return convert(V, scalarIRType(CE->getType(), Ctx), Implicit);
}

Value *BodyLowering::lowerDeclRef(const DeclRefExpr *DRE) {
  const ValueDecl *D = DRE->getDecl();
  std::string Name = D->getNameAsString();
  if (const auto *VD = dyn_cast<VarDecl>(D)) {
    if (Moving.count(VD))
      return readMoving(VD, DRE->getBeginLoc());
    if (auto It = ElementRefs.find(VD); It != ElementRefs.end()) {
      at(DRE->getBeginLoc());
      return B.load(It->second.Ptr, It->second.Index);
    }
    if (auto It = Cells.find(VD); It != Cells.end()) {
      at(DRE->getBeginLoc());
      return B.load(It->second);
    }
    if (RowRefs.count(VD)) // a row used whole
      return lowerRowPointer(DRE);
    if (auto It = Pointers.find(VD); It != Pointers.end())
      return It->second;
    if (Views.count(VD))
      return fail(DRE->getLocation(),
                  "view '" + Name +
                      "' cannot be used as a whole here; gradc reads a "
                      "view's members ('" +
                      Name +
                      ".W[i]'), passes it to functions of your own "
                      "and copies it where a view is declared",
                  DRE->getSourceRange());
    if (Vars.count(VD) || Poisoned.count(VD))
      return readVar(VD, DRE->getLocation());
    if (VD->hasLocalStorage())
      return fail(DRE->getLocation(), "use of '" + Name + "' is not supported",
                  DRE->getSourceRange());
    return lowerGlobal(DRE, VD);
  }
  if (const auto *ECD = dyn_cast<EnumConstantDecl>(D)) {
    std::optional<Scalar> S = typeOf(DRE);
    if (!S)
      return nullptr;
    const llvm::APSInt &V = ECD->getInitVal();
    if (V.getBitWidth() > 64)
      return fail(DRE->getLocation(),
                  "enumerator '" + Name + "' is too wide to be supported");
    at(DRE->getBeginLoc());
    Value *C = makeConstant(*S, 0, V.getExtValue(), enumeratorName(*ECD));
    C->Ty = scalarIRType(DRE->getType(), Ctx);
    return C;
  }
  if (isa<FunctionDecl>(D))
    return fail(DRE->getLocation(),
                "using function '" + Name + "' as a value is not supported",
                DRE->getSourceRange());
  if (const auto *BD = dyn_cast<BindingDecl>(D))
    return lowerBindingRef(DRE, BD);
  return fail(DRE->getLocation(), "use of '" + Name + "' is not supported",
              DRE->getSourceRange());
}

Value *BodyLowering::lowerUnary(const UnaryOperator *UO) {
  const char *Problem = nullptr;
  switch (UO->getOpcode()) {
  case UO_Plus:
  case UO_Extension:
    return lowerExpr(UO->getSubExpr());
  case UO_Minus: {
    Value *V = lowerExpr(UO->getSubExpr());
    if (!V)
      return nullptr;
    std::optional<Scalar> S = typeOf(UO);
    if (!S)
      return nullptr;
    at(UO->getBeginLoc());
    if (*S == Scalar::Bool)
      return fail(UO->getOperatorLoc(), "negating a bool is not supported");
    Value *Operand = convert(V, *S, /*Implicit=*/true);
    // A negative literal is a constant (-2), so that std::pow(x, -2) gets
    // the constant-exponent derivative.
    if (Operand->isConst()) {
      std::string Text = Operand->Text;
      if (!Text.empty())
        Text = Text[0] == '-' ? Text.substr(1) : "-" + Text;
      return makeConstant(*S, -Operand->FVal, -Operand->IVal, Text);
    }
    return B.neg(Operand);
  }
  case UO_PreInc:
  case UO_PostInc:
  case UO_PreDec:
  case UO_PostDec:
    return lowerIncDec(UO);
  case UO_LNot: {
    Value *V = expectScalar(lowerExpr(UO->getSubExpr()), UO->getSubExpr());
    if (!V)
      return nullptr;
    at(UO->getBeginLoc());
    return B.logicNot(convert(V, Scalar::Bool, /*Implicit=*/true));
  }
  case UO_Not: {
    Value *V = expectScalar(lowerExpr(UO->getSubExpr()), UO->getSubExpr());
    std::optional<Scalar> S = typeOf(UO);
    if (!V || !S)
      return nullptr;
    at(UO->getBeginLoc());
    return B.bitNot(convert(V, *S, /*Implicit=*/true));
  }
  case UO_AddrOf:
    return lowerAddressOf(UO);
  case UO_Deref:
    return lowerLoad(UO);
  default:
    return fail(UO->getOperatorLoc(),
                "the operator '" +
                    UnaryOperator::getOpcodeStr(UO->getOpcode()).str() +
                    "' is not supported",
                UO->getSourceRange());
  }
  return fail(UO->getOperatorLoc(), Problem, UO->getSourceRange());
}

Value *BodyLowering::lowerBinary(const BinaryOperator *BO) {
  BinaryOperatorKind Op = BO->getOpcode();
  std::string Sym = BO->getOpcodeStr().str();
  SourceLocation OpLoc = BO->getOperatorLoc();
  SourceRange Range = BO->getSourceRange();
  // An assignment's value is what it stored (checkOrder made sure nothing
  // else in the expression depends on when).
  if (const auto *CAO = dyn_cast<CompoundAssignOperator>(BO))
    return lowerCompoundAssign(CAO);
  if (Op == BO_Assign)
    return lowerAssign(BO);
  if (BO->isCommaOp()) {
    lowerExprStmt(BO->getLHS());
    return lowerExpr(BO->getRHS());
  }
  if (Op == BO_Cmp)
    return fail(OpLoc, "the three-way comparison '<=>' is not supported",
                Range);
  if (BO->isComparisonOp())
    return lowerComparison(BO);
  if (BO->isLogicalOp())
    return lowerLogical(BO);
  if (BO->isAdditiveOp() && (BO->getLHS()->getType()->isPointerType() ||
                             BO->getRHS()->getType()->isPointerType()))
    return lowerPointerArith(BO);
  if (BO->isBitwiseOp() || BO->isShiftOp())
    return lowerBitwise(BO);
  if (BO->isPtrMemOp())
    return fail(OpLoc, "pointer-to-member access is not supported", Range);
  if (!BO->isMultiplicativeOp() && !BO->isAdditiveOp())
    return fail(OpLoc, "the operator '" + Sym + "' is not supported", Range);

  // Both sides, so that errors in either are reported.
  Value *L = lowerExpr(BO->getLHS());
  Value *RV = lowerExpr(BO->getRHS());
  if (!L || !RV)
    return nullptr;
  std::optional<Scalar> S = typeOf(BO);
  if (!S)
    return nullptr;
  if (*S == Scalar::Bool || (Op == BO_Rem && !ir::isInteger(*S)))
    return fail(OpLoc,
                "'" + Sym + "' on type '" + typeName(BO->getType()) +
                    "' is not supported",
                Range);
  at(BO->getBeginLoc());
  // Clang's usual arithmetic conversions already made both sides agree.
  L = convert(L, *S, /*Implicit=*/true);
  RV = convert(RV, *S, /*Implicit=*/true);
  switch (Op) {
  case BO_Add:
    return B.add(L, RV);
  case BO_Sub:
    return B.sub(L, RV);
  case BO_Mul:
    return B.mul(L, RV);
  case BO_Div:
    return B.div(L, RV);
  default:
    return B.rem(L, RV);
  }
}

OpCode bitwiseCode(BinaryOperatorKind Op) {
  if (BinaryOperator::isCompoundAssignmentOp(Op))
    Op = BinaryOperator::getOpForCompoundAssignment(Op);
  switch (Op) {
  case BO_And:
    return OpCode::BitAnd;
  case BO_Or:
    return OpCode::BitOr;
  case BO_Xor:
    return OpCode::BitXor;
  case BO_Shl:
    return OpCode::Shl;
  default:
    return OpCode::Shr;
  }
}

Value *BodyLowering::lowerBitwise(const BinaryOperator *BO) {
  Value *L = expectScalar(lowerExpr(BO->getLHS()), BO->getLHS());
  Value *RV = expectScalar(lowerExpr(BO->getRHS()), BO->getRHS());
  std::optional<Scalar> S = typeOf(BO);
  if (!L || !RV || !S)
    return nullptr;
  at(BO->getBeginLoc());
  L = convert(L, *S, /*Implicit=*/true);
  // A shift's count keeps its own (promoted) type; `a & b` has one type.
  if (!BO->isShiftOp())
    RV = convert(RV, *S, /*Implicit=*/true);
  else if (std::optional<Scalar> C = typeOf(BO->getRHS()))
    RV = convert(RV, *C, /*Implicit=*/true);
  return B.bits(bitwiseCode(BO->getOpcode()), L, RV);
}

Value *BodyLowering::lowerComparison(const BinaryOperator *BO) {
  Value *L = lowerExpr(BO->getLHS());
  Value *RV = lowerExpr(BO->getRHS());
  if (!L || !RV)
    return nullptr;
  std::optional<Scalar> S;
  if (L->Ty.isMemory() && RV->Ty.isMemory()) {
    // Pointers into the same array compare as their offsets into it.
    std::optional<std::pair<Value *, Value *>> Offs =
        pointerOffsets(BO, BO->getOperatorLoc(), L, RV);
    if (!Offs)
      return nullptr;
    std::tie(L, RV) = *Offs;
    S = Scalar::Int32;
  } else if (!L->Ty.isScalar() || !RV->Ty.isScalar()) {
    return fail(BO->getOperatorLoc(),
                "comparing a pointer with a number is not supported",
                BO->getSourceRange());
  } else {
    // Clang's usual arithmetic conversions made both sides agree.
    S = typeOf(BO->getLHS());
  }
  if (!S)
    return nullptr;
  at(BO->getBeginLoc());
  L = convert(L, *S, /*Implicit=*/true);
  RV = convert(RV, *S, /*Implicit=*/true);
  ir::CmpPred P = ir::CmpPred::EQ;
  switch (BO->getOpcode()) {
  case BO_LT:
    P = ir::CmpPred::LT;
    break;
  case BO_LE:
    P = ir::CmpPred::LE;
    break;
  case BO_GT:
    P = ir::CmpPred::GT;
    break;
  case BO_GE:
    P = ir::CmpPred::GE;
    break;
  case BO_NE:
    P = ir::CmpPred::NE;
    break;
  default:
    break;
  }
  return B.cmp(P, L, RV);
}

/// Whether evaluating E where C++ would not can neither fault nor make a
/// derivative infinite or NaN: names, literals, + - * and comparisons of
/// them. Anything else (a load that may be out of range, a division, a
/// call such as sqrt) runs only when C++ would run it.
static bool harmless(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (isa<DeclRefExpr, FloatingLiteral, IntegerLiteral, CharacterLiteral,
          CXXBoolLiteralExpr>(E))
    return true;
  if (const auto *CE = dyn_cast<ExplicitCastExpr>(E))
    return harmless(CE->getSubExpr());
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return (UO->getOpcode() == UO_Minus || UO->getOpcode() == UO_Plus ||
            UO->getOpcode() == UO_LNot) &&
           harmless(UO->getSubExpr());
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    return (BO->isAdditiveOp() || BO->getOpcode() == BO_Mul ||
            BO->isComparisonOp() || BO->isLogicalOp()) &&
           harmless(BO->getLHS()) && harmless(BO->getRHS());
  return false;
}

Value *BodyLowering::lowerLogical(const BinaryOperator *BO) {
  bool IsAnd = BO->getOpcode() == BO_LAnd;
  Value *L = lowerCondition(BO->getLHS());
  // A loop's header is printed as one C++ expression, which evaluates the
  // right side only when needed (and so does the interpreter).
  if (harmless(BO->getRHS()) || InLoopHeader) {
    Value *RV = lowerCondition(BO->getRHS());
    if (!L || !RV)
      return nullptr;
    at(BO->getBeginLoc());
    return IsAnd ? B.logicAnd(L, RV) : B.logicOr(L, RV);
  }
  if (!L)
    return nullptr;
  // `i < n && w[i] > 0` reads w[i] only when i < n: the right side runs in
  // a branch, as C++ runs it.
  at(BO->getBeginLoc());
  Value *Cell = B.local(Scalar::Bool, 0, IsAnd ? "both" : "either");
  B.store(Cell, L);
  Value *If = B.ifOp(IsAnd ? L : B.logicNot(L));
  ir::Block &Saved = B.block();
  B.setBlock(If->Regions[ir::Then]);
  ++RegionDepth;
  Value *RV = lowerCondition(BO->getRHS());
  if (RV) {
    at(BO->getRHS()->getBeginLoc());
    B.store(Cell, RV);
  }
  --RegionDepth;
  B.setBlock(Saved);
  if (!RV)
    return nullptr;
  at(BO->getBeginLoc());
  return B.load(Cell);
}

Value *BodyLowering::lowerConditional(const ConditionalOperator *CO) {
  Value *C = lowerCondition(CO->getCond());
  std::optional<Scalar> S = typeOf(CO);
  if (!C || !S)
    return nullptr;
  if (!CO->getType()->isArithmeticType())
    return fail(CO->getQuestionLoc(),
                "the conditional operator on pointers is not supported",
                CO->getSourceRange());
  if ((harmless(CO->getTrueExpr()) && harmless(CO->getFalseExpr())) ||
      InLoopHeader) {
    // Computing both arms is what `c ? a : b` means, and costs nothing; a
    // loop's header is printed as one C++ expression, evaluated lazily.
    Value *T = lowerExpr(CO->getTrueExpr());
    Value *E = lowerExpr(CO->getFalseExpr());
    if (!T || !E)
      return nullptr;
    at(CO->getBeginLoc());
    return B.select(C, convert(T, *S, /*Implicit=*/true),
                    convert(E, *S, /*Implicit=*/true));
  }
  // `x > 0 ? sqrt(x) : 0`: each arm runs (forward and backward) only when
  // C++ runs it, so it neither faults nor gives a NaN derivative.
  at(CO->getBeginLoc());
  Value *Cell = B.local(*S, 0, "chosen");
  bool Ok = lowerArms(CO, C, [&](const Expr *E) {
    Value *V = lowerExpr(E);
    if (!V)
      return false;
    at(E->getBeginLoc());
    B.store(Cell, convert(V, *S, /*Implicit=*/true));
    return true;
  });
  if (!Ok)
    return nullptr;
  at(CO->getBeginLoc());
  return B.load(Cell);
}

Value *BodyLowering::lowerArms(const ConditionalOperator *CO, Value *C,
                               llvm::function_ref<bool(const Expr *)> Arm,
                               bool StopAtFailure) {
  at(CO->getBeginLoc());
  Value *If = B.ifOp(C);
  ir::Block &Saved = B.block();
  bool Ok = true;
  ++RegionDepth;
  for (unsigned I = 0; I < 2 && (Ok || !StopAtFailure); ++I) {
    B.setBlock(If->Regions[I == 0 ? ir::Then : ir::Else]);
    Ok &= Arm(I == 0 ? CO->getTrueExpr() : CO->getFalseExpr());
  }
  --RegionDepth;
  B.setBlock(Saved);
  return Ok ? If : nullptr;
}

Value *BodyLowering::lowerCall(const CallExpr *CE) {
  SourceLocation CalleeLoc = CE->getCallee()->IgnoreImplicit()->getExprLoc();
  SourceRange Range = CE->getSourceRange();
  if (std::optional<Value *> V = lowerTextCall(CE))
    return *V;
  if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(CE))
    if (std::optional<Value *> V = lowerIteratorOp(OCE))
      return *V;
  if (std::optional<Value *> V = lowerAlgorithm(CE))
    return *V;
  if (std::optional<Value *> V = lowerComplexCall(CE))
    return *V;
  // `p.at(0)` of `double &at(int i) { return c[i]; }`: that element.
  if (const FunctionDecl *Def = refHelper(CE); Def && readsInPlace(*Def)) {
    std::optional<Target> T = lowerRefCallPlace(CE);
    return T ? readTarget(*T, CE->getExprLoc()) : nullptr;
  }
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(CE))
    return lowerMemberCall(MCE);
  if (isArrayRow(CE)) // `m[i]` of a std::array of std::array, whole
    return lowerRowPointer(CE);
  if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(CE);
      OCE && isElementAccess(OCE)) {
    std::optional<Target> T = lowerElement(OCE);
    return T ? readTarget(*T, OCE->getExprLoc()) : nullptr;
  }
  if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(CE);
      OCE && OCE->getOperator() == OO_Equal && OCE->getNumArgs() == 2 &&
      viewShapeOf(OCE->getArg(0)->getType()))
    return fail(OCE->getOperatorLoc(),
                "assigning a view struct is not supported: gradc fixes what "
                "a view points to where it is made; declare another view "
                "instead",
                Range);
  if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(CE);
      OCE && OCE->getOperator() == OO_Equal && OCE->getNumArgs() == 2)
    if (const CallExpr *Tie = tieCall(OCE->getArg(0)))
      return lowerTieAssign(OCE, Tie);
  if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(CE);
      OCE && OCE->getOperator() == OO_Equal && OCE->getNumArgs() == 2 &&
      (arrayRows(OCE->getArg(0)->getType(), Ctx) ||
       vectorRows(OCE->getArg(0)->getType(), Ctx).value_or(ArrayRows{}).Cols))
    return lowerRowsAssign(OCE);
  if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(CE);
      OCE && OCE->getOperator() == OO_Equal && OCE->getNumArgs() == 2 &&
      OCE->getArg(0)->getType()->isRecordType() &&
      !containerShape(OCE->getArg(0)->getType(), Ctx))
    return lowerRecordAssign(OCE);
  if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(CE);
      OCE && OCE->getOperator() == OO_Equal && OCE->getNumArgs() == 2 &&
      containerShape(OCE->getArg(0)->getType(), Ctx))
    return lowerContainerAssign(OCE);
  if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(CE);
      OCE && OCE->getOperator() == OO_Equal && OCE->getNumArgs() == 2 &&
      OCE->getArg(0)->getType()->isRecordType())
    return fail(OCE->getOperatorLoc(),
                "assigning a whole struct or container is not supported yet; "
                "assign its members or elements one by one",
                Range);
  if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(CE);
      OCE && OCE->getOperator() == OO_Call && OCE->getNumArgs() > 0 &&
      OCE->getArg(0)->getType()->isRecordType() &&
      OCE->getArg(0)->getType()->getAsCXXRecordDecl()->isLambda())
    return lowerLambdaCall(OCE);
  if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(CE))
    if (std::optional<Value *> V = lowerUserOperator(OCE))
      return *V;
  if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(CE)) {
    // `l(x)` on a lambda variable already reported.
    if (OCE->getNumArgs() > 0 && isPoisonedRef(OCE->getArg(0))) {
      Failed = true;
      return nullptr;
    }
    return fail(OCE->getOperatorLoc(),
                std::string("overloaded operator '") +
                    getOperatorSpelling(OCE->getOperator()) +
                    "' is not supported",
                Range);
  }
  if (isa<UserDefinedLiteral>(CE))
    return fail(CE->getBeginLoc(), "user-defined literals are not supported",
                Range);
  const FunctionDecl *Callee = CE->getDirectCallee();
  if (!Callee)
    return fail(CE->getBeginLoc(),
                "calls through function pointers are not supported", Range);
  if (std::optional<Value *> V = lowerLibraryConstant(CE, *Callee))
    return *V;
  if (std::optional<Value *> V = lowerMemCall(CE, *Callee))
    return *V;
  if (isTupleGet(CE)) {
    std::optional<Target> T = lowerTupleGet(CE);
    return T ? readTarget(*T, CE->getExprLoc()) : nullptr;
  }
  if (std::optional<Value *> V = lowerStdCall(CE, *Callee))
    return *V;
  std::string Name = calleeName(*Callee);
  std::optional<MathFn> Fn = mathFunctionOf(*Callee);
  if (!Fn && Callees)
    return lowerInvoke(CE, *Callee);
  if (!Fn) {
    // Library functions come from system headers; the user's own from theirs.
    bool Library =
        Ctx.getSourceManager().isInSystemHeader(Callee->getLocation());
    return fail(CalleeLoc,
                "call to '" + Name + "' is not supported" +
                    (Library ? ": of the library's functions gradc "
                               "differentiates " +
                                   ir::supportedMathFns()
                             : std::string(" yet: calls to your own functions "
                                           "arrive in a later version")),
                Range);
  }
  unsigned Arity = ir::mathFnArity(*Fn);
  if (CE->getNumArgs() != Arity)
    return fail(CalleeLoc,
                "call to '" + Name + "' with " +
                    std::to_string(CE->getNumArgs()) +
                    (CE->getNumArgs() == 1 ? " argument" : " arguments") +
                    " is not supported",
                Range);
  std::optional<Scalar> S = scalarTypeOf(CE->getType(), Ctx);
  if (!S || !ir::isFloating(*S))
    return fail(CalleeLoc,
                "call to '" + Name + "' returning '" + typeName(CE->getType()) +
                    "' is not supported",
                Range);
  std::optional<std::vector<Value *>> Args = lowerOperands(CE, *S);
  if (!Args)
    return nullptr;
  at(CE->getBeginLoc());
  return B.call(*Fn, std::move(*Args));
}

Value *BodyLowering::lowerConstantExpr(const Expr *E) {
  // sizeof, alignof, noexcept, type traits: integers known at compile time.
  Expr::EvalResult Result;
  std::optional<Scalar> S = scalarTypeOf(E->getType(), Ctx);
  if (!S || E->isValueDependent() || !E->EvaluateAsInt(Result, Ctx) ||
      Result.Val.getInt().getBitWidth() > 64)
    return fail(E->getExprLoc(), unsupportedExprMessage(E, Ctx),
                E->getSourceRange());
  at(E->getBeginLoc());
  return makeConstant(*S, 0, Result.Val.getInt().getExtValue(),
                      sourceText(E->getSourceRange()));
}

} // namespace gradc::frontend
