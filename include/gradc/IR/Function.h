//===- Function.h - The SSA graph of one function ---------------*- C++ -*-===//
//
// Every op is a Value (as in LLVM, an instruction is its own result). Ops
// carry the source name of the variable they define, if any, and the source
// statement they come from, so that emitters can keep the user's names and
// point back at the user's lines. Control flow is structured, as in MLIR's
// scf: a Block is a list of ops, and If and Loop own nested Blocks (regions),
// so that emitters give back the user's own loops and branches. Memory
// (pointer parameters, local variables assigned inside loops or branches,
// local arrays) is reached through Load and Store; everything else is SSA.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_IR_FUNCTION_H
#define GRADC_IR_FUNCTION_H

#include "gradc/IR/MathFunctions.h"
#include "gradc/IR/Type.h"

#include <cstdint>
#include <deque>
#include <map>
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
  BitAnd, ///< a & b (integers only)
  BitOr,  ///< a | b
  BitXor, ///< a ^ b
  Shl,    ///< a << b (b of any integer type; the result has a's)
  Shr,    ///< a >> b
  BitNot, ///< ~a
  Call,   ///< A math function (see MathFn) of its operands.
  Cmp,    ///< a <pred> b, of type bool.
  Select, ///< c ? a : b
  And,    ///< a && b, of bools.
  Or,     ///< a || b, of bools.
  Not,    ///< !a, of a bool.
  AddTo,  ///< *operand0 += operand1, or operand0[operand2] += operand1.
  Note,   ///< A comment for readers (Value::Text). No operands, no result.
  Local,  ///< A local variable in memory; the result points at it. IVal is
          ///< its element count, 0 for a scalar, -1 when operand 0 gives it
          ///< (a std::vector). ZeroInit: declared zeroed (`double dh[32] =
          ///< {};`; with MemberDefaults, by gradc::zero).
          ///< Text: the C++ type of a struct, std::array or std::vector.
  Load,   ///< *operand0, or operand0[operand1].
  Store,  ///< *operand0 = operand1, or operand0[operand2] = operand1.
  Offset, ///< operand0 + operand1: a pointer into the same memory.
  Size,   ///< The number of elements of the std::vector parameter
          ///< operand 0 (`x.size()`); of a std::vector of std::vector
          ///< (Param::VectorRows), its rows (Text "rows") or the length
          ///< of each (Text "cols").
  Field,  ///< A member of a record (a struct held as its scalars, in
          ///< order): operand 0 points at the record or, with operand 1,
          ///< at an array of records of Stride scalars each, of which
          ///< operand 1 is the element. The result points IVal scalars
          ///< into that record. Text: the member's name.
  If,     ///< if (operand0) Regions[Then] else Regions[Else].
  Loop,   ///< A loop of kind LoopKind(IVal) with regions Init, Cond, Body,
          ///< Step (as a C++ for statement; While and DoWhile leave Init and
          ///< Step empty).
  Yield,  ///< Ends a Cond region: operand 0 is the loop's condition.
  Break,
  Continue,
  Invoke,    ///< A call of a function of the user's (Callee, spelled Text);
             ///< operands: one per parameter, a pointer for a pointer, array
             ///< or non-const reference parameter. Callee null: a function
             ///< gradc cannot see into, called as is.
  Tape,      ///< A tape of scalars (gradc::tape<T>); values overwritten in the
             ///< forward sweep that the backward sweep still needs.
  Push,      ///< Pushes operand 1 onto tape operand 0; IVal 1: into space
             ///< that a Reserve made (no check, no growth).
  Pop,       ///< Pops the last value pushed onto tape operand 0.
  Reserve,   ///< Makes room for operand 1 more pushes on tape operand 0.
  PushArray, ///< Pushes operand 2 elements from pointer operand 1 onto tape
             ///< operand 0 (the contents of a local array a call read).
  PopArray,  ///< Pops operand 2 elements into pointer operand 1, in order.
  Return,    ///< Returns operand 0, or nothing. Last op of the body.
  Throw,     ///< Leaves by throwing an exception of C++ type Text (empty:
             ///< the one argument itself) made from ThrowArgs; its
             ///< operands are the arguments that are values.
};

enum class LoopKind : std::uint8_t { For, While, DoWhile };

/// What a record's member (a Field) holds, which decides how C++ names it:
/// `c.f` is a scalar, `c.r` an array (a pointer where one is wanted),
/// `c.in` a record, `c.cams` an array of records.
enum class MemberKind : std::uint8_t { Scalar, Array, Record, RecordArray };

