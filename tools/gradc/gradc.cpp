//===- gradc.cpp - The command-line driver --------------------------------===//
//
//   gradc foo.cpp -o foo.grad.h [-- <compiler flags>]
//   gradc --expr 'f(x, y) = x * sigmoid(y)' [--at x=1,y=2] [--emit=...]
//
// Exit status: 0 on success, 1 when an input has errors (diagnostics say
// where), 2 on a usage or file-system error.
//
//===----------------------------------------------------------------------===//
#include "At.h"
#include "BigStack.h"
#include "Check.h"
#include "Graph.h"
#include "Output.h"
#include "OutputPaths.h"
#include "Pipeline.h"
#include "SourceLines.h"
#include "gradc/Config.h"
#include "gradc/Frontend/ClangFrontend.h"
#include "gradc/Frontend/Expr.h"

#include "clang/Tooling/CommonOptionsParser.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>
#include <optional>

using namespace gradc;
namespace cl = llvm::cl;

static cl::OptionCategory GradcCategory("gradc options");

static cl::opt<std::string>
    OutputPath("o",
               cl::desc("Output file ('-' for standard output). With "
                        "one input only; without it, each input "
                        "foo.cpp is written to foo.grad.h beside it"),
               cl::value_desc("file"), cl::cat(GradcCategory));

static cl::opt<tool::EmitKind>
    Emit("emit", cl::desc("What to write"), cl::init(tool::EmitKind::Cpp),
         cl::values(
             clEnumValN(tool::EmitKind::Cpp, "cpp",
                        "the generated C++ header (default)"),
             clEnumValN(tool::EmitKind::IR, "ir",
                        "the IR of each annotated function, as lowered"),
             clEnumValN(tool::EmitKind::GradIR, "grad-ir",
                        "the IR of the generated gradient functions"),
             clEnumValN(tool::EmitKind::Dot, "dot",
                        "the computational graph for Graphviz; with --at, each "
                        "wire shows its value and gradient"),
             clEnumValN(tool::EmitKind::Svg, "svg",
                        "the graph drawn by Graphviz's dot, as SVG"),
             clEnumValN(tool::EmitKind::Png, "png",
                        "the graph drawn by Graphviz's dot, as PNG")),
         cl::cat(GradcCategory));

static cl::opt<std::string>
    DepFile("MF",
            cl::desc("Also write a Make-style dependency file: the output "
                     "depends on the source and every header it includes "
                     "(for CMake's DEPFILE, Ninja and Make)"),
            cl::value_desc("file"), cl::cat(GradcCategory));

static cl::opt<std::string>
    AtValues("at",
             cl::desc("Run the gradient on these inputs in gradc's "
                      "interpreter and print every variable's value and "
                      "gradient, e.g. --at x=3,y=-4; arrays as "
                      "w=[2,-3,-3]; for out parameters, their initial "
                      "contents (err=[0,0]) and optionally seeds "
                      "(derr=[1,0]; default ones)"),
             cl::value_desc("name=value,..."), cl::cat(GradcCategory));

static cl::opt<std::string> AtBatch(
    "at-batch",
    cl::desc("Run --at for each line 'function point' of this file, and "
             "print each table after a line '=== function point' (or "
             "'=== function point' and 'error: ...'): one parse for many "
             "points, for test drivers"),
    cl::value_desc("file"), cl::cat(GradcCategory));

static cl::opt<bool> CheckGradient(
    "check",
    cl::desc("Compare the gradient, run in gradc's interpreter, with "
             "finite differences of the function, entry by entry, at "
             "--at's point or a random one, and print the table; exit "
             "status 1 when an entry disagrees. The first thing to run on "
             "new code, and on a custom pullback"),
    cl::cat(GradcCategory));

static cl::opt<std::string>
    FunctionName("function",
                 cl::desc("With --at or --check: the annotated function to "
                          "run (needed when a file annotates several)"),
                 cl::value_desc("name"), cl::cat(GradcCategory));

static cl::opt<std::string> ExprText(
    "expr",
    cl::desc("Differentiate this function of the expression language instead "
             "of a C++ file, e.g. --expr 'f(x, y) = x * sigmoid(y)'; written "
             "to standard output without -o"),
    cl::value_desc("text"), cl::cat(GradcCategory));

