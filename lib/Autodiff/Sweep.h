//===- Sweep.h - The generated function, as the sweeps build it -*- C++ -*-===//
//
// The state the parts of the reverse mode share while they write the
// gradient function: the function itself and its builder, where each
// primal value's forward clone is, the frames of the backward sweep (one
// per primal block being reversed) and the names taken. The recorder, the
// adjoint store and the transform each see it under the same names
// (SweepPart).
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_AUTODIFF_SWEEP_H
#define GRADC_AUTODIFF_SWEEP_H

#include "SweepFacts.h"
#include "gradc/IR/Builder.h"
#include "gradc/IR/Inline.h"
#include "gradc/IR/MemoryLocation.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace gradc::autodiff {

std::set<std::string> namesIn(const ir::Function &F);
/// Want, or (taken, or a keyword) Fallback, Fallback2, ... from *Next on,
/// when given (then advanced past the name returned).
std::string uniqueName(const std::set<std::string> &Taken,
                       const std::string &Want, const std::string &Fallback,
                       unsigned *Next = nullptr);
std::string baseName(const std::string &Path);

/// Orders values by Id, their order of creation: containers iterated to
/// write code are ordered the same way in every run (addresses are not).
struct ById {
  bool operator()(const ir::Value *A, const ir::Value *B) const {
    return A->Id < B->Id;
  }
  /// An element (adjoint memory, index or null for *p).
  bool operator()(const std::pair<ir::Value *, ir::Value *> &A,
                  const std::pair<ir::Value *, ir::Value *> &B) const {
    auto Key = [](const std::pair<ir::Value *, ir::Value *> &E) {
      return std::make_pair(E.first->Id, E.second ? E.second->Id + 1 : 0);
    };
    return Key(A) < Key(B);
  }
};

/// One block of the primal being reversed, and the backward code built for
/// it.
struct Frame {
  Frame(const ir::Block *Primal, ir::Block *Out, bool InLoop)
      : Primal(Primal), Out(Out), InLoop(InLoop) {}
  const ir::Block *Primal;
  ir::Block *Out;
  bool InLoop; ///< runs once per iteration of some loop
  /// Primal values of this block as the backward sweep has them here.
  std::map<const ir::Value *, ir::Value *> Avail;
  /// Adjoint memory known to be zero but not yet written: the zeroing waits
  /// for the next contribution, so `dp = 0; dp += x * t` reads `dp = x * t`.
  std::set<std::pair<ir::Value *, ir::Value *>, ById> PendingZero;
  /// Such writes, held to the end of the statement, so that the statement's
  /// other contributions read the adjoint before it changes.
  std::vector<std::pair<std::pair<ir::Value *, ir::Value *>, ir::Value *>>
      PendingStore;
  /// Pointers into copies and adjoints made here: (primal pointer, copy or
  /// adjoint) -> the pointer into it.
  std::map<std::pair<const ir::Value *, ir::Value *>, ir::Value *> Rebased;
};

struct Sweep {
  Sweep(const ir::Function &P, const ReverseOptions &Opts,
        std::vector<ReverseError> *Errors)
      : P(P), Opts(Opts), Facts(P, Opts), Errors(Errors),
        G(std::make_unique<ir::Function>()), B(*G, G->Body, /*Fold=*/true) {}

  const ir::Function &P;
  const ReverseOptions &Opts;
  SweepFacts Facts;
  std::vector<ReverseError> *Errors;
  bool Failed = false;
  std::unique_ptr<ir::Function> G;
  ir::Builder B;
  std::vector<Frame *> Frames;
  std::map<const ir::Value *, ir::Value *> Map;     ///< primal -> forward clone
  std::map<const ir::Value *, ir::Block *> FwdHome; ///< forward clone -> block
  std::map<const ir::Value *, ir::Value *> Remap;   ///< counter -> backward one
  /// The counters of backward counted loops: within a body, loads of one
  /// are the same index.
  std::set<const ir::Value *> Counters;
  std::set<std::string> Taken;
  std::map<std::string, unsigned> Next; ///< fallback -> next number to try

