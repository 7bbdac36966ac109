//===- Reverse.cpp - Reverse-mode differentiation of IR -------------------===//
#include "gradc/Autodiff/Reverse.h"

#include "LocalDerivatives.h"
#include "gradc/Autodiff/Activity.h"
#include "gradc/IR/Builder.h"
#include "gradc/IR/Uses.h"

#include <map>
#include <set>

namespace gradc::autodiff {

using namespace ir;

namespace {

std::set<std::string> namesIn(const Function &F) {
  std::set<std::string> Names;
  for (const Param &P : F.Params)
    Names.insert(P.V->Name);
  for (const Value *V : F.Body.Ops)
    if (!V->Name.empty())
      Names.insert(V->Name);
  return Names;
}

std::string uniqueName(const std::set<std::string> &Taken,
                       const std::string &Want, const std::string &Fallback) {
  if (!Taken.count(Want))
    return Want;
  for (unsigned N = 1;; ++N) {
    std::string Name = Fallback + (N > 1 ? std::to_string(N) : "");
    if (!Taken.count(Name))
      return Name;
  }
}

std::string baseName(const std::string &Path) {
  size_t Slash = Path.find_last_of("/\\");
  return Slash == std::string::npos ? Path : Path.substr(Slash + 1);
}

/// Matches the sigmoid `1 / (1 + exp(-u))` written in one expression, whose
/// inner values serve nothing else. Returns u, or null.
const Value *matchSigmoid(const Value &V, const std::vector<unsigned> &Uses) {
  auto Private = [&](const Value *X) {
    return X->Name.empty() && Uses[X->Id] == 1;
  };
  if (V.Code != OpCode::Div || !V.Operands[0]->isConstValue(1))
    return nullptr;
  const Value *Sum = V.Operands[1];
  if (Sum->Code != OpCode::Add || !Private(Sum))
    return nullptr;
  const Value *E = Sum->Operands[1];
  if (!Sum->Operands[0]->isConstValue(1)) {
    if (!Sum->Operands[1]->isConstValue(1))
      return nullptr;
    E = Sum->Operands[0];
  }
  if (E->Code != OpCode::Call || E->Fn != MathFn::Exp || !Private(E))
    return nullptr;
  const Value *Neg = E->Operands[0];
  if (Neg->Code != OpCode::Neg || !Private(Neg))
    return nullptr;
  return Neg->Operands[0];
}

class ReverseMode {
public:
  ReverseMode(const Function &P, const ReverseOptions &Opts)
      : P(P), Opts(Opts), Act(P, Opts.Wrt), G(std::make_unique<Function>()),
        B(*G, G->Body, /*Fold=*/true) {}

  std::unique_ptr<Function> run();

private:
  void declare();
  void forward();
  void backward();
  void contribute(const Value *U, Value *C, bool Own);
  void document();

  const Function &P;
  const ReverseOptions &Opts;
  Activity Act;
  std::unique_ptr<Function> G;
  Builder B;