static cl::extrahelp Examples(R"(
EXAMPLES:
  gradc model.cpp -o model.grad.h                 generate model.grad.h
  gradc model.cpp -o model.grad.h -- -Iinclude -DN=3 -std=c++20
                                                  parse with these flags
  gradc -p build model.cpp -o model.grad.h        flags from build/compile_commands.json
  gradc model.cpp -o model.grad.h -MF model.grad.h.d
                                                  also write a dependency file
  gradc a.cpp b.cpp                               write a.grad.h and b.grad.h beside them
  gradc model.cpp -o -                            print the header
  gradc model.cpp --emit=ir -o -                  print the IR of each annotated function
  gradc model.cpp --check                         check the gradient against finite differences
  gradc model.cpp --check --at w=[2,-3],x=[1,2],n=2
                                                  the same, at this point
  gradc model.cpp --at x=3,y=-4                   work the gradient through on these inputs
  gradc model.cpp --function loss --at w=1,x=2,y=4
                                                  the same, choosing one of several functions
  gradc model.cpp --at w=[2,-3,-3],x=[-1,-2],n=3  arrays: one row per element
  --extra-arg=-DDEBUG                             one more compiler flag (also --extra-arg-before)
  gradc --expr 'f(x, y) = (x + sigmoid(y)) / (sigmoid(x) + (x + y)^2)'
                                                  print f_grad and f_pullback
  gradc --expr 'f(x, y) { s = x * y; return sigmoid(s) }' --at x=3,y=-4
                                                  a function of several statements, worked through
  gradc --expr 'f(w, x) = relu(w * x)' --emit=svg -o f.svg
                                                  draw its computational graph

While gradc reads a file it defines __GRADC__, so a file can include its own
generated header at its end: #ifndef __GRADC__ #include "model.grad.h" #endif

EXIT STATUS:
  0  success
  1  an input has errors (the diagnostics say where); nothing was written for it
     (with --expr: the expression has an error, shown under a caret;
     with --check: an entry of the gradient disagrees with finite differences)
  2  a usage error, a missing input, or an output that could not be written
)");

static const char Overview[] =
    "gradc: reverse-mode differentiation of C++ functions, source to source\n"
    "\n"
    "Annotate a function with GRADC_DIFF(\"grad\") (from <gradc/gradc.h>) "
    "and run\n"
    "  gradc foo.cpp -o foo.grad.h [-- <compiler flags>]\n"
    "to get f_grad and f_pullback in foo.grad.h. On new code, first run\n"
    "  gradc foo.cpp --check\n"
    "to compare its gradient with finite differences. Without a C++ file:\n"
    "  gradc --expr 'f(x, y) = x * sigmoid(y)'\n";

/// The directory holding gradc/gradc.h: beside an installed tool
/// (<prefix>/bin/../include), else the source tree it was built from.
static std::string ownIncludeDir(const char *Argv0) {
  std::string Exe =
      llvm::sys::fs::getMainExecutable(Argv0, (void *)&ownIncludeDir);
  llvm::SmallString<256> Dir(
      llvm::sys::path::parent_path(llvm::sys::path::parent_path(Exe)));
  llvm::sys::path::append(Dir, "include");
  llvm::SmallString<256> Header(Dir);
  llvm::sys::path::append(Header, "gradc", "gradc.h");
  if (llvm::sys::fs::exists(Header))
    return std::string(Dir);
  return GRADC_SOURCE_INCLUDE_DIR;
}

static bool exprGiven() { return ExprText.getNumOccurrences() > 0; }

/// The C++ files given on the command line: no output may overwrite one.
static std::vector<std::string> Inputs;

/// False, after saying why, when writing Out (or the -MF file, when
/// WithDepFile) would overwrite a file gradc reads: an input, or a header
/// read for this one (Read).
static bool outputsAreSafe(const std::string &Out,
                           const std::vector<std::string> &Read,
                           bool WithDepFile) {
  std::string Why = tool::overwritesInput(Out, "the output", Inputs, Read);
  if (Why.empty() && WithDepFile && !DepFile.empty()) {
    Why = tool::overwritesInput(DepFile, "-MF", Inputs, Read);
    if (Why.empty() && Out != "-" && tool::sameFile(DepFile, Out))
      Why = "-MF '" + DepFile + "' is the output '" + Out +
            "': give the dependency file a name of its own";
  }
  if (!Why.empty())
    llvm::errs() << "gradc: error: " << Why << "\n";
  return Why.empty();
}

/// Without -o, foo.cpp is written to foo.<Ext> beside it, and --expr to
/// standard output.
static std::string outputFor(const std::string &Input, const char *Ext) {
  if (!OutputPath.empty())
    return OutputPath;
  if (exprGiven())
    return "-";
  llvm::SmallString<256> Out(Input);
  llvm::sys::path::replace_extension(Out, Ext);
  return std::string(Out);
}

