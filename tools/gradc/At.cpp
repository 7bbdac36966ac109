//===- At.cpp - `gradc --at`: a computation worked through ----------------===//
//
// Generates the gradient (for a function with out parameters, the pullback)
// with a trace of where each primal value went, runs it in the interpreter
// on the given inputs, and turns the trace into rows: parameters (an array
// one row per element), then the named values of the body in source order,
// then the outputs with their seeds.
//
//===----------------------------------------------------------------------===//
#include "At.h"

#include "AtInput.h"
#include "gradc/Autodiff/Pullbacks.h"
#include "gradc/Eval/Interpreter.h"
#include "gradc/IR/Text.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace gradc::tool {

using namespace ir;

const frontend::Request *
chooseRequest(const std::vector<frontend::Request> &Requests,
              const std::string &Function, std::string &Error) {
  auto Squeeze = [](std::string S) {
    S.erase(std::remove(S.begin(), S.end(), ' '), S.end());
    return S;
  };
  // `a::f` (or `::a::f`, `b::f` of `a::b::f`) names f of namespace a.
  std::string Wanted = Squeeze(Function);
  if (Wanted.rfind("::", 0) == 0)
    Wanted.erase(0, 2);
  auto Qualifiers = [](const ir::Function &F) {
    std::vector<std::string> Named;
    for (const std::string &NS : F.Namespaces)
      if (!NS.empty())
        Named.push_back(NS);
    std::vector<std::string> Prefixes{""};
    std::string Prefix;
    for (auto It = Named.rbegin(); It != Named.rend(); ++It)
      Prefixes.push_back(Prefix = *It + "::" + Prefix);
    return Prefixes;
  };
  auto Names = [&](const frontend::Request &Q) {
    for (const std::string &P : Qualifiers(*Q.Primal))
      if (P + Q.Primal->Name == Wanted || P + Q.BaseName == Wanted ||
          Squeeze(P + Q.Primal->Name + Q.Primal->TemplateArgs) == Wanted)
        return true;
    return false;
  };
  const frontend::Request *R = nullptr;
  for (const frontend::Request &Q : Requests) {
    if (!Function.empty() && !Names(Q))
      continue;
    if (R) {
      std::string Advice;
      if (!Q.Primal->TemplateArgs.empty())
        Advice = "; name the instance, as '" + Q.Primal->Name +
                 Q.Primal->TemplateArgs + "'";
      else if (R->Primal->Namespaces != Q.Primal->Namespaces &&
               Qualifiers(*Q.Primal).size() > 1)
        Advice = "; name it with its namespace, as '" +
                 Qualifiers(*Q.Primal).back() + Q.Primal->Name + "'";
      Error = Function.empty()
                  ? "several functions are annotated; choose one with "
                    "--function"
                  : "several annotated functions are named '" + Function + "'" +
                        Advice;
      return nullptr;
    }
    R = &Q;
  }
  if (!R)
    Error = Function.empty() ? "no annotated function"
                             : "no annotated function '" + Function + "'";
  return R;
}

namespace {

/// True when V is a value of S: integers must be whole and in range.
bool fitsType(Scalar S, long double V) {
  return isFloating(S) || (std::isfinite(V) && eval::roundTo(S, V) == V);
}

std::string listText(Scalar S, const std::vector<long double> &V) {
  std::string Out = "[";
  for (size_t I = 0; I < V.size(); ++I)
    Out += (I ? ", " : "") + printNumber(S, V[I]);
  return Out + "]";
}

/// Values of the primal inside a loop: recomputed each iteration.
void collectInLoops(const Block &B, bool In, std::set<const Value *> &Out) {
  for (const Value *V : B.Ops) {
    if (In)
      Out.insert(V);
    for (const Block &R : V->Regions)
      collectInLoops(R, In || V->Code == OpCode::Loop, Out);
  }
}

bool contains(const std::vector<unsigned> &V, unsigned X) {
  return std::find(V.begin(), V.end(), X) != V.end();
}

class Worker {
public:
  Worker(const frontend::Request &R, Worked &W, std::string &Error)
      : R(R), P(*R.Primal), W(W), Error(Error) {}

