//===- RecordingPlanTest.cpp - The recording plan on hand-built IR --------===//
#include "RecordingPlan.h"
#include "LoopFunctions.h"

#include <gtest/gtest.h>

using namespace gradc;
using namespace gradc::ir;
using namespace gradc::autodiff;

namespace {

ReverseOptions wrt(std::vector<unsigned> Wrt) {
  ReverseOptions Opts;
  Opts.Wrt = std::move(Wrt);
  return Opts;
}

/// The first op of the loop body of F's first loop that satisfies Pick.
const Value *inBody(const Function &F,
                    const std::function<bool(const Value &)> &Pick) {
  for (const Value *L : F.Body.Ops)
    if (L->Code == OpCode::Loop)
      for (const Value *V : L->Regions[LoopBody].Ops)
        if (Pick(*V))
          return V;
  return nullptr;
}

TEST(RecordingPlan, ReadOnlyInputsAreRecomputedAndTheCounterIsFound) {
  // s += w[i] * x[i]: w, x never change; i is run down again.
  auto F = test::dotProduct();
  ReverseOptions Opts = wrt({0});
  SweepFacts Facts(*F, Opts);
  RecordingPlan Plan(Facts);
  const Value *Mul =
      inBody(*F, [](const Value &V) { return V.Code == OpCode::Mul; });
  ASSERT_TRUE(Mul);
  const Block *Body = Facts.Pos.Home.at(Mul);
  EXPECT_FALSE(Plan.changesLater(Mul, Body));
  EXPECT_FALSE(Plan.callsAbove(Mul, Body));
  EXPECT_EQ(Plan.how(Mul), RecordingPlan::How::Recompute);
  EXPECT_EQ(Plan.how(Mul->Operands[0]), RecordingPlan::How::Recompute);
}

TEST(RecordingPlan, AnOverwrittenVariableIsTaped) {
  // p = p * x + c[i]: the p read here is overwritten by the next iteration.
  auto F = test::horner();
  ReverseOptions Opts = wrt({0, 1});
  SweepFacts Facts(*F, Opts);
  RecordingPlan Plan(Facts);
  const Value *Store =
      inBody(*F, [](const Value &V) { return V.Code == OpCode::Store; });
  ASSERT_TRUE(Store);
  const Value *Mul = Store->Operands[1]->Operands[0]; // p * x
  const Value *OldP = Mul->Operands[0];
  ASSERT_EQ(OldP->Code, OpCode::Load);
  EXPECT_TRUE(Plan.changesLater(OldP, Facts.Pos.Home.at(OldP)));
  EXPECT_EQ(Plan.how(OldP), RecordingPlan::How::ReloadOrTape);
  // Arithmetic on it is computed again from the taped load.
  EXPECT_EQ(Plan.how(Mul), RecordingPlan::How::Recompute);
  // Nothing stores the old p for good.
  EXPECT_TRUE(Plan.storedFor(OldP).empty());
}

/// for (i...) { c = Fn(w[i]); q[i] = c (if Store); s += c * c; }: the
/// function, and its call c in the loop.
struct CallInLoop {
  Function F;
  Value *Q = nullptr;
  const Value *Call = nullptr;
  CallInLoop(MathFn Fn, bool Store) {
    F.Name = "f";
    F.RetTy = Type::f64();
    Value *W =
        F.addParam("w", Type::ptr(Scalar::Float64, true), "const double *");
    Builder B(F, F.Body, false);
    Q = B.local(Scalar::Float64, 4, "q");
    Value *S = B.local(Scalar::Float64, 0, "s");
    B.store(S, B.constant(0, Scalar::Float64));
    test::countedLoop(
        B, B.constant(0, Scalar::Int32), CmpPred::LT,
        [&] { return B.constant(4, Scalar::Int32); }, 1,
        [&](Value *I) {
          Value *C = B.call(Fn, {B.load(W, B.load(I))});
          if (Store)
            B.store(Q, C, B.load(I));
          B.store(S, B.add(B.load(S), B.mul(C, C)));
          Call = C;
        });
    B.ret(B.load(S));
  }
};

TEST(RecordingPlan, AStoredMathResultIsReadBack) {
  // q[i] = exp(w[i]): exp is read back from q.
  CallInLoop L(MathFn::Exp, /*Store=*/true);
  ReverseOptions Opts = wrt({0});
  SweepFacts Facts(L.F, Opts);
  RecordingPlan Plan(Facts);
  EXPECT_TRUE(Plan.callsAbove(L.Call, Facts.Pos.Home.at(L.Call)));
  // Read back from q, else taped: exp is not called again.
  EXPECT_EQ(Plan.how(L.Call), RecordingPlan::How::ReloadOrTape);
  ASSERT_EQ(Plan.storedFor(L.Call).size(), 1u);
  EXPECT_EQ(Plan.storedFor(L.Call)[0]->Operands[0], L.Q);
}

TEST(RecordingPlan, ACheapCallIsComputedAgain) {
  // fabs costs what reading a tape does: computed again.
  CallInLoop L(MathFn::Fabs, /*Store=*/false);
  ReverseOptions Opts = wrt({0});
  SweepFacts Facts(L.F, Opts);
  RecordingPlan Plan(Facts);
  EXPECT_EQ(Plan.how(L.Call), RecordingPlan::How::ReloadOrRecompute);
}

} // namespace
