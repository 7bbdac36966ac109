//===- Format.cpp - clang-format for generated code -----------------------===//
#include "Format.h"

#include "clang/Format/Format.h"
#include "clang/Tooling/Core/Replacement.h"

namespace gradc::tool {

std::string formatCpp(const std::string &Code) {
  clang::format::FormatStyle Style = clang::format::getLLVMStyle();
  std::vector<clang::tooling::Range> Ranges{
      clang::tooling::Range(0, static_cast<unsigned>(Code.size()))};
  clang::tooling::Replacements Fixes =
      clang::format::reformat(Style, Code, Ranges, "generated.grad.h");
  llvm::Expected<std::string> Formatted =
      clang::tooling::applyAllReplacements(Code, Fixes);
  if (!Formatted) {
    llvm::consumeError(Formatted.takeError());
    return Code; // unformatted is still correct code
  }
  return *Formatted;
}

} // namespace gradc::tool
