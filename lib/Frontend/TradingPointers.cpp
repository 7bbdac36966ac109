//===- TradingPointers.cpp - Pointers that trade two arrays ---------------===//
//
// A time stepper keeps two buffers and two pointers into them, and trades
// the pointers after each step: `double *src = a, *dst = b; for (...) {
// dst[i] = f(src[i]); std::swap(src, dst); }`. Where nothing names the
// arrays themselves once the pointers hold them, and the pointers are only
// read through and traded, trading the pointers is the same as trading
// the arrays' contents with the pointers fixed: `src` names `a`, `dst`
// names `b`, and the swap is `std::swap(a, b)`, whose derivative gradc
// knows. That is what this scan finds; anything else it leaves alone.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

#include "clang/Basic/SourceManager.h"

namespace gradc::frontend {

using namespace clang;

namespace {

const VarDecl *namedVariable(const Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  return DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
}

/// The array or container a pointer starts at, from its first element:
/// `a` of an array, `v.data()`; or null.
const Expr *wholeArray(const Expr *Init) {
  const Expr *E = Init->IgnoreParenImpCasts();
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MCE->getMethodDecl();
    if (!MD || !MD->getIdentifier() || MD->getName() != "data" ||
        MCE->getNumArgs() != 0)
      return nullptr;
    E = MCE->getImplicitObjectArgument()->IgnoreParenImpCasts();
  } else if (!E->getType()->isConstantArrayType()) {
    return nullptr;
  }
  const VarDecl *VD = namedVariable(E);
  return VD && VD->hasLocalStorage() && !isa<ParmVarDecl>(VD) &&
                 !VD->getType()->isReferenceType()
             ? E
             : nullptr;
}

bool isStdSwap(const CallExpr *CE) {
  const FunctionDecl *FD = CE->getDirectCallee();
  return FD && FD->isInStdNamespace() && FD->getIdentifier() &&
         FD->getName() == "swap" && CE->getNumArgs() == 2;
}

class Scan {
public:
  Scan(const CompoundStmt *Body, const ASTContext &Ctx)
      : Ctx(Ctx), SM(Ctx.getSourceManager()) {
    // Candidates: pointers of the body's own block (not re-declared in a
    // loop) that start at a whole local array.
    for (const Stmt *S : Body->body())
      if (const auto *DS = dyn_cast<DeclStmt>(S))
        for (const Decl *D : DS->decls())
          if (const auto *VD = dyn_cast<VarDecl>(D);
              VD && VD->getType()->isPointerType() && VD->getInit())
            if (const Expr *Arr = wholeArray(VD->getInit()))
              Cands[VD] = {Arr, namedVariable(Arr), DS->getBeginLoc()};
    if (Cands.empty())
      return;
    findPartners(Body);
    for (auto &[P, C] : Cands)
      for (const auto &[Q, D] : Cands)
        if (P != Q && C.Array == D.Array)
          C.Bad = true; // two pointers into one array
    Stack.clear();
    walk(Body, false);
  }

  void result(TradingPointers &Out) const {
    auto Valid = [&](const VarDecl *P) {
      const Cand &C = Cands.find(P)->second;
      if (C.Bad || !C.Partner)
        return false;
      const Cand &Q = Cands.find(C.Partner)->second;
      return !Q.Bad && Q.Partner == P &&
             Ctx.hasSameUnqualifiedType(C.ArrayExpr->getType(),
                                        Q.ArrayExpr->getType());
    };
    for (const auto &[P, C] : Cands)
      if (Valid(P))
        Out.Arrays[P] = C.ArrayExpr;
    for (const TmpTrade &T : TmpTrades)
      if (Valid(T.P)) {
        Out.Trades[T.Stmts[1]] = {T.P, T.Q};
        Out.Silent.insert(T.Stmts[0]);
        Out.Silent.insert(T.Stmts[2]);
      }
  }

private:
  struct Cand {
    const Expr *ArrayExpr = nullptr;
    const VarDecl *Array = nullptr;
    SourceLocation Declared;
    const VarDecl *Partner = nullptr;
    bool Bad = false;
  };

  struct TmpTrade {
    const Stmt *Stmts[3];
    const VarDecl *P, *Q, *Tmp;
  };

  /// Records that P and Q trade; false if they are not two candidates.
  bool partners(const VarDecl *P, const VarDecl *Q) {
    auto PI = P ? Cands.find(P) : Cands.end();
    auto QI = Q ? Cands.find(Q) : Cands.end();
    if (PI == Cands.end() || QI == Cands.end() || P == Q)
      return false;
    for (auto [Self, Other] : {std::pair(PI, Q), std::pair(QI, P)}) {
      if (Self->second.Partner && Self->second.Partner != Other)
        Self->second.Bad = true; // traded with two others
      Self->second.Partner = Other;
    }
    return true;
  }

  static const VarDecl *assigned(const Stmt *S, const Expr *&RHS) {
    const auto *BO = dyn_cast<BinaryOperator>(S);
    if (!BO || BO->getOpcode() != BO_Assign)
      return nullptr;
    RHS = BO->getRHS();
    return namedVariable(BO->getLHS());
  }

