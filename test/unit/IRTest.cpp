//===- IRTest.cpp - The IR: builder folding, verifier, printer ------------===//
#include "LoopFunctions.h"
#include "TestFunctions.h"
#include "gradc/IR/Printer.h"
#include "gradc/IR/Simplify.h"
#include "gradc/IR/Uses.h"
#include "gradc/IR/Verifier.h"

#include <gtest/gtest.h>

using namespace gradc;
using namespace gradc::ir;
using gradc::test::named;

namespace {

struct Fixture {
  Function F;
  Value *X, *Y;
  Builder B{F, F.Body, /*Fold=*/true};
  Fixture() {
    F.Name = "g";
    F.RetTy = Type::f64();
    X = F.addParam("x", Type::f64(), "double");
    Y = F.addParam("y", Type::f64(), "double");
  }
  Value *k(double V) { return B.constant(V, Scalar::Float64); }
};

TEST(Builder, FoldsTheAlgebraOfHandWrittenDerivatives) {
  Fixture T;
  EXPECT_EQ(T.B.mul(T.X, T.k(1)), T.X);
  EXPECT_EQ(T.B.mul(T.k(1), T.X), T.X);
  EXPECT_TRUE(T.B.mul(T.X, T.k(0))->isConstValue(0));
  EXPECT_EQ(T.B.add(T.k(0), T.X), T.X);
  EXPECT_EQ(T.B.sub(T.X, T.k(0)), T.X);
  EXPECT_EQ(T.B.neg(T.B.neg(T.X)), T.X);
  EXPECT_TRUE(T.B.add(T.k(2), T.k(3))->isConstValue(5));
  EXPECT_EQ(T.B.div(T.X, T.k(1)), T.X);

  Value *MinusOne = T.B.mul(T.X, T.k(-1));
  EXPECT_EQ(MinusOne->Code, OpCode::Neg);
  // x + (-y) reads x - y; signs move outward so `d -= ...` can be written.
  Value *Diff = T.B.add(T.X, T.B.neg(T.Y));
  EXPECT_EQ(Diff->Code, OpCode::Sub);
  Value *Prod = T.B.mul(T.B.neg(T.X), T.Y);
  EXPECT_EQ(Prod->Code, OpCode::Neg);
  EXPECT_EQ(Prod->Operands[0]->Code, OpCode::Mul);
  // Constants lead: x * 2 is built as 2 * x.
  Value *Twice = T.B.mul(T.X, T.k(2));
  EXPECT_TRUE(Twice->Operands[0]->isConstValue(2));
}

TEST(Builder, WithoutFoldingKeepsTheUsersCode) {
  Fixture T;
  T.B.setFold(false);
  Value *V = T.B.mul(T.X, T.k(1));
  EXPECT_EQ(V->Code, OpCode::Mul);
}

TEST(Verifier, AcceptsTheCs231nFunction) {
  auto F = test::cs231n();
  EXPECT_TRUE(verify(*F).empty());
}

TEST(Verifier, RejectsUseBeforeDefinition) {
  Fixture T;
  T.B.setFold(false);
  Value *Late = T.F.create(OpCode::Neg, Type::f64(), {T.X});
  T.B.add(T.X, Late); // Late is never placed
  T.B.ret(T.X);
  std::vector<std::string> Errors = verify(T.F);
  ASSERT_EQ(Errors.size(), 1u);
  EXPECT_NE(Errors[0].find("used before it is defined"), std::string::npos);
}

TEST(Verifier, RejectsMismatchedTypes) {
  Fixture T;
  Value *N = T.F.addParam("n", Type::scalar(Scalar::Int32), "int");
  T.F.Body.Ops.push_back(T.F.create(OpCode::Add, Type::f64(), {T.X, N}));
  T.B.ret(T.X);
  std::vector<std::string> Errors = verify(T.F);
  ASSERT_FALSE(Errors.empty());
  EXPECT_NE(Errors[0].find("differs from f64"), std::string::npos);
}

TEST(Verifier, RejectsAMissingOrWrongReturn) {
  Fixture T;
  EXPECT_FALSE(verify(T.F).empty());
  T.B.ret(T.B.constant(1, Scalar::Int32));
  std::vector<std::string> Errors = verify(T.F);
  ASSERT_EQ(Errors.size(), 1u);
  EXPECT_NE(Errors[0].find("returns i32"), std::string::npos);
}

TEST(Printer, NamesVersionsAndTemporaries) {
  Fixture T;
  T.B.setFold(false);
  Value *S = named(T.B.mul(T.X, T.Y), "s");
  Value *S2 = named(T.B.add(S, T.B.constant(1, Scalar::Float64, "1.0")), "s");
  T.B.ret(T.B.neg(S2));
  EXPECT_EQ(print(T.F), "func @g(%x: f64, %y: f64) -> f64 {\n"
                        "  %s = mul %x, %y : f64\n"
                        "  %s.1 = add %s, 1.0 : f64\n"
                        "  %0 = neg %s.1 : f64\n"
                        "  return %0\n"
                        "}\n");
}

TEST(Printer, FormatsNumbersShortestFirst) {
  EXPECT_EQ(formatNumber(1), "1");
  EXPECT_EQ(formatNumber(0.5), "0.5");
  EXPECT_EQ(formatNumber(0.1), "0.1");
  EXPECT_EQ(formatNumber(2.302585092994046), "2.302585092994046");
  EXPECT_EQ(formatNumber(1e-8), "1e-08");
}

TEST(DeadCode, RemovesUnusedChainsAndKeepsEffects) {
  Fixture T;
  T.B.setFold(false);
  Value *Dead = T.B.mul(T.X, T.Y);
  T.B.neg(Dead);
  T.B.note("kept");
  T.B.ret(T.X);
  eliminateDeadCode(T.F);
  ASSERT_EQ(T.F.Body.Ops.size(), 2u);
  EXPECT_EQ(T.F.Body.Ops[0]->Code, OpCode::Note);
  EXPECT_EQ(T.F.Body.Ops[1]->Code, OpCode::Return);
}

/// The stores of the loop body of a relay (LoopFunctions.h) left by dead
/// code elimination.
unsigned relayStoresLeft(bool ReturnsA0) {
  auto F = test::relay(10, ReturnsA0);
  eliminateDeadCode(*F);
  unsigned Stores = 0;
  for (const Value *V : F->Body.Ops)
    if (V->Code == OpCode::Loop)
      for (const Value *Op : V->Regions[LoopBody].Ops)
        Stores += Op->Code == OpCode::Store;
  return Stores;
}

TEST(DeadCode, KeepsAChainOfLocalsThatReachesTheResult) {
  // a0 is returned and reads a1, which reads a2, ...: all ten are kept.
  EXPECT_EQ(relayStoresLeft(true), 10u);
  // Nothing reads a0: every store of the chain goes.
  EXPECT_EQ(relayStoresLeft(false), 0u);
}

} // namespace

