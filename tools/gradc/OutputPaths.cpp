//===- OutputPaths.cpp - Outputs that would overwrite inputs --------------===//
//
// `gradc foo.cpp -o foo.cpp` would replace the user's source with the
// generated header, and the rename makes that look like success: such an
// output is refused before anything is written.
//
//===----------------------------------------------------------------------===//
#include "OutputPaths.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace gradc::tool {

static std::string absolute(const std::string &P) {
  llvm::SmallString<256> Abs(P);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

bool sameFile(const std::string &A, const std::string &B) {
  bool Same = false;
  if (!llvm::sys::fs::equivalent(A, B, Same))
    return Same;
  return absolute(A) == absolute(B);
}

std::string overwritesInput(const std::string &Out, const std::string &Role,
                            const std::vector<std::string> &Inputs,
                            const std::vector<std::string> &Read) {
  if (Out == "-")
    return "";
  for (const std::string &In : Inputs)
    if (sameFile(Out, In))
      return Role + " '" + Out + "' is the input '" + In +
             "'; gradc would overwrite it: write to another file";
  for (const std::string &H : Read)
    if (sameFile(Out, H))
      return Role + " '" + Out + "' is a header that the input includes" +
             (Out == H ? "" : " ('" + H + "')") +
             "; gradc would overwrite it: write to another file (a source "
             "that includes its own generated header does so under #ifndef "
             "__GRADC__)";
  return "";
}

} // namespace gradc::tool
