//===- LoweringControl.cpp - if, loops, break and continue to IR ----------===//
//
// Structured control flow becomes If and Loop ops whose regions hold the
// lowered statements, so that the emitters give the user's own loops and
// branches back. The If or Loop op carries the statement of its header
// ("for (int i = 0; i < n; ++i)"), and so do the ops of a loop's init,
// condition and step.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"
#include "Sequencing.h"
#include "StepOrder.h"

#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace gradc::frontend {

using namespace clang;
using ir::LoopKind;
using ir::Scalar;
using ir::Value;

bool BodyLowering::lowerRegion(ir::Block &Region, const Stmt *S,
                               ArrayRef<const Stmt *> Rest) {
  ir::Block &Saved = B.block();
  B.setBlock(Region);
  ++RegionDepth;
  // A block's statements and the ones moved after it form one list, so
  // that an exit inside the block can take the rest along too.
  SmallVector<const Stmt *, 8> Stmts;
  if (const auto *CS = dyn_cast_or_null<CompoundStmt>(S))
    Stmts.append(CS->body_begin(), CS->body_end());
  else if (S)
    Stmts.push_back(S);
  Stmts.append(Rest.begin(), Rest.end());
  const char *SavedExit = ExitedBy;
  ExitedBy = nullptr;
  lowerList(Stmts);
  bool Left = ExitedBy != nullptr;
  ExitedBy = SavedExit;
  --RegionDepth;
  B.setBlock(Saved);
  return Left;
}

Value *BodyLowering::lowerCondition(const Expr *E) {
  if (!checkOrder(E))
    return nullptr;
  Value *V = expectScalar(lowerExpr(E), E);
  if (!V)
    return nullptr;
  at(E->getBeginLoc());
  return convert(V, Scalar::Bool, /*Implicit=*/true);
}

bool BodyLowering::refuseConditionVar(const VarDecl *VD) {
  if (!VD)
    return false;
  fail(VD->getLocation(),
       "declaring a variable in a loop's condition is not supported yet; "
       "declare it before the loop and assign it in the condition's place");
  return true;
}

void BodyLowering::lowerIf(const IfStmt *IS, ArrayRef<const Stmt *> Rest) {
  CurStmt = addStatementText(
      IS, sourceText(SourceRange(IS->getBeginLoc(), IS->getRParenLoc())));
  if (IS->isConsteval()) {
    fail(IS->getBeginLoc(), "'if consteval' is not supported");
    return;
  }
  int Header = CurStmt;
  // `if (init; cond)` and `if (double t = e)`: their variables are the
  // if's alone in C++, and distinct declarations for Clang, so lowering
  // them just before the if means the same.
  for (const Stmt *Before :
       {IS->getInit(),
        static_cast<const Stmt *>(IS->getConditionVariableDeclStmt())})
    if (Before) {
      lowerStmt(Before);
      CurStmt = Header;
    }
  Value *C = lowerCondition(IS->getCond());
  if (!C)
    return;
  at(IS->getBeginLoc());
  Value *If = B.ifOp(C);
  bool ThenLeaves = alwaysLeaves(IS->getThen());
  bool ThenLeft = lowerRegion(If->Regions[ir::Then], IS->getThen(),
                              ThenLeaves ? ArrayRef<const Stmt *>() : Rest);
  bool ElseLeft = false;
  if (IS->getElse() || !Rest.empty())
    ElseLeft = lowerRegion(If->Regions[ir::Else], IS->getElse(),
                           ThenLeaves ? Rest : ArrayRef<const Stmt *>());
  if (ThenLeft && ElseLeft)
    ExitedBy = "if";
  CurStmt = Header;
}

bool BodyLowering::alwaysBreaks(const Stmt *S) const {
  return CurLoop && !(InSwitch && LoopDepth == SwitchLoopDepth) &&
         everyPathEnds(S, [](const Stmt *E) { return isa<BreakStmt>(E); });
}

Value *BodyLowering::stopFlag() {
  if (StopFlag)
    return StopFlag;
  ir::Block Decl;
  ir::Block &Here = B.block();
  B.setBlock(Decl);
  StopFlag = B.local(Scalar::Bool, 0, "stop");
  B.store(StopFlag, makeConstant(Scalar::Bool, 0, 0, "false"));
  B.setBlock(Here);
  std::vector<Value *> &Ops = CurLoop->Regions[ir::LoopBody].Ops;
  Ops.insert(Ops.begin(), Decl.Ops.begin(), Decl.Ops.end());
  return StopFlag;
}

