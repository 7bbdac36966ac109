//===- LoweringPointerChoice.cpp - Pointers into one of several arrays ----===//
//
// `const double *in = j == 0 ? x : s + 2 * b * (j - 1);` (or an if and an
// else that assign it) makes a moving pointer with several bases. Declared
// so and never assigned again, the condition says which array, and its
// offset (`in_off`) is set in the branches; otherwise a variable in memory
// (`in_which`) says which. Each use through it (`in[k]`, `*in`, `f(in)`,
// `in[k] = v`; `*it` of an iterator) is lowered once for each array, in a
// branch taken when the pointer points there: each load and store reaches
// known memory, only the array C++ reads is read, and each branch's
// derivative is exact.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

namespace gradc::frontend {

using namespace clang;
using ir::Scalar;
using ir::Value;

Value *BodyLowering::choosePointer(const VarDecl *VD, const Expr *E,
                                   const Expr *RHS) {
  const auto *CO = cast<ConditionalOperator>(RHS->IgnoreParenImpCasts());
  auto IsChoice = [](const Expr *A) {
    return isa<ConditionalOperator>(A->IgnoreParenImpCasts());
  };
  // Declared so and never assigned again: the condition says which array,
  // and the offset, set in the branches, is read once after them.
  bool Fixed = RHS == VD->getInit() && !Reassigned.count(VD) &&
               !IsChoice(CO->getTrueExpr()) && !IsChoice(CO->getFalseExpr());
  Value *C = lowerCondition(CO->getCond());
  if (!C)
    return nullptr;
  bool Offsets = false;
  auto Arm = [&](const Expr *A) {
    if (IsChoice(A))
      return choosePointer(VD, E, A) != nullptr;
    Value *P = lowerPointer(A);
    if (!Fixed)
      return P && setPointer(VD, A, P);
    if (!P)
      return false;
    at(A->getBeginLoc());
    auto [Base, Off] = splitPointer(P);
    MovingPointer &M = Moving[VD];
    if (!llvm::is_contained(M.Bases, Base))
      M.Bases.push_back(Base);
    if (!Off->isConstValue(0)) {
      B.store(M.Cell, Off);
      Offsets = true;
    }
    return true;
  };
  Value *If = lowerArms(CO, C, Arm, /*StopAtFailure=*/true);
  if (!If || !Fixed)
    return If;
  MovingPointer &M = Moving[VD];
  M.Base = M.Bases[0];
  if (M.Bases.size() > 1)
    M.Which = C;
  if (Offsets) {
    at(CO->getBeginLoc());
    M.Off = B.load(M.Cell);
    return If;
  }
  // Both arrays from their first element: no offset to keep
  // (`int p_off = 0;` and its store go).
  std::vector<Value *> &Home = M.Home->Ops;
  auto Decl = std::find(Home.begin(), Home.end(), M.Cell);
  auto Init = std::find_if(Decl, Home.end(), [&](const Value *V) {
    return V->Code == ir::OpCode::Store && V->Operands[0] == M.Cell;
  });
  Home.erase(Init);
  Home.erase(Decl);
  M.Cell = nullptr;
  return If;
}

/// How a user names the array a pointer's base is.
static std::string arrayName(const Value *Base) {
  return Base->Name.empty() ? std::string("another array")
                            : "'" + Base->Name + "'";
}

bool BodyLowering::addBase(const VarDecl *VD, Value *Base, const Expr *E) {
  MovingPointer &M = Moving[VD];
  if (llvm::is_contained(M.Bases, Base))
    return true;
  if (M.Used) {
    refuseOtherBase(VD, E, arrayName(Base));
    return false;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
      DRE && Moving.count(dyn_cast<VarDecl>(DRE->getDecl())) &&
      Moving.at(cast<VarDecl>(DRE->getDecl())).Bases.size() > 1) {
    fail(E->getExprLoc(),
         "'" + DRE->getDecl()->getNameAsString() +
             "' may point into several arrays: copying it into another "
             "pointer is not supported; use it directly",
         E->getSourceRange());
    return false;
  }
  M.Bases.push_back(Base);
  if (M.Bases.size() == 1) {
    M.Base = Base;
    return true;
  }
  if (M.Which)
    return true;
  // The second array: `p_which` is declared beside `p_off`, 0 (the array
  // it was declared with), and each assignment made so far says which.
  ir::Block Made;
  ir::Block &Saved = B.block();
  B.setBlock(Made);
  M.Which = B.local(Scalar::Int32, 0, VD->getNameAsString() + "_which");
  B.store(M.Which, makeConstant(Scalar::Int32, 0, 0, "0"));
  auto Insert = [](ir::Block &Into, Value *After, ir::Block &From) {
    auto At = std::find(Into.Ops.begin(), Into.Ops.end(), After);
    for (Value *V : From.Ops) {
      V->Stmt = After->Stmt;
      V->Loc = After->Loc;
    }
    Into.Ops.insert(At + 1, From.Ops.begin(), From.Ops.end());
    From.Ops.clear();
  };
  auto CellDecl = std::find(M.Home->Ops.begin(), M.Home->Ops.end(), M.Cell);
  Insert(*M.Home, *(CellDecl + 1), Made); // after `int p_off = ...;`
  for (auto &[Block, Store, Which] : M.Sets) {
    B.store(M.Which,
            makeConstant(Scalar::Int32, 0, Which, std::to_string(Which)));
    Insert(*Block, Store, Made);
  }
  M.Sets.clear();
  B.setBlock(Saved);
  return true;
}

/// The pointer variable X names, through parentheses, conversions, `p +
/// k` and `p++`.
static const Expr *pointerRoot(const Expr *X) {
  X = X->IgnoreParenImpCasts();
  while (true) {
    if (const auto *UO = dyn_cast<UnaryOperator>(X);
        UO && UO->isIncrementDecrementOp()) {
      X = UO->getSubExpr()->IgnoreParenImpCasts();
      continue;
    }
    const auto *BO = dyn_cast<BinaryOperator>(X);
    if (!BO || !BO->getType()->isPointerType() || !BO->isAdditiveOp())
      return X;
    X = (BO->getLHS()->getType()->isPointerType() ? BO->getLHS() : BO->getRHS())
            ->IgnoreParenImpCasts();
  }
}

const VarDecl *BodyLowering::choiceUse(const Expr *E) const {
  auto Chosen = [&](const Expr *X) -> const VarDecl * {
    const VarDecl *VD = movingPointerOf(pointerRoot(X));
    if (!VD || Moving.at(VD).Bases.size() < 2 || ChosenBase.count(VD))
      return nullptr;
    return VD;
  };
  E = E->IgnoreParens();
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
    return Chosen(ASE->getBase());
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_Deref)
      return Chosen(UO->getSubExpr());
    if (UO->isIncrementDecrementOp()) // `p[k]++`
      return choiceUse(UO->getSubExpr());
    return nullptr;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E);
      BO && BO->isAssignmentOp()) // `p[k] = v`, `p[k] += v`
    return choiceUse(BO->getLHS());
  // `*it`, `it[k]` of an iterator.
  if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(E);
      OCE && OCE->getNumArgs() >= 1 &&
      (OCE->getOperator() == OO_Subscript ||
       (OCE->getOperator() == OO_Star && OCE->getNumArgs() == 1)))
    return Chosen(OCE->getArg(0));
  if (const auto *CE = dyn_cast<CallExpr>(E))
    for (const Expr *Arg : CE->arguments())
      if (Arg->getType()->isPointerType())
        if (const VarDecl *VD = Chosen(Arg))
          return VD;
  return nullptr;
}

