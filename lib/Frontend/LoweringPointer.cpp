//===- LoweringPointer.cpp - Pointer variables that move ------------------===//
//
// A pointer variable that is reassigned or incremented (`++p`, `p += k`,
// `p = q`) is its base, fixed where it is declared, plus an integer offset
// held in a variable in memory (`p_off`): `*p` is base[p_off], `p++` adds
// one to p_off, and two pointers into the same base compare their offsets.
// One that may point into several arrays (`p = c ? a : b`) also holds which
// (LoweringPointerChoice.cpp); gradc must know every array it may point
// into before it is used, as it must know which memory every load and
// store reaches.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

namespace gradc::frontend {

using namespace clang;
using ir::Scalar;
using ir::Value;

std::pair<Value *, Value *> BodyLowering::splitPointer(Value *P) {
  // A struct element (a position in a range of structs): its array and
  // element index.
  if (P->Code == ir::OpCode::Field && P->Stride && P->Text.empty() &&
      P->Operands.size() == 2)
    return {P->Operands[0], convert(P->Operands[1], Scalar::Int32, true)};
  Value *Off = nullptr;
  while (P->Code == ir::OpCode::Offset) {
    Value *K = convert(P->Operands[1], Scalar::Int32, /*Implicit=*/true);
    if (Off && K->isConst() && Off->isConst()) // `v.begin() + 2` - 1: 1
      Off = intConstant(K->IVal + Off->IVal);
    else
      Off = Off ? B.add(K, Off) : K;
    P = P->Operands[0];
  }
  if (!Off)
    Off = makeConstant(Scalar::Int32, 0, 0, "0");
  return {P, Off};
}

const VarDecl *BodyLowering::movingPointerOf(const Expr *E) const {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParens());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return VD && Moving.count(VD) ? VD : nullptr;
}

/// How a user names the array a pointer's base is.
static std::string baseName(const Value *Base) {
  return Base->Name.empty() ? std::string("another array")
                            : "'" + Base->Name + "'";
}

const VarDecl *pointeeVariable(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf) {
    const Expr *Sub = UO->getSubExpr()->IgnoreParenImpCasts();
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(Sub))
      return pointeeVariable(ASE->getBase());
    if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(Sub);
        OCE && OCE->getOperator() == OO_Subscript)
      return pointeeVariable(OCE->getArg(0));
    return nullptr;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->isAdditiveOp())
    return pointeeVariable(
        BO->getLHS()->getType()->isPointerType() ? BO->getLHS() : BO->getRHS());
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MCE->getMethodDecl();
    if (MD && MD->getIdentifier() && MD->getName() == "data")
      return pointeeVariable(MCE->getImplicitObjectArgument());
    return nullptr;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return dyn_cast<VarDecl>(DRE->getDecl());
  return nullptr;
}

bool BodyLowering::startMoving(const VarDecl *VD, Value *P) {
  std::string Name = VD->getNameAsString();
  QualType Pointee = VD->getType()->getPointeeType();
  if (!Pointee.isNull() && Pointee->isRecordType()) {
    fail(VD->getLocation(),
         "moving a pointer to a struct ('" + Name +
             "') is not supported; index it instead ('p[i].m')",
         VD->getSourceRange());
    return false;
  }
  at(VD->getLocation());
  // Declared without a value (`const double *p;`), it gets its array
  // where it is first assigned.
  auto [Base, Off] = P ? splitPointer(P)
                       : std::pair<Value *, Value *>(
                             nullptr, makeConstant(Scalar::Int32, 0, 0, "0"));
  MovingPointer M;
  M.Base = Base;
  M.Cell = B.local(Scalar::Int32, 0, Name + "_off");
  B.store(M.Cell, Off);
  if (Base)
    M.Bases.push_back(Base);
  M.Home = &B.block();
  Moving[VD] = std::move(M);
  Poisoned.erase(VD);
  // The arrays it is assigned later (`xp = x2;` here, `xp = &s[i];` in a
  // loop after a use), where they are known already: a use before such an
  // assignment then chooses between them, as after `p = c ? a : b`.
  // Another array stays for its assignment to add or refuse; a pointer
  // declared without one gets its first where it is assigned.
  if (auto It = PointerAssigned.find(VD); Base && It != PointerAssigned.end())
    for (const Expr *RHS : It->second) {
      const VarDecl *Of = pointeeVariable(RHS);
      auto Known = Of && !Moving.count(Of) ? Pointers.find(Of) : Pointers.end();
      if (Known == Pointers.end())
        continue;
      Value *Base = Known->second;
      while (Base->Code == ir::OpCode::Offset) // as splitPointer finds it
        Base = Base->Operands[0];
      if (!addBase(VD, Base, RHS))
        return false;
    }
  return true;
}

