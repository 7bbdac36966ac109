//===- SourceLines.cpp - Quote the source under an error ------------------===//
//
// The transform knows lines and columns, not Clang's SourceManager: its
// errors are quoted here, from the file, in Clang's layout
// ("   12 | text", "      |   ^"), so that they read as the front end's.
//
//===----------------------------------------------------------------------===//
#include "SourceLines.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <memory>
#include <regex>

namespace gradc::tool {

std::string withSourceLines(const std::string &Errors) {
  static const std::regex Located(R"(^(.+):(\d+):(\d+): (error|warning): )");
  std::map<std::string, std::unique_ptr<llvm::MemoryBuffer>> Files;
  llvm::SmallVector<llvm::StringRef, 8> Lines;
  llvm::StringRef(Errors).split(Lines, '\n');
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  for (size_t I = 0; I < Lines.size(); ++I) {
    OS << (I ? "\n" : "") << Lines[I];
    std::smatch M;
    std::string Text = Lines[I].str();
    if (!std::regex_search(Text, M, Located))
      continue;
    std::unique_ptr<llvm::MemoryBuffer> &Buf = Files[M[1].str()];
    if (!Buf) {
      auto Read = llvm::MemoryBuffer::getFile(M[1].str());
      if (!Read)
        continue;
      Buf = std::move(*Read);
    }
    unsigned LineNo = std::stoul(M[2].str()), Col = std::stoul(M[3].str());
    llvm::SmallVector<llvm::StringRef, 64> Src;
    Buf->getBuffer().split(Src, '\n');
    if (LineNo == 0 || LineNo > Src.size())
      continue;
    llvm::StringRef SrcLine = Src[LineNo - 1].rtrim("\r");
    if (Col == 0 || Col > SrcLine.size() + 1)
      continue;
    OS << "\n"
       << llvm::format("%5u", LineNo) << " | " << SrcLine << "\n      | ";
    for (char C : SrcLine.take_front(Col - 1))
      OS << (C == '\t' ? '\t' : ' ');
    OS << "^";
  }
  return Out;
}

} // namespace gradc::tool
