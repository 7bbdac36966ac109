//===- Format.cpp - clang-format for generated code -----------------------===//
#include "Format.h"

#include "clang/Format/Format.h"
#include "clang/Tooling/Core/Replacement.h"

namespace gradc::tool {

/// clang-format's line breaking takes time and memory quadratic in the
/// tokens of a statement: a generated sum of 20,000 terms took seconds and
/// a gigabyte. Lines longer than this are left as the emitter wrote them.
static constexpr size_t LongestFormattedLine = 4000;

/// The ranges of Code made of lines no longer than LongestFormattedLine.
static std::vector<clang::tooling::Range> formattable(const std::string &Code) {
  std::vector<clang::tooling::Range> Ranges;
  size_t Start = 0; // of the current range
  for (size_t Line = 0; Line < Code.size();) {
    size_t End = Code.find('\n', Line);
    End = End == std::string::npos ? Code.size() : End + 1;
    if (End - Line > LongestFormattedLine) {
      // Short of the newline before it, which clang-format counts as part
      // of the long line.
      if (Line > Start + 1)
        Ranges.emplace_back(Start, Line - 1 - Start);
      Start = End;
    }
    Line = End;
  }
  if (Code.size() > Start)
    Ranges.emplace_back(Start, Code.size() - Start);
  return Ranges;
}

static std::string formatPiece(const std::string &Code) {
  clang::format::FormatStyle Style = clang::format::getLLVMStyle();
  // The emitter closes each namespace with its `// namespace N` and writes
  // no using-declarations, so these passes, which run before the
  // formatter's and would each lex and parse the code again, find nothing
  // to change: skipping them saves a third of clang-format's time.
  Style.FixNamespaceComments = false;
  Style.SortUsingDeclarations = clang::format::FormatStyle::SUD_Never;
  clang::tooling::Replacements Fixes = clang::format::reformat(
      Style, Code, formattable(Code), "generated.grad.h");
  llvm::Expected<std::string> Formatted =
      clang::tooling::applyAllReplacements(Code, Fixes);
  if (!Formatted) {
    llvm::consumeError(Formatted.takeError());
    return Code; // unformatted is still correct code
  }
  return *Formatted;
}

/// Code cut after each function that ends outside any namespace (a line
/// `}`; the emitter indents everything inside a function). No rule of the
/// LLVM style looks across that brace, and clang-format's time and memory
/// grow faster than its input: a header of 775,000 lines took 2.5 GB in
/// one piece, 1.3 GB in two.
static std::vector<std::string> pieces(const std::string &Code) {
  std::vector<std::string> Pieces;
  size_t Start = 0;
  int Namespaces = 0;
  for (size_t Line = 0; Line < Code.size();) {
    size_t End = Code.find('\n', Line);
    End = End == std::string::npos ? Code.size() : End + 1;
    llvm::StringRef Text = llvm::StringRef(Code).slice(Line, End).rtrim('\n');
    if (Text.starts_with("namespace") && Text.ends_with("{"))
      ++Namespaces;
    else if (Text.starts_with("} // namespace"))
      --Namespaces;
    else if (Text == "}" && Namespaces == 0) {
      Pieces.push_back(Code.substr(Start, End - Start));
      Start = End;
    }
    Line = End;
  }
  if (Start < Code.size())
    Pieces.push_back(Code.substr(Start));
  return Pieces;
}

std::string formatCpp(const std::string &Code) {
  std::string Out;
  for (const std::string &Piece : pieces(Code))
    Out += formatPiece(Piece);
  return Out;
}

} // namespace gradc::tool
