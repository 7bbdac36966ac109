//===- Arith.h - Scalar operations as compiled code does them ---*- C++ -*-===//
//
// Every number is held as a long double, but each operation is done in the
// type of its op (a float op rounds to float, an i32 op wraps or overflows
// as an int does), so that the interpreter is a reference for compiled code.
// What is undefined behaviour in C++ (signed overflow, integer division by
// zero, a float converted to an integer it does not fit) is an error here,
// never a trap or a guess.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_LIB_EVAL_ARITH_H
#define GRADC_LIB_EVAL_ARITH_H

#include "gradc/IR/Function.h"

#include <string_view>

#include <optional>

namespace gradc::eval {

enum class ArithError {
  None,
  DivByZero,     ///< Integer division or remainder by zero.
  Overflow,      ///< Signed integer overflow (INT_MIN / -1 included).
  NotInteger,    ///< A float converted to an integer type it does not fit.
  BadShift,      ///< A shift by a negative count, or by the width or more.
  NegativeShift, ///< A negative value shifted left (before C++20).
};

/// "integer division by zero", ...
const char *describe(ArithError E);

/// a <op> b for Add, Sub, Mul, Div, Rem in type S. Unsigned types wrap, as
/// in C++.
ArithError arith(ir::OpCode Code, ir::Scalar S, long double A, long double B,
                 long double &Out);

/// a & b, a | b, a ^ b, a << b, a >> b, or ~a (Code; b ignored) in the
/// integer type S, as C++17 does them.
ArithError bits(ir::OpCode Code, ir::Scalar S, long double A, long double B,
                long double &Out);

/// -a in type S.
ArithError negate(ir::Scalar S, long double A, long double &Out);

/// A value of type From converted to type To, as static_cast does.
ArithError convert(ir::Scalar From, ir::Scalar To, long double V,
                   long double &Out);

/// A math function in the precision of S, through the <cmath> overloads
/// that generated code calls.
/// Arguments beyond the function's arity are ignored.
long double math(ir::Scalar S, ir::MathFn Fn, long double A, long double B = 0,
                 long double C = 0);

bool compare(ir::CmpPred P, long double A, long double B);

/// A library function that generated code calls by name and that carries
/// no derivative (`std::isnan`, `std::signbit`, `std::lround`, ...), on an
/// argument of type S; nullopt for a function this table does not know.
std::optional<long double> libraryCall(std::string_view Name, ir::Scalar S,
                                       long double A);

} // namespace gradc::eval

#endif // GRADC_LIB_EVAL_ARITH_H
