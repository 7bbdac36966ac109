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
  /// Wrt holds indices into F.Params.
  Activity(const ir::Function &F, const std::vector<unsigned> &Wrt);

  bool isActive(const ir::Value *V) const { return Active[V->Id]; }
  bool isVaried(const ir::Value *V) const { return Varied[V->Id]; }

private:
  std::vector<bool> Varied, Useful, Active;
};

} // namespace gradc::autodiff

#endif // GRADC_AUTODIFF_ACTIVITY_H
