//===- ExprFuzzer.cpp - libFuzzer target for the expression language ------===//
//
// Whatever the bytes, parseExpr returns a diagnostic or a function, never
// crashes:
//  - an error points inside the input (or just past it), has a message, and
//    renderError shows it with a caret;
//  - a function passes the verifier, and so does everything gradc makes of
//    it: the gradient and the pullback (with and without a trace, as --at
//    asks for one), which are then printed as IR, C++ and DOT and run by
//    the interpreter. The gradient returns what the function returns.
//
//===----------------------------------------------------------------------===//
#include "FuzzCheck.h"

#include "gradc/Autodiff/Reverse.h"
#include "gradc/Emit/CppEmitter.h"
#include "gradc/Emit/DotEmitter.h"
#include "gradc/Eval/Interpreter.h"
#include "gradc/Frontend/Expr.h"
#include "gradc/IR/Printer.h"
#include "gradc/IR/Verifier.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

using namespace gradc;

namespace {

void checkValid(const ir::Function &F, const std::string &What) {
  std::vector<std::string> Problems = ir::verify(F);
  FUZZ_CHECK(Problems.empty(),
             What + " is invalid: " + Problems.front() + "\n" + ir::print(F));
}

/// Runs F, a function made from Primal, on a few ordinary values for
/// Primal's parameters and zero for the adjoints that follow them.
eval::Run run(const ir::Function &Primal, const ir::Function &F) {
  static const long double Values[] = {0.5L, -1.25L, 3, 2, -0.75L};
  std::vector<eval::Arg> Args;
  for (size_t I = 0; I < F.Params.size(); ++I) {
    long double V = I < Primal.Params.size()
                        ? Values[I % (sizeof(Values) / sizeof(Values[0]))]
                        : 0;
    Args.push_back(F.Params[I].V->Ty.isMemory() ? eval::Arg::array({V})
                                                : eval::Arg::scalar(V));
  }
  return eval::evaluate(F, Args);
}

bool sameNumber(long double A, long double B) {
  return A == B || (std::isnan(A) && std::isnan(B));
}

/// Differentiates F with respect to every parameter, as the driver does, and
/// checks and prints the result.
std::unique_ptr<ir::Function> differentiate(const ir::Function &F,
                                            autodiff::GradKind Kind,
                                            autodiff::Trace *T = nullptr) {
  autodiff::ReverseOptions Opts;
  Opts.Kind = Kind;
  for (unsigned I = 0; I < F.Params.size(); ++I)
    Opts.Wrt.push_back(I);
  Opts.Name =
      F.Name + (Kind == autodiff::GradKind::Grad ? "_grad" : "_pullback");
  Opts.TraceOut = T;
  std::unique_ptr<ir::Function> G = autodiff::reverse(F, Opts);
  FUZZ_CHECK(G != nullptr, "no " + Opts.Name + " for a straight-line function");
  checkValid(*G, Opts.Name + (T ? " (traced)" : ""));
  (void)ir::print(*G);
  return G;
}

void checkGradReturns(const ir::Function &G, const eval::Run &Run,
                      long double Value) {
  FUZZ_CHECK(
      sameNumber(Run.Result, Value),
      G.Name + " returns " + std::to_string(static_cast<double>(Run.Result)) +
          ", the function " + std::to_string(static_cast<double>(Value)));
}

void checkFunction(const ir::Function &F) {
  checkValid(F, "the parsed function");
  (void)ir::print(F);
  long double Value = run(F, F).Result;

  std::unique_ptr<ir::Function> Grad =
      differentiate(F, autodiff::GradKind::Grad);
  checkGradReturns(*Grad, run(F, *Grad), Value);
  std::unique_ptr<ir::Function> Pullback =
      differentiate(F, autodiff::GradKind::Pullback);
  (void)run(F, *Pullback);
  (void)emit::emitHeader({Grad.get(), Pullback.get()},
                         emit::HeaderOptions{"fuzz"});

  // What --at and the pictures do: a traced gradient, drawn with labels.
  autodiff::Trace T;
  std::unique_ptr<ir::Function> Traced =
      differentiate(F, autodiff::GradKind::Grad, &T);
  eval::Run Run = run(F, *Traced);
  checkGradReturns(*Traced, Run, Value);
  std::map<const ir::Value *, emit::WireLabel> Labels;
  for (const autodiff::Trace::Entry &E : T.Entries) {
    FUZZ_CHECK(E.Primal && E.Forward, "a trace entry without its values");
    FUZZ_CHECK(E.Forward->Id < Traced->numValues(),
               "a traced value outside the traced function");
    Labels[E.Primal] = {
        ir::formatNumber(static_cast<double>(Run.value(*E.Forward))), ""};
  }
  (void)emit::emitDot(F, Labels);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string_view Text(reinterpret_cast<const char *>(Data), Size);
  auto R = expr::parseExpr(Text);
  if (const auto *E = std::get_if<expr::ExprError>(&R)) {
    FUZZ_CHECK(E->Column <= Text.size(), "column " + std::to_string(E->Column) +
                                             " of " +
                                             std::to_string(Text.size()));
    FUZZ_CHECK(!E->Message.empty(), "an empty message");
    std::string Shown = expr::renderError(Text, *E);
    FUZZ_CHECK(!Shown.empty() && Shown.back() == '\n' &&
                   Shown.find(E->Message) != std::string::npos &&
                   Shown.find('^') != std::string::npos,
               "renderError shows:\n" + Shown);
    return 0;
  }
  const auto &F = std::get<std::unique_ptr<ir::Function>>(R);
  FUZZ_CHECK(F != nullptr, "no error and no function");
  checkFunction(*F);
  return 0;
}