  bool run(const std::string &At) {
    if (!parseAt(At, Given, Error) || !generate())
      return false;
    Args.resize(G->Params.size());
    // An in/out parameter's seed is its adjoint's value on entry.
    for (unsigned O : R.Out)
      if (!inOut(O))
        SeedOuts.push_back(O);
    NumSeeds = SeedOuts.size();
    for (unsigned I = 0; I < P.Params.size(); ++I)
      if (!bindParam(I))
        return false;
    for (unsigned K = 0; K < NumSeeds; ++K)
      if (!bindSeed(K))
        return false;
    // Adjoints start at zero, sized like their parameter.
    for (unsigned K = 0; K < R.Wrt.size(); ++K) {
      Args[P.Params.size() + NumSeeds + K] = eval::Arg::array(
          std::vector<long double>(Args[R.Wrt[K]].Array.Data.size() +
                                       !P.Params[R.Wrt[K]].V->Ty.isMemory(),
                                   0));
      Args[P.Params.size() + NumSeeds + K].Array.Cols =
          Args[R.Wrt[K]].Array.Cols; // shaped like its parameter
      if (inOut(R.Wrt[K]) &&
          !bindSeed(P.Params.size() + NumSeeds + K, R.Wrt[K], /*InOut=*/true))
        return false;
    }
    if (!Given.empty()) {
      Error = "--at: '" + P.Name + "' has no parameter '" +
              Given.begin()->first + "'";
      return false;
    }
    Inputs = Args;
    Run = eval::evaluate(*G, Args);
    if (!Run.ok()) {
      Error = Run.Error;
      return false;
    }
    describe();
    return true;
  }

private:
  bool generate() {
    bool Pull = P.RetTy.isVoid();
    if (Pull && R.Out.empty()) {
      Error = "--at: '" + P.Name +
              "' returns nothing and writes no out(...) parameter: there is "
              "nothing to differentiate";
      return false;
    }
    autodiff::ReverseOptions Opts;
    Opts.Kind = Pull ? autodiff::GradKind::Pullback : autodiff::GradKind::Grad;
    Opts.Wrt = R.Wrt;
    Opts.Out = R.Out;
    Opts.Name = R.BaseName + (Pull ? "_pullback" : "_grad");
    Opts.TraceOut = &T;
    Opts.Pullbacks = &Pullbacks;
    std::vector<autodiff::ReverseError> Problems;
    G = autodiff::reverse(P, Opts, &Problems);
    if (!G && !Pullbacks.errors().empty()) {
      Error = Pullbacks.errors().front();
      return false;
    }
    if (!G) {
      Error = Problems.empty()
                  ? "cannot differentiate '" + P.Name + "'"
                  : P.File + ":" + std::to_string(Problems[0].Loc.Line) + ":" +
                        std::to_string(Problems[0].Loc.Col) + ": " +
                        Problems[0].Message;
      return false;
    }
    return true;
  }

  /// The number or list given for Name, removed from Given; null if none.
  bool take(const std::string &Name, AtValue &V) {
    auto It = Given.find(Name);
    if (It == Given.end())
      return false;
    V = It->second;
    Given.erase(It);
    return true;
  }

  bool checkType(const std::string &Name, Scalar S, const AtValue &V,
                 const ir::Param *Of = nullptr) {
    for (size_t K = 0; K < V.Numbers.size(); ++K) {
      long double X = V.Numbers[K];
      Scalar T = Of ? elementType(*Of, K) : S;
      if (!fitsType(T, X)) {
        Error = "--at: '" + (Of ? elementName(*Of, K) : Name) +
                "' is of type " + scalarName(T) + ", which cannot hold " +
                printNumber(Scalar::Float80, X);
        return false;
      }
    }
    return true;
  }

  /// Element K of a parameter as the user names it: `w[2]`, `m[1][2]`,
  /// `cam.f`, `cams[1].r[0]`.
  static std::string elementName(const ir::Param &P, size_t K,
                                 size_t Cols = 0) {
    const std::string &Name = P.V->Name;
    size_t N = P.Elements.size();
    if (Cols) // a std::vector of std::vector
      return Name + "[" + std::to_string(K / Cols) + "][" +
             std::to_string(K % Cols) + "]";
    if (N == 0)
      return P.V->Ty.kind() == Type::Ptr ? Name + subscripts(P.RowDims, K)
                                         : Name;
    return Name + (P.RecordPtr ? "[" + std::to_string(K / N) + "]" : "") +
           P.ElementNames[K % N];
  }
  static Scalar elementType(const ir::Param &P, size_t K) {
    return P.Elements.empty() ? P.V->Ty.scalarKind()
                              : P.Elements[K % P.Elements.size()];
  }

