//===- Fusion.cpp - Loops whose backward sweep runs beside the forward one ===//
//
// Running iteration i's backward sweep before iteration i + 1's forward
// sweep reorders the work of the two sweeps. It gives the same gradient
// when no iteration reads or writes what another writes, either in the
// primal's memory or in the adjoints' (which the backward sweep writes where
// the forward sweep wrote, and adds to where it read): then the iterations
// commute. Sums are the exception that is allowed: `s += e` in every
// iteration reads nothing but its own term, and the adjoint of s, which
// passes unchanged to each term, is final before the loop.
//
//===----------------------------------------------------------------------===//
#include "Fusion.h"

#include "SweepFacts.h"
#include "gradc/IR/Uses.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <vector>

namespace gradc::autodiff {

using namespace ir;

namespace {

/// Whether an op of the function's top level after Loop satisfies Pick.
template <typename Fn>
bool anyAfter(const SweepFacts &Facts, const Value &Loop, Fn Pick) {
  const std::vector<Value *> &Ops = Facts.P.Body.Ops;
  auto At = std::find(Ops.begin(), Ops.end(), &Loop);
  return std::any_of(At + 1, Ops.end(),
                     [&](const Value *V) { return Pick(*V); });
}

/// A * counter + C.
struct Affine {
  std::int64_t A = 0, C = 0;
};

/// One op's access to memory the loop does not declare.
struct Access {
  const Value *Op;
  bool Write;
  std::optional<Affine> At; ///< the element, when affine in the counter
};

class Independence {
public:
  Independence(const SweepFacts &Facts, const Value &Loop, const Value *Counter,
               const std::vector<unsigned> &Uses)
      : Facts(Facts), Loop(Loop), Counter(Counter), Uses(Uses) {}

  bool holds() {
    bool Known = true;
    forEachOp(Loop.Regions[LoopBody], [&](Value &V) { Known &= collect(V); });
    if (!Known)
      return false;
    for (const auto &[Base, List] : ByBase) {
      bool Writes = std::any_of(List.begin(), List.end(),
                                [](const Access &A) { return A.Write; });
      if (Writes && !sums(Base, List) &&
          !(overwrittenFirst(Base, List) && !readAfter(Base)) &&
          !disjoint(List))
        return false;
    }
    return true;
  }

private:
  /// Records V's accesses; false for an op whose memory effects are not
  /// known here.
  bool collect(const Value &V) {
    switch (V.Code) {
    case OpCode::Load:
      return note(V, V.Operands[0], V.index(), false);
    case OpCode::Store:
    case OpCode::AddTo:
      return note(V, V.Operands[0], V.index(), true);
    case OpCode::Invoke:
      for (unsigned I = 0; I < V.Operands.size(); ++I)
        if (V.Operands[I]->Ty.isMemory() &&
            !note(V, V.Operands[I], nullptr, V.writesArg(I), /*Whole=*/true))
          return false;
      return true;
    case OpCode::Size:
      return note(V, V.Operands[0], nullptr, false, /*Whole=*/true);
    case OpCode::Offset:
    case OpCode::Field:
    case OpCode::Local:
      return true;
    default:
      // Arithmetic; anything else that takes a pointer is not understood.
      return std::none_of(V.Operands.begin(), V.Operands.end(),
                          [](const Value *Op) { return Op->Ty.isMemory(); });
    }
  }

  bool note(const Value &Op, const Value *Ptr, const Value *Idx, bool Write,
            bool Whole = false) {
    const Value *Base = baseOf(Ptr);
    if (!Base)
      return false;
    if (isPrivate(Base))
      return true;
    std::optional<Affine> At;
    if (!Whole)
      At = place(Ptr, Idx);
    ByBase[Base].push_back({&Op, Write, At});
    return true;
  }

  /// A local of the body: each iteration has its own.
  bool isPrivate(const Value *Base) const {
    if (Base->Code != OpCode::Local)
      return false;
    std::vector<const Value *> Around = Facts.Pos.loopsAround(Base);
    return std::find(Around.begin(), Around.end(), &Loop) != Around.end() &&
           Facts.Pos.Home.at(Base) != &Loop.Regions[Init];
  }

