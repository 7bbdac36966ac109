//===- ExprPrinter.h - C++ expressions with minimal parentheses -----------===//
#ifndef GRADC_EMIT_EXPRPRINTER_H
#define GRADC_EMIT_EXPRPRINTER_H

#include "Naming.h"

#include <cstdint>
#include <string>
#include <vector>

namespace gradc::emit {

/// Prints the expression computing a value: its variable if it has one,
/// else its operation over its operands, recursively. Parentheses appear
/// only where C++ precedence needs them; evaluation order is kept exactly
/// (a + (b + c) keeps its parentheses: floating-point addition does not
/// associate).
class ExprPrinter {
public:
  /// Params: the parameters of the function printed (how a record
  /// parameter is passed decides how its members are named).
  ExprPrinter(const NamePlan &Plan, const std::vector<ir::Param> &Params)
      : Plan(Plan), Params(Params) {}

  /// The value as a full expression (an argument, a condition).
  std::string print(const ir::Value *V) const;
  /// A condition (of an if, a loop, `?:`, `&&`, `||`, `!`): an integer
  /// converted to bool implicitly is written as it is (`if (n & 1)`), as
  /// C++ converts it there by itself.
  std::string condition(const ir::Value *V) const;
  /// The value stored into a variable of its own type (an initializer, a
  /// return value, `+=`): an implicit conversion stays implicit.
  std::string printStored(const ir::Value *V) const;
  /// The expression that defines V, even when V has a variable.
  std::string printDefinition(const ir::Value *V) const;
  /// Printing the call that declares the vector it returns into
  /// (`std::vector<double> h = f(x);`), not one refilling it.
  bool Declaring = false;
  /// The element *Ptr or Ptr[Index] as an lvalue: `s`, `w[i]`, `*p`.
  std::string lvalue(const ir::Value *Ptr, const ir::Value *Index) const;
  /// The record a record-valued pointer designates, as C++ names it:
  /// `cam`, `cams[i]`, `s.inner`, `*p`.
  std::string object(const ir::Value *Ptr) const;
  /// Ptr as a pointer to its scalars, for copying it whole: `a`, or
  /// `&m[0][0]` for an array of arrays (RowSubscripts.cpp).
  std::string flatPointer(const ir::Value *Ptr) const;
  /// The sizes of a local array as its declaration writes them: `[9]`,
  /// `[3][3]` (RowSubscripts.cpp).
  static std::string dimensions(const ir::Value &Local);

private:
  struct Printed {
    std::string Text;
    int Prec;
  };
  Printed expr(const ir::Value *V, bool Define = false) const;
  /// Sym (`!`, `~`) applied to Inner, parenthesized unless it binds as
  /// tightly.
  static Printed prefixed(const char *Sym, Printed Inner);
  /// An operand of a binary operator of precedence Prec.
  std::string operand(const ir::Value *Op, const ir::Value *Sibling, int Prec,
                      bool Right) const;
  /// Exact: keep the user's spelling only where its type is C's own.
  std::string literal(const ir::Value *C, bool BesideFloating,
                      bool Exact = false) const;
  bool bareCast(const ir::Value *V) const;
  /// An implicit conversion of a narrower integer (`short`, `char`) to
  /// int, which C++ does by itself wherever it is read.
  bool promotion(const ir::Value *V) const;
  /// What V promotes, if it is a promotion; else V. Where a conversion
  /// is left to C++ (to floating, stored), so is the promotion under it.
  const ir::Value *unpromoted(const ir::Value *V) const;
  /// condition() as an operand: its text and precedence.
  Printed conditionExpr(const ir::Value *V) const;
  /// Whether the implicit integer conversion Op, beside Sibling in a binary
  /// operator, is what the usual arithmetic conversions do (Sibling has
  /// the type Op converts to).
  bool sameInteger(const ir::Value *Op, const ir::Value *Sibling) const;
  /// Argument I of the call V, as its parameter takes it.
  Printed argument(const ir::Value *V, size_t I) const;
  /// How many arguments of call V from I on are the members of one view
  /// parameter of the callee (0 if argument I is not one).
  size_t viewArgs(const ir::Value *V, size_t I) const;
  /// Those N arguments as the struct: the caller's own view parameter
  /// (`L`), or one made of them (`Layer{w, w + 6, 2, 3}`).
  std::string viewArgument(const ir::Value *V, size_t I, size_t N) const;
  /// A call of an operator of the user's own, as an operator: `a + b`,
  /// `-a`, `m(i, j)`, `c = a * s` (Returns: the struct goes into c).
  Printed invokeOperator(const ir::Value *V, bool Returns) const;
  /// The member a Field designates: `cam.f`, `cams[i].r`, `p->f`.
  std::string member(const ir::Value *F) const;
  /// A part of a std::complex as a place: `gradc::re(z)`.
  std::string complexPart(const ir::Value *F) const;
  /// The private member F of Object, through its accessor.
  std::string privateMember(const ir::Value *F,
                            const std::string &Object) const;
  /// How a member of the struct Base points at is reached: `cam.`, `p->`.
  std::string access(const ir::Value *Base, bool Arrow) const;
  /// The parameter V is, or null.
  const ir::Param *paramOf(const ir::Value *V) const;
  /// The sizes after the first of the array of arrays Ptr is (a parameter
  /// `double m[][3]`, a local `double A[3][3]`, their adjoints), or null
  /// (RowSubscripts.cpp).
  const std::vector<std::int64_t> *rowDims(const ir::Value *Ptr) const;
  /// Element Index (null: 0) of the array of arrays Ptr, `m[i][j]`; with
  /// AsPointer its address: the row `m[i]` where it starts one (j is 0,
  /// or WholeRow says so), else `&m[i][j]`.
  std::string rowElement(const ir::Value *Ptr, const ir::Value *Index,
                         bool AsPointer, bool WholeRow = false) const;
  /// Element Index of a std::vector of std::vector parameter,
  /// `X[i][j]` for an index `i * X_cols + j` (RowSubscripts.cpp).
  std::string vectorRowElement(const ir::Value *Ptr,
                               const ir::Value *Index) const;
  /// The subscripts of Index computed with `/` and `%`.
  std::vector<std::string> divided(const ir::Value *Index,
                                   const std::vector<std::int64_t> &Dims) const;
  /// Whether V is a std::array or std::vector (local or parameter).
  bool isContainer(const ir::Value *V) const;
  /// Whether V is a struct C++ names as an object (a local, a parameter
  /// passed by value or reference), not a pointer to it.
  bool isObject(const ir::Value *V) const;

  const NamePlan &Plan;
  const std::vector<ir::Param> &Params;
};

} // namespace gradc::emit

#endif // GRADC_EMIT_EXPRPRINTER_H
