//===- At.cpp - `gradc --at`: a computation worked through ----------------===//
#include "At.h"

#include "gradc/Autodiff/Reverse.h"
#include "gradc/Eval/Interpreter.h"
#include "gradc/IR/Printer.h"

#include <cstdio>
#include <cstdlib>
#include <map>

namespace gradc::tool {

using namespace ir;

namespace {

std::string number(Scalar S, long double V) {
  if (S == Scalar::Float80) {
    char Buf[64];
    std::snprintf(Buf, sizeof(Buf), "%.21Lg", V);
    return Buf;
  }
  return formatNumber(static_cast<double>(V));
}

/// "x=3,y=-4" into name -> number; false on a malformed item.
bool parseAt(const std::string &At, std::map<std::string, long double> &Out,
             std::string &Error) {
  size_t Pos = 0;
  while (Pos <= At.size()) {
    size_t Comma = At.find(',', Pos);
    std::string Item =
        At.substr(Pos, Comma == std::string::npos ? std::string::npos
                                                  : Comma - Pos);
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

bool renderAt(const std::vector<frontend::Request> &Requests,
              const std::string &Function, const std::string &At,
              std::string &Out, std::string &Error) {
  const frontend::Request *R = nullptr;
  for (const frontend::Request &Q : Requests)
    if (Function.empty() || Q.Primal->Name == Function ||
        Q.BaseName == Function) {
      if (R && Function.empty()) {
        Error = "--at: several functions are annotated; choose one with "
                "--function";
        return false;
      }
      R = &Q;
      if (!Function.empty())
        break;
    }
  if (!R) {
    Error = Function.empty() ? "--at: no annotated function"
                             : "--at: no annotated function '" + Function +
                                   "'";
    return false;
  }
  const ir::Function &P = *R->Primal;
  std::map<std::string, long double> Given;
  if (!parseAt(At, Given, Error))
    return false;

  autodiff::Trace T;
  autodiff::ReverseOptions Opts;
  Opts.Wrt = R->Wrt;
  Opts.Name = R->BaseName + "_grad";
  Opts.TraceOut = &T;
  std::unique_ptr<ir::Function> G = autodiff::reverse(P, Opts);

  std::vector<long double> Args(G->Params.size(), 0);
  std::string Call;
  for (size_t I = 0; I < P.Params.size(); ++I) {
    const std::string &Name = P.Params[I].V->Name;
    auto It = Given.find(Name);
    if (It == Given.end()) {
      Error = "--at: no value for parameter '" + Name + "' of '" + P.Name +
              "'";
      return false;
    }
    Args[I] = It->second;
    Given.erase(It);
    Call += (I ? ", " : "") + Name + " = " +
            number(P.Params[I].V->Ty.scalarKind(), Args[I]);
  }
  if (!Given.empty()) {
    Error = "--at: '" + P.Name + "' has no parameter '" +
            Given.begin()->first + "'";
    return false;
  }
  eval::Run Run = eval::evaluate(*G, Args);

  Scalar RS = P.RetTy.scalarKind();
  Out = P.Name + "(" + Call + ") = " + number(RS, Run.Result) + "\n\n";
  char Line[256];
  std::snprintf(Line, sizeof(Line), "%-6s %-14s %-24s %s\n", "line",
                "variable", "value", ("d" + P.Name + "/d(variable)").c_str());
  Out += Line;
  std::map<const Value *, size_t> Slot;
  for (size_t I = 0; I < G->Params.size(); ++I)
    Slot[G->Params[I].V] = I;
  for (const autodiff::Trace::Entry &E : T.Entries) {
    const Value *V = E.Primal;
    if (V->Name.empty())
      continue; // temporaries have no name a reader could look up
    Scalar S = V->Ty.scalarKind();
    std::string Grad = "(passive)";
    if (E.Adjoint) {
      auto It = Slot.find(E.Adjoint);
      long double D = It != Slot.end() ? Args[It->second]
                                       : Run.Values[E.Adjoint->Id];
      Grad = number(S, D);
    } else if (V->Ty.isFloating() && V->Code != OpCode::Param) {
      Grad = "0";
    }
    std::string Where = V->Code == OpCode::Param
                            ? "param"
                            : std::to_string(V->Loc.Line);
    std::snprintf(Line, sizeof(Line), "%-6s %-14s %-24s %s\n", Where.c_str(),
                  V->Name.c_str(), number(S, Run.Values[E.Forward->Id]).c_str(),
                  Grad.c_str());
    Out += Line;
  }
  return true;
}

} // namespace gradc::tool
