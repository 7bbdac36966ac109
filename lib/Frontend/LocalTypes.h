//===- LocalTypes.h - Classes declared inside a function --------*- C++ -*-===//
//
// A class declared in a function's body has no name outside it, and gradc
// writes its pullbacks outside every function. The generated functions
// made from such a body define its classes again at their top
// (ir::Function::LocalTypes); a function whose signature names one cannot
// be written outside at all, and is refused.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_LIB_FRONTEND_LOCALTYPES_H
#define GRADC_LIB_FRONTEND_LOCALTYPES_H

#include "gradc/IR/Function.h"

#include "clang/AST/Decl.h"

#include <optional>
#include <string>
#include <vector>

namespace gradc::frontend {

class Reporter;

/// The classes and enumerations FD's body declares, as written, in source
/// order.
std::vector<ir::LocalType> localTypesOf(const clang::FunctionDecl &FD);

/// Why the pullback of FD, a callee (Name as generated code calls it),
/// cannot be written outside the function that declares a class its
/// signature names, or nothing. Captured: the variables a lambda captures,
/// which become its parameters.
std::optional<std::string>
localTypeProblem(const clang::FunctionDecl &FD, const std::string &Name,
                 const std::vector<const clang::VarDecl *> &Captured = {});

/// The class declared inside a function that FD's signature names (its
/// object's class, for a member function), or null. Generated code writes
/// such a function where it is called (ir::Function::LocalClass).
const clang::TagDecl *localTypeOf(const clang::FunctionDecl &FD);

/// Writes the body of each function working on a local class that F
/// calls where it is called (FD is F's declaration); a call that cannot
/// be written so (the callee calls itself) is refused at its line. False
/// when one was refused.
bool inlineLocalMethods(ir::Function &F, const clang::FunctionDecl &FD,
                        Reporter &R);

} // namespace gradc::frontend

#endif // GRADC_LIB_FRONTEND_LOCALTYPES_H
