//===- ClangFrontend.h - Annotated C++ functions to IR ----------*- C++ -*-===//
//
// Finds the functions annotated with GRADC_DIFF in a source file and lowers
// each body to IR. Knows nothing of differentiation: it resolves the spec
// against the function's parameters and reports what it cannot lower as
// Clang diagnostics (file:line:col) on the given stream.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_FRONTEND_CLANGFRONTEND_H
#define GRADC_FRONTEND_CLANGFRONTEND_H

#include "gradc/IR/Function.h"

#include <memory>
#include <string>
#include <vector>

namespace clang::tooling {
class CompilationDatabase;
} // namespace clang::tooling

namespace gradc::frontend {

/// One annotated function, lowered, with its spec resolved.
struct Request {
  std::unique_ptr<ir::Function> Primal;
  std::vector<unsigned> Wrt; ///< Indices into Primal->Params, ascending.
  /// For a void function, the pointer or reference parameters it writes its
  /// results through (out(...)): indices into Primal->Params, ascending.
  std::vector<unsigned> Out;
  std::string BaseName; ///< name(...) or the function's own name.
};

struct FrontendResult {
  std::vector<Request> Requests;
  /// The functions of the user's that the requests call (directly or not),
  /// lowered once each; Invoke ops point at them.
  std::vector<std::unique_ptr<ir::Function>> Callees;
  unsigned NumErrors = 0;
  /// Every file the compilation read (the source and the headers it
  /// includes), for dependency files.
  std::vector<std::string> Dependencies;
};

struct FrontendOptions {
  /// Extra arguments appended to every compile command (the tool's own
  /// include directory, Clang's resource directory).
  std::vector<std::string> ExtraArgs;
};

/// Parses File with the flags the database gives for it.
FrontendResult lowerFile(const clang::tooling::CompilationDatabase &DB,
                         const std::string &File, const FrontendOptions &Opts);

} // namespace gradc::frontend

#endif // GRADC_FRONTEND_CLANGFRONTEND_H
