//===- Depth.h - Expressions too deep for gradc -----------------*- C++ -*-===//
//
// Private to the Clang front end. gradc's walks (lowering, the printer of
// generated C++) recurse once per level of an expression; the driver gives
// them a large stack, and this bound keeps them well inside it, so that a
// generated input is answered with an error at its line, never a crash.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_LIB_FRONTEND_DEPTH_H
#define GRADC_LIB_FRONTEND_DEPTH_H

#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"

namespace gradc::frontend {

/// Levels of nested subexpressions gradc accepts in one expression (a sum
/// of N terms is N levels deep). A sum of 40,000 terms goes through every
/// stage in 64 MiB of stack; gradc runs on 1 GiB.
constexpr unsigned MaxExprDepth = 100'000;

/// The outermost expression in Body nested deeper than MaxExprDepth, or
/// null. Walks without recursion, so that it is safe on any input.
const clang::Expr *tooDeepExpr(const clang::Stmt *Body);

} // namespace gradc::frontend

#endif // GRADC_LIB_FRONTEND_DEPTH_H
