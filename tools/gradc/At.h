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

/// A function's computation on concrete inputs: each value of its IR with
/// the number it takes and, where it has one, the gradient of the result
/// with respect to it.
struct Worked {
  struct Number {
    long double Value = 0;
    bool HasGrad = false;
    long double Grad = 0;
  };
  const ir::Function *Primal = nullptr;
  std::string Call; ///< "x = 3, y = -4"
  long double Result = 0;
  std::map<const ir::Value *, Number> Numbers;
};

/// Runs R's gradient in the interpreter at `x=3,y=-4`. False with Error
/// set on malformed or missing inputs.
bool workThrough(const frontend::Request &R, const std::string &At,
                 Worked &Out, std::string &Error);

/// A number as gradc prints it: the shortest form that reads back exactly.
std::string printNumber(ir::Scalar S, long double V);

/// The table `--at` prints: every named variable's value and gradient.
std::string renderTable(const Worked &W);

} // namespace gradc::tool

#endif // GRADC_TOOLS_AT_H
