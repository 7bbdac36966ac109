//===- ComplexMath.cpp - The functions of <complex> as real arithmetic ----===//
//
// The inverse functions use the principal branches of <complex> (C99
// Annex G): asinh z = log(z + sqrt(z z + 1)), acosh z = log(z + sqrt(z + 1)
// sqrt(z - 1)) (not sqrt(z z - 1), whose cut is elsewhere), atanh z =
// (log(1 + z) - log(1 - z)) / 2, and asin, atan through asinh, atanh of
// i z, acos z = pi/2 - asin z. Each log's argument stays off log's own
// cut wherever the function is continuous, so the cuts are the library's.
//
//===----------------------------------------------------------------------===//
#include "ComplexMath.h"

namespace gradc::frontend {

using ir::MathFn;
using ir::Value;

Value *ComplexMath::add(Value *X, Value *Y) {
  if (X && Y && Y->Code == ir::OpCode::Neg) // `a - b`, not `a + -b`
    return B.sub(X, Y->Operands[0]);
  return !X ? Y : !Y ? X : B.add(X, Y);
}

Value *ComplexMath::sub(Value *X, Value *Y) {
  return !Y ? X : !X ? B.neg(Y) : B.sub(X, Y);
}

Value *ComplexMath::mul(Value *X, Value *Y) {
  if (!X || !Y)
    return nullptr;
  return X->isConstValue(1) ? Y : Y->isConstValue(1) ? X : B.mul(X, Y);
}

ComplexParts ComplexMath::times(const C &X, const C &Y) {
  return C{sub(mul(X.Re, Y.Re), mul(X.Im, Y.Im)),
           add(mul(X.Re, Y.Im), mul(X.Im, Y.Re)), S};
}

ComplexParts ComplexMath::over(const C &X, const C &Y) {
  if (!Y.Im)
    return C{div(X.Re, Y.Re), div(X.Im, Y.Re), S};
  // (a + ib) / (c + id) = ((a c + b d) + i (b c - a d)) / (c c + d d).
  Value *Den = add(mul(Y.Re, Y.Re), mul(Y.Im, Y.Im));
  return C{div(add(mul(X.Re, Y.Re), mul(X.Im, Y.Im)), Den),
           div(sub(mul(X.Im, Y.Re), mul(X.Re, Y.Im)), Den), S};
}

ComplexParts ComplexMath::exp(const C &X) {
  Value *E = fn(MathFn::Exp, X.Re);
  if (!X.Im)
    return C{E, nullptr, S};
  return C{mul(E, fn(MathFn::Cos, X.Im)), mul(E, fn(MathFn::Sin, X.Im)), S};
}

ComplexParts ComplexMath::log(const C &X) {
  return C{fn(MathFn::Log, fn(MathFn::Hypot, X.Re, zero(X.Im))),
           fn(MathFn::Atan2, zero(X.Im), X.Re), S};
}

ComplexParts ComplexMath::powReal(const C &X, Value *Y) {
  Value *R = fn(MathFn::Hypot, X.Re, zero(X.Im));
  Value *T = mul(Y, fn(MathFn::Atan2, zero(X.Im), X.Re));
  Value *M = fn(MathFn::Pow, R, Y);
  return C{mul(M, fn(MathFn::Cos, T)), mul(M, fn(MathFn::Sin, T)), S};
}

ComplexParts ComplexMath::timesI(const C &X) {
  Value *Re = X.Im ? neg(X.Im) : zero(nullptr);
  return C{Re, X.Re, S};
}

ComplexParts ComplexMath::timesMinusI(const C &X) {
  Value *Re = zero(X.Im);
  return C{Re, neg(X.Re), S};
}

ComplexParts ComplexMath::sinOrCos(const C &X, bool Sin) {
  if (!X.Im)
    return C{fn(Sin ? MathFn::Sin : MathFn::Cos, X.Re), nullptr, S};
  Value *Ch = fn(MathFn::Cosh, X.Im), *Sh = fn(MathFn::Sinh, X.Im);
  if (Sin)
    return C{mul(fn(MathFn::Sin, X.Re), Ch), mul(fn(MathFn::Cos, X.Re), Sh), S};
  return C{mul(fn(MathFn::Cos, X.Re), Ch), neg(mul(fn(MathFn::Sin, X.Re), Sh)),
           S};
}

ComplexParts ComplexMath::sinhOrCosh(const C &X, bool Sinh) {
  if (!X.Im)
    return C{fn(Sinh ? MathFn::Sinh : MathFn::Cosh, X.Re), nullptr, S};
  // sinh z = (sinh a cos b, cosh a sin b); cosh z = (cosh a cos b,
  // sinh a sin b).
  Value *Sh = fn(MathFn::Sinh, X.Re);
  Value *Ch = fn(MathFn::Cosh, X.Re);
  Value *Cb = fn(MathFn::Cos, X.Im);
  Value *Sb = fn(MathFn::Sin, X.Im);
  if (Sinh)
    return C{mul(Sh, Cb), mul(Ch, Sb), S};
  return C{mul(Ch, Cb), mul(Sh, Sb), S};
}

ComplexParts ComplexMath::tanh(const C &X) {
  // (sinh 2a, sin 2b) / (cosh 2a + cos 2b).
  if (!X.Im)
    return C{fn(MathFn::Tanh, X.Re), nullptr, S};
  Value *Two = constant(2, "2");
  Value *A2 = mul(Two, X.Re), *B2 = mul(Two, X.Im);
  Value *Den = add(fn(MathFn::Cosh, A2), fn(MathFn::Cos, B2));
  return C{div(fn(MathFn::Sinh, A2), Den), div(fn(MathFn::Sin, B2), Den), S};
}

ComplexParts ComplexMath::tan(const C &X) {
  // (sin 2a, sinh 2b) / (cos 2a + cosh 2b), which is -i tanh(i z).
  if (!X.Im)
    return C{fn(MathFn::Tan, X.Re), nullptr, S};
  Value *Two = constant(2, "2");
  Value *A2 = mul(Two, X.Re);
  Value *B2 = mul(Two, X.Im);
  Value *CosA2 = fn(MathFn::Cos, A2);
  Value *Den = add(CosA2, fn(MathFn::Cosh, B2));
  Value *Re = div(fn(MathFn::Sin, A2), Den);
  return C{Re, div(fn(MathFn::Sinh, B2), Den), S};
}

ComplexParts ComplexMath::asinh(const C &X) {
  C Root = sqrt(plus(times(X, X), real(1, "1")));
  return log(plus(X, Root));
}

ComplexParts ComplexMath::acosh(const C &X) {
  C Above = sqrt(plus(X, real(1, "1")));
  C Below = sqrt(minus(X, real(1, "1")));
  return log(plus(X, times(Above, Below)));
}

ComplexParts ComplexMath::atanh(const C &X) {
  C Up = log(plus(real(1, "1"), X));
  C Down = log(minus(real(1, "1"), X));
  C D = minus(Up, Down);
  Value *Half = constant(0.5, "0.5");
  Value *Re = mul(D.Re, Half);
  return C{Re, mul(D.Im, Half), S};
}

std::optional<ComplexParts> ComplexMath::elementary(std::string_view Name,
                                                    const C &X) {
  if (Name == "sin" || Name == "cos")
    return sinOrCos(X, Name == "sin");
  if (Name == "sinh" || Name == "cosh")
    return sinhOrCosh(X, Name == "sinh");
  if (Name == "tan")
    return tan(X);
  if (Name == "tanh")
    return tanh(X);
  if (Name == "asinh")
    return asinh(X);
  if (Name == "acosh")
    return acosh(X);
  if (Name == "atanh")
    return atanh(X);
  if (Name == "asin" || Name == "acos") {
    C A = timesMinusI(asinh(timesI(X)));
    if (Name == "asin")
      return A;
    Value *Re = sub(constant(1.5707963267948966, ""), A.Re); // pi/2 - asin z
    return C{Re, neg(A.Im), S};
  }
  if (Name == "atan")
    return timesMinusI(atanh(timesI(X)));
  if (Name == "log10") {
    Value *Re = fn(MathFn::Log10, fn(MathFn::Hypot, X.Re, zero(X.Im)));
    Value *Arg = fn(MathFn::Atan2, zero(X.Im), X.Re);
    return C{Re, div(Arg, constant(2.302585092994046, "")), S};
  }
  if (Name == "proj") // z itself for every finite z
    return X;
  return std::nullopt;
}

} // namespace gradc::frontend