/// Region indices of If and Loop.
enum RegionIndex : unsigned {
  Then = 0,
  Else = 1,
  Init = 0,
  Cond = 1,
  LoopBody = 2,
  Step = 3,
};

/// Whether Name is a C++ keyword that a generated name can become: an
/// adjoint is "d" + a name, and `o` gives `do`.
bool isMadeKeyword(const std::string &Name);

/// The C++ symbol of a binary arithmetic or bitwise op ("+", "-", "*", "/",
/// "%", "&", "|", "^", "<<", ">>").
const char *binarySymbol(OpCode C);
/// What an unnamed result of an arithmetic op is called ("sum", "diff",
/// "prod", "quot", "neg", "conv"), or null for other ops.
const char *resultWord(OpCode C);
/// Whether C is one of the integer bit operations (& | ^ << >> ~).
bool isBitwise(OpCode C);

enum class CmpPred : std::uint8_t { LT, LE, GT, GE, EQ, NE };
const char *cmpPredName(CmpPred P);   ///< "lt", ...
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
  /// The helper whose statement this is, when its body was written inline
  /// into the function (its names are the helper's); empty otherwise.
  std::string Inside;
};

class Value;
class Function;

/// A private (or protected) data member, which generated code reaches
/// through an accessor of its own, `gradc_private::Particle_x_(p)`, since
/// it is written outside the class (<gradc/gradc.h> says how).
struct PrivateMember {
  std::string Accessor; ///< "Particle_x_"
  std::string Class;    ///< The class, in full ("phys::Particle").
  std::string Name;     ///< "x_"
  std::string Type;     ///< The member's type, in full ("double[3]").
};

struct Block {
  std::vector<Value *> Ops;
};

/// A class declared inside a function's body (`struct Acc { double s = 0;
/// };`): generated code cannot name it outside that function, so each
/// generated function that names it defines it first, as written.
struct LocalType {
  std::string Name;       ///< "Acc"
  std::string Definition; ///< "struct Acc { double s = 0; };"
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
  double FVal = 0;       ///< Const of floating type.
  std::int64_t IVal = 0; ///< Const of integer or bool type.
  std::string Text;      ///< Const: source spelling (may be empty); Note: text.
  MathFn Fn = MathFn::Exp;
  CmpPred Pred = CmpPred::LT;
  bool ZeroInit = false; ///< Local: declared zeroed.
  /// Local of a struct type with floating-point default member
  /// initializers: zeroed by gradc::zero, since `T v{}` would run them.
  bool MemberDefaults = false;
  /// Local of a struct type without a default constructor gradc may use
  /// (none, or one of the user's): declared by gradc::zero even when the
  /// code fills it, since `T v;` would not compile or would run that code.
  bool NoDefault = false;
  /// A value of a branch (outside loops) that later code reads after the
  /// branch has ended: its variable is declared before the statement of
  /// the body that holds it, and assigned where the value is computed
  /// (a local array or struct: declared there, in place of its own
  /// declaration).
  bool Kept = false;
  const Function *Callee = nullptr; ///< Invoke: the function called.
  /// Invoke: the arguments' types choose what runs (a template's instance,
  /// one of overloads): a constant is written as a literal of its type
  /// (`3.0` for `double c = 3;`), not as the user spelled it.
  bool TypedArgs = false;
  MemberKind Member = MemberKind::Scalar; ///< Field: what it designates.
  std::int64_t Stride = 0; ///< Field: scalars per record of the array.
  bool Arrow = false;      ///< Field: reached with `->` (from a pointer).
  /// Field: the real (Text "real") or imaginary ("imag") part of a
  /// std::complex, read `z.real()` and written through `gradc::re(z)`.
  bool ComplexPart = false;
  /// Field: a std::array member, `b.x.data()` where a pointer is wanted.
  bool StdArray = false;
  /// Local: an array of arrays (`double A[3][4]`), flat in the IR as a
  /// parameter `double m[][4]` is: the sizes after the first ({4}), so
  /// that generated code declares and indexes it with its shape.
  std::vector<std::int64_t> RowDims;
  /// Throw: the exception's arguments, each a C++ string literal as
  /// spelled or, when empty, the next operand.
  std::vector<std::string> ThrowArgs;
  /// Field: a member the class keeps private, or null.
  std::shared_ptr<const PrivateMember> Private;
  /// Nested blocks of If (Then, Else) and Loop (Init, Cond, LoopBody, Step).
  std::vector<Block> Regions;

