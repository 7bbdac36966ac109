//===- ComplexMath.h - The functions of <complex> as real arithmetic -*- C++
//-*-===//
//
// What `std::exp(z)`, `std::asin(z)`, ... mean, written as real arithmetic
// on the two parts of a complex value, so that the transform sees only
// numbers. Knows the IR builder and nothing of Clang. A part may be null,
// meaning a zero known when lowering (the imaginary part of a real
// operand), which is left out rather than multiplied by.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_FRONTEND_COMPLEXMATH_H
#define GRADC_FRONTEND_COMPLEXMATH_H

#include "gradc/IR/Builder.h"

#include <optional>
#include <string_view>
#include <vector>

namespace gradc::frontend {

/// A complex value: its parts, Im null when it is known to be zero.
struct ComplexParts {
  ir::Value *Re = nullptr;
  ir::Value *Im = nullptr;
  ir::Scalar S = ir::Scalar::Float64;
};

class ComplexMath {
public:
  using Value = ir::Value;
  using C = ComplexParts;

  ComplexMath(ir::Builder &B, ir::Scalar S) : B(B), S(S) {}

  // Parts that may be null.
  Value *add(Value *X, Value *Y);
  Value *sub(Value *X, Value *Y);
  Value *mul(Value *X, Value *Y);
  Value *div(Value *X, Value *Y) { return X ? B.div(X, Y) : nullptr; }
  Value *neg(Value *X) { return X ? B.neg(X) : nullptr; }
  Value *fn(ir::MathFn F, Value *X) { return B.call(F, {X}); }
  Value *fn(ir::MathFn F, Value *X, Value *Y) { return B.call(F, {X, Y}); }
  Value *constant(double V, std::string Text) {
    return B.constant(V, S, std::move(Text));
  }
  /// X, or a zero for a null part.
  Value *zero(Value *X) { return X ? X : constant(0, ""); }

  // Complex values.
  C plus(const C &X, const C &Y) {
    return {add(X.Re, Y.Re), add(X.Im, Y.Im), S};
  }
  C minus(const C &X, const C &Y) {
    return {sub(X.Re, Y.Re), sub(X.Im, Y.Im), S};
  }
  C times(const C &X, const C &Y);
  C over(const C &X, const C &Y);
  C exp(const C &X);
  C log(const C &X);
  /// X to the real power Y: |X|^Y (cos Y t, sin Y t), t = arg X.
  C powReal(const C &X, Value *Y);
  C sqrt(const C &X) { return powReal(X, constant(0.5, "0.5")); }

  /// The function of <complex> of one complex argument called Name, other
  /// than exp, log and sqrt; nullopt for one gradc does not lower.
  std::optional<C> elementary(std::string_view Name, const C &X);

private:
  C sinOrCos(const C &X, bool Sin);
  C sinhOrCosh(const C &X, bool Sinh);
  C tan(const C &X);
  C tanh(const C &X);
  C asinh(const C &X);
  C acosh(const C &X);
  C atanh(const C &X);
  /// i X and -i X.
  C timesI(const C &X);
  C timesMinusI(const C &X);
  C real(double V, std::string Text) {
    return {constant(V, std::move(Text)), nullptr, S};
  }

  ir::Builder &B;
  ir::Scalar S;
};

} // namespace gradc::frontend

#endif // GRADC_FRONTEND_COMPLEXMATH_H
