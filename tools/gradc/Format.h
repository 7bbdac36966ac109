//===- Format.h - clang-format for generated code ---------------*- C++ -*-===//
#ifndef GRADC_TOOLS_FORMAT_H
#define GRADC_TOOLS_FORMAT_H

#include <string>

namespace gradc::tool {

/// Code laid out by clang-format's LLVM style, so that generated files are
/// clean under the formatter their readers already run.
std::string formatCpp(const std::string &Code);

} // namespace gradc::tool

#endif // GRADC_TOOLS_FORMAT_H
