//===- Inlining.h - Helpers written inline to run them once -----*- C++ -*-===//
#ifndef GRADC_AUTODIFF_INLINING_H
#define GRADC_AUTODIFF_INLINING_H

#include "gradc/Autodiff/Reverse.h"

#include <map>
#include <memory>

namespace gradc::autodiff {

/// P with the helpers it calls at its top level (and, InFusedLoop, in its
/// fused loop) written inline, where the helper's pullback would run the
/// helper's transcendental calls a second time; null when there are none
/// (or, InFusedLoop, when the loop would no longer be fused). Origin maps
/// the copy's values to P's. SameOutsideLoop is set when the answer is the
/// one InFusedLoop = false gives (no call of the loop was written inline).
std::unique_ptr<ir::Function>
inlineCostlyCalls(const ir::Function &P, const ReverseOptions &Opts,
                  std::map<const ir::Value *, const ir::Value *> &Origin,
                  bool InFusedLoop, bool &SameOutsideLoop);

} // namespace gradc::autodiff

#endif // GRADC_AUTODIFF_INLINING_H
