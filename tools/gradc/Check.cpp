//===- Check.cpp - `gradc --check`: gradients against finite differences --===//
//
// The gradient comes from workThrough (the generated gradient or pullback,
// run by the interpreter); the reference from the primal alone, run by the
// same interpreter at points moved by a few steps along each entry. They
// share only the lowered primal, so a wrong custom pullback, or a wrong
// derivative in gradc itself, shows as a disagreement.
//
//===----------------------------------------------------------------------===//
#include "Check.h"

#include "At.h"
#include "AtInput.h"
#include "gradc/Eval/Interpreter.h"

#include <algorithm>
#include <cfenv>
#include <cmath>
#include <cstdio>
#include <random>

namespace gradc::tool {

using namespace ir;

namespace {

bool contains(const std::vector<unsigned> &V, unsigned X) {
  return std::find(V.begin(), V.end(), X) != V.end();
}

/// Element K's type of parameter P (a struct's members have their own).
Scalar elementType(const Param &P, size_t K) {
  return P.Elements.empty() ? P.V->Ty.scalarKind()
                            : P.Elements[K % P.Elements.size()];
}

/// A random point that a user would try first: floating-point inputs in
/// [0.5, 1.5] in steps of 1/32 (exact, and printed short, so that --at
/// repeats the point exactly), away from 0 and from each other; integers
/// 3, as sizes usually are; integer array elements 0, 1, 2, 0, ..., valid
/// indices into the arrays; arrays of Size elements (or a multiple of a
/// struct's members; a std::array or struct has its own size). An out
/// reference needs no value, an out array only zeros.
std::string randomPoint(const frontend::Request &R, size_t Size) {
  std::mt19937 Gen(2024); // the same point on every run and platform
  auto Number = [&](Scalar S, size_t K) -> long double {
    if (S == Scalar::Bool)
      return 1;
    if (!isFloating(S))
      return static_cast<long double>(K % 3);
    return 0.5L + static_cast<long double>(Gen() % 33) / 32;
  };
  const Function &P = *R.Primal;
  std::string At;
  auto Item = [&](const std::string &Text) {
    At += (At.empty() ? "" : ",") + Text;
  };
  for (unsigned I = 0; I < P.Params.size(); ++I) {
    const Param &Prm = P.Params[I];
    const Value &V = *Prm.V;
    bool Out = contains(R.Out, I);
    if (V.Ty.kind() != Type::Ptr) {
      if (Out && V.Ty.kind() == Type::Ref)
        continue;
      Scalar S = V.Ty.scalarKind();
      Item(V.Name + "=" +
           printNumber(S,
                       isFloating(S) || S == Scalar::Bool ? Number(S, 0) : 3));
      continue;
    }
    size_t N = Prm.Elements.size();
    size_t Count = N == 0 ? Size : Prm.RecordPtr ? N * Size : N;
    std::string List;
    for (size_t K = 0; K < Count; ++K) {
      Scalar S = elementType(Prm, K);
      // A std::vector of std::vector: Size rows of 3.
      for (size_t J = 0; J < (Prm.VectorRows ? 3 : 1); ++J)
        List += (K || J ? (Prm.VectorRows && !J ? "],[" : ",") : "") +
                printNumber(S, Out ? 0 : Number(S, K));
    }
    Item(V.Name + (Prm.VectorRows ? "=[[" + List + "]]" : "=[" + List + "]"));
  }
  return At;
}

/// Machine epsilon of S, and the tolerance --check holds S's entries to:
/// 4-point differences are good to about eps^(4/5) on a smooth function.
long double epsilonOf(Scalar S) {
  switch (S) {
  case Scalar::Float32:
    return 1.1920929e-7L;
  case Scalar::Float80:
    return 1.0842022e-19L;
  default:
    return 2.220446e-16L;
  }
}
long double toleranceOf(Scalar S) {
  switch (S) {
  case Scalar::Float32:
    return 1e-3L;
  case Scalar::Float80:
    return 1e-9L;
  default:
    return 1e-6L;
  }
}

/// The less precise of two floating-point types (A if B is not one).
Scalar coarser(Scalar A, Scalar B) {
  if (!isFloating(B))
    return A;
  return epsilonOf(B) > epsilonOf(A) ? B : A;
}

/// The least precise floating-point type the function's output has: a
/// float result rounds away what a double input's step would show.
Scalar outputType(const frontend::Request &R) {
  const Function &P = *R.Primal;
  if (!P.RetTy.isVoid())
    return P.RetTy.scalarKind();
  Scalar S = Scalar::Float80;
  for (unsigned I : R.Out) {
    const Param &O = P.Params[I];
    for (size_t K = 0; K < std::max<size_t>(1, O.Elements.size()); ++K)
      S = coarser(S, elementType(O, K));
  }
  return S;
}

class Checker {
public:
  Checker(const frontend::Request &R, const Worked &W)
      : R(R), P(*R.Primal), W(W) {}

