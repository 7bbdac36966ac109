//===- LocalDerivatives.cpp - The pullback of each op ---------------------===//
//
// Each rule is written as a person writes a staged backward pass: local
// derivative times upstream adjoint, in terms of values the forward sweep
// already holds. The builder folds the trivial cases (x * 1, 0 + x).
//
//===----------------------------------------------------------------------===//
#include "LocalDerivatives.h"

#include <cassert>

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
    if (V) // null for a partial that is zero
      C(I, V, V->Id >= Begin);
  }
  bool wanted(unsigned I) const { return I < P.Operands.size() && Wanted[I]; }
  void call(MathFn Fn);

  //===-- The language of MathFunctions.def ------------------------------===//

  /// How a partial derivative meets the seed G (see MathFunctions.def).
  struct Partial {
    enum Kind { Zero, Times, Over, Pick } K = Zero;
    Value *X = nullptr;     ///< Factor (null: 1), divisor or condition.
    int Then = 0, Else = 0; ///< Pick: multiples -1, 0, 1 of the seed.
    bool Negated = false;
  };
  Value *apply(const Partial &D);
  Value *multiple(int M) { return M == 0 ? k(0) : M < 0 ? B.neg(G) : G; }

  Partial zero() { return {}; }
  Partial times(Value *X) { return {Partial::Times, X}; }
  Partial over(Value *X) { return {Partial::Over, X}; }
  Partial pick(Value *C, int Then, int Else) {
    return {Partial::Pick, C, Then, Else};
  }
  Partial minus(Partial D) {
    D.Negated = !D.Negated;
    return D;
  }
  Partial powBase();
  Partial powExponent();

  Value *c() { return Operand(2); }
  Value *s() { return Shared; }
  Value *add(Value *X, Value *Y) { return B.add(X, Y); }
  Value *sub(Value *X, Value *Y) { return B.sub(X, Y); }
  Value *mul(Value *X, Value *Y) { return B.mul(X, Y); }
  Value *div(Value *X, Value *Y) { return B.div(X, Y); }
  Value *neg(Value *X) { return B.neg(X); }
  Value *cmp(CmpPred P, Value *X, Value *Y) { return B.cmp(P, X, Y); }
  Value *lor(Value *X, Value *Y) { return B.logicOr(X, Y); }
  template <typename... Args> Value *fn(MathFn F, Args *...X) {
    return B.call(F, {X...});
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
  Value *Shared = nullptr;
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
    // (An operand that takes no contribution may not be found: after a
    // fused loop, `s * 3`'s s is computed after this code runs; so the
    // rules below ask the primal's operands what they are.)
    if (wanted(0) && wanted(1) && a() == b()) {
      // x * x: one contribution, as a person writes it.
      give(0, [&] { return B.mul(B.mul(k(2), a()), G); });
      break;
    }
    give(0, [&] { return B.mul(b(), G); });
    give(1, [&] { return B.mul(a(), G); });
    break;
  case OpCode::Div:
    if (P.Operands[0]->isConstValue(1)) {
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

Value *Rules::apply(const Partial &D) {
  Value *V = nullptr;
  switch (D.K) {
  case Partial::Zero:
    return nullptr;
  case Partial::Times:
    V = D.X ? B.mul(D.X, G) : G;
    break;
  case Partial::Over:
    V = B.div(G, D.X);
    break;
  case Partial::Pick:
    V = B.select(D.X, multiple(D.Then), multiple(D.Else));
    break;
  }
  return D.Negated ? B.neg(V) : V;
}

/// d pow(a, b)/da = b * pow(a, b - 1), as a person writes it for a constant
/// exponent: 2 * a for 2, nothing for 1. Where b is 0 the partial is 0,
/// not 0 * pow(0, -1) (NaN at a = 0: `c[k] * std::pow(x, k)` for k = 0).
Rules::Partial Rules::powBase() {
  if (!b()->isConst())
    return times(B.select(cmp(CmpPred::EQ, b(), k(0)), k(0),
                          mul(b(), fn(MathFn::Pow, a(), sub(b(), k(1))))));
  double E = b()->constValue();
  if (E == 0)
    return zero();
  if (E == 1)
    return times(nullptr);
  if (E == 2)
    return times(mul(k(2), a()));
  return times(mul(k(E), fn(MathFn::Pow, a(), k(E - 1))));
}

/// d pow(a, b)/db = pow(a, b) * log(a); where a is 0, pow(a, b) is 0 (for
/// b > 0) and so is the partial, not 0 * log(0) (NaN: a p-norm's learned
/// exponent at an element that is 0).
Rules::Partial Rules::powExponent() {
  Value *Partial = mul(r(), fn(MathFn::Log, a()));
  if (a()->isConst() && a()->constValue() != 0)
    return times(Partial);
  return times(B.select(cmp(CmpPred::EQ, a(), k(0)), k(0), Partial));
}

void Rules::call(MathFn Fn) {
  assert(mathFnKind(Fn) != MathKind::Runtime && "a helper of derivatives");
  // Fn's entries in the table, in order: its shared value, then its partials.
#define GRADC_MATH_SHARED(Id, ...)                                             \
  if (Fn == MathFn::Id)                                                        \
    Shared = __VA_ARGS__;
#define GRADC_MATH_PARTIAL(Id, Arg, ...)                                       \
  if (Fn == MathFn::Id)                                                        \
    give(Arg, [&] { return apply(__VA_ARGS__); });
#include "gradc/IR/MathFunctions.def"
}

/// Checked when gradc is compiled: a function missing a partial would get a
/// wrong (zero) gradient, silently.
struct PartialKey {
  MathFn Fn;
  unsigned Arg;
};
constexpr PartialKey PartialKeys[] = {
#define GRADC_MATH_PARTIAL(Id, Arg, ...) {MathFn::Id, Arg},
#include "gradc/IR/MathFunctions.def"
};
/// Runtime helpers are never differentiated: they need no partials.
constexpr unsigned Differentiated[] = {
#define GRADC_MATH_FN(Id, Name, Arity, Kind, Callee)                           \
  MathKind::Kind == MathKind::Runtime ? 0u : Arity,
#include "gradc/IR/MathFunctions.def"
};
constexpr bool everyPartialOnce() {
  for (const PartialKey &P : PartialKeys)
    if (P.Arg >= Differentiated[static_cast<unsigned>(P.Fn)])
      return false;
  for (unsigned F = 0; F < NumMathFns; ++F)
    for (unsigned A = 0; A < Differentiated[F]; ++A) {
      unsigned N = 0;
      for (const PartialKey &P : PartialKeys)
        N += static_cast<unsigned>(P.Fn) == F && P.Arg == A;
      if (N != 1)
        return false;
    }
  return true;
}
static_assert(everyPartialOnce(),
              "MathFunctions.def: each argument of each function but a "
              "Runtime one needs exactly one GRADC_MATH_PARTIAL");

} // namespace

void emitLocalDerivatives(Function &F, Builder &B, const Value &Primal,
                          const ValueOf &Result, const OperandOf &Operand,
                          Value *G, const std::vector<bool> &Wanted,
                          const Contribute &C) {
  Rules(F, B, Primal, Result, Operand, G, Wanted, C).run();
}

} // namespace gradc::autodiff