  void addToCall(const std::string &Text) {
    W.Call += (W.Call.empty() ? "" : ", ") + Text;
  }

  bool bindParam(unsigned I) {
    const Value &Prm = *P.Params[I].V;
    Scalar S = Prm.Ty.scalarKind();
    bool IsOut = contains(R.Out, I);
    bool IsArray = Prm.Ty.kind() == Type::Ptr;
    AtValue V;
    const ir::Param &Param = P.Params[I];
    if (!take(Prm.Name, V)) {
      if (IsArray && !Param.Record.empty() && Param.Elements.empty() &&
          !Param.RecordPtr && !Param.Container) {
        // An object that holds no numbers (`const Square &sq`).
        Args[I] = eval::Arg::array({0});
        Args[I].Array.Written = {false}; // no row of its own
        addToCall(Prm.Name + " = {}");
        return true;
      }
      if (IsOut && !IsArray) {
        // An out reference is written before it is read, or that read is
        // reported: it needs no value.
        Args[I].Array.Data = {0};
        Args[I].Array.Written = {false};
        return true;
      }
      Error =
          "--at: no value for parameter '" + Prm.Name + "' of '" + P.Name +
          "'" +
          (IsArray ? " (an array: give its elements, " + Prm.Name + "=[1,2,3]" +
                         (IsOut ? ", which also sets its size)" : ")")
                   : "");
      return false;
    }
    // Text is given in quotes, and only text is.
    if (V.IsText != ir::isText(Prm.Ty)) {
      Error = "--at: '" + Prm.Name + "' is " +
              (V.IsText ? std::string("not text: give it a number") +
                              (IsArray ? " list" : "")
                        : "text (std::string): give it in quotes, " + Prm.Name +
                              "=\"tanh\"");
      return false;
    }
    if (V.IsText) {
      Args[I] = eval::Arg::scalar(V.Numbers[0]);
      addToCall(Prm.Name + " = " +
                ir::textLiteral(static_cast<std::int64_t>(V.Numbers[0])));
      return true;
    }
    if (V.IsList != IsArray) {
      Error = "--at: '" + Prm.Name + "' is " +
              (IsArray ? "an array: write " + Prm.Name + "=[...]"
                       : "a single number, not a list");
      return false;
    }
    if (!bindRows(P.Params[I], V))
      return false;
    // A struct is its numbers in member order; an array of structs, so
    // many of them.
    size_t N = P.Params[I].Elements.size();
    if (N && (V.Numbers.size() % N != 0 ||
              (!P.Params[I].RecordPtr && V.Numbers.size() != N))) {
      Error = "--at: '" + Prm.Name + "' is a " + P.Params[I].Record +
              ": give " +
              (P.Params[I].RecordPtr ? "a multiple of its " : "its ") +
              std::to_string(N) + " numbers" +
              (P.Params[I].Container
                   ? ""
                   : " in member order (" + P.Params[I].ElementNames.front() +
                         ", ..., " + P.Params[I].ElementNames.back() + ")");
      return false;
    }
    if (!checkType(Prm.Name, S, V, &P.Params[I]))
      return false;
    if (Prm.Ty.isMemory())
      Args[I] = eval::Arg::array(V.Numbers);
    else
      Args[I] = eval::Arg::scalar(V.Numbers[0]);
    Args[I].Array.Cols = V.RowLengths.empty() ? 0 : V.RowLengths[0];
    addToCall(Prm.Name + " = " +
              (!V.RowLengths.empty() ? rowsText(S, V)
               : IsArray             ? listText(S, V.Numbers)
                                     : printNumber(S, V.Numbers[0])));
    return true;
  }

  /// A std::vector of std::vector is given as rows, all as long: the
  /// matrix generated code takes it to be (`gradc::cols` checks it).
  bool bindRows(const ir::Param &Prm, const AtValue &V) {
    const std::string &Name = Prm.V->Name;
    if (Prm.VectorRows && V.RowLengths.empty() && !V.Numbers.empty()) {
      Error = "--at: '" + Name + "' is a std::vector of std::vector: give " +
              "its rows, " + Name + "=[[1,2],[3,4]]";
      return false;
    }
    // An array of arrays (`double m[][3]`) may be given as its rows too.
    bool Shaped = Prm.RowDims.size() == 1;
    if (!Prm.VectorRows && !V.RowLengths.empty() &&
        (!Shaped ||
         std::any_of(V.RowLengths.begin(), V.RowLengths.end(), [&](size_t Len) {
           return Len != static_cast<size_t>(Prm.RowDims[0]);
         }))) {
      Error = "--at: '" + Name + "' takes one list of numbers" +
              (Shaped ? " or rows of " + std::to_string(Prm.RowDims[0])
                      : std::string(", not rows"));
      return false;
    }
    for (size_t Len : V.RowLengths)
      if (Len != V.RowLengths[0]) {
        Error = "--at: the rows of '" + Name + "' have different lengths (" +
                std::to_string(V.RowLengths[0]) + " and " +
                std::to_string(Len) +
                "); gradc reads a std::vector of std::vector as a matrix, "
                "every row as long as the first";
        return false;
      }
    return true;
  }

