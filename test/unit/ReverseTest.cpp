//===- ReverseTest.cpp - Activity analysis and reverse mode ---------------===//
#include "gradc/Autodiff/Reverse.h"
#include "LoopFunctions.h"
#include "TestFunctions.h"
#include "gradc/Autodiff/Activity.h"
#include "gradc/IR/Printer.h"
#include "gradc/IR/Verifier.h"

#include <gtest/gtest.h>

using namespace gradc;
using namespace gradc::ir;
using namespace gradc::autodiff;

namespace {

std::unique_ptr<Function> grad(const Function &F, std::vector<unsigned> Wrt,
                               GradKind K = GradKind::Grad) {
  ReverseOptions Opts;
  Opts.Kind = K;
  Opts.Wrt = std::move(Wrt);
  Opts.Name = F.Name + (K == GradKind::Grad ? "_grad" : "_pullback");
  auto G = reverse(F, Opts);
  EXPECT_TRUE(verify(*G).empty()) << print(*G);
  return G;
}

unsigned count(const Function &F, OpCode C) {
  unsigned N = 0;
  for (const Value *V : F.Body.Ops)
    N += V->Code == C;
  return N;
}

const Value *findNamed(const Function &F, const std::string &Name) {
  for (const Value *V : F.Body.Ops)
    if (V->Name == Name)
      return V;
  return nullptr;
}

TEST(Activity, OnlyValuesBetweenWrtAndResultAreActive) {
  auto F = test::cs231n();
  Activity OnlyX(*F, {0});
  const Value *SigY = findNamed(*F, "sigy");
  const Value *SigX = findNamed(*F, "sigx");
  ASSERT_TRUE(SigY && SigX);
  EXPECT_FALSE(OnlyX.isActive(SigY)); // depends on y alone
  EXPECT_TRUE(OnlyX.isActive(SigX));
  EXPECT_TRUE(OnlyX.isActive(F->Params[0].V));
  EXPECT_FALSE(OnlyX.isActive(F->Params[1].V));
}

TEST(Activity, CrossesAChainAssignedAgainstTheTextInALoop) {
  // x reaches a0 through the locals a9, a8, ..., one iteration each.
  auto F = test::relay(10);
  Activity WrtX(*F, {1});
  Activity WrtNothing(*F, {});
  for (const Value *V : F->Body.Ops)
    if (V->Code == OpCode::Local && V->Ty.isFloating()) {
      EXPECT_TRUE(WrtX.isActiveMemory(V)) << V->Name;
      EXPECT_FALSE(WrtNothing.isActiveMemory(V)) << V->Name;
    }
  EXPECT_TRUE(WrtX.isActive(F->Params[1].V));
}

TEST(Reverse, SignatureFollowsTheContract) {
  auto F = test::cs231n();
  auto G = grad(*F, {0, 1});
  ASSERT_EQ(G->Params.size(), 4u);
  EXPECT_EQ(G->Params[2].V->Name, "dx");
  EXPECT_EQ(G->Params[2].V->Ty, Type::ref(Scalar::Float64));
  EXPECT_EQ(G->RetTy, Type::f64());

  auto P = grad(*F, {1}, GradKind::Pullback);
  ASSERT_EQ(P->Params.size(), 4u);
  EXPECT_EQ(P->Params[2].V->Name, "dout");
  EXPECT_EQ(P->Params[3].V->Name, "dy");
  EXPECT_TRUE(P->RetTy.isVoid());
}

TEST(Reverse, NeverCallsExpMoreThanThePrimal) {
  auto F = test::cs231n();
  auto G = grad(*F, {0, 1});
  unsigned Exps = 0;
  for (const Value *V : G->Body.Ops)
    Exps += V->Code == OpCode::Call && V->Fn == MathFn::Exp;
  EXPECT_EQ(Exps, 2u);
}

TEST(Reverse, StagesCarryTheSeedsNames) {
  auto F = test::cs231n();
  auto G = grad(*F, {0, 1});
  for (const char *Name :
       {"dnum", "dinvden", "dden", "dsigx", "dxpysqr", "dxpy", "dsigy"})
    EXPECT_NE(findNamed(*G, Name), nullptr) << Name;
  // One note per forward statement that is reversed.
  EXPECT_EQ(count(*G, OpCode::Note), 8u);
  EXPECT_EQ(count(*G, OpCode::AddTo), 5u);
}

TEST(Reverse, PassiveParametersGetNoAdjoint) {
  auto F = test::cs231n();
  auto G = grad(*F, {0});
  EXPECT_EQ(findNamed(*G, "dsigy"), nullptr);
  EXPECT_EQ(G->Params.size(), 3u);
  // sigy is still computed: num needs it, and dnum flows on to x.
  EXPECT_NE(findNamed(*G, "sigy"), nullptr);
}

TEST(Reverse, PullbackDropsTheUnusedResult) {
  auto F = test::cs231n();
  auto P = grad(*F, {0, 1}, GradKind::Pullback);
  EXPECT_EQ(findNamed(*P, "f"), nullptr);
  auto G = grad(*F, {0, 1});
  EXPECT_NE(findNamed(*G, "f"), nullptr);
}

TEST(Reverse, AdjointParameterNamesAvoidClashes) {
  Function F;
  F.Name = "h";
  F.RetTy = Type::f64();
  Value *X = F.addParam("x", Type::f64(), "double");
  F.addParam("dx", Type::f64(), "double");
  Builder B(F, F.Body);
  B.ret(X);
  EXPECT_EQ(adjointParamName(F, "x"), "d_x");
  EXPECT_EQ(adjointParamName(F, "dx"), "ddx");
}

TEST(Reverse, MaxRoutesTheGradientToTheLargerInput) {
  Function F;
  F.Name = "m";
  F.RetTy = Type::f64();
  Value *Z = F.addParam("z", Type::f64(), "double");
  Value *W = F.addParam("w", Type::f64(), "double");
  Builder B(F, F.Body);
  B.ret(B.call(MathFn::StdMax, {Z, W}));
  auto G = grad(F, {0, 1});
  EXPECT_EQ(count(*G, OpCode::Select), 2u);
  EXPECT_EQ(count(*G, OpCode::Cmp), 1u);
}

} // namespace