void BodyLowering::skipAfterBreak(ArrayRef<const Stmt *> Rest) {
  bool AtEnd = endsIteration();
  if (!AtEnd && Rest.empty()) {
    Breaking = true; // the enclosing block skips what follows
    return;
  }
  int Saved = CurStmt;
  CurStmt = StopStmt;
  at(StopLoc);
  Value *Stop = B.load(StopFlag);
  if (AtEnd) {
    Value *If = B.ifOp(Stop);
    ir::Block &Here = B.block();
    B.setBlock(If->Regions[ir::Then]);
    B.brk();
    B.setBlock(Here);
    if (!Rest.empty() && lowerRegion(If->Regions[ir::Else], nullptr, Rest))
      ExitedBy = "if";
  } else {
    Value *If = B.ifOp(B.logicNot(Stop));
    if (lowerRegion(If->Regions[ir::Then], nullptr, Rest))
      ExitedBy = "break"; // every path has left
    Breaking = true;
  }
  CurStmt = Saved;
}

Value *BodyLowering::lowerLoopTest(const Expr *Guard) {
  Value *C = lowerCondition(Guard);
  if (!C)
    return nullptr;
  at(Guard->getBeginLoc());
  Value *If = B.ifOp(B.logicNot(C));
  ir::Block &Here = B.block();
  B.setBlock(If->Regions[ir::Then]);
  B.brk();
  B.setBlock(Here);
  return If;
}

void BodyLowering::lowerLoopCond(Value *Loop, const Expr *Cond) {
  ir::Block &Saved = B.block();
  B.setBlock(Loop->Regions[ir::Cond]);
  ++InLoopHeader;
  if (hasSideEffect(Cond)) {
    // Tested by the body instead (lowerGuardedBody).
    at(Cond->getBeginLoc());
    B.yield(makeConstant(Scalar::Bool, 0, 1, "true"));
  } else if (Value *C = lowerCondition(Cond)) {
    at(Cond->getBeginLoc());
    B.yield(C);
  }
  --InLoopHeader;
  B.setBlock(Saved);
}

void BodyLowering::lowerLoopBody(Value *Loop, const Stmt *Body) {
  lowerGuardedBody(Loop, Body, nullptr, false);
}

/// The first `continue` in S that continues S's own loop (not one nested
/// in an inner loop).
static const Stmt *findOwnContinue(const Stmt *S) {
  if (!S || isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, LambdaExpr>(S))
    return nullptr;
  if (isa<ContinueStmt>(S))
    return S;
  for (const Stmt *Child : S->children())
    if (const Stmt *C = findOwnContinue(Child))
      return C;
  return nullptr;
}

void BodyLowering::lowerGuardedBody(Value *Loop, const Stmt *Body,
                                    const Expr *Guard, bool AtEnd) {
  Tail Saved = AtTail;
  AtTail = Tail::Iteration;
  ++LoopDepth;
  Value *OuterLoop = CurLoop, *OuterStop = StopFlag;
  bool OuterBreaking = Breaking;
  CurLoop = Loop;
  StopFlag = nullptr;
  Breaking = false;
  // A return that breaks out of this loop leaves the statement after it
  // to skip the code that follows.
  bool OuterReturned = LoopReturned, OuterReturning = Returning;
  LoopReturned = Returning = false;
  auto Finish = [&] {
    CurLoop = OuterLoop;
    StopFlag = OuterStop;
    Breaking = OuterBreaking;
    --LoopDepth;
    AtTail = Saved;
    Returning = OuterReturning || LoopReturned || Returning;
    LoopReturned = OuterReturned;
  };
  if (!Guard) {
    lowerRegion(Loop->Regions[ir::LoopBody], Body);
    Finish();
    return;
  }
  int Header = CurStmt;
  ir::Block &SavedBlock = B.block();
  B.setBlock(Loop->Regions[ir::LoopBody]);
  ++RegionDepth;
  const char *SavedExit = ExitedBy;
  ExitedBy = nullptr;
  if (AtEnd) {
    // `do body while (g)`: `while (true) { body; if (!g) break; }`, the
    // test the last statement of the body's list, so that an `if` whose
    // branch breaks takes the test into its other branch. A continue
    // would skip the test.
    if (const Stmt *C = findOwnContinue(Body))
      fail(C->getBeginLoc(),
           "'continue' in a 'do' loop whose condition changes a variable is "
           "not supported; test the condition in the body and 'break'");
    SmallVector<const Stmt *, 8> Stmts;
    if (const auto *CS = dyn_cast<CompoundStmt>(Body))
      Stmts.append(CS->body_begin(), CS->body_end());
    else
      Stmts.push_back(Body);
    Stmts.push_back(Guard);
    const Expr *OuterTest = DoTest;
    int OuterHeader = DoTestHeader;
    DoTest = Guard;
    DoTestHeader = Header;
    lowerList(Stmts);
    DoTest = OuterTest;
    DoTestHeader = OuterHeader;
  } else if (Value *If = lowerLoopTest(Guard)) {
    lowerRegion(If->Regions[ir::Else], Body);
  }
  ExitedBy = SavedExit;
  --RegionDepth;
  B.setBlock(SavedBlock);
  Finish();
}

