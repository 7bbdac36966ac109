//===- MathFunctions.h - The math functions gradc knows ---------*- C++ -*-===//
//
// Generated from MathFunctions.def, the one table of them.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_IR_MATHFUNCTIONS_H
#define GRADC_IR_MATHFUNCTIONS_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gradc::ir {

/// The math functions the IR knows. The spelling of the user's call is kept
/// (fmax and std::max are distinct) so that generated code reads like theirs.
enum class MathFn : std::uint8_t {
#define GRADC_MATH_FN(Id, Name, Arity, Kind, Callee) Id,
#include "gradc/IR/MathFunctions.def"
};

constexpr unsigned NumMathFns = 0
#define GRADC_MATH_FN(Id, Name, Arity, Kind, Callee) +1
#include "gradc/IR/MathFunctions.def"
    ;

/// How a user names a math function (see MathFunctions.def).
enum class MathKind : std::uint8_t { Cmath, Std, StdAlgorithm, Runtime };

/// "exp", ..., "max" (for StdMax), "abs" (for StdAbs).
const char *mathFnName(MathFn F);
/// Number of arguments of F.
unsigned mathFnArity(MathFn F);
MathKind mathFnKind(MathFn F);
/// What generated code calls: "std::exp", "std::max".
const char *mathFnCallee(MathFn F);
/// Whether F costs about what reading a saved value does (fabs, floor,
/// max): computing it again is then no dearer than keeping it.
bool isCheap(MathFn F);
/// True for the std:: templates/overloads (max, min, abs), which C++ spells
/// with the std:: prefix and which return exactly one of their arguments.
bool isStdFn(MathFn F);

/// The function a user's call of Name means: InStd when it is called as
/// std::Name, Name without its f / l suffix for the C forms. Of functions
/// of the same name, the one taking NumArgs arguments, else the first.
std::optional<MathFn> lookupMathFn(std::string_view Name, bool InStd,
                                   unsigned NumArgs);

/// The functions a user can call, for messages: "exp, log, ..., std::min
/// and std::abs".
std::string supportedMathFns();

} // namespace gradc::ir

#endif // GRADC_IR_MATHFUNCTIONS_H
