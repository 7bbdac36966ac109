//===- Interpreter.h - Running IR on concrete values ------------*- C++ -*-===//
//
// Evaluates an IR function on numbers, each op in its own type (a float op
// rounds to float, as compiled code does), so that it is a reference for the
// generated C++ that shares none of the emitter's code.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_EVAL_INTERPRETER_H
#define GRADC_EVAL_INTERPRETER_H

#include "gradc/IR/Function.h"

#include <vector>

namespace gradc::eval {

struct Run {
  /// The value of each op, by Value::Id; meaningful where Computed.
  std::vector<long double> Values;
  std::vector<bool> Computed;
  long double Result = 0; ///< What the function returned, if anything.
};

/// Runs F. Args holds one number per parameter: the value of a scalar
/// parameter, or the contents of the slot a reference parameter names,
/// which `addto` updates in place.
Run evaluate(const ir::Function &F, std::vector<long double> &Args);

/// Rounds V to the precision (or integer width) of S.
long double roundTo(ir::Scalar S, long double V);

} // namespace gradc::eval

#endif // GRADC_EVAL_INTERPRETER_H
