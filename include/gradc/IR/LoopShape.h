//===- LoopShape.h - Counted loops and the jumps in loops -------*- C++ -*-===//
//
// A counted loop `for (int i = a; i < b; ++i)` whose counter the body leaves
// alone: the reverse mode runs it backward as `for (int i = b - 1; i >= a;
// --i)` (no tape, no trip count; one that may break counts its iterations),
// and the memory analysis knows how far `h[i]` in it reaches.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_IR_LOOPSHAPE_H
#define GRADC_IR_LOOPSHAPE_H

#include "gradc/IR/Function.h"

#include <optional>

namespace gradc::ir {

struct CountedLoop {
  const Value *Counter = nullptr; ///< The counter's Local.
  const Value *Start = nullptr;   ///< Its initial value.
  const Value *Bound = nullptr;   ///< What it is compared with.
  CmpPred Pred = CmpPred::LT;     ///< counter Pred bound.
  int Step = 1;                   ///< +1 or -1.
  /// The body may break: then the forward sweep counts the iterations it
  /// began and the backward sweep starts from the last of them.
  bool Breaks = false;
  /// An unsigned counter, compared with `<`, `!=` or `>`.
  bool Unsigned = false;
};

/// Loop as a counted loop, if it is one.
std::optional<CountedLoop> matchCountedLoop(const Value &Loop);

/// Whether B (or a region in it) stores to the memory of Base.
bool storesTo(const Block &B, const Value *Base);

/// Whether V reads the scalar Local itself (`i`, not `w[i]`).
bool isLoadOf(const Value *V, const Value *Local);

/// A jump (Break or Continue) of this loop, not of a loop nested in it.
const Value *findJump(const Block &Body, OpCode Code);

/// A break or continue of this loop that is not the last thing its path
/// through the body does. The backward sweep runs the reversed body once
/// per iteration begun, taking the recorded branches; that is only right
/// when a jump skips nothing after its own branch.
const Value *findJumpBeforeEnd(const Block &Body);

} // namespace gradc::ir

#endif // GRADC_IR_LOOPSHAPE_H
