//===- Output.h - Writing generated files -----------------------*- C++ -*-===//
#ifndef GRADC_TOOLS_OUTPUT_H
#define GRADC_TOOLS_OUTPUT_H

#include <string>
#include <vector>

namespace gradc::tool {

enum class WriteResult { Written, Unchanged, Failed };

/// Writes Content to Path through a temporary file and a rename, so that a
/// reader never sees half a file; leaves Path untouched (and its time
/// stamp, for build systems) when it already holds exactly Content. Path
/// "-" is standard output. On failure, Error says why.
WriteResult writeIfChanged(const std::string &Path, const std::string &Content,
                           std::string &Error);

/// A Make-style dependency file: `Target: Deps...`, spaces escaped, one
/// dependency a line, as `-MD -MF` write it.
std::string makeDepFile(const std::string &Target,
                        const std::vector<std::string> &Deps);

} // namespace gradc::tool

#endif // GRADC_TOOLS_OUTPUT_H