  /// Binds the primal's parameters to the numbers of At.
  bool bind(const std::string &At, std::string &Error) {
    std::map<std::string, AtValue> Given;
    if (!parseAt(At, Given, Error))
      return false;
    Base.resize(P.Params.size());
    for (unsigned I = 0; I < P.Params.size(); ++I) {
      const Value &V = *P.Params[I].V;
      auto It = Given.find(V.Name);
      if (It == Given.end()) { // an out reference, written before read
        Base[I].Array.Data = {0};
        Base[I].Array.Written = {false};
        continue;
      }
      Base[I] = V.Ty.isMemory() ? eval::Arg::array(It->second.Numbers)
                                : eval::Arg::scalar(It->second.Numbers[0]);
      if (!It->second.RowLengths.empty()) // rows, checked by --at
        Base[I].Array.Cols =
            static_cast<std::int64_t>(It->second.RowLengths[0]);
    }
    return true;
  }

  /// The function's value at Base with element K of parameter I set to X:
  /// its result, or for out parameters the sum of their elements weighted
  /// by their seeds (what the gradient is the gradient of).
  bool value(unsigned I, size_t K, long double X, long double &Out,
             std::string &Error) {
    std::vector<eval::Arg> Args = Base;
    if (P.Params[I].V->Ty.isMemory())
      Args[I].Array.Data[K] = X;
    else
      Args[I].Scalar = X;
    return valueOf(Args, Out, Error);
  }

  /// How far the function's value at the point moves when its arithmetic
  /// rounds up rather than down: what rounding alone can add to any value
  /// near the point. A function that rounds an input away (`0.625 - e + s +
  /// e` for a large e) is a staircase there, and differences across its
  /// steps settle on a slope the function does not have.
  long double roundingNoise() {
    long double Up = 0, Down = 0;
    std::string Ignored;
    auto At = [&](int Mode, long double &Out) {
      std::vector<eval::Arg> Args = Base;
      std::fesetround(Mode);
      bool Ok = valueOf(Args, Out, Ignored);
      std::fesetround(FE_TONEAREST);
      return Ok;
    };
    if (!At(FE_UPWARD, Up) || !At(FE_DOWNWARD, Down))
      return 0;
    return std::fabs(Up - Down);
  }

  /// The step difference() takes for element K of I at Scale.
  long double step(unsigned I, size_t K, Scalar Precision,
                   long double Scale) const {
    long double X =
        P.Params[I].V->Ty.isMemory() ? Base[I].Array.Data[K] : Base[I].Scalar;
    long double Ideal =
        std::pow(epsilonOf(Precision), 0.2L) * std::max(1.0L, std::fabs(X));
    return Scale * std::exp2(std::round(std::log2(Ideal)));
  }

  /// d(value)/d(element K of I) by the 4-point central difference, with a
  /// step that is a power of two (so that X +- h is exact) near
  /// eps^(1/5) * max(1, |X|), which balances truncation and rounding.
  /// Scale (a power of two) shrinks the step, for a function that turns
  /// faster than the step assumes.
  bool difference(unsigned I, size_t K, Scalar S, Scalar Precision,
                  long double Scale, long double &D, std::string &Error) {
    long double X =
        P.Params[I].V->Ty.isMemory() ? Base[I].Array.Data[K] : Base[I].Scalar;
    long double H = step(I, K, Precision, Scale);
    long double F[4];
    const int Steps[4] = {-2, -1, 1, 2};
    for (int J = 0; J < 4; ++J)
      if (!value(I, K, eval::roundTo(S, X + Steps[J] * H), F[J], Error))
        return false;
    D = (F[0] - 8 * F[1] + 8 * F[2] - F[3]) / (12 * H);
    return true;
  }

private:
  bool valueOf(std::vector<eval::Arg> &Args, long double &Out,
               std::string &Error) {
    eval::Run Run = eval::evaluate(P, Args);
    if (!Run.ok()) {
      Error = Run.Error;
      return false;
    }
    if (!P.RetTy.isVoid()) {
      Out = Run.Result;
      return true;
    }
    Out = 0;
    for (const Worked::Row &Row : W.Rows)
      if (Row.Where == "out" && Row.N.HasGrad)
        Out += Row.N.Grad * Args[Row.Param].Array.Data[Row.Element];
    return true;
  }

