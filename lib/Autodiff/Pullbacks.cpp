//===- Pullbacks.cpp - The pullbacks of called functions ------------------===//
#include "gradc/Autodiff/Pullbacks.h"

#include "gradc/IR/Uses.h"
#include "gradc/IR/Verifier.h"

#include <algorithm>

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

const Function *PullbackCache::pullback(const Function &Callee,
                                        const std::vector<unsigned> &Wrt) {
  Key K{&Callee, Wrt};
  if (auto It = Made.find(K); It != Made.end())
    return It->second.get();
  if (Failed.count(K))
    return nullptr;
  ReverseOptions Opts;
  Opts.Kind = GradKind::Pullback;
  Opts.Wrt = Wrt;
  Opts.Out = defaultOutputs(Callee);
  Opts.Pullbacks = this;
  Opts.WriteOutputs = false; // the caller has them
  Opts.Name = Callee.Name;
  if (Wrt != defaultInputs(Callee)) {
    Opts.Name += "_wrt";
    for (unsigned I : Wrt)
      Opts.Name += "_" + Callee.Params[I].V->Name;
  }
  Opts.Name += "_pullback";
  std::vector<ReverseError> Problems;
  std::unique_ptr<Function> G = reverse(Callee, Opts, &Problems);
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
  // A struct returned: the pullback takes its seed (`dout`), not the
  // struct, which it does not read (stores into it are left out). One
  // that rewrites it (the struct is in/out at the call) keeps it.
  if (Callee.ReturnsRecord) {
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
  const Function *Made1 = G.get();
  Made[K] = std::move(G);
  Order.push_back(Made1);
  PrimalOf[Made1] = &Callee;
  return Made1;
}

} // namespace gradc::autodiff
