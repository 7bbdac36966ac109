//===- LoweringSwitch.cpp - switch to if / else if ------------------------===//
//
// `switch (k)` becomes `if (k == 1 || k == 2) {...} else if (k == 3) {...}
// else {default}`: one branch per group of labels, tested in source order,
// the default last. A branch runs what C++ runs from its labels: its own
// statements and, through fallthrough, those of the labels after it, up to
// the first group that always leaves (a `break`, `return`, `continue`);
// the statements it falls into are written again in its branch. A `break`
// of the switch ends its branch's path; one that would skip more of its
// group is refused, as in loops. The IR needs nothing new.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

namespace gradc::frontend {

using namespace clang;
using ir::Scalar;
using ir::Value;

namespace {

/// The statements after one group of labels (`case 1: case 2:`).
struct Group {
  llvm::SmallVector<const CaseStmt *, 2> Cases;
  const DefaultStmt *Default = nullptr;
  llvm::SmallVector<const Stmt *, 8> Stmts;
};

} // namespace

void BodyLowering::lowerSwitch(const SwitchStmt *SS) {
  int Header = addStatementText(
      SS, sourceText(SourceRange(SS->getBeginLoc(), SS->getRParenLoc())));
  CurStmt = Header;
  // `switch (init; k)` and `switch (int k = f())`: as for an if.
  for (const Stmt *Before :
       {SS->getInit(),
        static_cast<const Stmt *>(SS->getConditionVariableDeclStmt())})
    if (Before) {
      lowerStmt(Before);
      CurStmt = Header;
    }
  const Expr *Cond = SS->getCond();
  if (!checkOrder(Cond))
    return;
  Value *Key = expectScalar(lowerExpr(Cond), Cond);
  std::optional<Scalar> KeyTy = typeOf(Cond);
  if (!Key || !KeyTy)
    return;
  at(Cond->getBeginLoc());
  Key = convert(Key, *KeyTy, /*Implicit=*/true);

  // The groups, each opened by the labels directly in the switch's braces.
  llvm::SmallVector<Group, 8> Groups;
  llvm::SmallVector<const Stmt *, 16> Body;
  if (const auto *CS = dyn_cast<CompoundStmt>(SS->getBody()))
    Body.append(CS->body_begin(), CS->body_end());
  else
    Body.push_back(SS->getBody());
  for (const Stmt *S : Body) {
    if (isa<SwitchCase>(S))
      Groups.emplace_back();
    while (const auto *SC = dyn_cast<SwitchCase>(S)) {
      if (const auto *CS = dyn_cast<CaseStmt>(SC)) {
        if (CS->caseStmtIsGNURange()) {
          fail(CS->getBeginLoc(), "case ranges ('case 1 ... 3:') are not "
                                  "supported; list the values");
          return;
        }
        Groups.back().Cases.push_back(CS);
      } else {
        Groups.back().Default = cast<DefaultStmt>(SC);
      }
      S = SC->getSubStmt();
    }
    if (isEmptyStmt(S))
      continue;
    if (Groups.empty()) {
      fail(S->getBeginLoc(),
           "code before the first 'case' of a switch is never run; remove it",
           S->getSourceRange());
      return;
    }
    if (isa<DeclStmt>(S)) {
      // Its scope would run on into the next groups, which gradc writes
      // as other branches.
      fail(S->getBeginLoc(),
           "a declaration directly under a 'case' label is not supported; "
           "put the case's statements in braces ('case 1: { double t = ...; "
           "break; }')",
           S->getSourceRange());
      return;
    }
    Groups.back().Stmts.push_back(S);
  }

  // The path of each group: its statements, then the next groups' up to
  // the first one that always leaves.
  auto PathOf = [&](size_t G) {
    llvm::SmallVector<const Stmt *, 16> Path;
    for (size_t K = G; K < Groups.size(); ++K) {
      Path.append(Groups[K].Stmts.begin(), Groups[K].Stmts.end());
      if (llvm::any_of(Groups[K].Stmts, alwaysLeaves))
        break;
    }
    return Path;
  };

  bool SavedIn = InSwitch;
  unsigned SavedLoopDepth = SwitchLoopDepth, SavedBreaks = SwitchBreaks;
  Tail SavedOuter = SwitchOuterTail, SavedTail = AtTail;
  InSwitch = true;
  SwitchLoopDepth = LoopDepth;
  SwitchOuterTail = AtTail;
  SwitchBreaks = 0;
  bool AllLeave = true;
  auto LowerPath = [&](ir::Block &Region, size_t G) {
    AtTail = Tail::Switch;
    llvm::SmallVector<const Stmt *, 16> Path = PathOf(G);
    AllLeave = lowerRegion(Region, nullptr, Path) && AllLeave;
    AtTail = SavedTail;
    CurStmt = Header;
  };

  const Group *DefaultGroup = nullptr;
  size_t DefaultIndex = 0;
  ir::Block *Next = &B.block();
  ir::Block &Outer = B.block();
  for (size_t G = 0; G < Groups.size() && !Failed; ++G) {
    if (Groups[G].Default) {
      DefaultGroup = &Groups[G];
      DefaultIndex = G;
      if (Groups[G].Cases.empty())
        continue;
    }
    // `case 1: default:` is the default's branch alone.
    if (Groups[G].Default)
      continue;
    B.setBlock(*Next);
    Value *Test = nullptr;
    for (const CaseStmt *CS : Groups[G].Cases) {
      llvm::APSInt V = CS->getLHS()->EvaluateKnownConstInt(Ctx);
      const Expr *Written = CS->getLHS()->IgnoreParenImpCasts();
      std::string Text;
      if (const auto *IL = dyn_cast<IntegerLiteral>(Written))
        Text = spellingOf(IL->getLocation());
      else if (const auto *DRE = dyn_cast<DeclRefExpr>(Written))
        if (const auto *ECD = dyn_cast<EnumConstantDecl>(DRE->getDecl()))
          Text = enumeratorName(*ECD); // `case Kind::Box:`
      at(CS->getBeginLoc());
      Value *C = makeConstant(*KeyTy, 0, V.getExtValue(), Text);
      Value *Eq = B.cmp(ir::CmpPred::EQ, Key, C);
      Test = Test ? B.logicOr(Test, Eq) : Eq;
    }
    at(SS->getBeginLoc());
    Value *If = B.ifOp(Test);
    LowerPath(If->Regions[ir::Then], G);
    Next = &If->Regions[ir::Else];
  }
  if (DefaultGroup && !Failed) {
    B.setBlock(*Next);
    LowerPath(*Next, DefaultIndex);
  }
  B.setBlock(Outer);
  // Without a default, or with a break, control can reach what follows.
  if (DefaultGroup && AllLeave && SwitchBreaks == 0 && !Failed)
    ExitedBy = "switch";
  InSwitch = SavedIn;
  SwitchLoopDepth = SavedLoopDepth;
  SwitchBreaks = SavedBreaks;
  SwitchOuterTail = SavedOuter;
  AtTail = SavedTail;
  CurStmt = Header;
}

} // namespace gradc::frontend
