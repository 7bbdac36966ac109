//===- OperatorNames.h - Names of the user's operators ----------*- C++ -*-===//
//
// An operator of the user's own (`Vec3 operator+(const Vec3 &, const
// Vec3 &)`) is lowered as a function; its generated pullback needs a C++
// identifier. The name says what the operator does and on what
// (`Vec3_plus`, `Vec3_times_double`, `double_times_Vec3`), so that two
// overloads of one operator get two names, as docs/user-guide.md lists.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_LIB_FRONTEND_OPERATORNAMES_H
#define GRADC_LIB_FRONTEND_OPERATORNAMES_H

#include "clang/AST/Decl.h"

#include <optional>
#include <string>

namespace gradc::frontend {

/// The word for operator K with Arity operands (the object counts), or ""
/// when gradc does not lower it.
std::string operatorWord(clang::OverloadedOperatorKind K, unsigned Arity);

/// The name of FD's generated functions, before `_pullback`: its own for a
/// function, a name made of words for an operator; a member's class is
/// put in front by the caller, as for any member function.
std::string functionName(const clang::FunctionDecl &FD);

/// What a local holding the struct FD returns is called: `plus_result`
/// for `a + b`, `add_result` for `add(a, b)`.
std::string resultName(const clang::FunctionDecl &FD);

/// Whether FD is a compound assignment of its class that returns the
/// object (`Vec3 &operator+=(const Vec3 &o)`, ending `return *this;`), or
/// a free one returning its first operand (`Vec3 &operator+=(Vec3 &a,
/// const Vec3 &b)`, ending `return a;`).
bool returnsSelf(const clang::FunctionDecl &FD);

/// The operand a free compound assignment changes and returns (`a` of
/// `Vec3 &operator+=(Vec3 &a, const Vec3 &b)`), or null.
const clang::ParmVarDecl *selfParam(const clang::FunctionDecl &FD);

/// Why gradc cannot lower FD, an operator, or nothing (also when FD is
/// no operator).
std::optional<std::string> operatorProblem(const clang::FunctionDecl &FD);

/// Whether E is `*this`.
bool isThisDeref(const clang::Expr *E);

} // namespace gradc::frontend

#endif // GRADC_LIB_FRONTEND_OPERATORNAMES_H
