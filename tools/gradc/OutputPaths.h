//===- OutputPaths.h - Outputs that would overwrite inputs ------*- C++ -*-===//
#ifndef GRADC_TOOLS_OUTPUTPATHS_H
#define GRADC_TOOLS_OUTPUTPATHS_H

#include <string>
#include <vector>

namespace gradc::tool {

/// Whether A and B name the same file: by file identity when both exist
/// (links, `./`, `..` and case-insensitive file systems included), else
/// by their absolute paths.
bool sameFile(const std::string &A, const std::string &B);

/// Why writing Out (introduced in messages as Role: "the output", "-MF")
/// would destroy a file gradc reads: one of the Inputs given on the command
/// line, or one of the files Read for the input at hand (the source and
/// every header it includes). Empty when it would not, and for "-".
std::string overwritesInput(const std::string &Out, const std::string &Role,
                            const std::vector<std::string> &Inputs,
                            const std::vector<std::string> &Read);

} // namespace gradc::tool

#endif // GRADC_TOOLS_OUTPUTPATHS_H
