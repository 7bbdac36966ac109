//===- LocalDerivatives.cpp - The pullback of each op ---------------------===//
//
// Each rule is written as a person writes a staged backward pass: local
// derivative times upstream adjoint, in terms of values the forward sweep
// already holds. The builder folds the trivial cases (x * 1, 0 + x).
//
//===----------------------------------------------------------------------===//
#include "LocalDerivatives.h"

namespace gradc::autodiff {

using namespace ir;

namespace {

class Rules {
public:
  Rules(Function &F, Builder &B, const Value &P, const ValueOf &Result,
        const OperandOf &Operand, Value *G, const std::vector<bool> &Wanted,
        const Contribute &C)
      : F(F), B(B), P(P), Result(Result), Operand(Operand), G(G),
        Wanted(Wanted), C(C), S(P.Ty.scalarKind()) {}

  void run();

private:
  Value *k(double V) { return B.constant(V, S); }
  Value *a() { return Operand(0); }
  Value *b() { return Operand(1); }
  Value *r() { return Result(); }
  void give(unsigned I, const std::function<Value *()> &Make) {
    if (!wanted(I))
      return;
    unsigned Begin = F.numValues();
    Value *V = Make();
    C(I, V, V->Id >= Begin);
  }
  bool wanted(unsigned I) const { return I < P.Operands.size() && Wanted[I]; }
  void call(MathFn Fn);
  /// std::max(a, b) is `a < b ? b : a`; the adjoint goes where the value came
  /// from (CS231n's max gate). PickSecond is the condition choosing b.
  void route(Value *PickSecond) {
    give(0, [&] { return B.select(PickSecond, k(0), G); });
    give(1, [&] { return B.select(PickSecond, G, k(0)); });
  }

