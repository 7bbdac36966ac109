//===- Legality.h - What the reverse mode refuses ---------------*- C++ -*-===//
//
// Every refusal of the reverse mode is made here, before the transform
// writes anything, at the user's line and with what to write instead: so
// the transform can take its input as valid. The check walks the primal as
// the backward sweep will (ops in reverse; branches and loops that carry
// derivatives), so errors come in the order a reader of the backward sweep
// meets them, and plans each call that carries a derivative.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_AUTODIFF_LEGALITY_H
#define GRADC_AUTODIFF_LEGALITY_H

#include "Outputs.h"
#include "SweepFacts.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace gradc::autodiff {

/// What the backward sweep does at a call that carries a derivative: the
/// callee's parameters it differentiates (their adjoints are passed in),
/// those whose seeds it passes as outputs, which arguments the callee
/// reads and writes (passed in/out), and the pullback it calls.
struct CallPlan {
  std::vector<unsigned> Wrt;
  std::vector<unsigned> Outs;
  std::vector<bool> InOut;
  const ir::Function *Pullback = nullptr;
};

/// Two arguments of a call into one array, one of them written, that gradc
/// sees overlap (`f(s, s + 1)` when f reaches two elements or more): their
/// positions, and the parameter whose reach gradc cannot tell, when that is
/// why.
struct Overlap {
  unsigned I, J;
  std::string UnknownReach;
  /// Arguments at constant offsets: how far the lower one reaches, and
  /// how far apart they are.
  std::int64_t Reach = 0, Apart = 0;
  unsigned Low = 0;
};
std::optional<Overlap> visibleOverlap(const SweepFacts &Facts,
                                      const ir::Value &Call);

class Legality {
public:
  Legality(const SweepFacts &Facts, Refusal Report)
      : Facts(Facts), Report(std::move(Report)) {}

  /// Whether the reverse mode supports everything it would meet in the
  /// primal; reports each thing it does not.
  bool check();
  /// The plan of a call that carries a derivative, after check().
  const CallPlan &plan(const ir::Value &Call) const { return Calls.at(&Call); }

private:
  void block(const ir::Block &Blk);
  void store(const ir::Value &V);
  void loop(const ir::Value &V);
  /// Whether memory parameter Base has an adjoint buffer of the caller's
  /// (it is differentiated or an output).
  bool hasAdjointBuffer(const ir::Value *Base) const;
  void call(const ir::Value &V);
  bool callOutput(const ir::Value &Call, const ir::Value *Arg);
  bool overlapFree(const ir::Value &Call);
  void refuse(const ir::Value &At, const std::string &Msg) {
    Report(At, Msg);
    Ok = false;
  }

  const SweepFacts &Facts;
  Refusal Report;
  bool Ok = true;
  std::set<const ir::Value *> CheckedOutputs;
  std::map<const ir::Value *, CallPlan> Calls;
};

} // namespace gradc::autodiff

#endif // GRADC_AUTODIFF_LEGALITY_H
