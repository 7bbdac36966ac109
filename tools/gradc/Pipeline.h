//===- Pipeline.h - From lowered functions to output text -------*- C++ -*-===//
#ifndef GRADC_TOOLS_PIPELINE_H
#define GRADC_TOOLS_PIPELINE_H

#include "gradc/Frontend/ClangFrontend.h"

#include <string>
#include <vector>

namespace gradc::tool {

enum class EmitKind { Cpp, IR, GradIR, Dot, Svg, Png };

/// Whether R gets an f_grad: a scalar result, returned or written through
/// one reference. Every request gets an f_pullback.
bool hasGrad(const frontend::Request &R);

/// Differentiates every request and renders what Kind asks for. Returns
/// false, with Error set, when two requests would generate the same function
/// or on an internal error (invalid generated IR).
bool render(const std::vector<frontend::Request> &Requests,
            const std::string &SourceName, EmitKind Kind, std::string &Out,
            std::string &Error);

} // namespace gradc::tool

#endif // GRADC_TOOLS_PIPELINE_H
