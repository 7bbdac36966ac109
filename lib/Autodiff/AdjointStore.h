//===- AdjointStore.h - Where each adjoint is -------------------*- C++ -*-===//
//
// One store for every adjoint the backward sweep reads or adds to. A value
// used in its own block has an SSA adjoint, `dv`, defined by its first
// contribution and accumulated by the later ones (staged as the seeds'
// backprop is written); used inside a loop or branch below its block, a
// local there. A scalar wrt parameter's adjoint is its reference parameter
// (summed in a local over a loop). Memory, local or parameter, has one
// adjoint place per element: a local array, the caller's adjoint buffer,
// or an output's seed; a store over an element hands its adjoint to the
// stored value and zeroes it, lazily, so that `dp = 0; dp += x` reads
// `dp = x`.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_AUTODIFF_ADJOINTSTORE_H
#define GRADC_AUTODIFF_ADJOINTSTORE_H

#include "Recording.h"
#include "Sweep.h"

namespace gradc::autodiff {

class AdjointStore : SweepPart {
public:
  AdjointStore(Sweep &S, Recorder &Rec) : SweepPart(S), Rec(Rec) {}

  /// The adjoint of value V so far, or null when nothing reached it.
  ir::Value *adjointOf(const ir::Value *V);
  /// Whether anything reached V's adjoint.
  bool reached(const ir::Value *V) const {
    return Adj.count(V) || AdjSlot.count(V);
  }
  /// Adds C to U's adjoint; Own: C was built for this contribution (and
  /// may take the adjoint's name).
  void contribute(const ir::Value *U, ir::Value *C, bool Own);
  /// The adjoint a callee's pullback adds U's derivative into, if U is a
  /// scalar wrt parameter (or, with InLoopSum, its sum over the loop
  /// here); else null.
  ir::Value *paramAdjoint(const ir::Value *U, bool InLoopSum = true);

  /// The adjoint of memory Base: the same shape, declared where Base is.
  ir::Value *adjointMemory(const ir::Value *Base);
  /// Ptr's element of the adjoint memory.
  ir::Value *adjointPointer(const ir::Value *Ptr);
  ir::Value *readAdjoint(const ir::Value *Ptr, const ir::Value *Index);
  void addToAdjoint(const ir::Value *Ptr, const ir::Value *Index, ir::Value *C);
  /// The element's adjoint is zero from here (what was there is gone).
  /// ForCaller: only the caller reads that zero (the gradient with respect
  /// to the incoming contents, which a scratch seed hands back).
  void zeroAdjoint(const ir::Value *Ptr, const ir::Value *Index,
                   bool ForCaller = false);
  /// Writes what Fr holds back: pending zeroings, then pending stores.
  void flushPending(Frame &Fr);
  void flushStores(Frame &Fr);

  /// Declared by the signature: the adjoint parameter D of the wrt
  /// parameter Prm (memory or scalar).
  void bindParam(const ir::Value *Prm, ir::Value *D);
  /// Output O's read-only seed S (a parameter).
  void bindSeed(const ir::Value *O, ir::Value *S) { Seeds[O] = S; }
  /// Output O whose seed S (null: 1; a pointer: its adjoint memory) the
  /// backward sweep changes.
  void bindMutableSeed(const ir::Value *O, ir::Value *S);
  /// Output Base's read-only seed parameter, or null.
  ir::Value *seedOf(const ir::Value *Base) const {
    auto It = Seeds.find(Base);
    return It == Seeds.end() ? nullptr : It->second;
  }
  bool hasSeeds() const { return !Seeds.empty() || !MutableSeeds.empty(); }
  /// Declares, at the top of the backward sweep, the locals holding
  /// scalar outputs' seeds.
  void declareMutableSeeds();
  /// The return value's seed, its first contribution.
  void seedResult(const ir::Value *Result, ir::Value *Seed);
  /// Adds the loop sums of scalar parameters' adjoints into them.
  void addLoopSums();
  /// Shows the seeds the backward sweep could have changed and did not as
  /// what they are (SeedCleanup).
  void settleSeeds();
  /// The adjoint a trace shows for parameter Prm, or null.
  ir::Value *paramTraced(const ir::Value *Prm) const;
  /// The SSA adjoint a trace shows for a top-level value V, or null.
  ir::Value *valueTraced(const ir::Value *V) const;

private:
  ir::Value *avail(const ir::Value *V) { return Rec.avail(V); }
  ir::Value *rebase(const ir::Value *Ptr, const ir::Value *Base,
                    ir::Value *Copy) {
    return Rec.rebase(Ptr, Base, Copy);
  }
  ir::Value *paramSum(const ir::Value *U);
  /// Whether elements (D1, I1) and (D2, I2) of one memory may be one
  /// element without being provably the same: `da[i]` and `da[j]`.
  bool mayAlias(ir::Value *D1, ir::Value *I1, ir::Value *D2,
                ir::Value *I2) const;
  /// Writes now the pending zeroings and stores of elements that may be
  /// (D, I) without being provably it (`da[i]` before `da[j]`).
  void settleAliases(Frame &Fr, ir::Value *D, ir::Value *I);
  void emitZero(ir::Value *D, ir::Value *I);
  /// Removes the element (D, I) from Fr's pending zeroings, if there.
  bool takePendingZero(Frame &Fr, ir::Value *D, ir::Value *I);

  Recorder &Rec;
  std::map<const ir::Value *, ir::Value *> Adj;      ///< primal -> SSA adjoint
  std::map<const ir::Value *, ir::Value *> AdjSlot;  ///< primal -> adj. Local
  std::map<const ir::Value *, ir::Value *> AdjParam; ///< wrt param -> adjoint
  std::map<const ir::Value *, ir::Value *, ById> ParamAcc; ///< -> loop sum
  std::map<const ir::Value *, ir::Value *> AdjMem; ///< memory -> its adjoint
  std::map<const ir::Value *, ir::Value *> Seeds;  ///< out param -> its seed
  /// Scalar outputs whose seed (null: 1) starts a local adjoint.
  std::map<const ir::Value *, ir::Value *> MutableSeeds;
  /// Pending zeroings only the caller reads, and the stores they became.
  std::set<std::pair<ir::Value *, ir::Value *>> CallerOnly;
  std::set<const ir::Value *> CallerZeros;
};

} // namespace gradc::autodiff

#endif // GRADC_AUTODIFF_ADJOINTSTORE_H
