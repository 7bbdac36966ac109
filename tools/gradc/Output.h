//===- Output.h - Writing generated files -----------------------*- C++ -*-===//
#ifndef GRADC_TOOLS_OUTPUT_H
#define GRADC_TOOLS_OUTPUT_H

#include <string>
#include <utility>
#include <vector>

namespace gradc::tool {

enum class WriteResult { Written, Unchanged, Failed };

/// Writes Content to Path through a temporary file and a rename, so that a
/// reader never sees half a file; leaves Path untouched (and its time
/// stamp, for build systems) when it already holds exactly Content. Path
/// "-" is standard output. On failure, Error says why.
WriteResult writeIfChanged(const std::string &Path, const std::string &Content,
                           std::string &Error);

/// Writes each (path, content) as writeIfChanged does, all or none: every
/// temporary file is written before any is renamed into place, so that a
/// header is never replaced while its dependency file cannot be (a build
/// system would then see a new header with stale dependencies). False, with
/// Error set and nothing replaced, when a temporary cannot be written.
bool writeAllIfChanged(
    const std::vector<std::pair<std::string, std::string>> &Files,
    std::string &Error);

/// A Make-style dependency file: `Target: Deps...`, spaces escaped, one
/// dependency a line, as `-MD -MF` write it.
std::string makeDepFile(const std::string &Target,
                        const std::vector<std::string> &Deps);

} // namespace gradc::tool

#endif // GRADC_TOOLS_OUTPUT_H
