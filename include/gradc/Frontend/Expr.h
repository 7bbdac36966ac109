//===- Expr.h - The expression language -------------------------*- C++ -*-===//
//
// `gradc --expr 'f(x, y) = (x + sigmoid(y)) / (sigmoid(x) + (x + y)^2)'`:
// a small math language for trying gradc without a C++ file. It lowers to
// the same IR as the Clang front end, so everything downstream (reverse
// mode, the emitters, the interpreter) works on it unchanged. The grammar
// (Boost.Spirit X3) is in ExprParser.cpp and docs/user-guide.md:
//
//   function  := ident "(" ident ("," ident)* ")" ("=" body | "{" body "}")
//   body      := (ident "=" expr ";")* ["return"] expr [";"]
//   expr      := term (("+" | "-") term)*
//   term      := unary (("*" | "/") unary)*
//   unary     := ("-" | "+") unary | power
//   power     := primary ["^" unary]          right-associative
//   primary   := number | ident "(" [expr ("," expr)*] ")" | ident
//              | "(" expr ")"
//
// Every parameter and value is a double; the gradient is taken with respect
// to every parameter. Columns are 0-based offsets into the text.
//
// No LLVM or Clang here: the library gradcExpr links only gradcIR, so that
// it can be fuzzed on its own.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_FRONTEND_EXPR_H
#define GRADC_FRONTEND_EXPR_H

#include "gradc/IR/Function.h"

#include <memory>
#include <string>
#include <string_view>
#include <variant>

namespace gradc::expr {

struct ExprError {
  unsigned Column = 0; ///< 0-based offset into the text.
  std::string Message;
};

/// Parses the expression language and lowers it to IR. Never throws.
std::variant<std::unique_ptr<ir::Function>, ExprError>
parseExpr(std::string_view Text);

/// The message, the expression and a caret under the column, each line
/// indented as in
///
///   gradc: error: unknown function 'sigmod'
///     f(x) = sigmod(x)
///            ^
///
/// (the "gradc: error: " prefix is the caller's). Ends with a newline.
std::string renderError(std::string_view Text, const ExprError &E);

} // namespace gradc::expr

#endif // GRADC_FRONTEND_EXPR_H