  std::optional<Affine> affine(const Value *V) const {
    if (!V)
      return Affine{};
    if (V->isConst()) {
      double C = V->constValue();
      if (C != static_cast<double>(static_cast<std::int64_t>(C)))
        return std::nullopt;
      return Affine{0, static_cast<std::int64_t>(C)};
    }
    if (V->Code == OpCode::Load && V->Operands.size() == 1 &&
        V->Operands[0] == Counter)
      return Affine{1, 0};
    auto Of = [&](unsigned I) { return affine(V->Operands[I]); };
    switch (V->Code) {
    case OpCode::Cast: {
      // Only to a type that holds every value of the operand's: a
      // narrowing conversion wraps (`(int)(i * 4294967296LL)` is 0).
      Scalar From = V->Operands[0]->Ty.scalarKind(), To = V->Ty.scalarKind();
      if (From == To || (From == Scalar::Int32 && To == Scalar::Int64))
        return Of(0);
      return std::nullopt;
    }
    case OpCode::Neg:
      if (auto X = Of(0))
        return Affine{-X->A, -X->C};
      return std::nullopt;
    case OpCode::Add:
    case OpCode::Sub: {
      auto X = Of(0), Y = Of(1);
      if (!X || !Y)
        return std::nullopt;
      std::int64_t S = V->Code == OpCode::Add ? 1 : -1;
      return Affine{X->A + S * Y->A, X->C + S * Y->C};
    }
    case OpCode::Mul: {
      auto X = Of(0), Y = Of(1);
      if (!X || !Y || (X->A && Y->A))
        return std::nullopt;
      if (X->A)
        std::swap(X, Y);
      return Affine{X->C * Y->A, X->C * Y->C};
    }
    default:
      return std::nullopt;
    }
  }

  /// Where Ptr[Idx] is in its memory, as offsets from the base add up.
  std::optional<Affine> place(const Value *Ptr, const Value *Idx) const {
    std::optional<Affine> At = affine(Idx);
    for (const Value *P = Ptr;
         At && P->Code != OpCode::Param && P->Code != OpCode::Local;
         P = P->Operands[0]) {
      if (P->Code != OpCode::Offset)
        return std::nullopt;
      std::optional<Affine> Off = affine(P->Operands[1]);
      if (!Off)
        return std::nullopt;
      At = Affine{At->A + Off->A, At->C + Off->C};
    }
    return At;
  }

  /// Base, a scalar, only summed into: `s = s + e`, `s = e + s`, `s = s -
  /// e`, each load of s serving one such store.
  bool sums(const Value *Base, const std::vector<Access> &List) const {
    bool Scalar = Base->Code == OpCode::Local ? Base->IVal == 0
                                              : Base->Ty.kind() == Type::Ref;
    if (!Scalar)
      return false;
    for (const Access &A : List) {
      const Value &Op = *A.Op;
      if (Op.Code == OpCode::AddTo && Op.Operands[0] == Base && !Op.index())
        continue;
      if (Op.Code == OpCode::Load && Op.Operands[0] == Base && !Op.index() &&
          Uses[Op.Id] == 1)
        continue; // its store is checked below
      if (Op.Code != OpCode::Store || Op.Operands[0] != Base || Op.index())
        return false;
      const Value *Val = Op.Operands[1];
      if (Val->Code != OpCode::Add && Val->Code != OpCode::Sub)
        return false;
      auto Old = [&](const Value *X) {
        return X->Code == OpCode::Load && X->Operands[0] == Base &&
               !X->index() && Uses[X->Id] == 1;
      };
      if (!Old(Val->Operands[0]) &&
          !(Val->Code == OpCode::Add && Old(Val->Operands[1])))
        return false;
    }
    // Every load is the old value of one of the stores.
    size_t Loads = 0, Stores = 0;
    for (const Access &A : List) {
      Loads += A.Op->Code == OpCode::Load;
      Stores += A.Op->Code == OpCode::Store;
    }
    return Loads == Stores;
  }

  /// Base, a scalar local of the function, overwritten at the top of the
  /// body before anything there reads it: each iteration has its own value.
  bool overwrittenFirst(const Value *Base,
                        const std::vector<Access> &List) const {
    if (Base->Code != OpCode::Local || Base->IVal != 0)
      return false;
    const Access *First = &List.front();
    for (const Access &A : List)
      if (Facts.Pos.Order.at(A.Op) < Facts.Pos.Order.at(First->Op))
        First = &A;
    const Value &S = *First->Op;
    return S.Code == OpCode::Store && S.Operands[0] == Base && !S.index() &&
           Facts.Pos.Home.at(&S) == &Loop.Regions[LoopBody];
  }

  /// Whether an op after the loop reads Base: then it reads the last
  /// iteration's value, whose adjoint that iteration alone must take (the
  /// fused sweep gives what follows the loop to the first).
  bool readAfter(const Value *Base) const {
    return anyAfter(Facts, Loop,
                    [&](const Value &V) { return reads(V, Base); });
  }