  static std::string rowsText(Scalar S, const AtValue &V) {
    std::string Out = "[";
    for (size_t R = 0, At = 0; R < V.RowLengths.size(); ++R) {
      std::vector<long double> Row(V.Numbers.begin() + At,
                                   V.Numbers.begin() + At + V.RowLengths[R]);
      At += V.RowLengths[R];
      Out += (R ? ", " : "") + listText(S, Row);
    }
    return Out + "]";
  }

  /// Whether parameter I is read and written, its adjoint seeded on entry.
  bool inOut(unsigned I) const { return autodiff::isInOut(P, R.Wrt, R.Out, I); }

  /// Seed K of the pullback, for output SeedOuts[K]: given, or ones.
  bool bindSeed(unsigned K) {
    return bindSeed(P.Params.size() + K, SeedOuts[K], /*InOut=*/false);
  }

  /// The seed of output Out, G's parameter A: given, or ones (an in/out
  /// parameter of a function that returns a value: zeros, for the
  /// gradient of what it returns).
  bool bindSeed(unsigned A, unsigned Out, bool InOut) {
    const Value &Seed = *G->Params[A].V;
    const Value &O = *P.Params[Out].V;
    Scalar S = Seed.Ty.scalarKind();
    size_t Size = Args[Out].Array.Data.size();
    bool IsArray = O.Ty.kind() == Type::Ptr;
    AtValue V;
    bool Default = !take(Seed.Name, V);
    if (Default) {
      V.IsList = IsArray;
      V.Numbers.assign(Size, InOut && !P.RetTy.isVoid() ? 0 : 1);
      if (InOut && !P.RetTy.isVoid())
        return true;
    } else if (V.IsList != IsArray || V.Numbers.size() != Size) {
      Error = "--at: the seed '" + Seed.Name + "' of '" + O.Name + "' needs " +
              (IsArray ? std::to_string(Size) + " elements, as " + O.Name +
                             " has: " + Seed.Name + "=[...]"
                       : "one number");
      return false;
    }
    if (!checkType(Seed.Name, S, V))
      return false;
    // A reference's adjoint is a one-element array, as a seed is a scalar.
    Args[A] = Seed.Ty.isMemory() || InOut ? eval::Arg::array(V.Numbers)
                                          : eval::Arg::scalar(V.Numbers[0]);
    Args[A].Array.Cols = Args[Out].Array.Cols;
    W.Seeds +=
        std::string(W.Seeds.empty() ? "" : ", ") + Seed.Name + " = " +
        (IsArray ? listText(S, V.Numbers) : printNumber(S, V.Numbers[0]));
    W.GradOf += std::string(W.GradOf.empty() ? "" : " + ") + Seed.Name +
                (IsArray ? "." : "*") + O.Name;
    if (Default)
      W.Seeds += " (default: ones)";
    return true;
  }

  /// The index of G's parameter V, or -1.
  int paramIndex(const Value *V) const {
    for (size_t I = 0; I < G->Params.size(); ++I)
      if (G->Params[I].V == V)
        return static_cast<int>(I);
    return -1;
  }

  void addRow(const std::string &Where, const std::string &Name, Scalar S,
              Worked::Number N, std::string Note = "") {
    W.Rows.push_back({Where, Name, S, N, std::move(Note)});
  }

