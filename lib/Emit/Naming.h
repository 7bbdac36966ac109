//===- Naming.h - Which values become C++ variables, and their names ------===//
#ifndef GRADC_EMIT_NAMING_H
#define GRADC_EMIT_NAMING_H

#include "gradc/IR/Function.h"

#include <string>
#include <vector>

namespace gradc::emit {

/// How each value of a function is spelled in C++. Indexed by Value::Id.
struct NamePlan {
  /// Printed inside the expression of its (single) user.
  std::vector<bool> Inlined;
  /// The variable holding a parameter or a materialized value.
  std::vector<std::string> Var;
  /// A materialized value that is assigned into a variable that already
  /// exists (its previous value, Replaces, being dead) instead of declared.
  std::vector<const ir::Value *> Replaces;
  std::vector<unsigned> Uses;
  /// The length Local of a vector that changes size -> the vector; its
  /// variable is `v.size()` (and `v.capacity()` for the longest it has
  /// been: C++'s capacity is never less).
  std::vector<const ir::Value *> VectorOf;
};

/// Names follow the source: a value named `x` lives in the variable of the
/// previous `x` when that holds a dead value of the same type and may be
/// assigned; otherwise in a new variable `x`, or `x_2`, `x_3`, ... if taken.
/// Temporaries used more than once are named after their operation.
NamePlan planNames(const ir::Function &F);

} // namespace gradc::emit

#endif // GRADC_EMIT_NAMING_H
