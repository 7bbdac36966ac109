//===- Output.cpp - Writing generated files -------------------------------===//
#include "Output.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace gradc::tool {

WriteResult writeIfChanged(const std::string &Path, const std::string &Content,
                           std::string &Error) {
  if (Path == "-") {
    llvm::outs() << Content;
    llvm::outs().flush();
    return WriteResult::Written;
  }
  if (auto Old = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                             /*RequiresNullTerminator=*/false))
    if ((*Old)->getBuffer() == Content)
      return WriteResult::Unchanged;

  llvm::SmallString<256> Temp;
  llvm::SmallString<256> Model(Path);
  Model += ".tmp-%%%%%%";
  int FD = -1;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(Model, FD, Temp)) {
    Error = "cannot create a file beside '" + Path + "': " + EC.message();
    return WriteResult::Failed;
  }
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Content;
    OS.close();
    if (OS.has_error()) {
      Error =
          "cannot write '" + std::string(Temp) + "': " + OS.error().message();
      OS.clear_error();
      llvm::sys::fs::remove(Temp);
      return WriteResult::Failed;
    }
  }
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Path)) {
    Error = "cannot replace '" + Path + "': " + EC.message();
    llvm::sys::fs::remove(Temp);
    return WriteResult::Failed;
  }
  return WriteResult::Written;
}

static std::string escapeForMake(const std::string &Path) {
  std::string Out;
  for (char C : Path) {
    if (C == ' ' || C == '#')
      Out += '\\';
    else if (C == '$')
      Out += '$';
    Out += C;
  }
  return Out;
}

std::string makeDepFile(const std::string &Target,
                        const std::vector<std::string> &Deps) {
  std::string Out = escapeForMake(Target) + ":";
  for (const std::string &D : Deps)
    Out += " \\\n  " + escapeForMake(D);
  return Out + "\n";
}

} // namespace gradc::tool
