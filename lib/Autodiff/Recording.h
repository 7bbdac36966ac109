//===- Recording.h - Finding primal values, backward ------------*- C++ -*-===//
//
// The recording plan: for each primal value the backward sweep needs, how
// it finds it there. A value of the function's top level is still in
// scope. Inside a loop or branch the forward values are gone: what reads
// only memory that no later store changes is recomputed (unless that
// would call a math function again); what was stored for good is read
// back from where it was stored; a local a call's pullback copied is read
// from the copy; anything else is pushed on a tape in the forward sweep and
// popped where it is needed.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_AUTODIFF_RECORDING_H
#define GRADC_AUTODIFF_RECORDING_H

#include "RecordingPlan.h"
#include "Sweep.h"

#include <optional>

namespace gradc::autodiff {

class Recorder : SweepPart {
public:
  explicit Recorder(Sweep &S) : SweepPart(S), Plan(S.Facts) {}

  /// The value of primal V where the backward sweep is now.
  ir::Value *avail(const ir::Value *V);
  /// Ptr (Base, or offsets and members from it) with Copy in place of
  /// Base: the same element of an adjoint, a seed or a copy.
  ir::Value *rebase(const ir::Value *Ptr, const ir::Value *Base,
                    ir::Value *Copy);

  /// A local a call read, copied after the call (Call) into Copy, a local
  /// of the backward block Out (blocks of the generated function outlive
  /// the frames that build them; frames' addresses are reused).
  struct Snapshot {
    const ir::Value *Call;
    ir::Value *Copy;
    const ir::Block *Out;
  };
  /// Base's snapshot, if one is in scope here and holds what a store (or
  /// call) at Op left in it.
  const Snapshot *snapshotAfter(const ir::Value *Base, const ir::Value *Op);
  /// Records that Copy holds what Call left in Base, from here on.
  void snapshot(const ir::Value *Base, const ir::Value *Call, ir::Value *Copy) {
    Snapshots[Base] = {Call, Copy, Frames.back()->Out};
  }

private:
  /// A loop-carried variable (Carried.cpp): the loop, the local, the
  /// body's one store to it, and whether V reads the old value.
  struct Carry {
    const ir::Value *Loop, *Slot, *Store;
    bool Old;
  };
  std::optional<Carry> carryOf(const ir::Value *V);
  static bool isCarriedLoad(const ir::Value *V, const ir::Value *Slot);
  ir::Value *carried(const ir::Value *V, Frame *Fr);
  /// What a tape of V is named after, and what its pops are named.
  struct TapeNames {
    std::string Var, Popped;
  };
  static TapeNames tapeNames(const ir::Value *V);

  bool countsOnly(const ir::Value *V) const;
  ir::Value *recompute(const ir::Value *V, Frame *Fr);
  ir::Value *tapeValue(const ir::Value *V, Frame *Fr);
  const ir::Value *invariantIn(const ir::Value *V);
  bool initialized(const ir::Value *Slot);
  bool keeps(const ir::Value *V);
  ir::Value *reloadStored(const ir::Value *V, Frame *Fr);
  ir::Value *readCopy(const ir::Value *V, Frame *Fr);
  ir::Value *readBack(const ir::Value *At, const ir::Block *Blk, Frame *Fr);

  RecordingPlan Plan;
  std::map<const ir::Value *, Snapshot> Snapshots;
  std::map<const ir::Value *, bool> Initialized; ///< memo of initialized()
  /// The loop-carried variables made one tape, by reversed body and store:
  /// the popped old value and the read of the stored one.
  std::map<std::pair<const ir::Block *, const ir::Value *>,
           std::pair<ir::Value *, ir::Value *>>
      Carried;
};

} // namespace gradc::autodiff

#endif // GRADC_AUTODIFF_RECORDING_H