  unsigned Id = 0; ///< Unique within the function; stable across printing.

  bool hasResult() const {
    switch (Code) {
    case OpCode::AddTo:
    case OpCode::Note:
    case OpCode::Store:
    case OpCode::If:
    case OpCode::Loop:
    case OpCode::Yield:
    case OpCode::Break:
    case OpCode::Continue:
    case OpCode::Push:
    case OpCode::Reserve:
    case OpCode::PushArray:
    case OpCode::PopArray:
    case OpCode::Return:
    case OpCode::Throw:
      return false;
    case OpCode::Invoke:
      return !Ty.isVoid();
    default:
      return true;
    }
  }
  /// Ops that change memory or control flow, or say something: never
  /// removed as dead, never moved across.
  bool hasEffect() const {
    return !hasResult() || Code == OpCode::Pop ||
           (Code == OpCode::Invoke && (invokeWrites() || invokeThrows()));
  }
  /// An Invoke that may write memory: through a pointer to non-const (any
  /// pointer, when gradc cannot see the callee; and a void function gradc
  /// cannot see is called for what it does).
  bool invokeWrites() const;
  /// An Invoke of a function whose body (or a callee's) may throw: kept
  /// where it is, so that the generated code throws where the user's does.
  bool invokeThrows() const;
  /// An Invoke that may write through its argument I: a pointer to
  /// non-const in the callee's signature (any pointer, when gradc cannot
  /// see the callee).
  bool writesArg(unsigned I) const;
  bool isRegionOp() const { return Code == OpCode::If || Code == OpCode::Loop; }
  LoopKind loopKind() const { return static_cast<LoopKind>(IVal); }
  /// Load, Store and AddTo: the index operand, or null for *p; Field: the
  /// element of an array of records, or null.
  Value *index() const {
    if (Code == OpCode::Field)
      return Operands.size() > 1 ? Operands[1] : nullptr;
    unsigned I = Code == OpCode::Load ? 1 : 2;
    return Operands.size() > I ? Operands[I] : nullptr;
  }
  bool isConst() const { return Code == OpCode::Const; }
  /// The numeric value of a constant, whatever its type.
  double constValue() const {
    return Ty.isFloating() ? FVal : static_cast<double>(IVal);
  }
  bool isConstValue(double V) const { return isConst() && constValue() == V; }
};

