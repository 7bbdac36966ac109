//===- RecordingPlan.h - How a primal value is found ------------*- C++ -*-===//
//
// For a primal value inside a loop or branch, whose forward value is out
// of scope by the time the backward sweep needs it: recompute it from what
// is still there, read it back from where it was stored for good, or
// record it (a tape, or the copy a call's pullback took of a local). Asked
// of the primal alone, before and while the transform runs.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_AUTODIFF_RECORDINGPLAN_H
#define GRADC_AUTODIFF_RECORDINGPLAN_H

#include "SweepFacts.h"

#include <map>
#include <vector>

namespace gradc::autodiff {

class RecordingPlan {
public:
  explicit RecordingPlan(const SweepFacts &Facts) : Facts(Facts) {}

  enum class How {
    /// Computed again from values still in scope: no memory it reads
    /// changes later, or it is arithmetic on values that are themselves
    /// found (taped loads under plain arithmetic).
    Recompute,
    /// Read back from a store that keeps it for good (`qdiag[t] =
    /// exp(...)`) rather than calling a function again; recomputed when no
    /// such store can be read (the calls are cheap: fabs, floor, max).
    ReloadOrRecompute,
    /// Read back from such a store, or from a call's copy of its local;
    /// else recorded on a tape (what would call exp or a function of the
    /// user's again, or reads memory that changes).
    ReloadOrTape,
  };
  How how(const ir::Value *V) const;

  /// Whether V, within block Blk, reads memory that may change after it
  /// (or a value only a tape or a call made): then computing it again
  /// later could give another value.
  bool changesLater(const ir::Value *V, const ir::Block *Blk) const;
  /// Whether computing V again within Blk calls a function.
  bool callsAbove(const ir::Value *V, const ir::Block *Blk) const;
  /// The stores of V in its own block that no later store can overwrite,
  /// in program order: where it can be read back.
  const std::vector<const ir::Value *> &storedFor(const ir::Value *V) const;

private:
  /// Whether Base is the counter of a counted loop around V: the backward
  /// sweep runs that counter down again, so a load of it is found.
  bool isCounterAround(const ir::Value *Base, const ir::Value *V) const;
  bool changesInBlock(const ir::Value *V) const;
  /// Whether memory Base, read by V, may hold something else by the time
  /// the backward sweep reads it.
  bool memoryChanges(const ir::Value *Base, const ir::Value *V) const;

  const SweepFacts &Facts;
  /// changesLater within V's own block, once per value (a value shared by
  /// many others is walked once).
  mutable std::map<const ir::Value *, bool> Changes;
  mutable std::map<const ir::Value *, std::vector<const ir::Value *>> Stored;
};

} // namespace gradc::autodiff

#endif // GRADC_AUTODIFF_RECORDINGPLAN_H
