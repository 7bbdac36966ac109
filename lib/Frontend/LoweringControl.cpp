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

void BodyLowering::lowerLoopCond(Value *Loop, const Expr *Cond) {
  ir::Block &Saved = B.block();
  B.setBlock(Loop->Regions[ir::Cond]);
  ++InLoopHeader;
  if (Value *C = lowerCondition(Cond)) {
    at(Cond->getBeginLoc());
    B.yield(C);
  }
  --InLoopHeader;
  B.setBlock(Saved);
}

void BodyLowering::lowerLoopBody(Value *Loop, const Stmt *Body) {
  Tail Saved = AtTail;
  AtTail = Tail::Iteration;
  ++LoopDepth;
  lowerRegion(Loop->Regions[ir::LoopBody], Body);
  --LoopDepth;
  AtTail = Saved;
}

void BodyLowering::lowerFor(const ForStmt *FS) {
  int Header = addStatementText(
      FS, sourceText(SourceRange(FS->getBeginLoc(), FS->getRParenLoc())));
  CurStmt = Header;
  if (refuseConditionVar(FS->getConditionVariable()))
    return;
  at(FS->getBeginLoc());
  Value *Loop = B.loop(LoopKind::For);
  ir::Block &Saved = B.block();
  // The init's variables are scoped to the loop, as in C++.
  ++RegionDepth;
  if (const Stmt *Init = FS->getInit()) {
    B.setBlock(Loop->Regions[ir::Init]);
    ++InLoopHeader;
    if (const auto *DS = dyn_cast<DeclStmt>(Init))
      lowerDeclStmt(DS);
    else if (const auto *E = dyn_cast<Expr>(Init))
      lowerExprStmt(E);
    --InLoopHeader;
    B.setBlock(Saved);
  }
  if (const Expr *Cond = FS->getCond())
    lowerLoopCond(Loop, Cond);
  lowerLoopBody(Loop, FS->getBody());
  if (const Expr *Inc = FS->getInc()) {
    CurStmt = Header;
    B.setBlock(Loop->Regions[ir::Step]);
    ++InLoopHeader;
    lowerExprStmt(Inc);
    --InLoopHeader;
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
  lowerLoopBody(Loop, WS->getBody());
  CurStmt = Header;
}

void BodyLowering::lowerDo(const DoStmt *DS) {
  // The header a reader recognises: "do ... while (c)".
  int Header = addStatementText(
      DS, "do ... while (" + sourceText(DS->getCond()->getSourceRange()) + ")");
  CurStmt = Header;
  at(DS->getBeginLoc());
  Value *Loop = B.loop(LoopKind::DoWhile);
  lowerLoopBody(Loop, DS->getBody());
  CurStmt = Header;
  ++RegionDepth;
  lowerLoopCond(Loop, DS->getCond());
  --RegionDepth;
}

void BodyLowering::lowerJump(const Stmt *S) {
  bool IsBreak = isa<BreakStmt>(S);
  if (LoopDepth == 0) {
    // Clang refuses these outside loops and switches; a switch is refused.
    fail(S->getBeginLoc(), std::string(IsBreak ? "'break'" : "'continue'") +
                               " outside a loop is not supported");
    return;
  }
  ExitedBy = IsBreak ? "break" : "continue";
  // A continue that ends an iteration anyway says nothing.
  if (!IsBreak && AtTail == Tail::Iteration)
    return;
  at(S->getBeginLoc());
  if (IsBreak)
    B.brk();
  else
    B.cont();
}

} // namespace gradc::frontend