bool BodyLowering::refuseNestedEffects(const Expr *E, const char *Where) {
  E = E->IgnoreParens();
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
    E = EWC->getSubExpr()->IgnoreParens();
  const Expr *Nested = nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->isCommaOp())
    return refuseNestedEffects(BO->getLHS(), Where) &&
           refuseNestedEffects(BO->getRHS(), Where);
  if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->isAssignmentOp())
    Nested = findSideEffect(BO->getRHS()) ? findSideEffect(BO->getRHS())
                                          : findSideEffect(BO->getLHS());
  else if (const auto *UO = dyn_cast<UnaryOperator>(E);
           UO && UO->isIncrementDecrementOp())
    Nested = findSideEffect(UO->getSubExpr());
  else
    Nested = findSideEffect(E);
  if (!Nested)
    return true;
  fail(Nested->getExprLoc(),
       std::string("a variable changed inside an expression of a 'for' "
                   "loop's ") +
           Where +
           " is not supported; change it in a statement of its own (the "
           "body, or before the loop)",
       Nested->getSourceRange());
  return false;
}

void BodyLowering::lowerFor(const ForStmt *FS) {
  int Header = addStatementText(
      FS, sourceText(SourceRange(FS->getBeginLoc(), FS->getRParenLoc())));
  CurStmt = Header;
  if (refuseConditionVar(FS->getConditionVariable()))
    return;
  const Stmt *Init = FS->getInit();
  // `for (int i = 0, k = n - 1; ...)`: a loop's header declares one
  // variable, so these are declared just before the loop (their names are
  // the loop's alone all the same). So is a pointer the loop does not move
  // (`for (const double *e = p + n; p < e; ++p)`): its position, computed
  // once as in C++, would be computed again at each test in the header.
  // So is one whose initializer changes a variable (`int k = j++`): the
  // header's declaration could only be written after that change.
  const auto *InitDecls = dyn_cast_or_null<DeclStmt>(Init);
  const auto *Single = InitDecls && InitDecls->isSingleDecl()
                           ? dyn_cast<VarDecl>(InitDecls->getSingleDecl())
                           : nullptr;
  bool Changes =
      InitDecls && llvm::any_of(InitDecls->decls(), [](const Decl *D) {
        const auto *VD = dyn_cast<VarDecl>(D);
        return VD && VD->getInit() && hasSideEffect(VD->getInit());
      });
  if (InitDecls &&
      (!Single || Changes ||
       (Single->getType()->isPointerType() && !Reassigned.count(Single)))) {
    ++RegionDepth;
    lowerDeclStmt(InitDecls);
    --RegionDepth;
    CurStmt = Header;
    Init = nullptr;
  }
  at(FS->getBeginLoc());
  Value *Loop = B.loop(LoopKind::For);
  ir::Block &Saved = B.block();
  // The init's variables are scoped to the loop, as in C++.
  ++RegionDepth;
  if (Init) {
    B.setBlock(Loop->Regions[ir::Init]);
    ++InLoopHeader;
    if (const auto *DS = dyn_cast<DeclStmt>(Init)) {
      bool Plain = true;
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D); VD && VD->getInit())
          Plain = Plain && refuseNestedEffects(VD->getInit(), "initialization");
      if (Plain)
        lowerDeclStmt(DS);
    } else if (const auto *E = dyn_cast<Expr>(Init)) {
      if (refuseNestedEffects(E, "initialization"))
        lowerExprStmt(E);
    }
    --InLoopHeader;
    B.setBlock(Saved);
  }
  const Expr *Cond = FS->getCond();
  if (Cond)
    lowerLoopCond(Loop, Cond);
  CurStmt = Header;
  lowerGuardedBody(Loop, FS->getBody(),
                   Cond && hasSideEffect(Cond) ? Cond : nullptr, false);
  if (const Expr *Inc = FS->getInc()) {
    CurStmt = Header;
    B.setBlock(Loop->Regions[ir::Step]);
    // `j = i++`: its changes in C++'s order, as a statement's, printed
    // `j = i, ++i`.
    ++InLoopHeader;
    lowerExprStmt(Inc);
    --InLoopHeader;
    if (!orderStepStores(Loop->Regions[ir::Step]) &&
        refuseNestedEffects(Inc, "step"))
      fail(Inc->getExprLoc(),
           "this 'for' loop's step reads a variable it also changes in an "
           "order gradc cannot write as one step; change them in the body",
           Inc->getSourceRange());
    B.setBlock(Saved);
  }
  --RegionDepth;
  CurStmt = Header;
}

