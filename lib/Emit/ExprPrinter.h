//===- ExprPrinter.h - C++ expressions with minimal parentheses -----------===//
#ifndef GRADC_EMIT_EXPRPRINTER_H
#define GRADC_EMIT_EXPRPRINTER_H

#include "Naming.h"

#include <string>

namespace gradc::emit {

/// Prints the expression computing a value: its variable if it has one,
/// else its operation over its operands, recursively. Parentheses appear
/// only where C++ precedence needs them; evaluation order is kept exactly
/// (a + (b + c) keeps its parentheses: floating-point addition does not
/// associate).
class ExprPrinter {
public:
  explicit ExprPrinter(const NamePlan &Plan) : Plan(Plan) {}

  /// The value as a full expression (an argument, a condition).
  std::string print(const ir::Value *V) const;
  /// The value stored into a variable of its own type (an initializer, a
  /// return value, `+=`): an implicit conversion stays implicit.
  std::string printStored(const ir::Value *V) const;
  /// The expression that defines V, even when V has a variable.
  std::string printDefinition(const ir::Value *V) const;
  /// The element *Ptr or Ptr[Index] as an lvalue: `s`, `w[i]`, `*p`.
  std::string lvalue(const ir::Value *Ptr, const ir::Value *Index) const;

private:
  struct Printed {
    std::string Text;
    int Prec;
  };
  Printed expr(const ir::Value *V, bool Define = false) const;
  /// An operand of a binary operator of precedence Prec.
  std::string operand(const ir::Value *Op, const ir::Value *Sibling, int Prec,
                      bool Right) const;
  std::string literal(const ir::Value *C, bool BesideFloating) const;
  bool bareCast(const ir::Value *V) const;

  const NamePlan &Plan;
};

} // namespace gradc::emit

#endif // GRADC_EMIT_EXPRPRINTER_H
