//===- Pullbacks.cpp - The pullbacks of called functions ------------------===//
#include "gradc/Autodiff/Pullbacks.h"

#include "gradc/IR/Verifier.h"

#include <algorithm>

namespace gradc::autodiff {

using namespace ir;

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
  const Function *Made1 = G.get();
  Made[K] = std::move(G);
  Order.push_back(Made1);
  PrimalOf[Made1] = &Callee;
  return Made1;
}

} // namespace gradc::autodiff
