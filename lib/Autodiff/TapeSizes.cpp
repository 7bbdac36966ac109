//===- TapeSizes.cpp - Tapes whose size is known in advance ---------------===//
#include "TapeSizes.h"

#include <algorithm>
#include <optional>

namespace gradc::autodiff {

using namespace ir;

namespace {

/// Values pushed per tape; nullopt: no bound.
using Counts = std::map<const Value *, std::optional<std::int64_t>>;

void add(Counts &C, const Value *Tape, std::optional<std::int64_t> N) {
  auto [It, New] = C.try_emplace(Tape, 0);
  It->second = It->second && N ? std::optional(*It->second + *N) : std::nullopt;
}

/// Each op of Blk runs at most Times times per call (nullopt: unbounded).
void count(const Block &Blk, std::optional<std::int64_t> Times,
           const std::map<const Value *, std::int64_t> &Trips, Counts &C) {
  for (const Value *V : Blk.Ops) {
    if (V->Code == OpCode::Push)
      add(C, V->Operands[0], Times);
    if (V->Code == OpCode::PushArray) {
      const Value *N = V->Operands[2];
      add(C, V->Operands[0],
          Times && N->isConst()
              ? std::optional(*Times *
                              static_cast<std::int64_t>(N->constValue()))
              : std::nullopt);
    }
    std::optional<std::int64_t> Inner = Times;
    if (V->Code == OpCode::Loop) {
      auto It = Trips.find(V);
      Inner =
          Times && It != Trips.end()
              ? std::optional(*Times * std::max<std::int64_t>(It->second, 0))
              : std::nullopt;
    }
    for (const Block &R : V->Regions)
      count(R, Inner, Trips, C);
  }
}

} // namespace

void sizeTapes(Function &G,
               const std::map<const Value *, std::int64_t> &Trips) {
  Counts C;
  count(G.Body, 1, Trips, C);
  for (Value *V : G.Body.Ops) {
    if (V->Code != OpCode::Tape)
      continue;
    auto It = C.find(V);
    if (It == C.end() || !It->second || *It->second <= 0 ||
        *It->second > MaxFixedTape)
      continue;
    V->IVal = *It->second;
  }
}

} // namespace gradc::autodiff