  /// One row per element of parameter I (or one for a scalar), with its
  /// value as given and the gradient in its adjoint, if it has one.
  void paramRows(unsigned I, const Value *Adjoint) {
    const Value &Prm = *P.Params[I].V;
    int A = paramIndex(Adjoint);
    const eval::Arg &In = Inputs[I];
    size_t Count = Prm.Ty.isMemory() ? In.Array.Data.size() : 1;
    for (size_t K = 0; K < Count; ++K) {
      Worked::Number N;
      N.Value = Prm.Ty.isMemory() ? In.Array.Data[K] : In.Scalar;
      if (A >= 0) {
        N.HasGrad = true;
        N.Grad = Args[A].Array.Data[K];
      }
      if (Prm.Ty.isMemory() && !In.Array.Written.empty() &&
          !In.Array.Written[K])
        continue; // an out reference given no value
      std::string Name =
          elementName(P.Params[I], K, static_cast<size_t>(In.Array.Cols));
      Scalar T = elementType(P.Params[I], K);
      bool Passive = A < 0 || !isFloating(T);
      N.HasGrad &= !Passive;
      addRow("param", Name, T, N, Passive ? "(passive)" : "");
      W.Rows.back().Param = static_cast<int>(I);
      W.Rows.back().Element = K;
      W.Rows.back().Text = ir::isText(Prm.Ty);
      if (!Prm.Ty.isMemory())
        W.Numbers[&Prm] = N;
    }
  }

  /// Rows for the outputs: their final contents, and their seeds as the
  /// gradient of the seeded sum with respect to them.
  void outRows() {
    std::string Result;
    for (unsigned K = 0; K < R.Out.size(); ++K) {
      const Value &O = *P.Params[R.Out[K]].V;
      const eval::Buffer &B = Args[R.Out[K]].Array;
      // The seed as given (the pullback may use it as scratch).
      auto It = std::find(R.Wrt.begin(), R.Wrt.end(), R.Out[K]);
      size_t At = It != R.Wrt.end()
                      ? P.Params.size() + NumSeeds + (It - R.Wrt.begin())
                      : P.Params.size() + (std::find(SeedOuts.begin(),
                                                     SeedOuts.end(), R.Out[K]) -
                                           SeedOuts.begin());
      const eval::Arg &Seed = Inputs[At];
      Scalar S = O.Ty.scalarKind();
      bool IsArray = O.Ty.kind() == Type::Ptr;
      for (size_t I = 0; I < B.Data.size(); ++I) {
        Worked::Number N;
        N.Value = B.Data[I];
        bool Set = B.Written.empty() || B.Written[I];
        N.HasGrad = Set;
        N.Grad = IsArray || Seed.Array.Data.size() ? Seed.Array.Data[I]
                                                   : Seed.Scalar;
        addRow("out", elementName(P.Params[R.Out[K]], I),
               elementType(P.Params[R.Out[K]], I), N,
               Set ? "" : "(never written)");
        W.Rows.back().Param = static_cast<int>(R.Out[K]);
        W.Rows.back().Element = I;
      }
      Result += std::string(Result.empty() ? "" : ", ") + O.Name + " = " +
                (IsArray ? listText(S, B.Data) : printNumber(S, B.Data[0]));
    }
    W.Result = Result;
  }

  /// The subscripts of element K of an array as C++ writes them: `[5]`,
  /// or `[1][2]` of `double A[3][3]` (RowDims {3}).
  static std::string subscripts(const std::vector<std::int64_t> &RowDims,
                                size_t K) {
    std::string Text;
    auto Rest = static_cast<std::int64_t>(K);
    for (auto D = RowDims.rbegin(); D != RowDims.rend(); ++D) {
      Text = "[" + std::to_string(Rest % *D) + "]" + Text;
      Rest /= *D;
    }
    return "[" + std::to_string(Rest) + "]" + Text;
  }

  /// The final contents of a local array, one row per element written.
  void localRows(const Value &Prim, const Value &Fwd) {
    auto It = Run.Locals.find(Fwd.Id);
    if (Prim.IVal == 0 || It == Run.Locals.end())
      return; // a scalar variable shows in the loads that read it
    const eval::Buffer &B = It->second;
    for (size_t I = 0; I < B.Data.size(); ++I)
      if (B.Written[I]) {
        Worked::Number N;
        N.Value = B.Data[I];
        addRow(std::to_string(Prim.Loc.Line),
               Prim.Name + subscripts(Prim.RowDims, I), Prim.Ty.scalarKind(), N,
               "(at the end)");
      }
    ShownAtEnd = true;
  }

