//===- LoopFunctions.h - Loops built by hand for the unit tests -*- C++ -*-===//
//
// Loops over arrays as the Clang front end lowers them: counters and
// accumulators are Locals, array elements are loads and stores.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_TEST_UNIT_LOOPFUNCTIONS_H
#define GRADC_TEST_UNIT_LOOPFUNCTIONS_H

#include "gradc/IR/Builder.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace gradc::test {

/// Builds `for (int i = From; i Pred To; i += Step) Body(i)` at B's block.
inline void countedLoop(ir::Builder &B, ir::Value *From, ir::CmpPred Pred,
                        const std::function<ir::Value *()> &To, int Step,
                        const std::function<void(ir::Value *I)> &Body) {
  using namespace ir;
  Block &Outer = B.block();
  Value *L = B.loop(LoopKind::For);
  B.setBlock(L->Regions[Init]);
  Value *I = B.local(Scalar::Int32, 0, "i");
  B.store(I, From);
  B.setBlock(L->Regions[Cond]);
  B.yield(B.cmp(Pred, B.load(I), To()));
  B.setBlock(L->Regions[LoopBody]);
  Body(I);
  B.setBlock(L->Regions[ir::Step]);
  Value *Old = B.load(I);
  B.store(I, B.add(Old, B.constant(Step, Scalar::Int32)));
  B.setBlock(Outer);
}

/// double dot(const double *w, const double *x, int n): s += w[i] * x[i].
inline std::unique_ptr<ir::Function> dotProduct() {
  using namespace ir;
  auto F = std::make_unique<Function>();
  F->Name = "dot";
  F->File = "dot.cpp";
  F->Loc = {1, 8};
  F->RetTy = Type::f64();
  Value *W =
      F->addParam("w", Type::ptr(Scalar::Float64, true), "const double *");
  Value *X =
      F->addParam("x", Type::ptr(Scalar::Float64, true), "const double *");
  Value *N = F->addParam("n", Type::scalar(Scalar::Int32), "int");
  Builder B(*F, F->Body);
  F->Stmts.push_back({{2, 3}, "double s = 0;", ""});
  F->Stmts.push_back({{3, 3}, "for (int i = 0; i < n; ++i)", ""});
  F->Stmts.push_back({{4, 5}, "s += w[i] * x[i];", ""});
  F->Stmts.push_back({{5, 3}, "return s;", ""});
  B.setOrigin(0, {2, 3});
  Value *S = B.local(Scalar::Float64, 0, "s");
  B.store(S, B.constant(0, Scalar::Float64, "0"));
  B.setOrigin(1, {3, 3});
  countedLoop(
      B, B.constant(0, Scalar::Int32), CmpPred::LT, [&] { return N; }, 1,
      [&](Value *I) {
        B.setOrigin(2, {4, 5});
        Value *Prod = B.mul(B.load(W, B.load(I)), B.load(X, B.load(I)));
        B.store(S, B.add(B.load(S), Prod));
        B.setOrigin(1, {3, 3});
      });
  B.setOrigin(3, {5, 3});
  B.ret(B.load(S));
  return F;
}

/// double horner(const double *c, double x, int n): p = p * x + c[i],
/// from i = n - 1 down: p is overwritten and its old value is needed.
inline std::unique_ptr<ir::Function> horner() {
  using namespace ir;
  auto F = std::make_unique<Function>();
  F->Name = "horner";
  F->File = "horner.cpp";
  F->Loc = {1, 8};
  F->RetTy = Type::f64();
  Value *C =
      F->addParam("c", Type::ptr(Scalar::Float64, true), "const double *");
  Value *X = F->addParam("x", Type::f64(), "double");
  Value *N = F->addParam("n", Type::scalar(Scalar::Int32), "int");
  Builder B(*F, F->Body);
  F->Stmts.push_back({{2, 3}, "double p = 0;", ""});
  F->Stmts.push_back({{3, 3}, "for (int i = n - 1; i >= 0; --i)", ""});
  F->Stmts.push_back({{4, 5}, "p = p * x + c[i];", ""});
  F->Stmts.push_back({{5, 3}, "return p;", ""});
  B.setOrigin(0, {2, 3});
  Value *P = B.local(Scalar::Float64, 0, "p");
  B.store(P, B.constant(0, Scalar::Float64, "0"));
  B.setOrigin(1, {3, 3});
  countedLoop(
      B, B.sub(N, B.constant(1, Scalar::Int32)), CmpPred::GE,
      [&] { return B.constant(0, Scalar::Int32); }, -1,
      [&](Value *I) {
        B.setOrigin(2, {4, 5});
        B.store(P, B.add(B.mul(B.load(P), X), B.load(C, B.load(I))));
        B.setOrigin(1, {3, 3});
      });
  B.setOrigin(3, {5, 3});
  B.ret(B.load(P));
  return F;
}

/// double relay(const double *w, double x, int n) with K >= 2 locals, each
/// assigned from the next one, against the order of the text:
///   for (...) { a0 = a1 * 0.5 + w[i]; a1 = a2 * 0.5; ...; a{K-1} = x * w[i]; }
///   return a0;  (or return x, when ReturnsA0 is false)
/// x reaches a0 after K iterations; a walk in either direction crosses one
/// link of the chain per pass.
inline std::unique_ptr<ir::Function> relay(unsigned K, bool ReturnsA0 = true) {
  using namespace ir;
  auto F = std::make_unique<Function>();
  F->Name = "relay";
  F->RetTy = Type::f64();
  Value *W =
      F->addParam("w", Type::ptr(Scalar::Float64, true), "const double *");
  Value *X = F->addParam("x", Type::f64(), "double");
  Value *N = F->addParam("n", Type::scalar(Scalar::Int32), "int");
  Builder B(*F, F->Body);
  std::vector<Value *> A;
  for (unsigned J = 0; J < K; ++J) {
    A.push_back(B.local(Scalar::Float64, 0, "a" + std::to_string(J)));
    B.store(A.back(), B.constant(0, Scalar::Float64, "0"));
  }
  countedLoop(
      B, B.constant(0, Scalar::Int32), CmpPred::LT, [&] { return N; }, 1,
      [&](Value *I) {
        Value *Half = B.constant(0.5, Scalar::Float64, "0.5");
        B.store(A[0], B.add(B.mul(B.load(A[1]), Half), B.load(W, B.load(I))));
        for (unsigned J = 1; J + 1 < K; ++J)
          B.store(A[J], B.mul(B.load(A[J + 1]), Half));
        B.store(A[K - 1], B.mul(X, B.load(W, B.load(I))));
      });
  B.ret(ReturnsA0 ? B.load(A[0]) : X);
  return F;
}

} // namespace gradc::test

#endif // GRADC_TEST_UNIT_LOOPFUNCTIONS_H
