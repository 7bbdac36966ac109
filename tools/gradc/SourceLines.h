//===- SourceLines.h - Quote the source under an error ----------*- C++ -*-===//
#ifndef GRADC_TOOLS_SOURCELINES_H
#define GRADC_TOOLS_SOURCELINES_H

#include <string>

namespace gradc::tool {

/// Errors, one a line, each `file:line:col: error: ...` followed by that
/// line of the file and a caret under the column, as Clang shows the
/// front end's errors (lines that name no readable file are left alone).
std::string withSourceLines(const std::string &Errors);

} // namespace gradc::tool

#endif // GRADC_TOOLS_SOURCELINES_H
