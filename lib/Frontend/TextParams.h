//===- TextParams.h - std::string parameters that are compared -*- C++ -*-===//
#ifndef GRADC_FRONTEND_TEXTPARAMS_H
#define GRADC_FRONTEND_TEXTPARAMS_H

#include "clang/AST/Type.h"

namespace gradc::frontend {

/// Whether T (without references and qualifiers) is std::string or
/// std::string_view.
bool isTextType(clang::QualType T);

} // namespace gradc::frontend

#endif // GRADC_FRONTEND_TEXTPARAMS_H
