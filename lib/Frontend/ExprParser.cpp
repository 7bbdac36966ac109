//===- ExprParser.cpp - The expression language (Boost.Spirit X3) ---------===//
//
// A stub while the grammar is written: every text is an error.
//
//===----------------------------------------------------------------------===//
#include "gradc/Frontend/Expr.h"

using namespace gradc;

std::variant<std::unique_ptr<ir::Function>, expr::ExprError>
expr::parseExpr(std::string_view Text) {
  (void)Text;
  return ExprError{0, "the expression language is not implemented yet"};
}

std::string expr::renderError(std::string_view Text, const ExprError &E) {
  std::string Column(E.Column, ' ');
  return E.Message + "\n  " + std::string(Text) + "\n  " + Column + "^\n";
}
