//===- Graph.cpp - `--emit=dot|svg|png`: the computational graph ----------===//
#include "Graph.h"

#include "Output.h"
#include "gradc/Emit/DotEmitter.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdio>

namespace gradc::tool {

namespace {

/// Pictures show four significant digits, as the notes' figures show two.
std::string short4(long double V) {
  char Buf[32];
  std::snprintf(Buf, sizeof(Buf), "%.4Lg", V);
  return Buf;
}

} // namespace

const char *extension(GraphFormat Format) {
  switch (Format) {
  case GraphFormat::Dot:
    return "dot";
  case GraphFormat::Svg:
    return "svg";
  case GraphFormat::Png:
    return "png";
  }
  return "dot";
}

bool writeGraph(const frontend::Request &R, const std::string &At,
                GraphFormat Format, const std::string &Path,
                std::string &Error) {
  std::map<const ir::Value *, emit::WireLabel> Labels;
  if (!At.empty()) {
    Worked W;
    if (!workThrough(R, At, W, Error))
      return false;
    for (const auto &[V, N] : W.Numbers)
      Labels[V] = {short4(N.Value), N.HasGrad ? short4(N.Grad) : ""};
  }
  std::string Dot = emit::emitDot(*R.Primal, Labels);
  if (Format == GraphFormat::Dot)
    return writeIfChanged(Path, Dot, Error) != WriteResult::Failed;

  llvm::ErrorOr<std::string> Program = llvm::sys::findProgramByName("dot");
  if (!Program) {
    Error = "drawing a picture needs Graphviz's 'dot', which is not "
            "installed: apt-get install graphviz (or write the graph with "
            "--emit=dot)";
    return false;
  }
  llvm::SmallString<128> Input;
  int FD = -1;
  if (llvm::sys::fs::createTemporaryFile("gradc", "dot", FD, Input)) {
    Error = "cannot create a temporary file for dot";
    return false;
  }
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Dot;
  }
  std::string Type = std::string("-T") + extension(Format);
  std::vector<llvm::StringRef> Argv{*Program, Type, Input.str()};
  // Path "-": dot writes to gradc's own standard output.
  if (Path != "-") {
    Argv.push_back("-o");
    Argv.push_back(Path);
  } else {
    llvm::outs().flush();
  }
  std::string Err;
  int Status =
      llvm::sys::ExecuteAndWait(*Program, Argv, std::nullopt, {}, 0, 0, &Err);
  llvm::sys::fs::remove(Input);
  if (Status != 0) {
    Error = "dot failed" + (Err.empty() ? "" : ": " + Err);
    return false;
  }
  return true;
}

} // namespace gradc::tool
