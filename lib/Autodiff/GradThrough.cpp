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

/// The pullback's seeds: its parameters after the primal's and before the
/// adjoints, which the gradient does not take.
static std::pair<size_t, size_t>
seedsOf(const Function &Primal, const Function &Pullback, size_t GradParams) {
  size_t First = Primal.Params.size();
  return {First, First + (Pullback.Params.size() - GradParams)};
}

bool canCallThrough(const Function &Primal, const ReverseOptions &GradOpts,
                    const Function &Pullback) {
  std::unique_ptr<Function> Grad = signatureOf(Primal, GradOpts);
  if (Pullback.Params.size() < Grad->Params.size() ||
      !(Pullback.RetTy == Grad->RetTy))
    return false;
  auto [Begin, End] = seedsOf(Primal, Pullback, Grad->Params.size());
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
  auto [Begin, End] = seedsOf(P, PB, G->Params.size());
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
