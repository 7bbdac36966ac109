//===- Sequencing.h - Side effects C++ leaves unordered ---------*- C++ -*-===//
//
// Private to the Clang front end. gradc lowers an expression's side effects
// (`w[k++]`, `x = y = 0`) in one order; where C++ gives them none (`i++ +
// i`, `f(x) + x` with f taking `double &`), the program's meaning depends
// on its compiler, so gradc refuses it rather than pick one.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_LIB_FRONTEND_SEQUENCING_H
#define GRADC_LIB_FRONTEND_SEQUENCING_H

#include "clang/AST/Expr.h"

#include <optional>
#include <string>

namespace gradc::frontend {

/// What S itself assigns: the left side of an assignment (`=`, `+=`, ...)
/// or the operand of `++` / `--`; null for anything else.
const clang::Expr *assignedExpr(const clang::Stmt *S);
/// The first assignment, `++` or `--` in E (calls are not counted), or null.
const clang::Expr *findSideEffect(const clang::Expr *E);
/// The variable whose storage E designates: `x`, `w[i]`, `s.m`, `*p`,
/// `v[i]`; null for another expression.
const clang::VarDecl *baseVar(const clang::Expr *E);
inline bool hasSideEffect(const clang::Expr *E) {
  return findSideEffect(E) != nullptr;
}

struct OrderConflict {
  clang::SourceLocation Loc; ///< the change
  clang::SourceRange Range;
  std::string Name;              ///< the variable changed
  clang::SourceRange OtherRange; ///< the other access, unordered with it
  bool OtherWrites = false;      ///< which changes it too
};

/// A variable that one operand of an operator (or argument of a call) in
/// the full expression E changes while another operand, unordered with it,
/// reads or changes it. The operands of `,`, `&&`, `||` and `?:` are
/// ordered; with Cxx17 also those of an assignment (the value first), of
/// `<<`, `>>` and `a[b]` (left to right). A call writes through each
/// non-const reference or pointer argument. Only an expression with an
/// assignment, `++` or `--` is checked: calls alone are lowered left to
/// right, as before.
std::optional<OrderConflict> findOrderConflict(const clang::Expr *E,
                                               bool Cxx17);
/// Whether one side of the assignment `LHS = RHS` (or `op=`) changes what
/// the other uses, so that C++17's order (RHS first) must be kept.
bool valueBeforeTarget(const clang::Expr *LHS, const clang::Expr *RHS);
/// Whether Callee is one of the standard algorithms gradc follows that
/// only reads the ranges it is given (`std::max_element`, not `std::sort`),
/// although it takes them as non-const iterators (LoweringAlgorithm.cpp,
/// which holds the list).
bool onlyReadsRanges(const clang::FunctionDecl &Callee);

/// The name of the standard function CE calls, or "" (LoweringAlgorithm.cpp).
llvm::StringRef stdName(const clang::CallExpr *CE);

} // namespace gradc::frontend

#endif // GRADC_LIB_FRONTEND_SEQUENCING_H
