//===- SelfCast.h - A base class's method that names its derived object -*- C++
//-*-===//
//
// CRTP: `static_cast<const Derived &>(*this).area_impl()` in a method of
// `Shape<Derived>`. The object is a Derived, which the cast names again;
// gradc lowers such a method with the Derived as its object (`const Circle
// &self`), so that the cast is the object itself and the members the
// Derived adds are reached from it.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_LIB_FRONTEND_SELFCAST_H
#define GRADC_LIB_FRONTEND_SELFCAST_H

#include "clang/AST/DeclCXX.h"

namespace gradc::frontend {

/// The class whose object MD takes: the one class its body casts `*this`
/// (or `this`) down to, or else MD's own class.
const clang::CXXRecordDecl *selfClass(const clang::CXXMethodDecl &MD);

} // namespace gradc::frontend

#endif // GRADC_LIB_FRONTEND_SELFCAST_H