  /// Every access at A * counter + C, one A for all, the Cs closer together
  /// than A: iteration i reaches only its own elements.
  static bool disjoint(const std::vector<Access> &List) {
    if (!List.front().At)
      return false;
    std::int64_t A = List.front().At->A;
    std::int64_t Lo = List.front().At->C, Hi = Lo;
    for (const Access &X : List) {
      if (!X.At || X.At->A != A)
        return false;
      Lo = std::min(Lo, X.At->C);
      Hi = std::max(Hi, X.At->C);
    }
    return A != 0 && Hi - Lo < (A < 0 ? -A : A);
  }

  const SweepFacts &Facts;
  const Value &Loop;
  const Value *Counter;
  const std::vector<unsigned> &Uses;
  std::map<const Value *, std::vector<Access>> ByBase;
};

/// What follows the fused loop at the top level: its backward code runs
/// before the loop (it gives the loop's outputs their adjoints), where the
/// forward values it reads must already be. What does not depend on the
/// loop is computed before the loop (Hoisted); what does may only pass
/// adjoints on without reading forward values (a scalar's load, sums,
/// products with values known before the loop); anything else must have no
/// backward work.
class Tail {
public:
  Tail(const SweepFacts &Facts, const Value &Loop) : Facts(Facts), Loop(Loop) {}

  bool allows(const std::vector<Value *> &After,
              std::vector<const Value *> &Hoisted) {
    std::vector<const Value *> Seen; // the ops of the tail before V
    for (const Value *V : After) {
      if (hoistable(*V) || apart(*V, Seen)) {
        Hoisted.push_back(V);
        Early.insert(V);
      } else if (!passesOn(*V) && !quiet(*V)) {
        return false;
      }
      Seen.push_back(V);
    }
    return true;
  }

private:
  /// Known before the loop runs.
  bool before(const Value *X) const {
    return X->isConst() || X->Code == OpCode::Param || Early.count(X) ||
           Facts.Pos.Order.at(X) < Facts.Pos.Order.at(&Loop);
  }

  /// Whether memory Base is written by the loop or after it.
  bool changes(const Value *Base) const {
    return writes(Loop, Base) || anyAfter(Facts, Loop, [&](const Value &V) {
             return writes(V, Base);
           });
  }

  bool hoistable(const Value &V) const {
    if (!V.hasResult() || V.isRegionOp() || V.Code == OpCode::Local ||
        V.Code == OpCode::Return)
      return false;
    if (!std::all_of(V.Operands.begin(), V.Operands.end(),
                     [&](const Value *Op) { return before(Op); }))
      return false;
    if (V.Code == OpCode::Load)
      return !changes(baseOf(V.Operands[0]));
    if (V.Code == OpCode::Invoke) {
      if (V.hasEffect())
        return false;
      for (const Value *Op : V.Operands)
        if (Op->Ty.isMemory() && changes(baseOf(Op)))
          return false;
    }
    return true;
  }

  /// A loop after the fused one that shares no memory with it, or with the
  /// ops between them, but by reading both (ADBench's weight terms after
  /// its reprojection errors): computed before the fused loop, its
  /// backward sweep, which runs before the fused loop's anyway, finds its
  /// values as it would after it, and what the fused loop reads and writes
  /// is the same. Its adjoints add to inputs' as the fused loop's do. What
  /// follows it in the tail still runs after it.
  bool apart(const Value &H, const std::vector<const Value *> &Between) const {
    if (H.Code != OpCode::Loop)
      return false;
    std::set<const Value *> Inside, Read, Written;
    bool Known = true;
    for (const Block &R : H.Regions)
      forEachOp(R, [&](const Value &V) { Inside.insert(&V); });
    for (const Block &R : H.Regions)
      forEachOp(R, [&](const Value &V) {
        for (const Value *Op : V.Operands)
          Known &= Inside.count(Op) || before(Op);
        switch (V.Code) {
        case OpCode::Load:
        case OpCode::Size:
          Read.insert(baseOf(V.Operands[0]));
          return;
        case OpCode::Store:
        case OpCode::AddTo:
          Written.insert(baseOf(V.Operands[0]));
          return;
        case OpCode::Offset:
        case OpCode::Field:
        case OpCode::Local:
        case OpCode::Note:
          return;
        case OpCode::Return:
        case OpCode::Throw:
        case OpCode::Invoke:
          Known = false;
          return;
        default:
          // A region op, arithmetic, a math call; nothing else that takes
          // a pointer is understood.
          Known &=
              std::none_of(V.Operands.begin(), V.Operands.end(),
                           [](const Value *Op) { return Op->Ty.isMemory(); });
        }
      });
    if (!Known)
      return false;
    auto Plain = [](const Value *Base) {
      return Base->Code == OpCode::Param || Base->Code == OpCode::Local;
    };
    for (const Value *Base : Read)
      if (!Plain(Base) || (!Inside.count(Base) && writesOther(Base, Between)))
        return false;
    for (const Value *Base : Written)
      if (!Plain(Base) || (!Inside.count(Base) && (writesOther(Base, Between) ||
                                                   readsOther(Base, Between))))
        return false;
    return true;
  }