  const frontend::Request &R;
  const Function &P;
  const Worked &W;
  std::vector<eval::Arg> Base;
};

std::string cell(const char *Format, const std::string &Text) {
  char Buf[256];
  std::snprintf(Buf, sizeof(Buf), Format, Text.c_str());
  return Buf;
}

std::string shortNumber(long double V) {
  char Buf[32];
  std::snprintf(Buf, sizeof(Buf), "%.2Lg", V);
  return Buf;
}

} // namespace

int checkGradient(const frontend::Request &R, const std::string &At,
                  std::string &Report, std::string &Error) {
  const Function &P = *R.Primal;
  if (P.RetTy.isVoid() && R.Out.empty()) {
    Error = "--check: '" + P.Name +
            "' returns nothing and writes no out(...) parameter: there is "
            "nothing to differentiate";
    return 2;
  }
  // Without --at, arrays get 3 elements, or 9 or 27 when the function
  // reads further (a matrix of n * n).
  std::string Point = At;
  Worked W;
  for (size_t Size : {3, 9, 27}) {
    if (At.empty())
      Point = randomPoint(R, Size);
    Error.clear();
    if (workThrough(R, Point, W, Error) || !At.empty())
      break;
  }
  if (!Error.empty())
    return 2;
  Checker C(R, W);
  if (!C.bind(Point, Error))
    return 2;

  Report = "check: " + P.Name + "(" + W.Call + ")" +
           (P.RetTy.isVoid() ? ": " : " = ") + W.Result + "\n";
  if (!W.Seeds.empty())
    Report += "seeds: " + W.Seeds + "\n";
  if (At.empty())
    Report += "at a random point; rerun it with --at '" + Point + "'\n";
  auto Line = [](const std::string &A, const std::string &B,
                 const std::string &C, const std::string &D,
                 const std::string &E) {
    std::string Text = cell("%-14s ", A) + cell("%-24s ", B) +
                       cell("%-24s ", C) + cell("%-9s ", D) + E;
    return Text.erase(Text.find_last_not_of(' ') + 1) + "\n";
  };
  Report += "\n" + Line("entry", "gradient", "finite difference", "error", "");
  long double Tolerance = 0;
  unsigned Entries = 0, Failed = 0, Unsure = 0;
  long double Noise = -1; // not measured yet
  bool CoarseRounding = false;
  for (const Worked::Row &Row : W.Rows) {
    if (Row.Where != "param" || !Row.N.HasGrad || Row.Param < 0)
      continue;
    Scalar Precision = coarser(Row.Ty, outputType(R));
    long double G = Row.N.Grad, Tol = toleranceOf(Precision);
    Tolerance = std::max(Tolerance, Tol);
    auto ErrorOf = [](long double A, long double B) {
      return std::fabs(A - B) / std::max({1.0L, std::fabs(A), std::fabs(B)});
    };
    // Where the first step disagrees, smaller ones: a function that turns
    // fast (cos(x * x) at large x) needs them. The gradient fails only
    // against differences that settle (two steps agree); where none do,
    // the point is ill-conditioned and the entry is unsure.
    long double FD = 0, Err = 0, Previous = 0;
    bool Ok = false, Settled = false;
    for (long double Scale : {1.0L, 0.25L, 0.0625L, 0.015625L}) {
      if (!C.difference(Row.Param, Row.Element, Row.Ty, Precision, Scale, FD,
                        Error))
        return 2;
      Err = ErrorOf(G, FD);
      Settled |= Scale < 1 && ErrorOf(FD, Previous) <= Tol;
      Previous = FD;
      if ((Ok = Err <= Tol)) // false for NaN too
        break;
    }
    // Differences that settle on another slope fail the gradient only
    // where rounding cannot explain them: noise of N in each value moves
    // the 4-point difference by up to 1.5 N / h.
    if (!Ok && Settled) {
      if (Noise < 0)
        Noise = C.roundingNoise();
      long double H = C.step(Row.Param, Row.Element, Precision, 1);
      bool Rounded = 1.5L * Noise / H > Tol * std::max(1.0L, std::fabs(G));
      Settled = !Rounded;
      CoarseRounding |= Rounded;
    }
    ++Entries;
    Failed += !Ok && Settled;
    Unsure += !Ok && !Settled;
    Report += Line(Row.Name, printNumber(Row.Ty, G), printNumber(Row.Ty, FD),
                   shortNumber(Err),
                   Ok        ? "ok"
                   : Settled ? "FAIL"
                             : "unsure");
  }
  if (Entries == 0) {
    Error = "--check: '" + P.Name + "' has nothing differentiated to check";
    return 2;
  }
  Report += "\nerror = |gradient - finite difference| / max(1, |gradient|, "
            "|finite difference|); 4-point central differences of " +
            P.Name + " in the interpreter; tolerance " +
            shortNumber(Tolerance) + "\n";
  if (Unsure > 0)
    Report += "unsure: at " + std::to_string(Unsure) + " of " +
              std::to_string(Entries) +
              " entries finite differences do not settle as the step "
              "shrinks (the function turns too fast here, or rounds too "
              "coarsely): check those at another point with --at\n";
  if (CoarseRounding)
    Report += "rounding: the value here changes by " + shortNumber(Noise) +
              " when the arithmetic rounds up rather than down, enough to "
              "move finite differences by more than the tolerance (an input "
              "rounded away, as in (1 - e) + e for a large e)\n";
  if (Failed == 0 && Unsure > 0)
    Report += "ok: no entry disagrees with finite differences that settle\n";
  else if (Failed == 0)
    Report += Entries == 1 ? "ok: the entry agrees with finite differences\n"
                           : "ok: all " + std::to_string(Entries) +
                                 " entries agree with finite differences\n";
  else
    Report += "FAIL: " + std::to_string(Failed) + " of " +
              std::to_string(Entries) +
              " entries disagree with finite differences\n";
  return Failed == 0 ? 0 : 1;
}

} // namespace gradc::tool