  /// `T *tmp = p; p = q; q = tmp;` starting at Body[I].
  void findTmpTrade(ArrayRef<const Stmt *> Body, size_t I) {
    const auto *DS =
        I + 2 < Body.size() ? dyn_cast<DeclStmt>(Body[I]) : nullptr;
    const auto *Tmp = DS && DS->isSingleDecl()
                          ? dyn_cast<VarDecl>(DS->getSingleDecl())
                          : nullptr;
    if (!Tmp || !Tmp->getType()->isPointerType() || !Tmp->getInit())
      return;
    const VarDecl *P = namedVariable(Tmp->getInit());
    const Expr *FromQ = nullptr, *FromTmp = nullptr;
    const VarDecl *P2 = assigned(Body[I + 1], FromQ);
    const VarDecl *Q = assigned(Body[I + 2], FromTmp);
    if (!P || P != P2 || !Q || namedVariable(FromQ) != Q ||
        namedVariable(FromTmp) != Tmp || !partners(P, Q))
      return;
    TmpTrades.push_back({{Body[I], Body[I + 1], Body[I + 2]}, P, Q, Tmp});
    for (const Stmt *S : TmpTrades.back().Stmts)
      Accepted.insert(S);
  }

  void findPartners(const Stmt *S) {
    if (!S)
      return;
    if (const auto *CE = dyn_cast<CallExpr>(S); CE && isStdSwap(CE))
      if (partners(namedVariable(CE->getArg(0)), namedVariable(CE->getArg(1))))
        Swaps.insert(CE);
    if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
      ArrayRef<const Stmt *> Body(CS->body_begin(), CS->body_end());
      for (size_t I = 0; I < Body.size(); ++I)
        findTmpTrade(Body, I);
    }
    for (const Stmt *Child : S->children())
      findPartners(Child);
  }

  /// Whether the value at Stack[Depth] (a pointer read, when NeedRead, or
  /// an array) is only indexed, dereferenced, offset for one of those, or
  /// passed to a call: nothing keeps it past the statement.
  bool onlyReadThrough(size_t Depth, bool NeedRead) const {
    while (Depth > 0) {
      const Stmt *P = Stack[Depth - 1];
      if (const auto *ICE = dyn_cast<ImplicitCastExpr>(P)) {
        NeedRead &= ICE->getCastKind() != CK_LValueToRValue;
        --Depth;
        continue;
      }
      if (isa<ParenExpr>(P)) {
        --Depth;
        continue;
      }
      if (NeedRead) // the pointer itself: assigned, or passed by reference
        return false;
      if (isa<ArraySubscriptExpr, CallExpr, CXXForRangeStmt>(P))
        return true;
      if (const auto *UO = dyn_cast<UnaryOperator>(P))
        return UO->getOpcode() == UO_Deref;
      if (const auto *BO = dyn_cast<BinaryOperator>(P);
          BO && BO->isAdditiveOp()) {
        --Depth;
        continue;
      }
      // A member of a container (`v.size()`, `v[i]` is a call above).
      return isa<MemberExpr>(P);
    }
    return false;
  }

  bool isSwapArgument(size_t Depth) const {
    while (Depth > 0 && isa<ImplicitCastExpr, ParenExpr>(Stack[Depth - 1]))
      --Depth;
    const auto *CE = Depth > 0 ? dyn_cast<CallExpr>(Stack[Depth - 1]) : nullptr;
    return CE && Swaps.count(CE);
  }

  void walk(const Stmt *S, bool InLambda) {
    if (!S || Accepted.count(S))
      return;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      use(DRE, InLambda);
    Stack.push_back(S);
    if (const auto *LE = dyn_cast<LambdaExpr>(S)) {
      walk(LE->getBody(), true);
    } else if (const auto *FRS = dyn_cast<CXXForRangeStmt>(S)) {
      // Its implicit `auto &&__range = a;` is not a reference kept.
      walk(FRS->getInit(), InLambda);
      walk(FRS->getRangeInit(), InLambda);
      walk(FRS->getLoopVarStmt(), InLambda);
      walk(FRS->getBody(), InLambda);
    } else if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          if (!Cands.count(VD)) // a candidate's own start is not a use
            walk(VD->getInit(), InLambda);
    } else {
      for (const Stmt *Child : S->children())
        walk(Child, InLambda);
    }
    Stack.pop_back();
  }

  void use(const DeclRefExpr *DRE, bool InLambda) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD)
      return;
    // A trade's temporary is not used again.
    for (const TmpTrade &T : TmpTrades)
      if (T.Tmp == VD)
        Cands.find(T.P)->second.Bad = true;
    if (auto It = Cands.find(VD); It != Cands.end()) {
      if (InLambda || !(isSwapArgument(Stack.size()) ||
                        onlyReadThrough(Stack.size(), /*NeedRead=*/true)))
        It->second.Bad = true;
      return;
    }
    // The arrays are named only before the pointers hold them, and then
    // not kept (a pointer or reference to one would not follow a trade).
    for (auto &[P, C] : Cands)
      if (C.Array == VD &&
          (InLambda || !onlyReadThrough(Stack.size(), /*NeedRead=*/false) ||
           !SM.isBeforeInTranslationUnit(DRE->getBeginLoc(), C.Declared)))
        C.Bad = true;
  }

  const ASTContext &Ctx;
  const SourceManager &SM;
  llvm::DenseMap<const VarDecl *, Cand> Cands;
  llvm::DenseSet<const CallExpr *> Swaps;
  std::vector<TmpTrade> TmpTrades;
  /// The statements of those trades: not uses.
  llvm::DenseSet<const Stmt *> Accepted;
  std::vector<const Stmt *> Stack;
};

} // namespace

void findTradingPointers(const Stmt *Body, const ASTContext &Ctx,
                         TradingPointers &Out) {
  if (const auto *CS = dyn_cast_or_null<CompoundStmt>(Body))
    Scan(CS, Ctx).result(Out);
}

} // namespace gradc::frontend
