//===- TestFunctions.h - IR built by hand for the unit tests ----*- C++ -*-===//
//
// The same functions a front end would lower, built directly so that the
// transform and the emitter are tested without Clang.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_TEST_UNIT_TESTFUNCTIONS_H
#define GRADC_TEST_UNIT_TESTFUNCTIONS_H

#include "gradc/IR/Builder.h"

#include <memory>

namespace gradc::test {

/// Names a value after a source variable and records its statement.
inline ir::Value *named(ir::Value *V, const char *Name) {
  V->Name = Name;
  return V;
}

/// The CS231n staged example, f(x, y) = (x + sig(y)) / (sig(x) + (x+y)^2),
/// written as the seed writes it.
inline std::unique_ptr<ir::Function> cs231n() {
  using namespace ir;
  auto F = std::make_unique<Function>();
  F->Name = "f";
  F->File = "cs231n.cpp";
  F->Loc = {3, 8};
  F->RetTy = Type::f64();
  Value *X = F->addParam("x", Type::f64(), "double");
  Value *Y = F->addParam("y", Type::f64(), "double");
  Builder B(*F, F->Body);
  auto Stmt = [&](unsigned Line, const char *Text) {
    F->Stmts.push_back({{Line, 3}, Text, ""});
    B.setOrigin(static_cast<int>(F->Stmts.size() - 1), {Line, 3});
  };
  auto Sigmoid = [&](Value *U) {
    Value *E = B.call(MathFn::Exp, {B.neg(U)});
    return B.div(B.constant(1, Scalar::Float64, "1.0"),
                 B.add(B.constant(1, Scalar::Float64, "1"), E));
  };
  Stmt(4, "double sigy = 1.0 / (1 + std::exp(-y));");
  Value *SigY = named(Sigmoid(Y), "sigy");
  Stmt(5, "double num = x + sigy;");
  Value *Num = named(B.add(X, SigY), "num");
  Stmt(6, "double sigx = 1.0 / (1 + std::exp(-x));");
  Value *SigX = named(Sigmoid(X), "sigx");
  Stmt(7, "double xpy = x + y;");
  Value *Xpy = named(B.add(X, Y), "xpy");
  Stmt(8, "double xpysqr = xpy * xpy;");
  Value *Sqr = named(B.mul(Xpy, Xpy), "xpysqr");
  Stmt(9, "double den = sigx + xpysqr;");
  Value *Den = named(B.add(SigX, Sqr), "den");
  Stmt(10, "double invden = 1.0 / den;");
  Value *Inv =
      named(B.div(B.constant(1, Scalar::Float64, "1.0"), Den), "invden");
  Stmt(11, "return num * invden;");
  B.ret(B.mul(Num, Inv));
  return F;
}

} // namespace gradc::test

#endif // GRADC_TEST_UNIT_TESTFUNCTIONS_H