  /// Whether the fused loop or an op of Between writes Base.
  bool writesOther(const Value *Base,
                   const std::vector<const Value *> &Between) const {
    return writes(Loop, Base) ||
           std::any_of(Between.begin(), Between.end(),
                       [&](const Value *V) { return writes(*V, Base); });
  }

  bool readsOther(const Value *Base,
                  const std::vector<const Value *> &Between) const {
    return reads(Loop, Base) ||
           std::any_of(Between.begin(), Between.end(),
                       [&](const Value *V) { return reads(*V, Base); });
  }

  /// Backward code that reads no forward value of the tail.
  bool passesOn(const Value &V) const {
    switch (V.Code) {
    case OpCode::Return:
    case OpCode::Const:
    case OpCode::Note:
    case OpCode::Add:
    case OpCode::Sub:
    case OpCode::Neg:
    case OpCode::Copy:
      return true;
    case OpCode::Load:
      return V.Operands.size() == 1 && (V.Operands[0]->Code == OpCode::Param ||
                                        V.Operands[0]->Code == OpCode::Local);
    case OpCode::Mul:
      for (unsigned I = 0; I < 2; ++I)
        if (Facts.Act.isActive(V.Operands[I]) && !before(V.Operands[1 - I]))
          return false;
      return true;
    case OpCode::Div: // a mean, `s / n`: the adjoint over what is known
      return !Facts.Act.isActive(V.Operands[1]) && before(V.Operands[1]);
    default:
      return false;
    }
  }

  /// No backward work at all.
  bool quiet(const Value &V) const {
    if (V.hasResult() && V.Code != OpCode::Invoke)
      return !Facts.Act.isActive(&V);
    return !Facts.needsBackward(V);
  }

  const SweepFacts &Facts;
  const Value &Loop;
  std::set<const Value *> Early; ///< hoisted so far
};

} // namespace

/// Whether anything in Blk may throw: a fused loop would have run some
/// backward work by then, and the user's adjoints must stay untouched.
static bool mayThrow(const Block &Blk) {
  bool Throws = false;
  forEachOp(Blk, [&](const Value &V) {
    Throws |= V.Code == OpCode::Throw ||
              (V.Code == OpCode::Invoke && V.invokeThrows());
  });
  return Throws;
}

/// Whether the loop at It can be fused; Hoisted as fusedLoop says.
static bool fusable(const SweepFacts &Facts,
                    std::vector<Value *>::const_reverse_iterator It,
                    const std::vector<unsigned> &Uses,
                    std::vector<const Value *> &Hoisted) {
  const std::vector<Value *> &Ops = Facts.P.Body.Ops;
  const Value &V = **It;
  std::optional<CountedLoop> L = Facts.Pos.counted(V);
  const Block &Body = V.Regions[LoopBody];
  if (!L || L->Breaks || findJump(Body, OpCode::Break) ||
      findJump(Body, OpCode::Continue))
    return false;
  std::vector<Value *> After(It.base(), Ops.end());
  if (mayThrow(Body) || mayThrow(Block{After}))
    return false;
  std::vector<const Value *> Early;
  if (!Tail(Facts, V).allows(After, Early))
    return false;
  if (!Independence(Facts, V, L->Counter, Uses).holds())
    return false;
  Hoisted = std::move(Early);
  return true;
}

static size_t opsIn(const Block &B) {
  size_t N = 0;
  forEachOp(B, [&](const Value &) { ++N; });
  return N;
}

const Value *fusedLoop(const SweepFacts &Facts,
                       std::vector<const Value *> &Hoisted) {
  const std::vector<Value *> &Ops = Facts.P.Body.Ops;
  // The last loop with backward work, or an earlier one whose tail the
  // fused loop's backward sweep can run before (later loops apart from it,
  // computed before it); of those, the one with the most ops, which has
  // the most to keep in scope rather than record.
  std::vector<unsigned> Uses;
  const Value *Best = nullptr;
  size_t BestSize = 0;
  for (auto It = Ops.rbegin(); It != Ops.rend(); ++It) {
    const Value &V = **It;
    if (V.Code != OpCode::Loop || !Facts.needsBackward(V))
      continue;
    if (Uses.empty())
      Uses = countUses(Facts.P);
    std::vector<const Value *> Early;
    size_t Size = opsIn(V.Regions[LoopBody]);
    if ((!Best || Size > BestSize) && fusable(Facts, It, Uses, Early)) {
      Best = &V;
      BestSize = Size;
      Hoisted = std::move(Early);
    }
  }
  return Best;
}

} // namespace gradc::autodiff
