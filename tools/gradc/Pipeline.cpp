//===- Pipeline.cpp - From lowered functions to output text ---------------===//
#include "Pipeline.h"

#include "Format.h"
#include "gradc/Autodiff/Pullbacks.h"
#include "gradc/Emit/CppEmitter.h"
#include "gradc/IR/Printer.h"
#include "gradc/IR/Uses.h"
#include "gradc/IR/Verifier.h"

#include <cstdio>
#include <map>
#include <set>

namespace gradc::tool {

bool hasGrad(const frontend::Request &R) {
  if (!R.Primal->RetTy.isVoid())
    return true;
  // f_grad seeds a single scalar output with 1.
  return R.Out.size() == 1 &&
         R.Primal->Params[R.Out[0]].V->Ty.kind() == ir::Type::Ref;
}

/// The functions made from lambdas that F calls, directly or through
/// other functions, each after those it calls.
static void collectLambdas(const ir::Function &F,
                           std::set<const ir::Function *> &Seen,
                           std::vector<const ir::Function *> &Out) {
  if (!Seen.insert(&F).second)
    return;
  ir::forEachOp(F.Body, [&](ir::Value &V) {
    if (V.Code == ir::OpCode::Invoke && V.Callee)
      collectLambdas(*V.Callee, Seen, Out);
  });
  if (F.Synthesized)
    Out.push_back(&F);
}

bool render(const std::vector<frontend::Request> &Requests,
            const std::string &SourceName, EmitKind Kind, std::string &Out,
            std::string &Error) {
  Out.clear();
  if (Kind == EmitKind::IR) {
    for (const frontend::Request &R : Requests)
      Out += ir::print(*R.Primal);
    return true;
  }
  // Two requests that would define the same function (one name(...) given
  // to two functions of the same parameters) make a header that does not
  // compile: say so instead.
  std::map<std::string, const ir::Function *> Signatures;
  for (const frontend::Request &R : Requests) {
    // (Functions of two namespaces are generated in their own.)
    std::string Key;
    for (const std::string &NS : R.Primal->Namespaces)
      Key += NS + "::";
    Key += R.BaseName;
    for (const ir::Param &P : R.Primal->Params)
      Key += "," + P.V->Ty.str();
    auto [It, New] = Signatures.emplace(Key, R.Primal.get());
    if (!New) {
      const ir::Function &F = *R.Primal;
      Error = F.File + ":" + std::to_string(F.Loc.Line) + ":" +
              std::to_string(F.Loc.Col) + ": error: '" + F.Name +
              "' would generate " + R.BaseName + "_grad, as '" +
              It->second->Name + "' (line " +
              std::to_string(It->second->Loc.Line) +
              ") does; give one of them another name(...)";
      return false;
    }
  }

  std::vector<std::unique_ptr<ir::Function>> Generated;
  std::vector<const ir::Function *> GeneratedFrom; ///< each one's primal
  // Callees' pullbacks, shared by every function that calls them.
  autodiff::PullbackCache Callees;
  bool Failed = false;
  for (const frontend::Request &R : Requests) {
    // The pullback first: the gradient calls it when it can.
    const ir::Function *Pullback = nullptr;
    for (autodiff::GradKind GK :
         {autodiff::GradKind::Pullback, autodiff::GradKind::Grad}) {
      if (GK == autodiff::GradKind::Grad && !hasGrad(R))
        continue;
      autodiff::ReverseOptions Opts;
      Opts.Kind = GK;
      Opts.Wrt = R.Wrt;
      Opts.Out = R.Out;
      Opts.Pullbacks = &Callees;
      Opts.ReturnsValue = GK == autodiff::GradKind::Pullback;
      Opts.Name =
          R.BaseName + (GK == autodiff::GradKind::Grad ? "_grad" : "_pullback");
      if (GK == autodiff::GradKind::Grad &&
          autodiff::canCallThrough(*R.Primal, Opts, *Pullback))
        Opts.Through = Pullback;
      std::vector<autodiff::ReverseError> Problems;
      std::unique_ptr<ir::Function> G =
          autodiff::reverse(*R.Primal, Opts, &Problems);
      if (!G) {
        // Both kinds fail alike: report once, then go on to the next
        // function, so that one run lists every problem (a callee's first).
        for (const std::string &E : Callees.errors())
          if (Error.find(E) == std::string::npos)
            Error += (Error.empty() ? "" : "\n") + E;
        for (const autodiff::ReverseError &E : Problems)
          Error += (Error.empty() ? "" : "\n") + R.Primal->File + ":" +
                   std::to_string(E.Loc.Line) + ":" +
                   std::to_string(E.Loc.Col) + ": error: " + E.Message;
        Failed = true;
        break;
      }
      std::vector<std::string> Invalid = ir::verify(*G);
      if (!Invalid.empty()) {
        if (getenv("GRADC_DUMP_INVALID"))
          std::fputs(ir::print(*G).c_str(), stderr);
        Error = "gradc: internal error: the generated " + Opts.Name +
                " is invalid: " + Invalid.front();
        return false;
      }
      if (GK == autodiff::GradKind::Pullback)
        Pullback = G.get();
      Generated.push_back(std::move(G));
      GeneratedFrom.push_back(R.Primal.get());
    }
  }
  if (Failed)
    return false;
  // A callee that is annotated itself: the request's pullback (the same
  // name and parameters) is defined where the callers need it, before
  // them.
  std::map<std::string, std::pair<const ir::Function *, const ir::Function *>>
      Requested; // key -> (generated, its primal)
  for (size_t I = 0; I < Generated.size(); ++I)
    Requested[autodiff::signatureKey(*Generated[I])] = {Generated[I].get(),
                                                        GeneratedFrom[I]};
  auto Same = [](const ir::Function &A, const ir::Function &B) {
    return A.File == B.File && A.Loc.Line == B.Loc.Line &&
           A.Loc.Col == B.Loc.Col;
  };
  // Lambdas' functions come first: generated code calls them by name.
  std::vector<const ir::Function *> Fns;
  std::set<const ir::Function *> Seen;
  for (const frontend::Request &R : Requests)
    collectLambdas(*R.Primal, Seen, Fns);
  std::set<const ir::Function *> Placed;
  for (const ir::Function *G : Callees.made()) {
    // The request's version (which also writes the outputs) serves the
    // callers too; another function's would be a different one.
    auto It = Requested.find(autodiff::signatureKey(*G));
    const ir::Function *Use = G;
    if (It != Requested.end()) {
      const ir::Function &Callee = *Callees.primalOf(G);
      const ir::Function &Other = *It->second.second;
      if (!Same(Callee, Other)) {
        Error = Other.File + ":" + std::to_string(Other.Loc.Line) + ":" +
                std::to_string(Other.Loc.Col) + ": error: '" + Other.Name +
                "' would generate " + G->Name + ", as '" + Callee.Name +
                "' (line " + std::to_string(Callee.Loc.Line) +
                "), which is called, does; give it another name(...)";
        return false;
      }
      Use = It->second.first;
    }
    Fns.push_back(Use);
    Placed.insert(Use);
  }
  for (const auto &G : Generated)
    if (!Placed.count(G.get()))
      Fns.push_back(G.get());
  if (Kind == EmitKind::GradIR) {
    for (const ir::Function *G : Fns)
      Out += ir::print(*G);
    return true;
  }
  emit::HeaderOptions HO;
  HO.SourceName = SourceName;
  Out = formatCpp(emit::emitHeader(Fns, HO));
  return true;
}

} // namespace gradc::tool
