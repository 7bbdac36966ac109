//===- LoweringReturn.cpp - return, also from loops and nested branches ---===//
//
// A return that ends the function's path is the function's Return or, in a
// branch, a store into the local `result` that the final Return reads (the
// statements after its `if` go into the other branch). A return that other
// code would follow (in a loop, or in an `if` followed by more of an
// enclosing block) also sets the local `bool returned`. It breaks out of
// its loop where that break ends the loop body's path; the code it must
// skip is put under `if (!returned)`, and an enclosing loop's body ends
// with `if (returned) break;`. So every jump still ends its path, which
// the reverse mode relies on, and the IR needs nothing new.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"
#include "OperatorNames.h"

namespace gradc::frontend {

using namespace clang;
using ir::Scalar;
using ir::Value;

/// Whether every path through S returns (a break or continue that comes
/// first does not count).
static bool alwaysReturns(const Stmt *S) {
  return everyPathEnds(S, [](const Stmt *E) { return isa<ReturnStmt>(E); });
}

/// The first return in S that is not one of Body's own statements, or
/// null.
static const ReturnStmt *nestedReturn(const Stmt *S, const CompoundStmt *Body) {
  if (!S || isa<LambdaExpr>(S))
    return nullptr;
  if (const auto *RS = dyn_cast<ReturnStmt>(S))
    return llvm::find(Body->body(), S) == Body->body_end() ? RS : nullptr;
  for (const Stmt *Child : S->children())
    if (const ReturnStmt *RS = nestedReturn(Child, Body))
      return RS;
  return nullptr;
}

bool BodyLowering::takesRestIntoElse(const IfStmt *IS,
                                     ArrayRef<const Stmt *> Rest) const {
  if (Rest.empty())
    return false;
  bool ThenLeaves = alwaysLeaves(IS->getThen());
  if (ThenLeaves == alwaysLeaves(IS->getElse()))
    return false;
  // Where the list does not end the function or an iteration, only a
  // branch that returns may take the rest: `returned` skips what follows.
  // (A break sets `stop` then, and the rest is skipped all the same.)
  const Stmt *Leaves = ThenLeaves ? IS->getThen() : IS->getElse();
  return AtTail != Tail::None || alwaysReturns(Leaves) || alwaysBreaks(Leaves);
}

bool BodyLowering::endsIteration() const {
  return LoopDepth > 0 &&
         (AtTail == Tail::Iteration ||
          (AtTail == Tail::Switch && SwitchOuterTail == Tail::Iteration));
}

void BodyLowering::startReturns(const CompoundStmt *Body) {
  const ReturnStmt *Nested = nestedReturn(Body, Body);
  if (!Nested)
    return;
  at(FD.getLocation());
  if (!FD.getReturnType()->isVoidType() && F.RetTy.isScalar())
    ResultCell = B.local(F.RetTy.scalarKind(), 0, "result");
  if (ResultSlot) {
    // A struct too, copied into `out` at the end: then the pullback does
    // not write `out` again, and is not given it.
    QualType T = FD.getReturnType();
    std::optional<ContainerShape> C = containerShape(T, Ctx);
    if (C && C->IsVector) {
      // Sized by the return taken: a vector that changes size.
      ResultCell = grownResult("result", typeName(T.getUnqualifiedType()),
                               FD.getLocation(), C->S);
    } else if (C) {
      ResultCell = arrayLocal(T, *C, "result", FD.getLocation());
    } else {
      std::string Why;
      const RecordShape *Shape = Shapes.shape(T, Why);
      ResultCell = B.local(Shape->S, Shape->Size, "result");
      ResultCell->Text = typeName(T.getUnqualifiedType());
      ResultCell->Member = ir::MemberKind::Record;
      markDefaults(*ResultCell, *Shape);
    }
    std::swap(ResultCell, ResultSlot);
  }
  size_t Before = B.block().Ops.size();
  ReturnedFlag = B.local(Scalar::Bool, 0, "returned");
  B.store(ReturnedFlag, makeConstant(Scalar::Bool, 0, 0, "false"));
  FlagOps = B.block().Ops.size() - Before;
}

void BodyLowering::finishReturns() {
  if (!ReturnedFlag || FlagUsed)
    return;
  // No return needed it: its declaration and initialization go.
  std::vector<Value *> &Ops = F.Body.Ops;
  auto It = llvm::find(Ops, ReturnedFlag);
  Ops.erase(It, It + FlagOps);
}

const VarDecl *returnedLocal(const Expr *E) {
  // Through `.m` and `[i]` of the object itself (not through a pointer).
  while (true) {
    E = ignoreParenNoopCasts(E);
    if (const auto *ME = dyn_cast<MemberExpr>(E); ME && !ME->isArrow()) {
      E = ME->getBase();
      continue;
    }
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E);
        ASE &&
        ASE->getBase()->IgnoreParenImpCasts()->getType()->isArrayType()) {
      E = ASE->getBase()->IgnoreParenImpCasts();
      continue;
    }
    break;
  }
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || !VD->hasLocalStorage() || VD->getType()->isReferenceType() ||
      VD->getType()->isPointerType())
    return nullptr;
  return VD;
}

std::string localReferenceMessage(const std::string &Fn, const VarDecl *VD) {
  return "'" + Fn + "' returns a reference to its " +
         (isa<ParmVarDecl>(VD) ? "parameter '" : "local variable '") +
         VD->getNameAsString() +
         "', which ends with the call (undefined behaviour); return by "
         "value, or a reference to memory the caller gives";
}

