//===- ExprAst.h - The parsed form of the expression language ---*- C++ -*-===//
//
// What the grammar (ExprParser.cpp) builds and the lowering
// (ExprLowering.cpp) reads. Kept apart so that the grammar checks only
// syntax and the lowering only meaning (names, functions, arities): each
// file is small, and the lowering can report errors in source order.
//
// Columns are 0-based offsets into the text, as in ExprError.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_LIB_FRONTEND_EXPRAST_H
#define GRADC_LIB_FRONTEND_EXPRAST_H

#include "gradc/Frontend/Expr.h"

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace gradc::expr::ast {

/// Deeper expressions are refused (by the grammar and by the node builder)
/// so that no recursion, here or downstream, can exhaust the stack.
constexpr unsigned MaxDepth = 200;

struct Node {
  enum Kind { Number, Var, Neg, Plus, Binary, Call };
  Kind K = Number;
  unsigned Col = 0;      ///< Where the expression starts.
  unsigned OpCol = 0;    ///< Binary: the operator; Call: the function name.
  char Op = 0;           ///< Binary: one of + - * / ^.
  std::string Text;      ///< Number: its spelling; Var and Call: the name.
  double Val = 0;        ///< Number: its value.
  std::vector<int> Kids; ///< Operands or arguments, as indices into Nodes.
  unsigned Depth = 1;    ///< Nodes on the longest path down from here.
};

struct Ident {
  std::string Name;
  unsigned Col = 0;
};

struct Stmt {
  enum Kind { Assign, Return, Bare };
  Kind K = Bare;
  Ident Target; ///< Assign: the variable.
  int Expr = -1;
  unsigned Begin = 0, End = 0; ///< The statement's text.
};

struct Program {
  Ident Name;
  std::vector<Ident> Params;
  std::vector<Stmt> Body;
  unsigned BodyEnd = 0; ///< Just after the last statement.
  std::vector<Node> Nodes;
};

/// The grammar alone: any text that is not a syntax error gives a Program.
std::variant<Program, ExprError> parse(std::string_view Text);

/// Checks names, functions and arities, and builds the IR.
std::variant<std::unique_ptr<ir::Function>, ExprError>
lower(const Program &P, std::string_view Text);

} // namespace gradc::expr::ast

#endif // GRADC_LIB_FRONTEND_EXPRAST_H
