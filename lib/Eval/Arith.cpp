//===- Arith.cpp - Scalar operations as compiled code does them -----------===//
#include "Arith.h"

#include "gradc/Eval/Interpreter.h"
#include "gradc/gradc.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>

namespace gradc::eval {

using namespace ir;

namespace {

unsigned bitsOf(Scalar S) { return intBits(S); }

bool isSigned(Scalar S) { return isSignedInt(S); }

/// The integer value of an integral V modulo 2^bits, in S's range: what a
/// conversion between integer types gives since C++20.
long double wrap(Scalar S, long double V) {
  long double Mod = std::ldexp(1.0L, static_cast<int>(bitsOf(S)));
  long double R = std::fmod(V, Mod);
  if (R < 0)
    R += Mod;
  if (isSigned(S) && R >= Mod / 2)
    R -= Mod;
  return R;
}

/// True when the integral value V lies in the range of S.
bool fits(Scalar S, long double V) {
  long double Half = std::ldexp(1.0L, static_cast<int>(bitsOf(S)) - 1);
  return isSigned(S) ? V >= -Half && V < Half : V >= 0 && V < 2 * Half;
}

/// a <op> b for + - * / in type T.
template <typename T> T floatOp(OpCode Code, T A, T B) {
  switch (Code) {
  case OpCode::Add:
    return A + B;
  case OpCode::Sub:
    return A - B;
  case OpCode::Mul:
    return A * B;
  default:
    return A / B;
  }
}

/// a <op> b in the integer type T; signed overflow is reported, unsigned
/// arithmetic wraps.
template <typename T> ArithError intOp(OpCode Code, T A, T B, T &R) {
  bool Over = false;
  switch (Code) {
  case OpCode::Add:
    Over = __builtin_add_overflow(A, B, &R);
    break;
  case OpCode::Sub:
    Over = __builtin_sub_overflow(A, B, &R);
    break;
  case OpCode::Mul:
    Over = __builtin_mul_overflow(A, B, &R);
    break;
  default:
    if (B == 0)
      return ArithError::DivByZero;
    if constexpr (std::is_signed_v<T>)
      if (A == std::numeric_limits<T>::min() && B == -1)
        return ArithError::Overflow;
    R = Code == OpCode::Rem ? A % B : A / B;
    break;
  }
  return Over && std::is_signed_v<T> ? ArithError::Overflow : ArithError::None;
}

template <typename T>
ArithError intOpIn(OpCode Code, long double A, long double B,
                   long double &Out) {
  T R{};
  ArithError E = intOp<T>(Code, static_cast<T>(A), static_cast<T>(B), R);
  Out = static_cast<long double>(R);
  return E;
}

/// F of the first N of the arguments.
template <unsigned N, typename Fn, typename T> T applyTo(Fn F, T A, T B, T C) {
  if constexpr (N == 1)
    return F(A);
  else if constexpr (N == 2)
    return F(A, B);
  else
    return F(A, B, C);
}

template <typename T> T mathIn(MathFn Fn, T A, T B, T C) {
  switch (Fn) {
#define GRADC_MATH_FN(Id, Name, Arity, Kind, Callee)                           \
  case MathFn::Id:                                                             \
    return applyTo<Arity>([](auto... X) -> T { return Callee(X...); }, A, B, C);
#include "gradc/IR/MathFunctions.def"
  }
  return A;
}

} // namespace

long double roundTo(Scalar S, long double V) {
  switch (S) {
  case Scalar::Bool:
    return V != 0;
  case Scalar::Float32:
    return static_cast<float>(V);
  case Scalar::Float64:
    return static_cast<double>(V);
  case Scalar::Float80:
    return V;
  default:
    return std::isfinite(V) ? wrap(S, std::trunc(V)) : 0;
  }
}

const char *describe(ArithError E) {
  switch (E) {
  case ArithError::None:
    return "no error";
  case ArithError::DivByZero:
    return "integer division by zero";
  case ArithError::Overflow:
    return "signed integer overflow";
  case ArithError::NotInteger:
    return "a floating-point value that does not fit the integer type it is "
           "converted to";
  case ArithError::BadShift:
    return "a shift by a negative count or by the width of the type or more";
  case ArithError::NegativeShift:
    return "a negative value shifted left";
  }
  return "?";
}

ArithError arith(OpCode Code, Scalar S, long double A, long double B,
                 long double &Out) {
  switch (S) {
  case Scalar::Float32:
    Out = floatOp<float>(Code, static_cast<float>(A), static_cast<float>(B));
    return ArithError::None;
  case Scalar::Float64:
    Out = floatOp<double>(Code, static_cast<double>(A), static_cast<double>(B));
    return ArithError::None;
  case Scalar::Float80:
    Out = floatOp<long double>(Code, A, B);
    return ArithError::None;
  case Scalar::Int8:
  case Scalar::UInt8:
  case Scalar::Int16:
  case Scalar::UInt16: {
    // Done in int, as C++ promotes them, and converted back (`++s`).
    ArithError E = intOpIn<std::int32_t>(Code, A, B, Out);
    Out = wrap(S, Out);
    return E;
  }
  case Scalar::Int32:
    return intOpIn<std::int32_t>(Code, A, B, Out);
  case Scalar::UInt32:
    return intOpIn<std::uint32_t>(Code, A, B, Out);
  case Scalar::Int64:
    return intOpIn<std::int64_t>(Code, A, B, Out);
  case Scalar::UInt64:
  case Scalar::Bool:
    return intOpIn<std::uint64_t>(Code, A, B, Out);
  }
  return ArithError::None;
}

ArithError bits(OpCode Code, Scalar S, long double A, long double B,
                long double &Out) {
  // Two's complement bits of the values, which every integer type here fits.
  auto Raw = [](long double V) {
    return V < 0 ? static_cast<std::uint64_t>(static_cast<std::int64_t>(V))
                 : static_cast<std::uint64_t>(V);
  };
  auto Back = [&](std::uint64_t R) {
    long double V = isSigned(S)
                        ? static_cast<long double>(static_cast<std::int64_t>(R))
                        : static_cast<long double>(R);
    return wrap(S, V);
  };
  unsigned Width = bitsOf(S);
  switch (Code) {
  case OpCode::BitAnd:
    Out = Back(Raw(A) & Raw(B));
    return ArithError::None;
  case OpCode::BitOr:
    Out = Back(Raw(A) | Raw(B));
    return ArithError::None;
  case OpCode::BitXor:
    Out = Back(Raw(A) ^ Raw(B));
    return ArithError::None;
  case OpCode::BitNot:
    Out = Back(~Raw(A));
    return ArithError::None;
  default:
    break;
  }
  if (B < 0 || B >= Width)
    return ArithError::BadShift;
  long double Scale = std::ldexp(1.0L, static_cast<int>(B));
  if (Code == OpCode::Shr) { // arithmetic for a negative value, as GCC does
    Out = std::floor(A / Scale);
    return ArithError::None;
  }
  if (!isSigned(S)) {
    Out = wrap(S, A * Scale);
    return ArithError::None;
  }
  if (A < 0)
    return ArithError::NegativeShift;
  // Defined when the unsigned type of the same width holds the result.
  if (A * Scale >= std::ldexp(1.0L, static_cast<int>(Width)))
    return ArithError::Overflow;
  Out = wrap(S, A * Scale);
  return ArithError::None;
}

ArithError negate(Scalar S, long double A, long double &Out) {
  if (isFloating(S)) {
    Out = -A;
    return ArithError::None;
  }
  return arith(OpCode::Sub, S, 0, A, Out);
}

ArithError convert(Scalar From, Scalar To, long double V, long double &Out) {
  if (isFloating(From) && isInteger(To)) {
    long double T = std::trunc(V);
    if (!std::isfinite(V) || !fits(To, T))
      return ArithError::NotInteger;
    Out = T;
    return ArithError::None;
  }
  Out = roundTo(To, V);
  return ArithError::None;
}

long double math(Scalar S, MathFn Fn, long double A, long double B,
                 long double C) {
  switch (S) {
  case Scalar::Float32:
    return mathIn<float>(Fn, static_cast<float>(A), static_cast<float>(B),
                         static_cast<float>(C));
  case Scalar::Float64:
    return mathIn<double>(Fn, static_cast<double>(A), static_cast<double>(B),
                          static_cast<double>(C));
  default:
    return mathIn<long double>(Fn, A, B, C);
  }
}

bool compare(CmpPred P, long double A, long double B) {
  switch (P) {
  case CmpPred::LT:
    return A < B;
  case CmpPred::LE:
    return A <= B;
  case CmpPred::GT:
    return A > B;
  case CmpPred::GE:
    return A >= B;
  case CmpPred::EQ:
    return A == B;
  case CmpPred::NE:
    return A != B;
  }
  return false;
}

namespace {

template <typename T>
std::optional<long double> classify(std::string_view Name, T X) {
  if (Name == "isnan")
    return std::isnan(X);
  if (Name == "isinf")
    return std::isinf(X);
  if (Name == "isfinite")
    return std::isfinite(X);
  if (Name == "isnormal")
    return std::isnormal(X);
  if (Name == "signbit")
    return std::signbit(X);
  if (Name == "fpclassify")
    return std::fpclassify(X);
  return std::nullopt;
}

} // namespace

std::optional<long double> libraryCall(std::string_view Name, Scalar S,
                                       long double A) {
  if (Name.substr(0, 5) != "std::")
    return std::nullopt;
  Name.remove_prefix(5);
  // In the argument's own type: a double below DBL_MIN is not normal,
  // however normal it is as a long double.
  switch (S) {
  case Scalar::Float32:
    return classify(Name, static_cast<float>(A));
  case Scalar::Float64:
    return classify(Name, static_cast<double>(A));
  case Scalar::Float80:
    return classify(Name, A);
  default:
    return std::nullopt;
  }
}

} // namespace gradc::eval
