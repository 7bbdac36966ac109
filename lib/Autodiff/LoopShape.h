//===- LoopShape.h - Loops the backward sweep runs backward -----*- C++ -*-===//
//
// A counted loop `for (int i = a; i < b; ++i)` whose counter the body leaves
// alone runs backward as `for (int i = b - 1; i >= a; --i)`: no tape and no
// trip count (one that may break counts its iterations and runs backward
// from a + iters - 1). Any other loop records its trip count.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_AUTODIFF_LOOPSHAPE_H
#define GRADC_AUTODIFF_LOOPSHAPE_H

#include "gradc/IR/Function.h"

#include <optional>

namespace gradc::autodiff {

struct CountedLoop {
  const ir::Value *Counter = nullptr; ///< The counter's Local.
  const ir::Value *Start = nullptr;   ///< Its initial value.
  const ir::Value *Bound = nullptr;   ///< What it is compared with.
  ir::CmpPred Pred = ir::CmpPred::LT; ///< counter Pred bound.
  int Step = 1;                       ///< +1 or -1.
  /// The body may break: then the forward sweep counts the iterations it
  /// began and the backward sweep starts from the last of them.
  bool Breaks = false;
  /// An unsigned counter, compared with `<`, `!=` or `>`.
  bool Unsigned = false;
};

/// Loop as a counted loop, if it is one.
std::optional<CountedLoop> matchCountedLoop(const ir::Value &Loop);

/// Whether B (or a region in it) stores to the memory of Base.
bool storesTo(const ir::Block &B, const ir::Value *Base);

/// Whether V reads the scalar Local itself (`i`, not `w[i]`).
bool isLoadOf(const ir::Value *V, const ir::Value *Local);

/// A jump (Break or Continue) of this loop, not of a loop nested in it.
const ir::Value *findJump(const ir::Block &Body, ir::OpCode Code);

/// A break or continue of this loop that is not the last thing its path
/// through the body does. The backward sweep runs the reversed body once
/// per iteration begun, taking the recorded branches; that is only right
/// when a jump skips nothing after its own branch.
const ir::Value *findJumpBeforeEnd(const ir::Block &Body);

} // namespace gradc::autodiff

#endif // GRADC_AUTODIFF_LOOPSHAPE_H
