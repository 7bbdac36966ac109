//===- At.h - `gradc --at`: a computation worked through --------*- C++ -*-===//
#ifndef GRADC_TOOLS_AT_H
#define GRADC_TOOLS_AT_H

#include "gradc/Frontend/ClangFrontend.h"

#include <string>
#include <vector>

namespace gradc::tool {

/// For `--at x=3,y=-4`: runs the gradient of the chosen request on those
/// inputs in the interpreter and renders, in source order, each variable's
/// value and the gradient of the result with respect to it, as a table a
/// person can check by hand. Returns false with Error set on bad input.
bool renderAt(const std::vector<frontend::Request> &Requests,
              const std::string &Function, const std::string &At,
              std::string &Out, std::string &Error);

} // namespace gradc::tool

#endif // GRADC_TOOLS_AT_H
