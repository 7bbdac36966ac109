//===- VectorCount.h - The size of a vector local in the sweep --*- C++ -*-===//
#ifndef GRADC_LIB_AUTODIFF_VECTORCOUNT_H
#define GRADC_LIB_AUTODIFF_VECTORCOUNT_H

#include "gradc/IR/Builder.h"

#include <map>

namespace gradc::autodiff {

/// How many elements the vector Local Base (of the primal) holds, in the
/// generated function where B is: the size it was given, or, if it changes
/// size, a load of its length (operand 1) or, if it may shrink, of the
/// longest it has been (operand 2).
ir::Value *vectorCount(ir::Builder &B, const ir::Value *Base,
                       const std::map<const ir::Value *, ir::Value *> &Map);

} // namespace gradc::autodiff

#endif // GRADC_LIB_AUTODIFF_VECTORCOUNT_H
