//===- Graph.h - `--emit=dot|svg|png`: the computational graph --*- C++ -*-===//
#ifndef GRADC_TOOLS_GRAPH_H
#define GRADC_TOOLS_GRAPH_H

#include "At.h"

#include <string>

namespace gradc::tool {

enum class GraphFormat { Dot, Svg, Png };

/// "dot", "svg" or "png": the extension of a file of that format.
const char *extension(GraphFormat Format);

/// Writes the graph of R to Path: DOT text, or a picture drawn by
/// Graphviz's `dot`. With At (`x=3,y=-4`), every wire carries its forward
/// value and its gradient. False, with Error set, on bad input or when
/// `dot` is missing or fails.
bool writeGraph(const frontend::Request &R, const std::string &At,
                GraphFormat Format, const std::string &Path,
                std::string &Error);

} // namespace gradc::tool

#endif // GRADC_TOOLS_GRAPH_H
