//===- CxxNames.h - Which names generated C++ can use -----------*- C++ -*-===//
//
// The expression language takes its variable names from the user and the
// C++ emitter writes them out as they are; a name that C++ reads as
// something else (`double`, `NAN`, `__x`) would make a header that does not
// compile. The language refuses such names up front.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_LIB_FRONTEND_CXXNAMES_H
#define GRADC_LIB_FRONTEND_CXXNAMES_H

#include <optional>
#include <string>

namespace gradc::cxx {

/// Why Name (an identifier) cannot name a C++ variable or function in the
/// generated header, or nothing if it can.
std::optional<std::string> nameProblem(const std::string &Name);

} // namespace gradc::cxx

#endif // GRADC_LIB_FRONTEND_CXXNAMES_H