static std::optional<tool::GraphFormat> graphFormat(tool::EmitKind K) {
  switch (K) {
  case tool::EmitKind::Dot:
    return tool::GraphFormat::Dot;
  case tool::EmitKind::Svg:
    return tool::GraphFormat::Svg;
  case tool::EmitKind::Png:
    return tool::GraphFormat::Png;
  default:
    return std::nullopt;
  }
}

/// --at and the pictures describe one annotated function: print its table
/// or draw its graph. False after reporting why not.
static bool describe(const frontend::FrontendResult &R,
                     const std::string &Source) {
  std::string Error;
  const frontend::Request *Chosen =
      tool::chooseRequest(R.Requests, FunctionName, Error);
  bool Ok = Chosen != nullptr;
  if (Ok) {
    if (std::optional<tool::GraphFormat> Format = graphFormat(Emit)) {
      std::string Out = outputFor(Source, tool::extension(*Format));
      if (!outputsAreSafe(Out, R.Dependencies, /*WithDepFile=*/false))
        return false;
      Ok = tool::writeGraph(*Chosen, AtValues, *Format, Out, Error);
    } else {
      tool::Worked W;
      Ok = tool::workThrough(*Chosen, AtValues, W, Error);
      if (Ok)
        llvm::outs() << tool::renderTable(W);
    }
  }
  if (!Ok)
    llvm::errs() << "gradc: error: " << Error << "\n";
  return Ok;
}

/// --at-batch: --at for many functions and points of one file. Exit status
/// 2 when a line could not be run (its error is printed in its place).
static int atBatch(const frontend::FrontendResult &R) {
  auto Lines = llvm::MemoryBuffer::getFile(AtBatch);
  if (!Lines) {
    llvm::errs() << "gradc: error: cannot read '" << AtBatch
                 << "': " << Lines.getError().message() << "\n";
    return 2;
  }
  int Status = 0;
  llvm::SmallVector<llvm::StringRef, 16> Rows;
  (*Lines)->getBuffer().split(Rows, '\n', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Row : Rows) {
    auto [Name, Point] = Row.trim().split(' ');
    llvm::outs() << "=== " << Name << " " << Point << "\n";
    std::string Error;
    tool::Worked W;
    const frontend::Request *Chosen =
        tool::chooseRequest(R.Requests, Name.str(), Error);
    if (Chosen && tool::workThrough(*Chosen, Point.str(), W, Error)) {
      llvm::outs() << tool::renderTable(W);
      continue;
    }
    llvm::outs() << "error: " << Error << "\n";
    Status = 2;
  }
  return Status;
}

/// --check: one annotated function's gradient against finite differences.
static int check(const frontend::FrontendResult &R) {
  std::string Error, Report;
  const frontend::Request *Chosen =
      tool::chooseRequest(R.Requests, FunctionName, Error);
  int Status =
      Chosen ? tool::checkGradient(*Chosen, AtValues, Report, Error) : 2;
  llvm::outs() << Report;
  if (Status == 2)
    llvm::errs() << "gradc: error: " << Error << "\n";
  return Status;
}

/// Writes what --emit asks for, or runs --at or --check, for the requests
/// of one input; returns the exit status (see EXIT STATUS).
static int produce(const frontend::FrontendResult &R, const std::string &Source,
                   const std::string &SourceName) {
  if (CheckGradient)
    return check(R);
  if (!AtBatch.empty())
    return atBatch(R);
  if (graphFormat(Emit) || !AtValues.empty())
    return describe(R, Source) ? 0 : 2;
  std::string Text, Error;
  if (!tool::render(R.Requests, SourceName, Emit, Text, Error)) {
    llvm::errs() << tool::withSourceLines(Error) << "\ngradc: " << Source
                 << ": no output written\n";
    return 1;
  }
  std::string Out = outputFor(Source, "grad.h");
  if (!outputsAreSafe(Out, R.Dependencies, /*WithDepFile=*/true))
    return 2;
  // Both files or neither: a new header with stale dependencies would
  // make the next build skip gradc when it must run.
  std::vector<std::pair<std::string, std::string>> Files = {{Out, Text}};
  if (!DepFile.empty())
    Files.emplace_back(DepFile, tool::makeDepFile(Out, R.Dependencies));
  if (!tool::writeAllIfChanged(Files, Error)) {
    llvm::errs() << "gradc: error: " << Error << "\n";
    return 2;
  }
  return 0;
}