  void error(const ir::Value &At, const std::string &Msg) {
    if (Errors)
      Errors->push_back({At.Loc, Msg});
    Failed = true;
  }
  /// A name not taken yet (Want, or Fallback numbered), now taken.
  /// Taken only grows, so a fallback's numbers below the last one given
  /// stay taken: each fallback goes on from there (a function of
  /// thousands of tapes named after one variable).
  std::string take(const std::string &Want, const std::string &Fallback) {
    std::string Name = uniqueName(Taken, Want, Fallback, &Next[Fallback]);
    Taken.insert(Name);
    return Name;
  }
  /// The frame of V's block, if the backward sweep is in it.
  Frame *frameOf(const ir::Value *V);
  /// A tape named after Var ("p_tape"), declared at the top of the function.
  ir::Value *newTape(ir::Scalar S, const std::string &Var);
  /// A tape of values of the scalar type Of, under its C++ name.
  ir::Value *newTape(ir::Type Of, const std::string &Var);
  /// Ops placed in the forward sweep right after Fwd (or before it).
  void insertAfter(ir::Value *Fwd, const std::vector<ir::Value *> &Ops,
                   bool Before = false);

  /// Declares, through Make, in Fr's backward block: above the note that
  /// opens the statement being reversed there, so that the note stays next
  /// to the loop or branch it names.
  template <typename Fn> ir::Value *declareIn(Frame *Fr, Fn Make) {
    std::vector<ir::Value *> &Ops = Fr->Out->Ops;
    size_t At = Ops.size();
    while (At > 0 && !Ops[At - 1]->hasEffect())
      --At;
    if (At == 0 || Ops[At - 1]->Code != ir::OpCode::Note)
      return inFrame(Fr, Make);
    --At; // above the note and the values computed after it
    std::vector<ir::Value *> Trailing(Ops.begin() + At, Ops.end());
    Ops.resize(At);
    ir::Value *V = inFrame(Fr, Make);
    Ops.insert(Ops.end(), Trailing.begin(), Trailing.end());
    return V;
  }
  /// Appends to Fr's backward block, whatever block is current.
  template <typename Fn> ir::Value *inFrame(Frame *Fr, Fn Make) {
    ir::Block &Saved = B.block();
    B.setBlock(*Fr->Out);
    ir::Value *V = Make();
    B.setBlock(Saved);
    return V;
  }
};

/// A part of the reverse mode: the shared sweep under its own names.
class SweepPart {
protected:
  explicit SweepPart(Sweep &S)
      : Sw(S), P(S.P), Opts(S.Opts), Facts(S.Facts), Act(S.Facts.Act),
        Pos(S.Facts.Pos), G(S.G), B(S.B), Frames(S.Frames), Map(S.Map),
        Remap(S.Remap), Counters(S.Counters), Taken(S.Taken) {}

  bool outlives(const ir::Value *Base) const { return Facts.outlives(Base); }
  bool isOutput(const ir::Value *Base) const { return Facts.isOutput(Base); }
  Frame *frameOf(const ir::Value *V) { return Sw.frameOf(V); }
  template <typename Fn> ir::Value *declareIn(Frame *Fr, Fn Make) {
    return Sw.declareIn(Fr, Make);
  }
  template <typename Fn> ir::Value *inFrame(Frame *Fr, Fn Make) {
    return Sw.inFrame(Fr, Make);
  }

  Sweep &Sw;
  const ir::Function &P;
  const ReverseOptions &Opts;
  const SweepFacts &Facts;
  const Activity &Act;
  const ProgramOrder &Pos;
  std::unique_ptr<ir::Function> &G;
  ir::Builder &B;
  std::vector<Frame *> &Frames;
  std::map<const ir::Value *, ir::Value *> &Map;
  std::map<const ir::Value *, ir::Value *> &Remap;
  std::set<const ir::Value *> &Counters;
  std::set<std::string> &Taken;
};

} // namespace gradc::autodiff

#endif // GRADC_AUTODIFF_SWEEP_H