  std::map<const Value *, Value *> Map;     ///< primal -> forward clone
  std::map<const Value *, Value *> Adj;     ///< primal -> its adjoint
  std::map<const Value *, Value *> AdjParam; ///< wrt param -> d param
  Value *Seed = nullptr;
  std::vector<std::string> AdjNames;
};

void ReverseMode::declare() {
  G->Name = Opts.Name;
  G->Namespaces = P.Namespaces;
  G->File = P.File;
  G->Loc = P.Loc;
  G->Stmts = P.Stmts;
  G->RetTy = Opts.Kind == GradKind::Grad ? P.RetTy : Type::voidTy();
  for (const Param &Prm : P.Params)
    Map[Prm.V] = G->addParam(Prm.V->Name, Prm.V->Ty, Prm.Spelling);
  std::set<std::string> Taken = namesIn(P);
  if (Opts.Kind == GradKind::Pullback) {
    std::string Name = uniqueName(Taken, "dout", "d_out");
    Taken.insert(Name);
    Seed = G->addParam(Name, P.RetTy, "");
  }
  for (unsigned I : Opts.Wrt) {
    const Value *Prm = P.Params[I].V;
    std::string Name = adjointParamName(P, Prm->Name);
    AdjNames.push_back(Name);
    AdjParam[Prm] =
        G->addParam(Name, Type::ref(Prm->Ty.scalarKind()), "");
  }
}

void ReverseMode::forward() {
  for (const Value *V : P.Body.Ops) {
    if (V->Code == OpCode::Return)
      continue;
    Value *C = G->create(V->Code, V->Ty);
    for (const Value *Op : V->Operands)
      C->Operands.push_back(Map.at(Op));
    C->Name = V->Name;
    C->FVal = V->FVal;
    C->IVal = V->IVal;
    C->Text = V->Text;
    C->Fn = V->Fn;
    C->Pred = V->Pred;
    B.setOrigin(V->Stmt, V->Loc);
    B.append(C);
    Map[V] = C;
  }
}

void ReverseMode::contribute(const Value *U, Value *C, bool Own) {
  // A zero contribution (0 * y) is no contribution: no `dy += 0`.
  if (!Act.isActive(U) || C->isConstValue(0))
    return;
  auto Param = AdjParam.find(U);
  if (Param != AdjParam.end()) {
    B.addTo(Param->second, C);
    return;
  }
  std::string Name = U->Name.empty() ? "" : "d" + U->Name;
  auto It = Adj.find(U);
  if (It == Adj.end()) {
    // A value built for this contribution takes the adjoint's name; anything
    // else (the upstream adjoint, a forward value) is copied, so that
    // `dsigx = dden` reads as the seed's staged code does.
    // A reassigned variable (`s -= 0.5 * y`) passes its adjoint through to
    // the previous version: same name, same value, nothing to copy.
    if (!Name.empty() && C->Name != Name) {
      if (!Own || !C->Name.empty() || C->isConst())
        C = B.copy(C);
      C->Name = Name;
    }
    Adj[U] = C;
    return;
  }
  unsigned Begin = G->numValues();
  Value *Sum = B.add(It->second, C);
  if (Sum->Id >= Begin)
    Sum->Name = Name;
  It->second = Sum;
}

void ReverseMode::backward() {
  const Value *Ret = P.Body.Ops.back();
  if (Ret->Operands.empty())
    return;
  const Value *Result = Ret->Operands[0];
  Value *SeedValue = Seed ? Seed : B.constant(1, P.RetTy.scalarKind());
  // The seed flows into the result as its first contribution.
  if (Act.isActive(Result)) {
    if (AdjParam.count(Result))
      B.addTo(AdjParam[Result], SeedValue);
    else
      Adj[Result] = SeedValue;
  }

  std::vector<unsigned> Uses = countUses(P);
  std::set<const Value *> Absorbed; // inner ops of a matched pattern
  int NotedStmt = -2;
  for (auto It = P.Body.Ops.rbegin(); It != P.Body.Ops.rend(); ++It) {
    const Value *V = *It;
    if (!V->hasResult() || !Act.isActive(V) || Absorbed.count(V))
      continue;
    auto A = Adj.find(V);
    if (A == Adj.end())
      continue;
    if (V->Stmt != NotedStmt && V->Stmt >= 0) {
      NotedStmt = V->Stmt;
      const Statement &S = P.Stmts[V->Stmt];
      B.setOrigin(V->Stmt, S.Loc);
      B.note(baseName(P.File) + ":" + std::to_string(S.Loc.Line) + ": " +
             S.Text);
    }
    B.setOrigin(V->Stmt, V->Loc);
    if (const Value *U = matchSigmoid(*V, Uses); U && Act.isActive(U)) {
      // s = 1 / (1 + exp(-u)): ds/du = (1 - s) * s.
      Value *S = Map.at(V);
      unsigned Begin = G->numValues();
      Value *One = B.constant(1, V->Ty.scalarKind());
      Value *C = B.mul(B.mul(B.sub(One, S), S), A->second);
      contribute(U, C, C->Id >= Begin);
      for (const Value *Inner = V->Operands[1]; Inner != U;
           Inner = Inner->Code == OpCode::Add
                       ? (Inner->Operands[0]->isConst() ? Inner->Operands[1]
                                                        : Inner->Operands[0])
                       : Inner->Operands[0])
        Absorbed.insert(Inner);
      continue;
    }

    std::vector<Value *> Ops;
    std::vector<bool> Wanted;
    for (const Value *Op : V->Operands) {
      Ops.push_back(Map.at(Op));
      Wanted.push_back(Act.isActive(Op));
    }
    emitLocalDerivatives(*G, B, *V, Map.at(V), Ops, A->second, Wanted,
                         [&](unsigned I, Value *C, bool Own) {
                           contribute(V->Operands[I], C, Own);
                         });
  }
}

void ReverseMode::document() {
  std::string Args;
  for (const Param &Prm : P.Params)
    Args += (Args.empty() ? "" : ", ") + Prm.V->Name;
  std::string Call = P.Name + "(" + Args + ")";
  std::string Into;
  for (size_t I = 0; I < Opts.Wrt.size(); ++I) {
    const std::string &X = P.Params[Opts.Wrt[I]].V->Name;
    std::string Dout = Opts.Kind == GradKind::Pullback ? Seed->Name + " * " : "";
    Into += std::string(I ? ", " : "") + Dout + "d" + P.Name + "/d" + X +
            " into " + AdjNames[I];
  }
  std::string Where =
      " (" + baseName(P.File) + ":" + std::to_string(P.Loc.Line) + ")";
  if (Opts.Kind == GradKind::Grad) {
    G->Doc.push_back("Gradient of " + Call + Where + ".");
    G->Doc.push_back("Returns " + Call + "; adds " + Into + ".");
  } else {
    G->Doc.push_back("Pullback of " + Call + Where +
                     ", for a caller's backward sweep.");
    G->Doc.push_back("Adds " + Into + ".");
  }
}

std::unique_ptr<Function> ReverseMode::run() {
  declare();
  B.setFold(false);
  forward();
  B.setFold(true);
  backward();
  const Value *Ret = P.Body.Ops.back();
  B.setOrigin(Ret->Stmt, Ret->Loc);
  if (Opts.Kind == GradKind::Grad) {
    Value *Result = Map.at(Ret->Operands[0]);
    // Name the result after the function, as the seeds write `f = ...`.
    if (Result->Name.empty() && Result->Code != OpCode::Param &&
        !Result->isConst())
      Result->Name = P.Name;
    B.ret(Result);
  } else {
    B.ret(nullptr);
  }
  document();
  if (Opts.TraceOut) {
    for (const Param &Prm : P.Params) {
      auto D = AdjParam.find(Prm.V);
      Opts.TraceOut->Entries.push_back(
          {Prm.V, Map.at(Prm.V),
           D == AdjParam.end() ? nullptr : D->second});
    }
    for (const Value *V : P.Body.Ops) {
      if (!V->hasResult() || V->isConst())
        continue;
      auto A = Adj.find(V);
      Opts.TraceOut->Entries.push_back(
          {V, Map.at(V), A == Adj.end() ? nullptr : A->second});
    }
  } else {
    eliminateDeadCode(*G);
  }
  return std::move(G);
}

} // namespace

std::string adjointParamName(const Function &Primal, const std::string &P) {
  return uniqueName(namesIn(Primal), "d" + P, "d_" + P);
}

std::unique_ptr<Function> reverse(const Function &Primal,
                                  const ReverseOptions &Opts) {
  return ReverseMode(Primal, Opts).run();
}

} // namespace gradc::autodiff