TEST(Simplify, SharesAMathCallWithAnEarlierOneInScope) {
  // double c = cos(x); double r = 0; if (x > 0) r = cos(x) * tanh(x);
  // return (cos(x) + c) + (sin(x) + sin(x)) + (r + tanh(x)).
  Function F;
  F.Name = "f";
  F.RetTy = Type::f64();
  Value *X = F.addParam("x", Type::f64(), "double");
  Builder B(F, F.Body, /*Fold=*/false);
  Value *Before = B.call(MathFn::Sin, {X}); // before From: kept as written
  Value *C = B.call(MathFn::Cos, {X});
  C->Name = "c";
  Value *R = B.local(Scalar::Float64, 0, "r");
  B.store(R, B.constant(0, Scalar::Float64));
  unsigned From = F.numValues();
  Value *Again = B.call(MathFn::Sin, {X});
  Value *If = B.ifOp(B.cmp(CmpPred::GT, X, B.constant(0, Scalar::Float64)));
  B.setBlock(If->Regions[Then]);
  Value *Prod = B.mul(B.call(MathFn::Cos, {X}), B.call(MathFn::Tanh, {X}));
  B.store(R, Prod);
  B.setBlock(F.Body);
  Value *Late = B.call(MathFn::Cos, {X});
  // tanh(x) made in the branch is out of scope here.
  Value *Tanh = B.call(MathFn::Tanh, {X});
  B.ret(B.add(B.add(B.add(Late, C), B.add(Again, Before)),
              B.add(B.load(R), Tanh)));
  shareCalls(F, From);
  EXPECT_TRUE(verify(F).empty()) << print(F);
  const Value *Sum = F.Body.Ops.back()->Operands[0];
  const Value *Left = Sum->Operands[0], *Right = Sum->Operands[1];
  EXPECT_EQ(Left->Operands[0]->Operands[0], C);      // cos(x) is c
  EXPECT_EQ(Left->Operands[1]->Operands[0], Before); // sin(x) made earlier
  EXPECT_EQ(Prod->Operands[0], C);                   // also in the branch
  EXPECT_EQ(Right->Operands[1], Tanh);               // not the branch's
}
