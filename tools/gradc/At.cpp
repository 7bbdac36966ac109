//===- At.cpp - `gradc --at`: a computation worked through ----------------===//
#include "At.h"

#include "gradc/Autodiff/Reverse.h"
#include "gradc/Eval/Interpreter.h"
#include "gradc/IR/Printer.h"

#include <cstdio>
#include <cstdlib>

namespace gradc::tool {

using namespace ir;

std::string printNumber(Scalar S, long double V) {
  if (S == Scalar::Float80) {
    char Buf[64];
    std::snprintf(Buf, sizeof(Buf), "%.21Lg", V);
    return Buf;
  }
  return formatNumber(static_cast<double>(V));
}

namespace {

/// "x=3,y=-4" into name -> number; false on a malformed item.
bool parseAt(const std::string &At, std::map<std::string, long double> &Out,
             std::string &Error) {
  size_t Pos = 0;
  while (Pos <= At.size()) {
    size_t Comma = At.find(',', Pos);
    std::string Item = At.substr(
        Pos, Comma == std::string::npos ? std::string::npos : Comma - Pos);
    size_t Eq = Item.find('=');
    char *End = nullptr;
    long double V =
        Eq == std::string::npos ? 0 : std::strtold(Item.c_str() + Eq + 1, &End);
    if (Eq == std::string::npos || Eq == 0 || End == Item.c_str() + Eq + 1 ||
        *End != '\0') {
      Error = "--at: expected name=number, got '" + Item + "'";
      return false;
    }
    Out[Item.substr(0, Eq)] = V;
    if (Comma == std::string::npos)
      break;
    Pos = Comma + 1;
  }
  return true;
}

} // namespace

const frontend::Request *
chooseRequest(const std::vector<frontend::Request> &Requests,
              const std::string &Function, std::string &Error) {
  const frontend::Request *R = nullptr;
  for (const frontend::Request &Q : Requests) {
    if (!Function.empty() && Q.Primal->Name != Function &&
        Q.BaseName != Function)
      continue;
    if (R) {
      Error = Function.empty()
                  ? "several functions are annotated; choose one with "
                    "--function"
                  : "several annotated functions are named '" + Function + "'";
      return nullptr;
    }
    R = &Q;
  }
  if (!R)
    Error = Function.empty() ? "no annotated function"
                             : "no annotated function '" + Function + "'";
  return R;
}

bool workThrough(const frontend::Request &R, const std::string &At, Worked &Out,
                 std::string &Error) {
  const Function &P = *R.Primal;
  std::map<std::string, long double> Given;
  if (!parseAt(At, Given, Error))
    return false;

  autodiff::Trace T;
  autodiff::ReverseOptions Opts;
  Opts.Wrt = R.Wrt;
  Opts.Name = R.BaseName + "_grad";
  Opts.TraceOut = &T;
  std::unique_ptr<Function> G = autodiff::reverse(P, Opts);

  std::vector<eval::Arg> Args(G->Params.size());
  for (size_t I = 0; I < G->Params.size(); ++I)
    if (G->Params[I].V->Ty.isMemory())
      Args[I] = eval::Arg::array({0});
  Out.Primal = &P;
  Out.Call.clear();
  for (size_t I = 0; I < P.Params.size(); ++I) {
    const std::string &Name = P.Params[I].V->Name;
    auto It = Given.find(Name);
    if (It == Given.end()) {
      Error = "--at: no value for parameter '" + Name + "' of '" + P.Name + "'";
      return false;
    }
    Args[I] = eval::Arg::scalar(It->second);
    Out.Call += (I ? ", " : "") + Name + " = " +
                printNumber(P.Params[I].V->Ty.scalarKind(), It->second);
    Given.erase(It);
  }
  if (!Given.empty()) {
    Error = "--at: '" + P.Name + "' has no parameter '" + Given.begin()->first +
            "'";
    return false;
  }
  eval::Run Run = eval::evaluate(*G, Args);
  if (!Run.ok()) {
    Error = Run.Error;
    return false;
  }
  Out.Result = Run.Result;

  std::map<const Value *, size_t> Slot;
  for (size_t I = 0; I < G->Params.size(); ++I)
    Slot[G->Params[I].V] = I;
  for (const autodiff::Trace::Entry &E : T.Entries) {
    Worked::Number N;
    N.Value = Run.value(*E.Forward);
    if (E.Adjoint) {
      auto It = Slot.find(E.Adjoint);
      N.HasGrad = true;
      // An adjoint may be a scalar parameter itself (dc = x).
      N.Grad = It != Slot.end() && E.Adjoint->Ty.isMemory()
                   ? Args[It->second].Array.Data[0]
                   : Run.value(*E.Adjoint);
    }
    Out.Numbers[E.Primal] = N;
  }
  return true;
}

std::string renderTable(const Worked &W) {
  const Function &P = *W.Primal;
  std::string Out = P.Name + "(" + W.Call +
                    ") = " + printNumber(P.RetTy.scalarKind(), W.Result) +
                    "\n\n";
  char Line[256];
  std::snprintf(Line, sizeof(Line), "%-6s %-14s %-24s %s\n", "line", "variable",
                "value", ("d" + P.Name + "/d(variable)").c_str());
  Out += Line;
  auto Row = [&](const Value *V) {
    auto It = W.Numbers.find(V);
    if (V->Name.empty() || It == W.Numbers.end())
      return; // temporaries have no name a reader could look up
    Scalar S = V->Ty.scalarKind();
    const Worked::Number &N = It->second;
    std::string Grad = N.HasGrad ? printNumber(S, N.Grad)
                       : V->Ty.isFloating() && V->Code != OpCode::Param
                           ? "0"
                           : "(passive)";
    std::string Where =
        V->Code == OpCode::Param ? "param" : std::to_string(V->Loc.Line);
    std::snprintf(Line, sizeof(Line), "%-6s %-14s %-24s %s\n", Where.c_str(),
                  V->Name.c_str(), printNumber(S, N.Value).c_str(),
                  Grad.c_str());
    Out += Line;
  };
  for (const Param &Prm : P.Params)
    Row(Prm.V);
  for (const Value *V : P.Body.Ops)
    Row(V);
  return Out;
}

} // namespace gradc::tool
