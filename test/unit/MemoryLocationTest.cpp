//===- MemoryLocationTest.cpp - Places in memory, on hand-built IR --------===//
#include "gradc/IR/MemoryLocation.h"
#include "gradc/IR/Builder.h"
#include "gradc/IR/Uses.h"

#include <gtest/gtest.h>

using namespace gradc;
using namespace gradc::ir;

namespace {

struct Fixture {
  Function F;
  Value *W, *J;
  Builder B{F, F.Body, /*Fold=*/false};
  Fixture() {
    F.Name = "f";
    F.RetTy = Type::f64();
    W = F.addParam("w", Type::ptr(Scalar::Float64, /*Const=*/true),
                   "const double *");
    J = B.local(Scalar::Int32, 0, "j");
  }
  Value *k(int V) { return B.constant(V, Scalar::Int32); }
  /// `j + 1`, loading j again, as each access builds its own index.
  Value *jPlus(int C) { return B.add(B.load(J), k(C)); }
};

TEST(MemoryLocation, IndicesAreTheSameWhenTheyComputeTheSame) {
  Fixture T;
  std::set<const Value *> Stable{T.J};
  Value *A = T.jPlus(1), *B = T.jPlus(1);
  EXPECT_TRUE(sameIndex(A, A, {}));
  EXPECT_TRUE(sameIndex(T.k(3), T.k(3), {}));
  EXPECT_FALSE(sameIndex(T.k(3), T.k(4), {}));
  // Two loads of j are one value only while nothing writes j.
  EXPECT_TRUE(sameIndex(A, B, Stable));
  EXPECT_FALSE(sameIndex(A, B, {}));
  EXPECT_FALSE(sameIndex(A, T.jPlus(2), Stable));
  // j + 1 is j shifted by a constant: another element, provably.
  EXPECT_TRUE(offsetFrom(A, T.B.load(T.J), Stable));
  EXPECT_FALSE(offsetFrom(A, B, Stable));
}

TEST(MemoryLocation, PlacesAndConstantOffsets) {
  Fixture T;
  std::set<const Value *> Stable{T.J};
  Value *Row = T.B.offset(T.W, T.k(4));
  Value *Row2 = T.B.offset(T.W, T.k(4));
  EXPECT_TRUE(samePlace(Row, Row2, Stable));
  EXPECT_FALSE(samePlace(Row, T.B.offset(T.W, T.k(5)), Stable));
  EXPECT_EQ(constantOffset(Row, T.W), 4.0);
  EXPECT_EQ(constantOffset(T.B.offset(Row, T.k(2)), T.W), 6.0);
  EXPECT_FALSE(constantOffset(T.B.offset(T.W, T.jPlus(1)), T.W));
  EXPECT_EQ(constantPlace(Row, T.k(1)), 5.0);
  EXPECT_FALSE(constantPlace(Row, T.jPlus(1)));
}

TEST(MemoryLocation, ExtentAFunctionReachesAtConstantIndices) {
  // g(y) reads y[0] and y[2]; f(y) reads y[1] and calls g(y + 1).
  Function G;
  G.Name = "g";
  G.RetTy = Type::f64();
  Value *Y =
      G.addParam("y", Type::ptr(Scalar::Float64, true), "const double *");
  Builder BG(G, G.Body, false);
  Value *Sum = BG.add(BG.load(Y, BG.constant(0, Scalar::Int32)),
                      BG.load(Y, BG.constant(2, Scalar::Int32)));
  BG.ret(Sum);
  ASSERT_EQ(reachedExtent(G, Y), 3);

  Function F;
  F.Name = "f";
  F.RetTy = Type::f64();
  Value *X =
      F.addParam("x", Type::ptr(Scalar::Float64, true), "const double *");
  Builder BF(F, F.Body, false);
  Value *Call = BF.invoke(&G, "g", Type::f64(),
                          {BF.offset(X, BF.constant(1, Scalar::Int32))});
  BF.ret(BF.add(Call, BF.load(X, BF.constant(1, Scalar::Int32))));
  EXPECT_EQ(reachedExtent(F, X), 4);

  // An index that is not constant: unknown.
  Function H;
  H.Name = "h";
  H.RetTy = Type::f64();
  Value *Z =
      H.addParam("z", Type::ptr(Scalar::Float64, true), "const double *");
  Value *I = H.addParam("i", Type::scalar(Scalar::Int32), "int");
  Builder BH(H, H.Body, false);
  BH.ret(BH.load(Z, I));
  EXPECT_FALSE(reachedExtent(H, Z));
}

TEST(MemoryLocation, RecursiveCallsAreFollowedOnce) {
  // r(p, n): p[1] = p[0]; r(p, n - 1); and s(p, n): s(p + 1, n - 1).
  Function R;
  R.Name = "r";
  Value *P = R.addParam("p", Type::ptr(Scalar::Float64), "double *");
  Value *N = R.addParam("n", Type::scalar(Scalar::Int32), "int");
  Builder BR(R, R.Body, false);
  BR.store(P, BR.load(P, BR.constant(0, Scalar::Int32)),
           BR.constant(1, Scalar::Int32));
  BR.invoke(&R, "r", Type::voidTy(),
            {P, BR.sub(N, BR.constant(1, Scalar::Int32))});
  BR.ret(nullptr);
  EXPECT_EQ(reachedExtent(R, P), 2);
  EXPECT_TRUE(R.writesParam(0));
  EXPECT_TRUE(readsFirst(R, P));

  Function S;
  S.Name = "s";
  Value *Q = S.addParam("q", Type::ptr(Scalar::Float64), "double *");
  Value *M = S.addParam("m", Type::scalar(Scalar::Int32), "int");
  Builder BS(S, S.Body, false);
  BS.invoke(&S, "s", Type::voidTy(),
            {BS.offset(Q, BS.constant(1, Scalar::Int32)),
             BS.sub(M, BS.constant(1, Scalar::Int32))});
  BS.ret(nullptr);
  // Further at each level: unknown. It writes nothing.
  EXPECT_FALSE(reachedExtent(S, Q));
  EXPECT_FALSE(S.writesParam(0));
}

} // namespace
