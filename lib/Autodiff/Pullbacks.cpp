//===- Pullbacks.cpp - The pullbacks of called functions ------------------===//
#include "gradc/Autodiff/Pullbacks.h"

#include "gradc/IR/Inline.h"
#include "gradc/IR/Uses.h"
#include "gradc/IR/Verifier.h"

#include <algorithm>
#include <functional>

namespace gradc::autodiff {

using namespace ir;

std::string signatureKey(const Function &F) {
  std::string K;
  for (const std::string &NS : F.Namespaces)
    K += NS + "::";
  K += F.Name;
  for (const Param &P : F.Params)
    K += "," + P.V->Ty.str();
  return K;
}

/// How many functions F calls, but for those as cheap as a load (fabs).
static unsigned calls(const Function &F) {
  unsigned N = 0;
  forEachOp(F.Body, [&](const Value &V) {
    N += V.Code == OpCode::Invoke || (V.Code == OpCode::Call && !isCheap(V.Fn));
  });
  return N;
}

const Function *PullbackCache::pullback(const Function &Callee,
                                        const std::vector<unsigned> &Wrt) {
  Key K{&Callee, Wrt};
  if (auto It = Made.find(K); It != Made.end())
    return It->second.get();
  if (auto It = Making.find(K); It != Making.end())
    return It->second;
  if (Failed.count(K))
    return nullptr;
  ReverseOptions Opts;
  Opts.Kind = GradKind::Pullback;
  Opts.Wrt = Wrt;
  Opts.Out = defaultOutputs(Callee);
  Opts.Pullbacks = this;
  Opts.WriteOutputs = false; // the caller has them
  std::string Stem = Callee.Name;
  if (Wrt != defaultInputs(Callee)) {
    Stem += "_wrt";
    for (size_t K = 0; K < Wrt.size(); ++K) {
      const Param &Prm = Callee.Params[Wrt[K]];
      // All of a struct holding vectors (`L.W`, `L.b`): its name, `L`.
      const std::string &Group = Prm.ViewRecord.empty() ? "" : Prm.ViewName;
      bool Whole =
          !Group.empty() && (!K || Callee.Params[Wrt[K - 1]].ViewName != Group);
      for (const Param &Q : Callee.Params)
        Whole &= Q.ViewName != Group || !isFloating(Q.V->Ty.scalarKind()) ||
                 std::count(Wrt.begin(), Wrt.end(),
                            static_cast<unsigned>(&Q - Callee.Params.data()));
      if (Whole) {
        Stem += "_" + Group;
        while (K + 1 < Wrt.size() &&
               Callee.Params[Wrt[K + 1]].ViewName == Group)
          ++K;
        continue;
      }
      Stem += "_" + paramWord(Prm.V->Name);
    }
  }
  Opts.Name = Stem + "_pullback";
  // A recursive call in the callee (or in a function it calls) calls this
  // stand-in, which has the pullback's signature and no body yet.
  std::unique_ptr<Function> Stub = signatureOf(Callee, Opts);
  Stub->Incomplete = true;
  Making[K] = Stub.get();
  size_t MadeBefore = Order.size();
  std::vector<ReverseError> Problems;
  std::unique_ptr<Function> G = reverse(Callee, Opts, &Problems);
  Making.erase(K);
  // Kept: the pullbacks made meanwhile may call it, even if G failed.
  const Function *StandIn = Stubs.emplace_back(std::move(Stub)).get();
  if (G) {
    std::vector<std::string> Invalid = verify(*G);
    if (!Invalid.empty()) {
      Problems.push_back({Callee.Loc, "internal error: the generated " +
                                          Opts.Name +
                                          " is invalid: " + Invalid.front()});
      G = nullptr;
    }
  }
  if (!G) {
    for (const ReverseError &E : Problems)
      Errors.push_back(Callee.File + ":" + std::to_string(E.Loc.Line) + ":" +
                       std::to_string(E.Loc.Col) + ": error: " + E.Message);
    Failed[K] = true;
    return nullptr;
  }
  // The functions that may call the stand-in: G, and the pullbacks made
  // while G was (mutual recursion).
  std::vector<Function *> Callers{G.get()};
  for (size_t I = MadeBefore; I < Order.size(); ++I)
    Callers.push_back(
        Made.at({PrimalOf.at(Order[I]), WrtOf.at(Order[I])}).get());
  auto CallsOfItself = [&](const std::function<void(Value &)> &Fn) {
    for (Function *F : Callers)
      forEachOp(F->Body, [&](Value &V) {
        if (V.Code == OpCode::Invoke && V.Callee == StandIn)
          Fn(V);
      });
  };
  bool Recursive = false;
  CallsOfItself([&](Value &) { Recursive = true; });
  // A function returning a number whose pullback, given that number,
  // calls fewer functions (a sigmoid's, no exp): callers give it.
  // It has a name of its own (`sigmoid_result_pullback`): as an overload
  // of `sigmoid_pullback`, C++ could pick it for another sigmoid's call.
  // (A recursive callee, whose pullback may call a stand-in, calls
  // itself.)
  if (!Callee.RetTy.isVoid() && !callsItself(Callee)) {
    Opts.GivenResult = true;
    Opts.Name = Stem + "_result_pullback";
    std::unique_ptr<Function> Given = reverse(Callee, Opts, nullptr);
    if (Given && verify(*Given).empty() && calls(*Given) < calls(*G)) {
      G = std::move(Given);
      Callers.front() = G.get();
    }
  }
  // A struct returned: the pullback takes its seed (`dout`), not the
  // struct, which it does not read (stores into it are left out). One
  // that rewrites it (the struct is in/out at the call), or calls itself
  // (as callers do, with the struct), keeps it.
  if (Callee.ReturnsRecord && !Recursive) {
    unsigned Slot = Callee.Params.size() - 1;
    const Value *Out = G->Params[Slot].V;
    bool Used = false;
    for (const Value *V : G->Body.Ops)
      Used |= reads(*V, Out) || writes(*V, Out);
    if (!Used) {
      G->Params.erase(G->Params.begin() + Slot);
      G->DropsResult = true;
    }
  }
  // Instances of a template with a non-type parameter (sumN<3>, sumN<4>)
  // have the same name and parameters: number the later ones.
  std::string Base = G->Name;
  for (unsigned N = 2; !Signatures.insert(signatureKey(*G)).second; ++N)
    G->Name =
        Base.substr(0, Base.size() - 9) + "_" + std::to_string(N) + "_pullback";
  // Recursive calls call G, by the name it has now.
  CallsOfItself([&](Value &V) {
    V.Callee = G.get();
    V.Text = V.Text.substr(0, V.Text.size() - Base.size()) + G->Name;
  });
  const Function *Made1 = G.get();
  Made[K] = std::move(G);
  Order.push_back(Made1);
  PrimalOf[Made1] = &Callee;
  WrtOf[Made1] = Wrt;
  return Made1;
}

} // namespace gradc::autodiff
