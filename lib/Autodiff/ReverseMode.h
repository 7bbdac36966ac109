//===- ReverseMode.h - The transform ----------------------------*- C++ -*-===//
//
// The transform writes the gradient function from a primal the legality
// check accepted: the signature (Signature.cpp), the forward sweep (a clone
// of the primal, Reverse.cpp), then the backward sweep, op by op in
// reverse: values and stores (Reverse.cpp), branches and loops
// (Control.cpp), calls (Calls.cpp). Where a primal value is found is the
// recorder's business (Recording.h), where an adjoint is the adjoint
// store's (AdjointStore.h).
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_AUTODIFF_REVERSEMODE_H
#define GRADC_AUTODIFF_REVERSEMODE_H

#include "AdjointStore.h"
#include "Legality.h"
#include "Recording.h"
#include "Sweep.h"

namespace gradc::autodiff {

/// Holds the sweep, built before the parts that see it.
struct SweepOwner {
  SweepOwner(const ir::Function &P, const ReverseOptions &Opts,
             std::vector<ReverseError> *Errors)
      : Own(P, Opts, Errors) {}
  Sweep Own;
};

class ReverseMode : SweepOwner, SweepPart {
public:
  ReverseMode(const ir::Function &P, const ReverseOptions &Opts,
              std::vector<ReverseError> *Errors)
      : SweepOwner(P, Opts, Errors), SweepPart(Own),
        Legal(Facts, [this](const ir::Value &At,
                            const std::string &Msg) { Sw.error(At, Msg); }),
        Rec(Own), Adjoints(Own, Rec) {}

  std::unique_ptr<ir::Function> run();
  /// The signature alone (no legality check, no body).
  std::unique_ptr<ir::Function> signature() {
    declare();
    return std::move(G);
  }

private:
  // Signature.cpp
  void declare();
  void document();
  // GradThrough.cpp
  std::unique_ptr<ir::Function> callThrough();
  // Reverse.cpp
  ir::Value *cloneOp(const ir::Value *V);
  void forwardBlock(const ir::Block &From, ir::Block &To);
  void forwardOp(const ir::Value *V, ir::Block &To);
  void beginBackward();
  void fuseBackward(const ir::Value &V, ir::Value &C);
  void noteFor(const ir::Value &V);
  void backwardBlock(const ir::Block &Blk);
  void backwardOp(const ir::Value &V);
  void backwardValue(const ir::Value &V, ir::Value *A);
  void backwardStore(const ir::Value &V);
  // Control.cpp
  void backwardIf(const ir::Value &V);
  void backwardLoop(const ir::Value &V);
  void backwardRegion(const ir::Value &V, unsigned R, ir::Block &To,
                      bool InLoop);
  ir::Value *tripCount(const ir::Value &V, ir::Value *Trips);
  void reserveTapes();
  std::map<const ir::Value *, std::int64_t> constantTrips() const;
  ir::Value *hoist(ir::Value *V, const ir::Value &Loop);
  // Calls.cpp
  void backwardInvoke(const ir::Value &V);
  ir::Value *callArgument(const ir::Value &Call, unsigned I,
                          const ir::Function &PB);
  ir::Value *inOutArgument(const ir::Value &Call, unsigned I);
  /// A copy of what argument I of Call points to, a struct or container
  /// that is not a local here (SweepFacts::copiesWhole), for the pullback:
  /// pushed on a tape after the call (Before: before it), popped here.
  ir::Value *wholeCopy(const ir::Value &Call, unsigned I, bool Before);
  bool onlyWritten(const ir::Value &Call, const ir::Value *Base) const;
  bool sharesInOutCopy(const ir::Value &Call, unsigned I) const;
  /// A copy of the Count elements at argument I of Call, taken before the
  /// call (Before) or after it, pushed on a tape and popped here.
  ir::Value *tapedCopy(const ir::Value &Call, unsigned I, ir::Value *Count,
                       bool Before);
  /// A local shaped as Base (a struct, an array, a vector as long).
  ir::Value *localLike(const ir::Value *Base);
  ir::Value *filledLocalLike(const ir::Value *Base);
  /// How many scalars Base holds, as the backward sweep counts them.
  ir::Value *countOf(const ir::Value *Base);
  /// Pushes Count scalars at From on a new tape named after Like, right
  /// before or after Call in the forward sweep, and pops them into Copy.
  void tapeAround(const ir::Value &Call, ir::Value *From, ir::Value *Copy,
                  ir::Value *Count, const ir::Value *Like, bool Before);
  std::string spell(const ir::Function &Callee) const;

  ir::Value *avail(const ir::Value *V) { return Rec.avail(V); }
  ir::Value *rebase(const ir::Value *Ptr, const ir::Value *Base,
                    ir::Value *Copy) {
    return Rec.rebase(Ptr, Base, Copy);
  }
  void contribute(const ir::Value *U, ir::Value *C, bool Own) {
    Adjoints.contribute(U, C, Own);
  }

  Legality Legal;
  Recorder Rec;
  AdjointStore Adjoints;
  std::map<const ir::Value *, ir::Value *> TripCount; ///< loop -> fwd Local
  /// The call being reversed: the copy its in/out arguments took of each
  /// local they point into.
  std::map<const ir::Value *, ir::Value *> CallCopies;
  /// Forward counted loops, whose tapes reserveTapes sizes up front.
  std::vector<std::pair<ir::Value *, ir::CountedLoop>> CountedClones;
  /// Values whose adjoint code an op using them wrote (a sigmoid's inner
  /// values, the old value in `x = x + e`).
  std::set<const ir::Value *> Absorbed;
  std::vector<unsigned> Uses;
  ir::Value *Seed = nullptr;
  ir::Value *Result = nullptr; ///< the value returned, if given (GivenResult)
  std::vector<std::string> AdjNames;
  int NotedStmt = -2;
  /// The backward sweep's top frame, begun (with the seeds) after the
  /// forward sweep or, with a fused loop, before that loop.
  std::unique_ptr<Frame> Top;
  bool Begun = false;
  unsigned BackwardFrom = 0; ///< the first value the backward sweep made
  /// Ops whose backward code is written already (the fused loop, and what
  /// follows it).
  std::set<const ir::Value *> Done;
};

} // namespace gradc::autodiff

#endif // GRADC_AUTODIFF_REVERSEMODE_H
