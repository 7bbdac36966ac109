//===- At.h - `gradc --at`: a computation worked through --------*- C++ -*-===//
#ifndef GRADC_TOOLS_AT_H
#define GRADC_TOOLS_AT_H

#include "gradc/Frontend/ClangFrontend.h"

#include <map>
#include <string>
#include <vector>

namespace gradc::tool {

/// The request `--function` names, or the only one. Null, with Error set,
/// when there is none or the choice is ambiguous.
const frontend::Request *
chooseRequest(const std::vector<frontend::Request> &Requests,
              const std::string &Function, std::string &Error);

/// A function's computation on concrete inputs, as rows of a table: each
/// named value with the number it takes and, where it has one, the
/// gradient of the result (or, for a function with out parameters, of the
/// seeded sum of its outputs) with respect to it.
struct Worked {
  struct Number {
    long double Value = 0;
    bool HasGrad = false;
    long double Grad = 0;
  };
  struct Row {
    std::string Where; ///< "param", "out" or the source line.
    std::string Name;  ///< "x", "w[0]".
    ir::Scalar Ty = ir::Scalar::Float64;
    Number N;
    /// Printed in place of the gradient: "(passive)", "(last iteration)".
    std::string Note;
    /// For "param" and "out" rows: the primal's parameter and the element
    /// of it (0 for a scalar), so that --check can perturb or read it.
    int Param = -1;
    size_t Element = 0;
    /// The value is text's number (gradc/IR/Text.h), shown as the text.
    bool Text = false;
  };
  const ir::Function *Primal = nullptr;
  std::string Call;   ///< "x = 3, w = [2, -3, -3]"
  std::string Result; ///< "1.54", or "err = [0.5, -1]" for out parameters.
  std::string Seeds;  ///< "derr = [1, 1] (default: ones)", if any.
  std::string GradOf; ///< Head of the gradient column: "df/d(variable)".
  std::vector<Row> Rows;
  std::vector<std::string> Footer;
  /// Scalar values of the primal, for the pictures' labels.
  std::map<const ir::Value *, Number> Numbers;
};

/// Runs R's gradient (or, for out parameters, its pullback) in the
/// interpreter at `x=3,w=[2,-3,-3]`. False with Error set on malformed or
/// missing inputs, or when the run fails (an index out of bounds, ...).
bool workThrough(const frontend::Request &R, const std::string &At, Worked &Out,
                 std::string &Error);

/// A number as gradc prints it: the shortest form that reads back exactly.
std::string printNumber(ir::Scalar S, long double V);

/// The table `--at` prints.
std::string renderTable(const Worked &W);

} // namespace gradc::tool

#endif // GRADC_TOOLS_AT_H
