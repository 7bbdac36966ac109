//===- ProgramOrderTest.cpp - Memory order, on hand-built IR --------------===//
#include "ProgramOrder.h"
#include "LoopFunctions.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace gradc;
using namespace gradc::ir;
using namespace gradc::autodiff;

namespace {

const Value *firstLoop(const Function &F) {
  for (const Value *V : F.Body.Ops)
    if (V->Code == OpCode::Loop)
      return V;
  return nullptr;
}

const Value *bodyStore(const Value &Loop) {
  for (const Value *V : Loop.Regions[LoopBody].Ops)
    if (V->Code == OpCode::Store)
      return V;
  return nullptr;
}

TEST(ProgramOrder, HomesOwnersAndCountedLoops) {
  auto F = test::dotProduct();
  ProgramOrder Pos(*F, {});
  const Value *Loop = firstLoop(*F);
  const Value *S = bodyStore(*Loop);
  ASSERT_TRUE(Loop && S);
  EXPECT_EQ(Pos.Home.at(Loop), &F->Body);
  EXPECT_EQ(Pos.Owner.at(Pos.Home.at(S)), Loop);
  EXPECT_EQ(Pos.loopsAround(S), std::vector<const Value *>{Loop});
  EXPECT_LT(Pos.Order.at(Loop), Pos.Order.at(S));
  std::optional<CountedLoop> L = Pos.counted(*Loop);
  ASSERT_TRUE(L);
  EXPECT_EQ(L->Step, 1);
  EXPECT_EQ(L->Pred, CmpPred::LT);
  EXPECT_FALSE(L->Breaks);
  // The counter takes a new value in every iteration.
  const Value *Index = S->Operands[1]->Operands[1]->Operands[0]->index();
  ASSERT_TRUE(Index);
  EXPECT_TRUE(Pos.injective(Index, Pos.loopsAround(S), 0));
}

TEST(ProgramOrder, FinalAndUsedBeforeFollowTheLoop) {
  // s = 0; for (i...) s = s + w[i] * x[i]; return s.
  auto F = test::dotProduct();
  ProgramOrder Pos(*F, {});
  const Value *Loop = firstLoop(*F);
  const Value *S = bodyStore(*Loop);
  const Value *Local = S->Operands[0];
  const Value *ReadS = S->Operands[1]->Operands[0];
  const Value *ReadW = S->Operands[1]->Operands[1]->Operands[0];
  ASSERT_EQ(ReadS->Code, OpCode::Load);
  ASSERT_EQ(ReadW->Code, OpCode::Load);
  // The next iteration writes s again; nothing writes w.
  EXPECT_FALSE(Pos.finalAt(ReadS, Local));
  EXPECT_TRUE(Pos.finalAt(ReadW, F->Params[0].V));
  // s was read in an earlier iteration; its first store is its
  // initialization, with nothing before it.
  EXPECT_TRUE(Pos.usedBefore(*S, Local));
  const Value *Init =
      *std::find_if(F->Body.Ops.begin(), F->Body.Ops.end(),
                    [](const Value *V) { return V->Code == OpCode::Store; });
  EXPECT_TRUE(Pos.isInitStore(*Init));
  EXPECT_FALSE(Pos.usedBefore(*Init, Local));
  EXPECT_FALSE(Pos.rewritesItself(*Init, Local));
}

TEST(ProgramOrder, InOutMemoryIsUsedBeforeAnyStore) {
  // void f(double *a): a[0] = 1 -- the caller's a[0] is an input when a
  // is differentiated.
  Function F;
  F.Name = "f";
  F.RetTy = Type::voidTy();
  Value *A = F.addParam("a", Type::ptr(Scalar::Float64), "double *");
  Builder B(F, F.Body, false);
  B.store(A, B.constant(1, Scalar::Float64), B.constant(0, Scalar::Int32));
  B.ret(nullptr);
  const Value *S =
      *std::find_if(F.Body.Ops.begin(), F.Body.Ops.end(),
                    [](const Value *V) { return V->Code == OpCode::Store; });
  EXPECT_FALSE(ProgramOrder(F, {}).usedBefore(*S, A));
  ProgramOrder InOut(F, {A});
  EXPECT_TRUE(InOut.isWrtMemory(A));
  EXPECT_TRUE(InOut.usedBefore(*S, A));
}

} // namespace
