//===- TypeSpelling.h - Types as generated code can write them --*- C++ -*-===//
//
// Clang prints a type as the user wrote it, which is right only where the
// user wrote it: `auto a = pts[0];` has the type `value_type` (the
// vector's member), `decltype(a)` names a variable. Generated code writes
// types in other functions, so such sugar is taken off until what remains
// can be written there.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_LIB_FRONTEND_TYPESPELLING_H
#define GRADC_LIB_FRONTEND_TYPESPELLING_H

#include "clang/AST/ASTContext.h"

#include <string>

namespace gradc::frontend {

/// T as a generated function can write it: the user's spelling where it
/// names nothing local to where it was written (a class's member alias, a
/// `decltype`), and what that stands for otherwise. InBody: T is written
/// in a body, where the aliases of the user's function are declared again
/// (LocalTypes.cpp); a signature writes what they stand for.
std::string spelledType(clang::QualType T, const clang::ASTContext &Ctx,
                        bool InBody = true);

/// Whether a generated body can declare D, an alias of a function's body,
/// again at its top: no other alias of that function has its name (one in
/// each of two blocks).
bool redeclarableAlias(const clang::TypedefNameDecl &D);

} // namespace gradc::frontend

#endif // GRADC_LIB_FRONTEND_TYPESPELLING_H