  /// A row for a named value; every scalar value gets a Number, which the
  /// pictures put on its wire.
  void valueRow(const autodiff::Trace::Entry &E) {
    const Value &V = *E.Primal;
    bool Named = !V.Name.empty(); // temporaries have no name to look up
    if (E.Forward->Ty.isMemory()) {
      if (Named && V.Code == OpCode::Local)
        localRows(V, *E.Forward);
      return;
    }
    if (!Run.computed(*E.Forward)) {
      if (Named)
        NotReached.insert(V.Name);
      return;
    }
    Worked::Number N;
    N.Value = Run.value(*E.Forward);
    std::string Note;
    bool InLoop = InLoops.count(&V) != 0;
    if (InLoop) {
      Note = "(in a loop)";
    } else if (E.Adjoint && !E.Adjoint->Ty.isMemory() &&
               Run.computed(*E.Adjoint)) {
      N.HasGrad = true;
      N.Grad = Run.value(*E.Adjoint);
    } else {
      Note = V.Ty.isFloating() ? "0" : "(passive)";
    }
    if (!InLoop)
      W.Numbers[&V] = N;
    if (!Named)
      return;
    ShownInLoop |= InLoop;
    addRow(std::to_string(V.Loc.Line), V.Name, V.Ty.scalarKind(), N, Note);
    W.Rows.back().Text = ir::isText(V.Ty);
  }

  void describe() {
    collectInLoops(P.Body, false, InLoops);
    std::set<const Value *> Traced;
    for (const autodiff::Trace::Entry &E : T.Entries) {
      Traced.insert(E.Primal);
      if (E.Primal->Code != OpCode::Param) {
        valueRow(E);
        continue;
      }
      unsigned I = 0;
      while (P.Params[I].V != E.Primal)
        ++I;
      // An output's value on entry has a gradient where the pullback hands
      // one back in its adjoint (in/out, or a seed used as scratch); a
      // `const` seed is only read: the value on entry is not an input.
      if (!contains(R.Out, I) || (E.Adjoint && !E.Adjoint->Ty.isConstPointee()))
        paramRows(I, E.Adjoint);
    }
    if (P.RetTy.isVoid())
      outRows();
    else
      W.Result = printNumber(P.RetTy.scalarKind(), Run.Result);
    if (W.GradOf.empty())
      W.GradOf = "d" + P.Name;
    else if (!P.RetTy.isVoid())
      W.GradOf = "d(" + P.Name + " + " + W.GradOf + ")";
    else
      W.GradOf = "d(" + W.GradOf + ")";
    W.GradOf += "/d(variable)";
    footer(Traced);
  }

  void footer(const std::set<const Value *> &Traced) {
    if (ShownInLoop)
      W.Footer.push_back("(in a loop): assigned inside a loop; the value is "
                         "the last iteration's, and the gradient, one per "
                         "iteration, is not shown.");
    std::set<std::string> Hidden;
    for (const Value *V : InLoops)
      if (!V->Name.empty() && !Traced.count(V))
        Hidden.insert(V->Name);
    if (!Hidden.empty()) {
      std::string Names;
      for (const std::string &N : Hidden)
        Names += (Names.empty() ? "" : ", ") + N;
      W.Footer.push_back("Not shown: " + Names +
                         " (inside a loop, a new value each iteration).");
    }
    if (ShownAtEnd)
      W.Footer.push_back("(at the end): a local array's contents when the "
                         "function returns.");
    if (!NotReached.empty()) {
      std::string Names;
      for (const std::string &N : NotReached)
        Names += (Names.empty() ? "" : ", ") + N;
      W.Footer.push_back("Not computed on these inputs (a branch not "
                         "taken): " +
                         Names + ".");
    }
  }

  const frontend::Request &R;
  const Function &P;
  Worked &W;
  std::string &Error;
  std::map<std::string, AtValue> Given;
  autodiff::Trace T;
  autodiff::PullbackCache Pullbacks; ///< What G calls; outlives G.
  std::unique_ptr<Function> G;
  size_t NumSeeds = 0;
  std::vector<unsigned> SeedOuts; ///< Outputs that are not in/out.
  std::vector<eval::Arg> Args, Inputs;
  eval::Run Run;
  std::set<const Value *> InLoops;
  std::set<std::string> NotReached;
  bool ShownInLoop = false, ShownAtEnd = false;
};

} // namespace

bool workThrough(const frontend::Request &R, const std::string &At, Worked &Out,
                 std::string &Error) {
  Out = Worked();
  Out.Primal = R.Primal.get();
  return Worker(R, Out, Error).run(At);
}

} // namespace gradc::tool
