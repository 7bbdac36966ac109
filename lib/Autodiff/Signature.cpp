//===- Signature.cpp - The gradient function's parameters and comment -----===//
#include "ReverseMode.h"

#include <cctype>

namespace gradc::autodiff {

using namespace ir;

void ReverseMode::declare() {
  G->Name = Opts.Name;
  G->Namespaces = P.Namespaces;
  G->File = P.File;
  G->Loc = P.Loc;
  G->Stmts = P.Stmts;
  G->LocalTypes = P.LocalTypes;
  bool Grad = Opts.Kind == GradKind::Grad;
  G->RetTy = Grad || Opts.ReturnsValue ? P.RetTy : Type::voidTy();
  for (const Param &Prm : P.Params) {
    Map[Prm.V] = G->addParam(Prm.V->Name, Prm.V->Ty, Prm.Spelling);
    G->Params.back().Suffix = Prm.Suffix;
    G->Params.back().Record = Prm.Record;
    G->Params.back().RecordPtr = Prm.RecordPtr;
    G->Params.back().Container = Prm.Container;
    G->Params.back().Elements = Prm.Elements;
    G->Params.back().ElementNames = Prm.ElementNames;
    G->Params.back().ViewName = Prm.ViewName;
    G->Params.back().ViewSpelling = Prm.ViewSpelling;
    G->Params.back().ViewRecord = Prm.ViewRecord;
    G->Params.back().RowDims = Prm.RowDims;
    G->Params.back().VectorRows = Prm.VectorRows;
  }
  // A record's seed and adjoint are records of its type.
  auto RecordLike = [&](const Param &Of, bool Const) {
    Param &New = G->Params.back();
    if (Of.Record.empty())
      return;
    New.Record = Of.Record;
    New.RecordPtr = Of.RecordPtr;
    New.Container = Of.Container;
    New.Elements = Of.Elements;
    New.ElementNames = Of.ElementNames;
    New.Spelling =
        (Const ? "const " : "") + Of.Record + (Of.RecordPtr ? " *" : " &");
  };
  Taken = namesIn(P);
  if (Opts.Kind == GradKind::Pullback) {
    if (Opts.GivenResult && !P.RetTy.isVoid()) {
      Result = G->addParam(Sw.take(P.Name + "_value", P.Name + "_value_"),
                           P.RetTy, "");
      G->TakesResult = true;
    }
    if (!P.RetTy.isVoid()) {
      std::string Name = Sw.take("dout", "d_out");
      Seed = G->addParam(Name, P.RetTy, "");
    }
  }
  // One seed per output, indexed as the output is (an in/out parameter's
  // adjoint is its seed). A seed the backward sweep must change (an
  // output written over or read back) is the output's adjoint memory: a
  // pointer taken as such, a scalar copied into a local.
  for (unsigned I : Opts.Out) {
    const Value *O = P.Params[I].V;
    if (isInOut(P, Opts.Wrt, Opts.Out, I))
      continue;
    bool ReadOnly = isOutput(O);
    if (Opts.Kind != GradKind::Pullback) {
      if (!ReadOnly)
        Adjoints.bindMutableSeed(O, nullptr);
      continue;
    }
    std::string Name = adjointParamName(P, O->Name);
    Taken.insert(Name);
    Type Ty = O->Ty.kind() == Type::Ptr
                  ? Type::ptr(O->Ty.scalarKind(), /*Const=*/ReadOnly)
                        .named(O->Ty.name())
                  : Type::scalar(O->Ty.scalarKind()).named(O->Ty.name());
    Value *S = G->addParam(Name, Ty, "");
    G->Params.back().RowDims = P.Params[I].RowDims; // indexed as O is
    G->Params.back().VectorRows = P.Params[I].VectorRows;
    RecordLike(P.Params[I], /*Const=*/ReadOnly);
    if (ReadOnly)
      Adjoints.bindSeed(O, S);
    else
      Adjoints.bindMutableSeed(O, S);
  }
  for (unsigned I : Opts.Wrt) {
    const Value *Prm = P.Params[I].V;
    std::string Name = adjointParamName(P, Prm->Name);
    Taken.insert(Name);
    AdjNames.push_back(Name);
    Type Ty = Prm->Ty.kind() == Type::Ptr
                  ? Type::ptr(Prm->Ty.scalarKind()).named(Prm->Ty.name())
                  : Type::ref(Prm->Ty.scalarKind());
    Value *D = G->addParam(Name, Ty, "");
    G->Params.back().RowDims = P.Params[I].RowDims;
    G->Params.back().VectorRows = P.Params[I].VectorRows;
    RecordLike(P.Params[I], /*Const=*/false);
    // The adjoint of a struct holding vectors is one struct of its type,
    // `Layer &dL`, of which `dL.W` is a member.
    if (const Param &Of = P.Params[I]; !Of.ViewRecord.empty()) {
      Param &New = G->Params.back();
      New.ViewName =
          Name.substr(0, Name.size() - Prm->Name.size() + Of.ViewName.size());
      New.ViewSpelling = Of.ViewRecord + " &";
      New.ViewRecord = Of.ViewRecord;
    }
    Adjoints.bindParam(Prm, D);
  }
}

void ReverseMode::document() {
  std::string Args;
  // A struct returned is a last parameter only to the IR.
  size_t Shown = P.Params.size() - (P.ReturnsRecord ? 1 : 0);
  for (size_t I = 0; I < Shown; ++I) {
    // A view's members are one argument, the view.
    const std::string &View = P.Params[I].ViewName;
    if (!View.empty() && I && P.Params[I - 1].ViewName == View)
      continue;
    Args += (Args.empty() ? "" : ", ") +
            (View.empty() ? P.Params[I].V->Name : View);
  }
  std::string Call = P.Name + "(" + Args + ")";
  bool Returns = !P.RetTy.isVoid() || P.ReturnsRecord;
  std::string What = Returns ? Call : "";
  std::string LastView;
  for (unsigned I : Opts.Out) {
    // The members of a struct holding vectors are the struct: `L`.
    const std::string &View = P.Params[I].ViewRecord.empty()
                                  ? P.Params[I].V->Name
                                  : P.Params[I].ViewName;
    if (I < Shown && View != LastView)
      What += (What.empty() ? "" : ", ") + View;
    LastView = View;
  }
  std::string Into, InOut;
  for (size_t I = 0; I < Opts.Wrt.size(); ++I) {
    const Value *Prm = P.Params[Opts.Wrt[I]].V;
    const std::string &X = Prm->Name;
    // An in/out parameter's adjoint is not added into: it is its seed.
    if (isInOut(P, Opts.Wrt, Opts.Out, Opts.Wrt[I])) {
      InOut += " " + AdjNames[I] + " holds the seed of " + X +
               "'s final contents; on return, the gradient with respect to " +
               X + " as it came in.";
      continue;
    }
    std::string Dout =
        Opts.Kind == GradKind::Pullback && Seed ? Seed->Name + " * " : "";
    std::string Of = Returns ? "d" + P.Name : "d" + What;
    Into += std::string(Into.empty() ? "" : ", ") + Dout + Of + "/d" + X +
            " into " + AdjNames[I];
  }
  if (!InOut.empty())
    InOut = " On entry," + InOut;
  std::string Where =
      " (" + baseName(P.File) + ":" + std::to_string(P.Loc.Line) + ")";
  if (Opts.Kind == GradKind::Grad) {
    G->Doc.push_back("Gradient of " + Call + Where + ".");
    G->Doc.push_back((P.RetTy.isVoid() ? "Writes " + What : "Returns " + Call) +
                     (Into.empty() ? "." : "; adds " + Into + ".") + InOut);
  } else {
    G->Doc.push_back("Pullback of " + Call + Where +
                     ", for a caller's backward sweep.");
    std::string Adds =
        Into.empty()           ? ""
        : !Adjoints.hasSeeds() ? "Adds " + Into + "."
        : P.ReturnsRecord && Opts.Out.size() == 1
            ? "Given d" + P.Params.back().V->Name + ", the seed of the " +
                  (P.ResultCount               ? "vector"
                   : P.Params.back().Container ? "array"
                                               : "struct") +
                  " it returns, adds " + Into + "."
            : "Given the seeds of its outputs, adds " + Into + ".";
    if (Opts.ReturnsValue && !P.RetTy.isVoid())
      Adds =
          "Returns " + Call +
          (Adds.empty() ? "."
                        : "; " + std::string(1, char(std::tolower(Adds[0]))) +
                              Adds.substr(1));
    G->Doc.push_back(Adds.empty() && InOut.empty() ? "Adds nothing."
                     : Adds.empty()                ? InOut.substr(1)
                                                   : Adds + InOut);
    if (Result)
      G->Doc.back() += " " + Result->Name + " is what " + Call + " returned.";
  }
}

} // namespace gradc::autodiff
