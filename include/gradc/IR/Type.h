//===- Type.h - Types of IR values ------------------------------*- C++ -*-===//
//
// A deliberately small type system: the scalar types of numerical C++ code,
// and references / pointers to them (adjoint parameters, later arrays).
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_IR_TYPE_H
#define GRADC_IR_TYPE_H

#include <cstdint>
#include <string>

namespace gradc::ir {

enum class Scalar : std::uint8_t {
  Bool,
  Int8,
  UInt8,
  Int16,
  UInt16,
  Int32,
  UInt32,
  Int64,
  UInt64,
  Float32,
  Float64,
  Float80,
};

bool isFloating(Scalar S);
bool isInteger(Scalar S);
/// The width of an integer type in bits (1 for bool).
unsigned intBits(Scalar S);
bool isSignedInt(Scalar S);
/// The IR spelling: "f64", "i32", ...
const char *scalarName(Scalar S);

/// The C++ name a scalar type is written under when it is not the one its
/// Scalar prints by default (`long` beside `long long`, `std::int64_t`,
/// `char`, an enum `geo::Kind`): an index into a table of names, 0 for the
/// default. Generated code must declare what the user declared, or a
/// template call (`std::min(k, n)`) deduces two types.
using TypeName = std::uint16_t;
/// The index of Name (made once per process); 0 for "".
TypeName internTypeName(const std::string &Name);
/// The name of index N ("" for 0).
const std::string &typeNameOf(TypeName N);

class Type {
public:
  enum Kind : std::uint8_t { Void, Value, Ref, Ptr, Tape };

  constexpr Type() = default;
  static constexpr Type voidTy() { return Type(Void, Scalar::Float64, false); }
  static constexpr Type scalar(Scalar S) { return Type(Value, S, false); }
  static constexpr Type ref(Scalar S, bool Const = false) {
    return Type(Ref, S, Const);
  }
  static constexpr Type ptr(Scalar S, bool Const = false) {
    return Type(Ptr, S, Const);
  }
  static constexpr Type tape(Scalar S) { return Type(Tape, S, false); }
  /// A tape of values of type T (of its name too).
  static constexpr Type tapeOf(Type T) {
    return Type(Tape, T.S, false).named(T.Name);
  }
  /// This type under the C++ name N; equality ignores names.
  constexpr Type named(TypeName N) const {
    Type T = *this;
    T.Name = N;
    return T;
  }
  /// The scalar this type holds or points at, with its name.
  constexpr Type element() const { return Type(Value, S, false).named(Name); }
  static constexpr Type f64() { return scalar(Scalar::Float64); }
  static constexpr Type boolTy() { return scalar(Scalar::Bool); }

  Kind kind() const { return K; }
  /// For a value type, its scalar; for a reference or pointer, the pointee.
  Scalar scalarKind() const { return S; }
  TypeName name() const { return Name; }
  bool isConstPointee() const { return ConstPointee; }

  bool isVoid() const { return K == Void; }
  bool isScalar() const { return K == Value; }
  bool isFloating() const { return K == Value && gradc::ir::isFloating(S); }
  bool isInteger() const { return K == Value && gradc::ir::isInteger(S); }
  bool isBool() const { return K == Value && S == Scalar::Bool; }
  bool isMemory() const { return K == Ref || K == Ptr; }
  bool isTape() const { return K == Tape; }

  /// "f64", "ref f64", "ptr const f64", "void".
  std::string str() const;

  friend bool operator==(Type A, Type B) {
    return A.K == B.K &&
           (A.K == Void || (A.S == B.S && A.ConstPointee == B.ConstPointee));
  }
  friend bool operator!=(Type A, Type B) { return !(A == B); }

private:
  constexpr Type(Kind K, Scalar S, bool C) : K(K), S(S), ConstPointee(C) {}
  Kind K = Void;
  Scalar S = Scalar::Float64;
  bool ConstPointee = false;
  TypeName Name = 0;
};

} // namespace gradc::ir

#endif // GRADC_IR_TYPE_H
