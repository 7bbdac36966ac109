//===- Check.h - `gradc --check`: gradients against finite differences ----===//
#ifndef GRADC_TOOLS_CHECK_H
#define GRADC_TOOLS_CHECK_H

#include "gradc/Frontend/ClangFrontend.h"

#include <string>

namespace gradc::tool {

/// Runs R's gradient in the interpreter, as --at does, and compares every
/// entry with central finite differences of R's primal, also run in the
/// interpreter, at At (`x=3,w=[1,2]`) or, when At is empty, at a seeded
/// random point that Report names for --at. Report is the table. Returns
/// 0 when every entry agrees within the tolerance, 1 when one does not, 2
/// (with Error set) when the check cannot run: bad --at, or a run that
/// fails (an index out of bounds, ...).
int checkGradient(const frontend::Request &R, const std::string &At,
                  std::string &Report, std::string &Error);

} // namespace gradc::tool

#endif // GRADC_TOOLS_CHECK_H
