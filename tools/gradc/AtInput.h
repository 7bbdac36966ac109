//===- AtInput.h - The inputs `--at` is given -------------------*- C++ -*-===//
#ifndef GRADC_TOOLS_ATINPUT_H
#define GRADC_TOOLS_ATINPUT_H

#include <map>
#include <string>
#include <vector>

namespace gradc::tool {

/// One `name=...` of `--at`: a number, or a list `[2,-3,-3]`.
struct AtValue {
  bool IsList = false;
  std::vector<long double> Numbers; ///< One number unless IsList.
  /// A list of rows, `[[1,2],[3,4]]`: each row's length (Numbers holds
  /// them one after another).
  std::vector<size_t> RowLengths;
  /// Text in quotes, `kind="tanh"`: Numbers holds its number
  /// (ir::internText).
  bool IsText = false;
};

/// Parses "x=3,w=[2,-3,-3],X=[[1,2],[3,4]],n=3,kind=\"tanh\"" (spaces
/// allowed around items).
/// False with Error set on a malformed item or a name given twice.
bool parseAt(const std::string &At, std::map<std::string, AtValue> &Out,
             std::string &Error);

} // namespace gradc::tool

#endif // GRADC_TOOLS_ATINPUT_H
