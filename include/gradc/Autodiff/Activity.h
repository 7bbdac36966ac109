//===- Activity.h - Which values carry derivatives --------------*- C++ -*-===//
//
// A value is active when it depends on a wrt parameter (it is "varied") and
// the result depends on it (it is "useful"). Only active values get
// adjoints; everything else is passive and is left as the user wrote it.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_AUTODIFF_ACTIVITY_H
#define GRADC_AUTODIFF_ACTIVITY_H

#include "gradc/IR/Function.h"

#include <vector>

namespace gradc::autodiff {

class Activity {
public:
  /// Wrt and Out hold indices into F.Params: the inputs, and the memory
  /// parameters through which a void function gives its results.
  Activity(const ir::Function &F, const std::vector<unsigned> &Wrt,
           const std::vector<unsigned> &Out = {});

  bool isActive(const ir::Value *V) const { return Active[V->Id]; }
  bool isVaried(const ir::Value *V) const { return Varied[V->Id]; }

  /// For memory (a pointer parameter or Local): whether it holds values
  /// that carry derivatives to the result.
  bool isActiveMemory(const ir::Value *Base) const { return Active[Base->Id]; }

private:
  std::vector<bool> Varied, Useful, Active;
};

} // namespace gradc::autodiff

#endif // GRADC_AUTODIFF_ACTIVITY_H
