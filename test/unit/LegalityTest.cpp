//===- LegalityTest.cpp - Refusals and call plans, on hand-built IR -------===//
#include "Legality.h"
#include "LoopFunctions.h"
#include "gradc/IR/Builder.h"

#include <gtest/gtest.h>

using namespace gradc;
using namespace gradc::ir;
using namespace gradc::autodiff;

namespace {

/// `void f(const double *x, double *out)` with a body built by the test.
struct OutFunction {
  Function F;
  Value *X, *Out;
  Builder B{F, F.Body, /*Fold=*/false};
  OutFunction() {
    F.Name = "f";
    F.RetTy = Type::voidTy();
    X = F.addParam("x", Type::ptr(Scalar::Float64, true), "const double *");
    Out = F.addParam("out", Type::ptr(Scalar::Float64), "double *");
  }
  Value *k(int V) { return B.constant(V, Scalar::Int32); }
  ReverseOptions options() {
    ReverseOptions Opts;
    Opts.Wrt = {0};
    Opts.Out = {1};
    return Opts;
  }
};

/// The refusals a check makes, as "line:message".
struct Refusals {
  std::vector<std::string> Seen;
  Refusal report() {
    return [this](const Value &At, const std::string &Msg) {
      Seen.push_back(std::to_string(At.Loc.Line) + ":" + Msg);
    };
  }
};

TEST(Outputs, WrittenOnceElementByElementIsReadOnly) {
  OutFunction T;
  T.B.store(T.Out, T.B.load(T.X, T.k(0)), T.k(0));
  T.B.store(T.Out, T.B.load(T.X, T.k(1)), T.k(1));
  T.B.ret(nullptr);
  ReverseOptions Opts = T.options();
  SweepFacts Facts(T.F, Opts);
  EXPECT_TRUE(writtenOnce(T.F, Facts.Pos, T.Out));
  EXPECT_TRUE(Facts.isOutput(T.Out));
}

TEST(Outputs, AccumulatedOutputIsAdjointMemory) {
  // for (i = 0; i < 3; ++i) out[0] = out[0] + x[i]: read back, rewritten.
  OutFunction T;
  T.B.store(T.Out, T.B.constant(0, Scalar::Float64), T.k(0));
  test::countedLoop(
      T.B, T.k(0), CmpPred::LT, [&] { return T.k(3); }, 1,
      [&](Value *I) {
        Value *Old = T.B.load(T.Out, T.k(0));
        T.B.store(T.Out, T.B.add(Old, T.B.load(T.X, T.B.load(I))), T.k(0));
      });
  T.B.ret(nullptr);
  ReverseOptions Opts = T.options();
  SweepFacts Facts(T.F, Opts);
  Refusals R;
  EXPECT_FALSE(writtenOnce(T.F, Facts.Pos, T.Out, R.report()));
  EXPECT_FALSE(R.Seen.empty()); // says where, when asked
  EXPECT_FALSE(Facts.isOutput(T.Out));
  // Not read-only, so nothing to refuse: its seed is adjoint memory.
  Refusals Check;
  EXPECT_TRUE(Legality(Facts, Check.report()).check());
  EXPECT_TRUE(Check.Seen.empty());
}

TEST(Legality, RefusesAnActiveLoopHeaderAtItsLine) {
  // double s = x; for (int i = 0; i < 2; ++i, s *= x) s *= x;
  Function F;
  F.Name = "f";
  F.RetTy = Type::f64();
  Value *X = F.addParam("x", Type::f64(), "double");
  Builder B(F, F.Body, false);
  Value *S = B.local(Scalar::Float64, 0, "s");
  B.store(S, X);
  Value *L = B.loop(LoopKind::For);
  B.setBlock(L->Regions[Init]);
  Value *I = B.local(Scalar::Int32, 0, "i");
  B.store(I, B.constant(0, Scalar::Int32));
  B.setBlock(L->Regions[Cond]);
  B.yield(B.cmp(CmpPred::LT, B.load(I), B.constant(2, Scalar::Int32)));
  B.setBlock(L->Regions[LoopBody]);
  B.store(S, B.mul(B.load(S), X));
  B.setBlock(L->Regions[Step]);
  B.setOrigin(0, {7, 20});
  B.store(S, B.mul(B.load(S), X)); // `++i, s *= x` in the header
  B.store(I, B.add(B.load(I), B.constant(1, Scalar::Int32)));
  B.setBlock(F.Body);
  B.ret(B.load(S));
  ReverseOptions Opts;
  Opts.Wrt = {0};
  SweepFacts Facts(F, Opts);
  Refusals R;
  EXPECT_FALSE(Legality(Facts, R.report()).check());
  ASSERT_EQ(R.Seen.size(), 1u);
  EXPECT_EQ(R.Seen[0].substr(0, 2), "7:");
  EXPECT_NE(R.Seen[0].find("loop header"), std::string::npos);
}

TEST(Legality, RefusesACallWithoutABodyAndPlansOneWithIt) {
  // double g(double); double f(double x) { return g(x) + h(x); }
  Function G;
  G.Name = "g";
  G.RetTy = Type::f64();
  Value *GX = G.addParam("x", Type::f64(), "double");
  Builder BG(G, G.Body, false);
  BG.ret(BG.mul(GX, GX));

  Function F;
  F.Name = "f";
  F.RetTy = Type::f64();
  Value *X = F.addParam("x", Type::f64(), "double");
  Builder B(F, F.Body, false);
  B.setOrigin(0, {3, 10});
  Value *Seen = B.invoke(&G, "g", Type::f64(), {X});
  B.setOrigin(1, {4, 10});
  Value *Unseen = B.invoke(nullptr, "h", Type::f64(), {X});
  B.ret(B.add(Seen, Unseen));

  struct Source : PullbackSource {
    const Function *Made;
    std::vector<unsigned> Asked;
    const Function *pullback(const Function &,
                             const std::vector<unsigned> &Wrt) override {
      Asked = Wrt;
      return Made;
    }
  } Pullbacks;
  Pullbacks.Made = &G; // any function: the plan only names it
  ReverseOptions Opts;
  Opts.Wrt = {0};
  Opts.Pullbacks = &Pullbacks;
  SweepFacts Facts(F, Opts);
  Refusals R;
  Legality Check(Facts, R.report());
  EXPECT_FALSE(Check.check());
  ASSERT_EQ(R.Seen.size(), 1u);
  EXPECT_EQ(R.Seen[0].substr(0, 2), "4:");
  EXPECT_NE(R.Seen[0].find("whose body gradc cannot see"), std::string::npos);
  // The call gradc can see is planned: its x is differentiated.
  EXPECT_EQ(Pullbacks.Asked, std::vector<unsigned>{0});
  EXPECT_EQ(Check.plan(*Seen).Pullback, &G);
  EXPECT_EQ(Check.plan(*Seen).Wrt, std::vector<unsigned>{0});
  EXPECT_TRUE(Check.plan(*Seen).Outs.empty());
}

} // namespace