Value *BodyLowering::lowerChoiceUse(const Expr *E, const VarDecl *VD,
                                    bool Discard) {
  std::string Name = VD->getNameAsString();
  // A loop's header is printed as one C++ expression: no branches there.
  if (InLoopHeader)
    return fail(E->getExprLoc(),
                "reading through pointer '" + Name +
                    "', which may point into several arrays, in a loop's "
                    "condition or step is not supported; read it into a "
                    "variable before the loop and at the end of its body",
                E->getSourceRange());
  Value *Cell = nullptr;
  std::optional<Scalar> S;
  at(E->getBeginLoc());
  if (!Discard && !E->getType()->isVoidType()) {
    S = typeOf(E);
    if (!S)
      return nullptr;
    // `in[k]` read is named after the pointer.
    bool Read = isa<ArraySubscriptExpr, UnaryOperator>(E->IgnoreParens());
    Cell = B.local(*S, 0, Read ? Name : "chosen");
  }
  MovingPointer &M = Moving[VD];
  // The condition of `c ? a : b`, or a cell saying which array.
  bool Flag = M.Which->Code != ir::OpCode::Local;
  Value *Which = Flag ? M.Which : B.load(M.Which);
  // The offset, read once for every branch (each starts from it: `*p++`
  // moves it in the branch).
  Value *Off = M.Off;
  Value *Shared = Off ? Off : M.Cell ? B.load(M.Cell) : nullptr;
  // One arm: E's value stored in Cell, or E lowered as a statement.
  auto LowerArm = [&] {
    Moving[VD].Off = Shared;
    if (!Cell) {
      bool FailedBefore = Failed;
      Failed = false;
      lowerExprStmt(E);
      std::swap(Failed, FailedBefore);
      Failed |= FailedBefore;
      return !FailedBefore;
    }
    Value *V = lowerExpr(E);
    if (!V)
      return false;
    at(E->getBeginLoc());
    B.store(Cell, convert(V, *S, /*Implicit=*/true));
    return true;
  };
  ir::Block &Saved = B.block();
  bool Ok = true;
  unsigned Bases = M.Bases.size();
  ++RegionDepth;
  for (unsigned I = 0; I < Bases && Ok; ++I) {
    // Each array but the last in a branch; the last is the final else.
    if (I + 1 < Bases) {
      at(E->getBeginLoc());
      Value *If = B.ifOp(
          Flag ? Which
               : B.cmp(ir::CmpPred::EQ, Which,
                       makeConstant(Scalar::Int32, 0, I, std::to_string(I))));
      B.setBlock(If->Regions[ir::Then]);
      ChosenBase[VD] = I;
      Ok = LowerArm();
      B.setBlock(If->Regions[ir::Else]);
      continue;
    }
    ChosenBase[VD] = I;
    Ok = LowerArm();
  }
  ChosenBase.erase(VD);
  Moving[VD].Off = Off;
  --RegionDepth;
  B.setBlock(Saved);
  if (!Ok)
    return nullptr;
  at(E->getBeginLoc());
  return Cell ? B.load(Cell) : Which;
}

} // namespace gradc::frontend