Value *BodyLowering::readMoving(const VarDecl *VD, SourceLocation Loc) {
  MovingPointer &M = Moving[VD];
  if (M.Bases.empty())
    return fail(Loc, "pointer '" + VD->getNameAsString() +
                         "' is used here before it is given an array; "
                         "initialize it where it is declared");
  M.Used = true;
  unsigned Which = 0;
  if (M.Bases.size() > 1) {
    auto It = ChosenBase.find(VD);
    if (It == ChosenBase.end())
      return fail(Loc, "pointer '" + VD->getNameAsString() +
                           "' may point into several arrays here; gradc "
                           "supports reading and writing through it ('" +
                           VD->getNameAsString() + "[k]', '*" +
                           VD->getNameAsString() +
                           "') and passing it to a function; use it so, or "
                           "choose between the arrays again where this "
                           "value is needed ('c ? a + k : b + k')");
    Which = It->second;
  }
  at(Loc);
  Value *Off = M.Off ? M.Off : M.Cell ? B.load(M.Cell) : nullptr;
  return Off ? B.offset(M.Bases[Which], Off) : M.Bases[Which];
}

Value *BodyLowering::movePointer(const VarDecl *VD, const Expr *E,
                                 const Expr *RHS) {
  std::string Name = VD->getNameAsString();
  SourceLocation Loc = E->getBeginLoc();
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) // ++p, p--
    return stepPointer(VD, Loc, makeConstant(Scalar::Int32, 1, 1, "1"),
                       UO->isDecrementOp(), UO->isPostfix());
  const auto *BO = cast<BinaryOperator>(E);
  if (BO->getOpcode() == BO_Assign) { // p = q
    if (RHS->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
      return fail(E->getExprLoc(),
                  "pointer '" + Name +
                      "' is set to null here; gradc supports a pointer that "
                      "moves within one array: keep an index into it instead",
                  E->getSourceRange());
    if (isa<ConditionalOperator>(RHS->IgnoreParenImpCasts()))
      return choosePointer(VD, E, RHS);
    Value *P = lowerPointer(RHS);
    return P ? setPointer(VD, E, P) : nullptr;
  }
  if (BO->getOpcode() != BO_AddAssign && BO->getOpcode() != BO_SubAssign)
    return fail(BO->getOperatorLoc(),
                "'" + BO->getOpcodeStr().str() +
                    "' on a pointer is not "
                    "supported",
                BO->getSourceRange());
  Value *K = expectScalar(lowerExpr(RHS), RHS);
  if (!K)
    return nullptr;
  return stepPointer(VD, Loc, K, BO->getOpcode() == BO_SubAssign,
                     /*Post=*/false);
}

Value *BodyLowering::refuseOtherBase(const VarDecl *VD, const Expr *E,
                                     const std::string &Where) {
  std::string Name = VD->getNameAsString();
  return fail(E->getExprLoc(),
              "pointer '" + Name + "' may point into " + Where +
                  " here, after it was read or written through in " +
                  baseName(Moving.at(VD).Base) +
                  "; gradc must know every array a pointer may point into "
                  "before it is used: give it each of them before the "
                  "first use ('" +
                  Name + " = c ? a : b;', or an if and else that assign " +
                  Name + "), or keep an index into each array instead",
              E->getSourceRange());
}

