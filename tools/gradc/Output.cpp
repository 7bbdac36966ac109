//===- Output.cpp - Writing generated files -------------------------------===//
#include "Output.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace gradc::tool {

namespace {

/// A file written beside its destination, waiting to be renamed over it.
struct Pending {
  std::string Path;
  llvm::SmallString<256> Temp;
};

bool isUnchanged(const std::string &Path, const std::string &Content) {
  auto Old = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  return Old && (*Old)->getBuffer() == Content;
}

bool writeTemp(const std::string &Path, const std::string &Content, Pending &P,
               std::string &Error) {
  P.Path = Path;
  llvm::SmallString<256> Model(Path);
  Model += ".tmp-%%%%%%";
  int FD = -1;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(Model, FD, P.Temp)) {
    Error = "cannot create a file beside '" + Path + "': " + EC.message();
    return false;
  }
  llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
  OS << Content;
  OS.close();
  if (OS.has_error()) {
    Error =
        "cannot write '" + std::string(P.Temp) + "': " + OS.error().message();
    OS.clear_error();
    llvm::sys::fs::remove(P.Temp);
    return false;
  }
  return true;
}

} // namespace

bool writeAllIfChanged(
    const std::vector<std::pair<std::string, std::string>> &Files,
    std::string &Error) {
  std::vector<Pending> Ready;
  auto Discard = [&](size_t From) {
    for (size_t I = From; I < Ready.size(); ++I)
      llvm::sys::fs::remove(Ready[I].Temp);
  };
  for (const auto &[Path, Content] : Files) {
    if (Path == "-" || isUnchanged(Path, Content))
      continue;
    Pending P;
    if (!writeTemp(Path, Content, P, Error)) {
      Discard(0);
      return false;
    }
    Ready.push_back(std::move(P));
  }
  for (size_t I = 0; I < Ready.size(); ++I)
    if (std::error_code EC =
            llvm::sys::fs::rename(Ready[I].Temp, Ready[I].Path)) {
      Error = "cannot replace '" + Ready[I].Path + "': " + EC.message();
      Discard(I);
      return false;
    }
  // Standard output last: it cannot be taken back.
  for (const auto &[Path, Content] : Files)
    if (Path == "-") {
      llvm::outs() << Content;
      llvm::outs().flush();
    }
  return true;
}

WriteResult writeIfChanged(const std::string &Path, const std::string &Content,
                           std::string &Error) {
  if (Path != "-" && isUnchanged(Path, Content))
    return WriteResult::Unchanged;
  return writeAllIfChanged({{Path, Content}}, Error) ? WriteResult::Written
                                                     : WriteResult::Failed;
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
