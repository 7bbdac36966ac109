//===- MatrixLocal.h - Local std::vector of std::vector ---------*- C++ -*-===//
//
// What the callers of a local matrix's lowering (LoweringMatrixLocal.cpp)
// share outside BodyLowering.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_FRONTEND_MATRIXLOCAL_H
#define GRADC_FRONTEND_MATRIXLOCAL_H

#include <string>

namespace gradc::frontend {

/// Why a lambda may not capture the local matrix Name: it is flat, and
/// the lambda's function would take rows.
inline std::string capturedMatrixMessage(const std::string &Name) {
  return "a lambda capturing the local std::vector of std::vector '" + Name +
         "' is not supported yet; index it in the function itself, or "
         "capture a copy of the row it reads ('auto r = " +
         Name + "[i];')";
}

} // namespace gradc::frontend

#endif // GRADC_FRONTEND_MATRIXLOCAL_H
