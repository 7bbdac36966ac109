//===- TapeSizes.h - Tapes whose size is known in advance --------*- C++
//-*-===//
//
// A tape pushed outside loops, or in loops of constant trip counts, holds
// at most a number of values known when the code is written: it becomes a
// fixed-size stack array (`gradc::fixed_tape<double, 3>`), which costs no
// allocation. Pullbacks of small helpers (a rotation, a cross product)
// called once per observation are where that counts.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_AUTODIFF_TAPESIZES_H
#define GRADC_AUTODIFF_TAPESIZES_H

#include "gradc/IR/Function.h"

#include <cstdint>
#include <map>

namespace gradc::autodiff {

/// The most values a tape may hold to live on the stack.
constexpr std::int64_t MaxFixedTape = 256;

/// Sizes the tapes of G: a tape whose pushes in one call are bounded (Trips
/// gives the constant trip counts, at most, of G's loops; any other loop is
/// unbounded) by at most MaxFixedTape values gets that bound as its IVal
/// (run before reserveTapes, which then reserves nothing on it).
void sizeTapes(ir::Function &G,
               const std::map<const ir::Value *, std::int64_t> &Trips);

} // namespace gradc::autodiff

#endif // GRADC_AUTODIFF_TAPESIZES_H
