//===- GradThrough.cpp - A gradient that calls the pullback ---------------===//
//
// f_grad and f_pullback would hold the same two sweeps; the gradient is
// instead the pullback called with seeds of one, so that a reader reads
// the sweeps once and a compiler compiles them once.
//
//===----------------------------------------------------------------------===//
#include "ReverseMode.h"

namespace gradc::autodiff {

using namespace ir;

/// The pullback's seeds: its parameters after the primal's and before its
/// Adjoints adjoints (one per wrt parameter), which the gradient does not
/// take.
static std::pair<size_t, size_t>
seedsOf(const Function &Primal, const Function &Pullback, size_t Adjoints) {
  return {Primal.Params.size(), Pullback.Params.size() - Adjoints};
}

bool canCallThrough(const Function &Primal, const ReverseOptions &GradOpts,
                    const Function &Pullback) {
  // The gradient takes the primal's parameters and one adjoint per wrt
  // parameter, and returns what the primal does.
  if (Pullback.Params.size() < Primal.Params.size() + GradOpts.Wrt.size() ||
      !(Pullback.RetTy == Primal.RetTy))
    return false;
  auto [Begin, End] = seedsOf(Primal, Pullback, GradOpts.Wrt.size());
  for (size_t I = Begin; I < End; ++I) {
    const Param &Seed = Pullback.Params[I];
    if (!Seed.V->Ty.isScalar() || !Seed.Record.empty())
      return false;
  }
  return true;
}

std::unique_ptr<Function> ReverseMode::callThrough() {
  declare();
  const Function &PB = *Opts.Through;
  auto [Begin, End] = seedsOf(P, PB, Opts.Wrt.size());
  std::vector<Value *> Args;
  for (size_t I = 0; I < Begin; ++I)
    Args.push_back(G->Params[I].V);
  for (size_t I = Begin; I < End; ++I)
    Args.push_back(B.constant(1, PB.Params[I].V->Ty.scalarKind()));
  for (size_t I = Begin; I < G->Params.size(); ++I)
    Args.push_back(G->Params[I].V);
  B.setBlock(G->Body);
  Value *Value = B.invoke(&PB, spell(PB), PB.RetTy, std::move(Args));
  B.ret(PB.RetTy.isVoid() ? nullptr : Value);
  document();
  return std::move(G);
}

} // namespace gradc::autodiff