  Function &F;
  Builder &B;
  const Value &P;
  const ValueOf &Result;
  const OperandOf &Operand;
  Value *G;
  const std::vector<bool> &Wanted;
  const Contribute &C;
  Scalar S;
};

void Rules::run() {
  switch (P.Code) {
  case OpCode::Copy:
    give(0, [&] { return G; });
    break;
  case OpCode::Cast:
    give(0, [&] { return B.cast(G, a()->Ty.scalarKind()); });
    break;
  case OpCode::Neg:
    give(0, [&] { return B.neg(G); });
    break;
  case OpCode::Add:
    give(0, [&] { return G; });
    give(1, [&] { return G; });
    break;
  case OpCode::Sub:
    give(0, [&] { return G; });
    give(1, [&] { return B.neg(G); });
    break;
  case OpCode::Mul:
    if (a() == b()) {
      // x * x: one contribution, as a person writes it.
      give(0, [&] { return B.mul(B.mul(k(2), a()), G); });
      break;
    }
    give(0, [&] { return B.mul(b(), G); });
    give(1, [&] { return B.mul(a(), G); });
    break;
  case OpCode::Div:
    if (a()->isConstValue(1)) {
      // r = 1 / u: dr/du = -r * r, no second division.
      give(1, [&] { return B.neg(B.mul(B.mul(r(), r()), G)); });
      break;
    }
    {
      // Shared by both contributions, so built before either claims it.
      Value *GOverB = wanted(0) && wanted(1) ? B.div(G, b()) : nullptr;
      auto Shared = [&] { return GOverB ? GOverB : B.div(G, b()); };
      give(0, [&] { return Shared(); });
      give(1, [&] { return B.neg(B.mul(r(), Shared())); });
    }
    break;
  case OpCode::Call:
    call(P.Fn);
    break;
  case OpCode::Select:
    give(1, [&] { return B.select(Operand(0), G, k(0)); });
    give(2, [&] { return B.select(Operand(0), k(0), G); });
    break;
  default:
    // Constants, integer and boolean ops and memory ops carry no local
    // derivative; the reverse mode handles memory itself.
    break;
  }
}

void Rules::call(MathFn Fn) {
  switch (Fn) {
  case MathFn::Exp:
    give(0, [&] { return B.mul(r(), G); });
    break;
  case MathFn::Log:
    give(0, [&] { return B.div(G, a()); });
    break;
  case MathFn::Log10:
    give(0, [&] { return B.div(G, B.mul(a(), k(2.302585092994045684))); });
    break;
  case MathFn::Log2:
    give(0, [&] { return B.div(G, B.mul(a(), k(0.693147180559945309))); });
    break;
  case MathFn::Log1p:
    give(0, [&] { return B.div(G, B.add(k(1), a())); });
    break;
  case MathFn::Expm1:
    give(0, [&] { return B.mul(B.add(r(), k(1)), G); });
    break;
  case MathFn::Sqrt:
    give(0, [&] { return B.div(G, B.mul(k(2), r())); });
    break;
  case MathFn::Cbrt:
    give(0, [&] { return B.div(G, B.mul(k(3), B.mul(r(), r()))); });
    break;
  case MathFn::Pow:
    give(0, [&] {
      if (b()->isConst()) {
        double E = b()->constValue();
        if (E == 1)
          return G;
        if (E == 2)
          return B.mul(B.mul(k(2), a()), G);
        return B.mul(B.mul(k(E), B.call(MathFn::Pow, {a(), k(E - 1)})), G);
      }
      return B.mul(B.mul(b(), B.call(MathFn::Pow, {a(), B.sub(b(), k(1))})), G);
    });
    give(1, [&] { return B.mul(B.mul(r(), B.call(MathFn::Log, {a()})), G); });
    break;
  case MathFn::Sin:
    give(0, [&] { return B.mul(B.call(MathFn::Cos, {a()}), G); });
    break;
  case MathFn::Cos:
    give(0, [&] { return B.neg(B.mul(B.call(MathFn::Sin, {a()}), G)); });
    break;
  case MathFn::Tan:
    give(0, [&] { return B.mul(B.add(k(1), B.mul(r(), r())), G); });
    break;
  case MathFn::Asin:
  case MathFn::Acos:
    give(0, [&] {
      Value *D = B.div(G, B.call(MathFn::Sqrt, {B.sub(k(1), B.mul(a(), a()))}));
      return Fn == MathFn::Asin ? D : B.neg(D);
    });
    break;
  case MathFn::Atan:
    give(0, [&] { return B.div(G, B.add(k(1), B.mul(a(), a()))); });
    break;
  case MathFn::Atan2: {
    // atan2(y, x): d/dy = x / (x^2 + y^2), d/dx = -y / (x^2 + y^2).
    Value *Den = B.add(B.mul(b(), b()), B.mul(a(), a()));
    give(0, [&] { return B.mul(B.div(b(), Den), G); });
    give(1, [&] { return B.neg(B.mul(B.div(a(), Den), G)); });
    break;
  }
  case MathFn::Sinh:
    give(0, [&] { return B.mul(B.call(MathFn::Cosh, {a()}), G); });
    break;
  case MathFn::Cosh:
    give(0, [&] { return B.mul(B.call(MathFn::Sinh, {a()}), G); });
    break;
  case MathFn::Tanh:
    give(0, [&] { return B.mul(B.sub(k(1), B.mul(r(), r())), G); });
    break;
  case MathFn::Fabs:
  case MathFn::StdAbs:
    give(0,
         [&] { return B.select(B.cmp(CmpPred::LT, a(), k(0)), B.neg(G), G); });
    break;
  case MathFn::Fmax:
  case MathFn::StdMax:
    route(B.cmp(CmpPred::LT, a(), b()));
    break;
  case MathFn::Fmin:
  case MathFn::StdMin:
    route(B.cmp(CmpPred::LT, b(), a()));
    break;
  case MathFn::Hypot:
    give(0, [&] { return B.mul(B.div(a(), r()), G); });
    give(1, [&] { return B.mul(B.div(b(), r()), G); });
    break;
  case MathFn::Erf:
    // d erf(u)/du = 2 / sqrt(pi) * exp(-u * u).
    give(0, [&] {
      return B.mul(B.mul(k(1.128379167095512574),
                         B.call(MathFn::Exp, {B.neg(B.mul(a(), a()))})),
                   G);
    });
    break;
  }
}

} // namespace

void emitLocalDerivatives(Function &F, Builder &B, const Value &Primal,
                          const ValueOf &Result, const OperandOf &Operand,
                          Value *G, const std::vector<bool> &Wanted,
                          const Contribute &C) {
  Rules(F, B, Primal, Result, Operand, G, Wanted, C).run();
}

} // namespace gradc::autodiff
