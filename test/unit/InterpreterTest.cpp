//===- InterpreterTest.cpp - Running IR on concrete values ----------------===//
#include "gradc/Eval/Interpreter.h"
#include "TestFunctions.h"
#include "gradc/Autodiff/Reverse.h"

#include <gtest/gtest.h>

using namespace gradc;
using namespace gradc::ir;

namespace {

TEST(Interpreter, RunsThePrimal) {
  auto F = test::cs231n();
  std::vector<eval::Arg> Args = {eval::Arg::scalar(3), eval::Arg::scalar(-4)};
  eval::Run R = eval::evaluate(*F, Args);
  ASSERT_TRUE(R.ok()) << R.Error;
  EXPECT_DOUBLE_EQ(static_cast<double>(R.Result), 1.5456448841066441);
}

TEST(Interpreter, RunsTheGradientToTheSeedsValues) {
  auto F = test::cs231n();
  for (autodiff::GradKind K :
       {autodiff::GradKind::Grad, autodiff::GradKind::Pullback}) {
    autodiff::ReverseOptions Opts;
    Opts.Kind = K;
    Opts.Wrt = {0, 1};
    Opts.Name = "g";
    auto G = autodiff::reverse(*F, Opts);
    bool Pull = K == autodiff::GradKind::Pullback;
    // Adjoints are added into: start them away from zero.
    std::vector<eval::Arg> Args = {eval::Arg::scalar(3), eval::Arg::scalar(-4)};
    if (Pull)
      Args.push_back(eval::Arg::scalar(2));
    Args.push_back(eval::Arg::array({1}));
    Args.push_back(eval::Arg::array({-1}));
    eval::Run R = eval::evaluate(*G, Args);
    ASSERT_TRUE(R.ok()) << R.Error;
    double Scale = Pull ? 2 : 1;
    size_t D = Pull ? 3 : 2;
    EXPECT_NEAR(static_cast<double>(Args[D].Array.Data[0]),
                1 + Scale * 2.0595697955721652, 1e-12);
    EXPECT_NEAR(static_cast<double>(Args[D + 1].Array.Data[0]),
                -1 + Scale * 1.5922327514838093, 1e-12);
    if (!Pull) {
      EXPECT_DOUBLE_EQ(static_cast<double>(R.Result), 1.5456448841066441);
    }
  }
}

TEST(Interpreter, RoundsEachOpToItsType) {
  Function F;
  F.Name = "h";
  F.RetTy = Type::scalar(Scalar::Float32);
  Value *X = F.addParam("x", Type::scalar(Scalar::Float32), "float");
  Builder B(F, F.Body);
  B.ret(B.div(X, B.constant(3, Scalar::Float32)));
  std::vector<eval::Arg> Args = {eval::Arg::scalar(1)};
  eval::Run R = eval::evaluate(F, Args);
  EXPECT_EQ(R.Result, static_cast<long double>(1.0f / 3.0f));
  EXPECT_EQ(eval::roundTo(Scalar::Int32, 2.9L), 2);
}

} // namespace
