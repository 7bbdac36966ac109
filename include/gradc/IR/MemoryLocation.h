//===- MemoryLocation.h - Where pointers point ------------------*- C++ -*-===//
//
// The algebra of places in memory that the reverse mode asks about: whether
// two indices or two pointers are provably the same, where a pointer is
// when that is a constant, and how far a function reaches into memory it is
// given. Pointers are chains of Offset and Field ops on a parameter or a
// Local (baseOf); indices are integer values.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_IR_MEMORYLOCATION_H
#define GRADC_IR_MEMORYLOCATION_H

#include "gradc/IR/Function.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>

namespace gradc::ir {

/// Whether V is integer arithmetic an index is made of (`+ - * / %`,
/// negation, a conversion), whose operands decide its value.
bool isIndexArithmetic(const Value &V);

/// Whether two indices have the same value: one value, equal constants (no
/// index, null, is index 0: `*a` is `a[0]`), or
/// the same integer arithmetic on such (`j + 1` computed twice) and on
/// loads of the variables in Stable, which do not change in between.
bool sameIndex(const Value *A, const Value *B,
               const std::set<const Value *> &Stable);

/// Whether two pointers are the same place: every access builds its own
/// Offset and Field ops (`dst.prod` twice).
bool samePlace(const Value *A, const Value *B,
               const std::set<const Value *> &Stable);

/// Adds to Slots the variables (Locals) whose loads V is computed from.
void loadedVariables(const Value *V, std::set<const Value *> &Slots);

/// How far Ptr points into Base (or, with Base null, into the memory it is
/// built on), in scalars, when that is a constant.
std::optional<double> constantOffset(const Value *Ptr, const Value *Base);

/// Where element (D, I) is in its memory, when that is a constant.
std::optional<double> constantPlace(const Value *D, const Value *I);

/// Whether index A is B plus a constant other than zero (`j + 1`, `j`).
bool offsetFrom(const Value *A, const Value *B,
                const std::set<const Value *> &Stable);

/// Whether element Idx of Ptr (a load's place; Idx null for index 0) may
/// be one of the Extent scalars at Arg (none: Arg and what follows it), a
/// pointer into the same memory: not provably another place.
bool mayReach(const Value *Arg, std::optional<std::int64_t> Extent,
              const Value *Ptr, const Value *Idx,
              const std::set<const Value *> &Stable);

/// Integer parameters of a function and the constants a call gives them.
using KnownInts = std::map<const Value *, std::int64_t>;

/// The callee's integer parameters Call gives constants (or parameters of
/// the caller that Known has).
KnownInts knownArguments(const Value &Call, const KnownInts &Known = {});

/// How many scalars from V (a pointer parameter of F) F reaches, when it
/// reaches them only at constant indices, through calls too: `y[0]`,
/// `y[2]` give 3; or in loops between constants: `y[i]` for `i < n`
/// gives 2 when Known says the call gives n = 2.
std::optional<std::int64_t> reachedExtent(const Function &F, const Value *V,
                                          const KnownInts &Known = {});

} // namespace gradc::ir

#endif // GRADC_IR_MEMORYLOCATION_H
