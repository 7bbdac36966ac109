//===- DotEmitter.h - The computational graph for Graphviz ------*- C++ -*-===//
//
// One node per input and per gate, drawn as the CS231n notes draw circuits:
// inputs on the left, the output on the right, constants folded into their
// gate's label ("+1", "*-1", "1/x"). Knows nothing of differentiation: it
// prints whatever two labels it is given for the wires leaving a value.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_EMIT_DOTEMITTER_H
#define GRADC_EMIT_DOTEMITTER_H

#include "gradc/IR/Function.h"

#include <map>
#include <string>

namespace gradc::emit {

struct WireLabel {
  std::string Above; ///< drawn in green (a forward value)
  std::string Below; ///< drawn in red (a gradient)
};

std::string emitDot(const ir::Function &F,
                    const std::map<const ir::Value *, WireLabel> &Labels);

} // namespace gradc::emit

#endif // GRADC_EMIT_DOTEMITTER_H