Value *BodyLowering::setPointer(const VarDecl *VD, const Expr *E, Value *P) {
  at(E->getBeginLoc());
  auto [Base, Off] = splitPointer(P);
  if (!addBase(VD, Base, E))
    return nullptr;
  MovingPointer &M = Moving[VD];
  B.store(M.Cell, Off);
  unsigned Which =
      std::find(M.Bases.begin(), M.Bases.end(), Base) - M.Bases.begin();
  if (M.Which) {
    B.store(M.Which,
            makeConstant(Scalar::Int32, 0, Which, std::to_string(Which)));
  } else {
    M.Sets.emplace_back(&B.block(), B.block().Ops.back(), Which);
  }
  return B.offset(Base, Off);
}

Value *BodyLowering::offsetOf(Value *K) {
  if (K->Code == ir::OpCode::Cast &&
      K->Operands[0]->Ty == ir::Type::scalar(Scalar::Int32) &&
      (K->Ty.scalarKind() == Scalar::Int64 ||
       K->Ty.scalarKind() == Scalar::UInt64))
    return K->Operands[0];
  return convert(K, Scalar::Int32, /*Implicit=*/true);
}

Value *BodyLowering::stepPointer(const VarDecl *VD, SourceLocation Loc,
                                 Value *K, bool Back, bool Post) {
  if (!K->Ty.isInteger())
    return fail(Loc, "a pointer offset must be an integer");
  MovingPointer &M = Moving[VD];
  if (M.Bases.empty())
    return fail(Loc, "pointer '" + VD->getNameAsString() +
                         "' is used here before it is given an array; "
                         "initialize it where it is declared");
  at(Loc);
  K = offsetOf(K);
  Value *Old = M.Off ? M.Off : B.load(M.Cell);
  Value *New = Back ? B.sub(Old, K) : B.add(Old, K);
  B.store(M.Cell, New);
  if (M.Off) // a use lowered once for each array reads it after this
    M.Off = New;
  // Into one of several arrays: a pointer only where the use fixes which
  // (`*p++`); else its offset, which no use takes for a pointer.
  auto It = ChosenBase.find(VD);
  if (M.Bases.size() > 1 && It == ChosenBase.end())
    return Post ? Old : New;
  Value *Base = M.Bases[M.Bases.size() > 1 ? It->second : 0];
  return B.offset(Base, Post ? Old : New);
}

Value *BodyLowering::takeOffset(Value *&P) {
  std::vector<Value *> &Ops = B.block().Ops;
  if (P->Code != ir::OpCode::Offset || Ops.empty() || Ops.back() != P)
    return nullptr;
  bool IsMoving = false;
  for (const auto &Entry : Moving)
    IsMoving |= llvm::is_contained(Entry.second.Bases, P->Operands[0]);
  if (!IsMoving)
    return nullptr;
  Ops.pop_back();
  Value *Off = P->Operands[1];
  P = P->Operands[0];
  return Off;
}

std::optional<std::pair<Value *, Value *>>
BodyLowering::pointerOffsets(const Expr *E, SourceLocation OpLoc, Value *L,
                             Value *R) {
  at(E->getBeginLoc());
  auto [LB, LO] = splitPointer(L);
  auto [RB, RO] = splitPointer(R);
  if (LB != RB) {
    fail(OpLoc,
         "comparing or subtracting pointers into different arrays (or "
         "arrays gradc cannot tell apart) is not supported; compare "
         "indices instead",
         E->getSourceRange());
    return std::nullopt;
  }
  return std::make_pair(LO, RO);
}

} // namespace gradc::frontend
