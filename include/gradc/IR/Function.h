//===- Function.h - The SSA graph of one function ---------------*- C++ -*-===//
//
// Every op is a Value (as in LLVM, an instruction is its own result). Ops
// carry the source name of the variable they define, if any, and the source
// statement they come from, so that emitters can keep the user's names and
// point back at the user's lines. Control flow is structured: a Block is a
// list of ops; later constructs (if, for) will own nested Blocks.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_IR_FUNCTION_H
#define GRADC_IR_FUNCTION_H

#include "gradc/IR/Type.h"

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace gradc::ir {

enum class OpCode : std::uint8_t {
  Param,  ///< A function parameter; lives in Function::Params, not a block.
  Const,  ///< A literal.
  Cast,   ///< Conversion of operand 0 to the result type.
  Copy,   ///< Operand 0 under another name.
  Neg,    ///< -a
  Add,    ///< a + b
  Sub,    ///< a - b
  Mul,    ///< a * b
  Div,    ///< a / b
  Rem,    ///< a % b (integers only)
  Call,   ///< A math function (see MathFn) of its operands.
  Cmp,    ///< a <pred> b, of type bool.
  Select, ///< c ? a : b
  AddTo,  ///< *operand0 += operand1. No result.
  Note,   ///< A comment for readers (Value::Text). No operands, no result.
  Return, ///< Returns operand 0, or nothing. Last op of the body.
};

/// The math functions the IR knows. The spelling of the user's call is kept
/// (fmax and std::max are distinct) so that generated code reads like theirs.
enum class MathFn : std::uint8_t {
  Exp, Log, Log10, Log2, Log1p, Expm1, Sqrt, Cbrt, Pow,
  Sin, Cos, Tan, Asin, Acos, Atan, Atan2, Sinh, Cosh, Tanh,
  Fabs, Fmax, Fmin, Hypot, Erf,
  StdMax, StdMin, StdAbs,
};

/// "exp", ..., "max" (for StdMax), "abs" (for StdAbs).
const char *mathFnName(MathFn F);
/// Number of arguments of F.
unsigned mathFnArity(MathFn F);
/// True for the std:: templates/overloads (max, min, abs), which C++ spells
/// with the std:: prefix and which return exactly one of their arguments.
bool isStdFn(MathFn F);

/// The C++ symbol of a binary arithmetic op ("+", "-", "*", "/", "%").
const char *binarySymbol(OpCode C);

enum class CmpPred : std::uint8_t { LT, LE, GT, GE, EQ, NE };
const char *cmpPredName(CmpPred P); ///< "lt", ...
const char *cmpPredSymbol(CmpPred P); ///< "<", ...

struct SourceLoc {
  unsigned Line = 0;
  unsigned Col = 0;
  bool isValid() const { return Line != 0; }
};

/// A source statement of the function: what a reader sees in their editor.
struct Statement {
  SourceLoc Loc;
  std::string Text; ///< The statement's source text on one line.
};

class Value {
public:
  OpCode Code;
  Type Ty;
  std::vector<Value *> Operands;

  /// The name of the source variable this value is (a version of), or a name
  /// chosen by a transform ("dnum"). Empty for temporaries.
  std::string Name;
  SourceLoc Loc;
  int Stmt = -1; ///< Index into Function::Stmts, or -1.

  // Attributes, by opcode.
  double FVal = 0;      ///< Const of floating type.
  std::int64_t IVal = 0; ///< Const of integer or bool type.
  std::string Text;     ///< Const: source spelling (may be empty); Note: text.
  MathFn Fn = MathFn::Exp;
  CmpPred Pred = CmpPred::LT;

  unsigned Id = 0; ///< Unique within the function; stable across printing.

  bool hasResult() const {
    return Code != OpCode::AddTo && Code != OpCode::Note &&
           Code != OpCode::Return;
  }
  bool isConst() const { return Code == OpCode::Const; }
  /// The numeric value of a constant, whatever its type.
  double constValue() const {
    return Ty.isFloating() ? FVal : static_cast<double>(IVal);
  }
  bool isConstValue(double V) const { return isConst() && constValue() == V; }
};

struct Block {
  std::vector<Value *> Ops;
};

struct Param {
  Value *V = nullptr;
  /// The C++ type as the user spelled it ("const double &"), for signatures.
  std::string Spelling;
};

class Function {
public:
  std::string Name;
  /// Enclosing namespaces, outermost first.
  std::vector<std::string> Namespaces;
  std::string File; ///< Source file the function was written in.
  SourceLoc Loc;
  Type RetTy = Type::voidTy();
  std::vector<Param> Params;
  Block Body;
  std::vector<Statement> Stmts;
  /// Lines of documentation for readers of generated code.
  std::vector<std::string> Doc;

  /// A new value owned by this function; not yet placed in any block.
  Value *create(OpCode Code, Type Ty, std::vector<Value *> Operands = {});
  /// Appends a new parameter.
  Value *addParam(const std::string &Name, Type Ty, std::string Spelling);
  unsigned numValues() const { return static_cast<unsigned>(Storage.size()); }

private:
  std::deque<std::unique_ptr<Value>> Storage;
};

} // namespace gradc::ir

#endif // GRADC_IR_FUNCTION_H