bool BodyLowering::refuseLocalReference(const Expr *E) {
  if (!FD.getReturnType()->isLValueReferenceType())
    return false;
  const VarDecl *VD = returnedLocal(E);
  if (!VD)
    return false;
  // Clang only warns: the caller would read a dead object.
  fail(E->getBeginLoc(), localReferenceMessage(functionName(), VD),
       E->getSourceRange());
  return true;
}

void BodyLowering::lowerReturn(const ReturnStmt *RS) {
  ExitedBy = "return";
  const Expr *E = RS->getRetValue();
  // `a += b` returns the object it changed: to the IR, nothing.
  if (returnsSelf(FD)) {
    const ParmVarDecl *Self = selfParam(FD);
    const auto *DRE =
        E ? dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()) : nullptr;
    if (!E || (Self ? !DRE || DRE->getDecl() != Self : !isThisDeref(E))) {
      fail(RS->getBeginLoc(),
           "'" + functionName() + "' must return '" +
               (Self ? Self->getNameAsString() : std::string("*this")) +
               "'; gradc calls it as a statement that changes its " +
               (Self ? "first operand" : "object"));
      return;
    }
    E = nullptr;
  }
  if (FD.getReturnType()->isVoidType() && E) {
    fail(E->getBeginLoc(),
         "returning an expression from a void function is not supported",
         E->getSourceRange());
    return;
  }
  if (!FD.getReturnType()->isVoidType() && !E && !returnsSelf(FD)) {
    fail(RS->getBeginLoc(), "'" + functionName() + "' must return a value");
    return;
  }
  Value *V = nullptr;
  std::optional<ContainerShape> C = containerShape(FD.getReturnType(), Ctx);
  if (E && ResultSlot && C && C->IsVector) {
    // A std::vector: copied into `out`, sized by the caller.
    if (!checkOrder(E) || !lowerVectorReturn(E, *C))
      return;
  } else if (E && ResultSlot && C) {
    // A std::array: written into `out` as a struct is.
    if (!checkOrder(E) || !lowerArrayInto(E, ResultSlot, *C))
      return;
  } else if (E && ResultSlot) {
    // A struct: written into `out`, the function's last parameter.
    const RecordShape *Shape =
        shapeOf(FD.getReturnType(), E->getBeginLoc(), E->getSourceRange());
    if (!Shape || !checkOrder(E) || !lowerRecordInto(E, ResultSlot, *Shape))
      return;
  } else if (E) {
    if (!checkOrder(E) || refuseLocalReference(E))
      return;
    V = expectScalar(lowerExpr(E), E);
    if (!V)
      return;
    at(RS->getBeginLoc());
    if (F.RetTy.isScalar())
      V = convert(V, F.RetTy.scalarKind(), /*Implicit=*/true);
  }
  at(RS->getBeginLoc());
  if (RegionDepth == 0) {
    ReturnEmitted = true;
    returnRecord();
    B.ret(V);
    return;
  }
  if (V && !ResultCell) {
    fail(RS->getBeginLoc(), "'return' inside a branch is not supported in "
                            "a function returning '" +
                                typeName(FD.getReturnType()) + "'");
    return;
  }
  if (V)
    B.store(ResultCell, V); // the function's final return reads it
  // A case's path of a switch that ends the function ends it too.
  if (AtTail == Tail::Function ||
      (AtTail == Tail::Switch && SwitchOuterTail == Tail::Function))
    return;
  B.store(ReturnedFlag, makeConstant(Scalar::Bool, 0, 1, "true"));
  FlagUsed = true;
  EscapeLoc = RS->getBeginLoc();
  EscapeStmt = CurStmt;
  if (endsIteration()) {
    B.brk();
    LoopReturned = true;
  } else {
    Returning = true;
  }
}

void BodyLowering::returnRecord() {
  // ResultCell is then `out`, and ResultSlot the local `result`.
  if (ResultSlot && ResultCell && ResultCell->Code == ir::OpCode::Param) {
    if (std::optional<ContainerShape> C =
            containerShape(FD.getReturnType(), Ctx)) {
      Value *Count = containerCount(C->IsVector ? ResultSlot : ResultCell, *C);
      copyElements(ResultCell, ResultSlot, Count);
      if (C->IsVector)
        F.ResultCount = Count;
      return;
    }
    std::string Why;
    copyRecord(ResultCell, ResultSlot, *Shapes.shape(FD.getReturnType(), Why));
  }
}

void BodyLowering::skipAfterReturn(ArrayRef<const Stmt *> Rest) {
  bool BreakOut = endsIteration();
  if (!BreakOut && Rest.empty()) {
    Returning = true; // the enclosing block skips what follows
    return;
  }
  int Saved = CurStmt;
  CurStmt = EscapeStmt;
  at(EscapeLoc);
  Value *Returned = B.load(ReturnedFlag);
  if (BreakOut) {
    // `if (returned) break;`, the rest of the body in the else.
    Value *If = B.ifOp(Returned);
    ir::Block &Here = B.block();
    B.setBlock(If->Regions[ir::Then]);
    B.brk();
    B.setBlock(Here);
    LoopReturned = true;
    if (!Rest.empty() && lowerRegion(If->Regions[ir::Else], nullptr, Rest))
      ExitedBy = "if";
  } else {
    Value *If = B.ifOp(B.logicNot(Returned));
    if (lowerRegion(If->Regions[ir::Then], nullptr, Rest))
      ExitedBy = "return"; // every path has returned
    Returning = true;
  }
  CurStmt = Saved;
}

} // namespace gradc::frontend
