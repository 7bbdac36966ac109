//===- ProgramOrder.h - Where ops are and what runs after what --*- C++ -*-===//
//
// The questions about the primal's memory and order that the reverse mode
// asks before it writes an op's backward code: which block and loops an op
// is in, whether a store can run after it, whether memory was used before
// a store, which loops count. Built once per function; counted loops are
// cached.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_AUTODIFF_PROGRAMORDER_H
#define GRADC_AUTODIFF_PROGRAMORDER_H

#include "gradc/IR/Function.h"
#include "gradc/IR/LoopShape.h"

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <vector>

namespace gradc::autodiff {

/// Whether an op of Blk may read memory Base.
bool reads(const ir::Block &Blk, const ir::Value *Base);
/// The first op of Blk (or inside it, outside Skip) that writes memory
/// Base and satisfies Pick, or null.
const ir::Value *
findWrite(const ir::Block &Blk, const ir::Value *Base,
          const ir::Value *Skip = nullptr,
          const std::function<bool(const ir::Value &)> &Pick = nullptr);

class ProgramOrder {
public:
  /// InOut: parameters whose incoming contents the caller gives (in/out
  /// memory), read before anything the function does.
  ProgramOrder(const ir::Function &P, std::set<const ir::Value *> InOut);

  std::map<const ir::Value *, const ir::Block *> Home;  ///< op -> its block
  std::map<const ir::Block *, const ir::Value *> Owner; ///< region -> its op
  std::map<const ir::Value *, unsigned> Order;          ///< op -> program order

  /// Whether Base is a memory parameter whose incoming contents are
  /// differentiated (wrt): the caller's, which the function may also write.
  bool isWrtMemory(const ir::Value *Base) const { return InOut.count(Base); }
  /// The loops around V, innermost first.
  std::vector<const ir::Value *> loopsAround(const ir::Value *V) const;
  /// Lp as a counted loop the backward sweep can count down again, if it
  /// is one.
  std::optional<ir::CountedLoop> counted(const ir::Value &Lp) const;
  /// Whether no store to Base can run after Op: then the memory the
  /// backward sweep finds is what Op saw (or wrote). In the fused loop,
  /// whose backward sweep runs at the end of each iteration, only the rest
  /// of the iteration runs after Op.
  bool finalAt(const ir::Value *Op, const ir::Value *Base) const;
  /// The loop whose backward sweep runs inside it (Fusion.h), once known.
  const ir::Value *Fused = nullptr;
  /// Whether no op in Blk (regions included) but Only writes Base.
  bool writtenOnlyBy(const ir::Block &Blk, const ir::Value *Base,
                     const ir::Value *Only) const;
  /// Whether the only store to Base in Loop is Only.
  bool storesOnly(const ir::Value &Loop, const ir::Value *Base,
                  const ir::Value *Only) const;
  /// Whether memory Base may be read, or written by another op, before S
  /// runs (earlier, or in an earlier iteration of a loop around S).
  bool usedBefore(const ir::Value &S, const ir::Value *Base) const;
  /// Whether store S may write an element of Base that it wrote in an
  /// earlier iteration of a loop around it (`err[0] = w[i]` over i).
  bool rewritesItself(const ir::Value &S, const ir::Value *Base) const;
  /// The store that initializes a local where it is declared: nothing
  /// before it can read the local, so its adjoint needs no zeroing.
  bool isInitStore(const ir::Value &S) const;
  /// Whether Index takes a different value in every iteration of
  /// Loops[K...] (innermost first).
  bool injective(const ir::Value *Index,
                 const std::vector<const ir::Value *> &Loops, size_t K) const;

private:
  /// How the ops of a block (in their regions too) use one memory object:
  /// finalAt, usedBefore and storesOnly ask it rather than scanning.
  struct Touch {
    unsigned FirstUse = 0;  ///< order of the first op reading or writing it
    unsigned LastWrite = 0; ///< order of the last op writing it
    bool Read = false;
    unsigned Writes = 0; ///< ops (not branches or loops) writing it, up to 2
    const ir::Value *Writer = nullptr; ///< one of them
  };

  void index(const ir::Block &Blk, int Depth);
  std::set<const ir::Value *> indexMemory(const ir::Block &Blk);
  const Touch *touch(const ir::Block &Blk, const ir::Value *Base) const;
  std::optional<ir::CountedLoop> matchCounted(const ir::Value &Lp) const;

  const ir::Function &P;
  std::set<const ir::Value *> InOut;
  mutable std::map<const ir::Value *, std::optional<ir::CountedLoop>> Counted;
  std::map<std::pair<const ir::Block *, const ir::Value *>, Touch> Touches;
};

} // namespace gradc::autodiff

#endif // GRADC_AUTODIFF_PROGRAMORDER_H