/// gradc --expr: the expression language in place of a C++ file, its
/// function differentiated with respect to every parameter.
static int runExpr() {
  std::variant<std::unique_ptr<ir::Function>, expr::ExprError> Parsed =
      expr::parseExpr(ExprText);
  if (const auto *E = std::get_if<expr::ExprError>(&Parsed)) {
    llvm::errs() << "gradc: error: " << expr::renderError(ExprText, *E);
    return 1;
  }
  frontend::Request Req;
  Req.Primal = std::get<std::unique_ptr<ir::Function>>(std::move(Parsed));
  for (unsigned I = 0; I < Req.Primal->Params.size(); ++I)
    Req.Wrt.push_back(I);
  Req.BaseName = Req.Primal->Name;
  frontend::FrontendResult R;
  R.Requests.push_back(std::move(Req));
  return produce(R, "<expr>", "the expression " + ExprText);
}

/// The input being read, for the message of a stack overflow.
static std::string CurrentSource;

static int gradcMain(int Argc, const char **Argv) {
  // Without -p or "--", run with no compilation database rather than search
  // for one and complain.
  std::vector<const char *> Args(Argv, Argv + Argc);
  bool HasDashDash = false, HasP = false;
  for (int I = 1; I < Argc; ++I) {
    HasDashDash |= std::strcmp(Argv[I], "--") == 0;
    HasP |= !HasDashDash && (std::strcmp(Argv[I], "-p") == 0 ||
                             std::strncmp(Argv[I], "-p=", 3) == 0);
  }
  if (!HasDashDash && !HasP)
    Args.push_back("--");
  int NumArgs = static_cast<int>(Args.size());

  cl::SetVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "gradc " << GRADC_VERSION << " (LLVM " << GRADC_LLVM_VERSION << ")\n";
  });
  auto Parser = clang::tooling::CommonOptionsParser::create(
      NumArgs, Args.data(), GradcCategory, cl::ZeroOrMore, Overview);
  if (!Parser) {
    std::string Message = llvm::toString(Parser.takeError());
    // llvm::cl has already said what was wrong with the options.
    if (!llvm::StringRef(Message).trim().empty())
      llvm::errs() << "gradc: " << Message << "\n";
    return 2;
  }
  const std::vector<std::string> &Sources = Parser->getSourcePathList();
  if (exprGiven()) {
    if (!Sources.empty() || !DepFile.empty()) {
      llvm::errs() << "gradc: --expr takes no input file and no -MF\n";
      return 2;
    }
    return runExpr();
  }
  if (Sources.empty()) {
    llvm::errs() << "gradc: no input: give a C++ file, or --expr '...' (see "
                    "gradc --help)\n";
    return 2;
  }
  if (!DepFile.empty() && Sources.size() > 1) {
    llvm::errs() << "gradc: -MF takes one input\n";
    return 2;
  }
  if (!OutputPath.empty() && Sources.size() > 1) {
    llvm::errs() << "gradc: -o takes one input; without -o each input "
                    "foo.cpp is written to foo.grad.h\n";
    return 2;
  }

  frontend::FrontendOptions Opts;
  // __GRADC__ lets a source include its own generated header at its end,
  // out of gradc's sight: #ifndef __GRADC__ #include "foo.grad.h" #endif.
  Opts.ExtraArgs = {"-resource-dir=" + std::string(GRADC_CLANG_RESOURCE_DIR),
                    "-I" + ownIncludeDir(Argv[0]), "-D__GRADC__=1"};

  Inputs = Sources;
  int Status = 0;
  for (const std::string &Source : Sources) {
    if (!llvm::sys::fs::exists(Source)) {
      llvm::errs() << "gradc: error: no such file: '" << Source << "'\n";
      Status = 2;
      continue;
    }
    CurrentSource = Source;
    frontend::FrontendResult R =
        frontend::lowerFile(Parser->getCompilations(), Source, Opts);
    if (R.NumErrors > 0) {
      llvm::errs() << "gradc: " << Source << ": " << R.NumErrors << " error"
                   << (R.NumErrors == 1 ? "" : "s") << "; no output written\n";
      Status = std::max(Status, 1);
      continue;
    }
    if (R.Requests.empty())
      llvm::errs() << "gradc: warning: " << Source
                   << ": no function definition is annotated with "
                      "GRADC_DIFF; the output declares nothing\n";
    Status = std::max(
        Status, produce(R, Source, llvm::sys::path::filename(Source).str()));
  }
  return Status;
}

int main(int Argc, const char **Argv) {
  return tool::runOnBigStack(
      [&] { return gradcMain(Argc, Argv); },
      [] { return CurrentSource.empty() ? nullptr : CurrentSource.c_str(); });
}