/// A parameter is declared as Spelling + name + Suffix, so that every C++
/// declarator can be written back: `const double &x` (Spelling "const double
/// &"), `const double *w` ("const double *"), `double w[]` ("double", "[]"),
/// `double (&w)[3]` ("double (&", ")[3]"). Without a name: Spelling + Suffix.
struct Param {
  Value *V = nullptr;
  /// The C++ type as the user spelled it, up to the name, for signatures.
  std::string Spelling;
  /// What follows the name: an array declarator ("[]", "[3]", ")[3]").
  std::string Suffix;
  /// An array of arrays (`double m[][3]`, `double (*m)[3]`, `double
  /// m[2][3][4]`): the sizes of its dimensions after the first ({3},
  /// {3, 4}). The IR indexes it flat, in row-major order (`m[i][j]` is
  /// element `i * 3 + j`); the emitter prints the subscripts back.
  std::vector<std::int64_t> RowDims;
  /// A std::vector of std::vector of numbers (`const std::vector<std::
  /// vector<double>> &X`), which gradc takes to be a matrix: every row as
  /// long as the first (generated code checks it, `gradc::cols(X)`). The
  /// IR indexes it flat, `X[i][j]` is element `i * cols + j` with cols a
  /// Size op (Text "cols"), and the emitter prints the subscripts back.
  bool VectorRows = false;
  /// A record parameter (a pointer to its scalars in the IR): the C++
  /// name of its type ("Camera"), to declare its adjoint the same way.
  std::string Record;
  bool RecordPtr = false; ///< Passed as `Camera *`, not `Camera &`.
  /// Record is a std::array or std::vector (`x[i]`, `x.data()`), not a
  /// struct.
  bool Container = false;
  /// A struct: the type and name of each of its scalars, in order
  /// (`.r[0]`, ..., `.f`), for checking and showing values.
  std::vector<Scalar> Elements;
  std::vector<std::string> ElementNames;
  /// A member of a view struct parameter (`const Layer &L`: a struct of
  /// pointers and integers, which the IR holds as one parameter a member,
  /// named `L.W`): the name of the struct parameter (`L`) and its
  /// declaration up to the name ("const Layer &"). Consecutive parameters
  /// of one ViewName are declared, and passed, as the one struct.
  std::string ViewName;
  std::string ViewSpelling;
  /// Of a view that owns its members (`struct Layer {
  /// std::vector<double> W, b; int in; }`): the struct's type ("Layer"),
  /// which its adjoint is one of (`Layer &dL`, whose members are named
  /// `dL.W`), rather than one pointer a member.
  std::string ViewRecord;
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
  /// An instance of a function template: its template arguments as C++
  /// writes them ("<double>"); empty otherwise.
  std::string TemplateArgs;
  /// A member function: parameter 0 is the object (`self`), and a call
  /// is printed `obj.Text(...)`.
  bool Method = false;
  /// The C++ function returns a struct by value: its last parameter (a
  /// pointer to the struct's scalars, an output) stands for that value,
  /// and a call is printed `dest = f(...)` with dest that argument.
  bool ReturnsRecord = false;
  /// A pullback of a ReturnsRecord function that is not given the struct.
  bool DropsResult = false;
  /// A ReturnsRecord function returning a std::vector: the size of what it
  /// returns, an op of its body. A caller sizes the vector it gives the
  /// call by computing it again over its arguments, when it reads only
  /// parameters and constants.
  const Value *ResultCount = nullptr;
  /// A pullback that is also given what the function returned, after the
  /// function's parameters (its backward sweep reads it rather than
  /// computing it again: a sigmoid's pullback calls no exp).
  bool TakesResult = false;
  /// Only the signature is known: gradc cannot see into (or lower) the
  /// body, so it cannot run it either.
  bool Opaque = false;
  /// Made by the front end from a lambda's body: the user's code has no
  /// name for it, so generated code defines it (before its callers).
  bool Synthesized = false;
  /// A function working on a class declared inside a function (a member
  /// function of it, a template instance taking it): that class's name
  /// ("P"); empty otherwise. No generated function outside that function
  /// can name the class, so the front end writes this one's body where it
  /// is called, and no call of it is left in the IR.
  std::string LocalClass;
  bool writtenInline() const { return !LocalClass.empty(); }
  /// The header generated code includes to call it: gradc's own custom
  /// pullbacks ("gradc/std_pullbacks.h"); empty for the user's.
  std::string Header;
  /// Calls of functions gradc cannot see into and has no pullback of:
  /// what to write for one, should a derivative flow through the call.
  std::map<const Value *, std::string> CallAdvice;
  /// The classes its body declares, in source order (a later one may use
  /// an earlier one).
  std::vector<LocalType> LocalTypes;
  /// The user's own pullback of this function (GRADC_DIFF("custom")),
  /// called instead of one gradc would make.
  const Function *Custom = nullptr;
  /// Its body is being lowered, and a call in it reached the function
  /// itself (recursion): until it is done, it may write any pointer or
  /// reference it is given.
  bool Incomplete = false;

  /// Whether the function may write through its parameter I: one of
  /// pointer or reference to non-const type that its body writes (any
  /// such one, when the body is not known, is still being lowered, or a
  /// custom pullback stands for it). Recursive calls are followed once.
  bool writesParam(unsigned I) const;
  /// Whether the body, or a function it calls, has a Throw.
  bool mayThrow() const;
  /// Forgets what writesParam found: the body (of a function it calls)
  /// changed.
  void forgetWrites() const {
    ParamWritten.clear();
    ThrowsKnown = -1;
  }

  /// A new value owned by this function; not yet placed in any block.
  Value *create(OpCode Code, Type Ty, std::vector<Value *> Operands = {});
  /// Appends a new parameter.
  Value *addParam(const std::string &Name, Type Ty, std::string Spelling);
  unsigned numValues() const { return static_cast<unsigned>(Storage.size()); }

private:
  std::deque<std::unique_ptr<Value>> Storage;
  /// writesParam's answers: 1, 0, -1 not known, InProgress being found.
  mutable std::vector<signed char> ParamWritten;
  static constexpr signed char InProgress = -2;
  /// mayThrow's answer: 1, 0, -1 not known.
  mutable signed char ThrowsKnown = -1;
};

} // namespace gradc::ir

#endif // GRADC_IR_FUNCTION_H
