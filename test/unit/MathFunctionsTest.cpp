//===- MathFunctionsTest.cpp - The table of math functions ----------------===//
//
// What MathFunctions.def generates: the names users call, the interpreter's
// values in each floating type, and the local derivatives, which are held
// to central differences of the interpreter itself for every function.
//
//===----------------------------------------------------------------------===//
#include "gradc/Autodiff/Reverse.h"
#include "gradc/Emit/CppEmitter.h"
#include "gradc/Eval/Interpreter.h"
#include "gradc/IR/Builder.h"
#include "gradc/IR/Verifier.h"
#include "gradc/gradc.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace gradc;
using namespace gradc::ir;

namespace {

TEST(MathFunctions, NamesAsCAndCppSpellThem) {
  EXPECT_EQ(lookupMathFn("sin", false, 1), MathFn::Sin);
  EXPECT_EQ(lookupMathFn("sinf", false, 1), MathFn::Sin);
  EXPECT_EQ(lookupMathFn("sinl", true, 1), MathFn::Sin);
  EXPECT_EQ(lookupMathFn("lgammaf", false, 1), MathFn::Lgamma);
  EXPECT_EQ(lookupMathFn("erf", false, 1), MathFn::Erf); // not erf - f
  EXPECT_EQ(lookupMathFn("erfcl", true, 1), MathFn::Erfc);
  EXPECT_EQ(lookupMathFn("fmal", false, 3), MathFn::Fma);
  // hypot of two and of three arguments: by the number of arguments; an
  // arity no function has gives the first, for the message about it.
  EXPECT_EQ(lookupMathFn("hypot", true, 2), MathFn::Hypot);
  EXPECT_EQ(lookupMathFn("hypot", true, 3), MathFn::Hypot3);
  EXPECT_EQ(lookupMathFn("hypotf", false, 3), MathFn::Hypot3);
  EXPECT_EQ(lookupMathFn("hypot", true, 4), MathFn::Hypot);
  // max, min and abs only as std::; no f / l forms.
  EXPECT_EQ(lookupMathFn("max", true, 2), MathFn::StdMax);
  EXPECT_EQ(lookupMathFn("max", false, 2), std::nullopt);
  EXPECT_EQ(lookupMathFn("maxf", true, 2), std::nullopt);
  EXPECT_EQ(lookupMathFn("abs", false, 1), std::nullopt);
  // gradc's own helper is not the user's; integer results are not known.
  EXPECT_EQ(lookupMathFn("digamma", true, 1), std::nullopt);
  EXPECT_EQ(lookupMathFn("lround", true, 1), std::nullopt);
  EXPECT_EQ(lookupMathFn("ldexp", true, 2), std::nullopt);
}

TEST(MathFunctions, SpellingsAndTheMessagesList) {
  EXPECT_STREQ(mathFnCallee(MathFn::Lgamma), "std::lgamma");
  EXPECT_STREQ(mathFnCallee(MathFn::StdMax), "std::max");
  EXPECT_STREQ(mathFnCallee(MathFn::Digamma), "gradc::digamma");
  EXPECT_EQ(mathFnArity(MathFn::Hypot3), 3u);
  EXPECT_TRUE(isStdFn(MathFn::StdAbs));
  EXPECT_FALSE(isStdFn(MathFn::Fabs));
  std::string List = supportedMathFns();
  EXPECT_EQ(List.find("exp, exp2, log, "), 0u);
  EXPECT_NE(List.find(", hypot, erf, erfc, lgamma, tgamma, fmod, "),
            std::string::npos);
  EXPECT_EQ(List.find("digamma"), std::string::npos);
  EXPECT_NE(List.rfind(", std::max, std::min, std::clamp and std::abs"),
            std::string::npos);
}

/// t(x0, ..., xn-1) = Fn(x0, ..., xn-1), in type S.
std::unique_ptr<Function> callOf(MathFn Fn, Scalar S) {
  auto F = std::make_unique<Function>();
  F->Name = "t";
  F->File = "t.cpp";
  F->RetTy = Type::scalar(S);
  std::vector<Value *> Args;
  for (unsigned I = 0; I < mathFnArity(Fn); ++I)
    Args.push_back(F->addParam("x" + std::to_string(I), Type::scalar(S),
                               emit::cxxTypeName(S)));
  Builder B(*F, F->Body);
  B.ret(B.call(Fn, Args));
  return F;
}

long double run(const Function &F, const std::vector<long double> &X) {
  std::vector<eval::Arg> Args;
  for (long double V : X)
    Args.push_back(eval::Arg::scalar(V));
  eval::Run R = eval::evaluate(F, Args);
  EXPECT_TRUE(R.ok()) << R.Error;
  return R.Result;
}

/// V, unknown to the compiler: a call it folds may round otherwise than
/// the library does.
template <typename T> T opaque(T V) {
  volatile T X = V;
  return X;
}

TEST(MathFunctions, TheInterpreterCallsTheOverloadOfTheType) {
  auto Float = callOf(MathFn::Lgamma, Scalar::Float32);
  EXPECT_EQ(run(*Float, {0.3L}), std::lgamma(opaque(0.3f)));
  auto Long = callOf(MathFn::Tgamma, Scalar::Float80);
  EXPECT_EQ(run(*Long, {0.3L}), std::tgamma(opaque(0.3L)));
  auto Fma = callOf(MathFn::Fma, Scalar::Float64);
  EXPECT_EQ(run(*Fma, {0.1L, 10, -1}), std::fma(opaque(0.1), 10.0, -1.0));
  EXPECT_NE(run(*Fma, {0.1L, 10, -1}), 0.0L); // rounded once, not twice
  auto Hypot = callOf(MathFn::Hypot3, Scalar::Float64);
  EXPECT_EQ(run(*Hypot, {2, 3, 6}), 7.0L);
  auto Remainder = callOf(MathFn::Remainder, Scalar::Float64);
  EXPECT_EQ(run(*Remainder, {5, 2}), 1.0L);
  EXPECT_EQ(run(*Remainder, {7, 2}), -1.0L); // 3.5 rounds to even 4
  auto Digamma = callOf(MathFn::Digamma, Scalar::Float64);
  EXPECT_EQ(run(*Digamma, {2.5L}), gradc::digamma(opaque(2.5)));
  auto Nearbyint = callOf(MathFn::Nearbyint, Scalar::Float32);
  EXPECT_EQ(run(*Nearbyint, {2.5L}), 2.0L);
  auto Copysign = callOf(MathFn::Copysign, Scalar::Float64);
  EXPECT_EQ(run(*Copysign, {3, -0.0L}), -3.0L);
}

/// A point where each function is smooth, away from its kinks and poles.
std::vector<long double> smoothPoint(MathFn Fn) {
  switch (Fn) {
  case MathFn::Acosh:
    return {1.7L};
  case MathFn::Lgamma:
  case MathFn::Tgamma:
    return {-1.3L};
  case MathFn::Fmod:
  case MathFn::Remainder:
    return {5.3L, -1.7L};
  case MathFn::StdClamp: // lo <= hi
    return {0.35L, -0.6L, 0.8L};
  default:
    break;
  }
  std::vector<long double> P = {0.35L, 0.8L, -0.6L};
  P.resize(mathFnArity(Fn));
  return P;
}

TEST(MathFunctions, EveryLocalDerivativeMatchesCentralDifferences) {
  for (unsigned I = 0; I < NumMathFns; ++I) {
    auto Fn = static_cast<MathFn>(I);
    if (mathFnKind(Fn) == MathKind::Runtime)
      continue;
    SCOPED_TRACE(mathFnName(Fn) + std::to_string(mathFnArity(Fn)));
    auto F = callOf(Fn, Scalar::Float64);
    autodiff::ReverseOptions Opts;
    Opts.Kind = autodiff::GradKind::Grad;
    for (unsigned A = 0; A < mathFnArity(Fn); ++A)
      Opts.Wrt.push_back(A);
    Opts.Name = "t_grad";
    auto G = autodiff::reverse(*F, Opts);
    ASSERT_TRUE(verify(*G).empty());
    std::vector<long double> P = smoothPoint(Fn);
    std::vector<eval::Arg> Args;
    for (long double V : P)
      Args.push_back(eval::Arg::scalar(V));
    for (size_t A = 0; A < P.size(); ++A)
      Args.push_back(eval::Arg::array({0}));
    eval::Run R = eval::evaluate(*G, Args);
    ASSERT_TRUE(R.ok()) << R.Error;
    EXPECT_EQ(R.Result, run(*F, P));
    for (size_t A = 0; A < P.size(); ++A) {
      const long double H = 1e-6L;
      std::vector<long double> Hi = P, Lo = P;
      Hi[A] += H;
      Lo[A] -= H;
      double FD = static_cast<double>((run(*F, Hi) - run(*F, Lo)) / (2 * H));
      EXPECT_NEAR(static_cast<double>(Args[P.size() + A].Array.Data[0]), FD,
                  1e-7 * std::max(1.0, std::fabs(FD)))
          << "argument " << A;
    }
  }
}

} // namespace