void BodyLowering::lowerWhile(const WhileStmt *WS) {
  int Header = addStatementText(
      WS, sourceText(SourceRange(WS->getBeginLoc(), WS->getRParenLoc())));
  CurStmt = Header;
  if (refuseConditionVar(WS->getConditionVariable()))
    return;
  at(WS->getBeginLoc());
  Value *Loop = B.loop(LoopKind::While);
  ++RegionDepth;
  lowerLoopCond(Loop, WS->getCond());
  --RegionDepth;
  CurStmt = Header;
  const Expr *Guard = hasSideEffect(WS->getCond()) ? WS->getCond() : nullptr;
  lowerGuardedBody(Loop, WS->getBody(), Guard, false);
  CurStmt = Header;
}

void BodyLowering::lowerDo(const DoStmt *DS) {
  // The header a reader recognises: "do ... while (c)".
  int Header = addStatementText(
      DS, "do ... while (" + sourceText(DS->getCond()->getSourceRange()) + ")");
  CurStmt = Header;
  at(DS->getBeginLoc());
  // A condition that changes a variable is tested at the end of the body
  // of a `while (true)` loop.
  const Expr *Guard = hasSideEffect(DS->getCond()) ? DS->getCond() : nullptr;
  Value *Loop = B.loop(Guard ? LoopKind::While : LoopKind::DoWhile);
  lowerGuardedBody(Loop, DS->getBody(), Guard, true);
  CurStmt = Header;
  ++RegionDepth;
  lowerLoopCond(Loop, DS->getCond());
  --RegionDepth;
}

void BodyLowering::lowerJump(const Stmt *S) {
  bool IsBreak = isa<BreakStmt>(S);
  // In a switch's case (not in a loop inside it): the jump ends the
  // case's path, and a continue also the loop's iteration.
  if (InSwitch && LoopDepth == SwitchLoopDepth && (IsBreak || LoopDepth)) {
    const char *What = IsBreak ? "'break'" : "'continue'";
    if (AtTail != Tail::Switch) {
      fail(S->getBeginLoc(),
           std::string(What) +
               " that skips later statements of its 'case' is not supported "
               "yet; put those statements in an 'else'");
      return;
    }
    ExitedBy = IsBreak ? "break" : "continue";
    if (IsBreak) {
      ++SwitchBreaks;
      return;
    }
    if (SwitchOuterTail == Tail::Iteration)
      return; // the switch ends the iteration anyway
    at(S->getBeginLoc());
    B.cont();
    return;
  }
  if (LoopDepth == 0) {
    // Clang refuses these outside loops and switches.
    fail(S->getBeginLoc(), std::string(IsBreak ? "'break'" : "'continue'") +
                               " outside a loop is not supported");
    return;
  }
  ExitedBy = IsBreak ? "break" : "continue";
  // A continue that ends an iteration anyway says nothing.
  if (!IsBreak && AtTail == Tail::Iteration)
    return;
  at(S->getBeginLoc());
  // A break that more of the loop's body follows: `stop = true;`, and that
  // code is skipped (skipAfterBreak), so that every jump ends its path.
  if (IsBreak && AtTail != Tail::Iteration && CurLoop) {
    B.store(stopFlag(), makeConstant(Scalar::Bool, 0, 1, "true"));
    Breaking = true;
    StopLoc = S->getBeginLoc();
    StopStmt = CurStmt;
    return;
  }
  if (IsBreak)
    B.brk();
  else
    B.cont();
}

} // namespace gradc::frontend
