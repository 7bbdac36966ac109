//===- CppEmitter.h - IR to readable C++ ------------------------*- C++ -*-===//
//
// Prints IR functions as C++ a person would write: one declaration per named
// value, temporaries inlined into the expression that uses them, a variable
// reused (`dx += ...`) when its previous value is dead, `// file:line:` notes
// before each stage. Knows nothing of Clang or of differentiation.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_EMIT_CPPEMITTER_H
#define GRADC_EMIT_CPPEMITTER_H

#include "gradc/IR/Function.h"

#include <string>
#include <vector>

namespace gradc::emit {

/// One inline function definition, without namespaces.
std::string emitFunction(const ir::Function &F);

struct HeaderOptions {
  std::string SourceName; ///< The input file, named in the banner.
};

/// A complete header: banner, #pragma once, includes, then the functions,
/// each inside its namespaces.
std::string emitHeader(const std::vector<const ir::Function *> &Fns,
                       const HeaderOptions &Opts);

/// The C++ spelling of a scalar type ("double", "long double", "int", ...).
const char *cxxTypeName(ir::Scalar S);
/// The C++ spelling of the scalar T holds or points at: its name, if the
/// user's code gave it one (`long`, `std::int64_t`, an enum), else its
/// scalar's.
std::string cxxTypeName(ir::Type T);

} // namespace gradc::emit

#endif // GRADC_EMIT_CPPEMITTER_H
