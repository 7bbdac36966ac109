//===- Lowering.h - Clang AST of a function body to IR ----------*- C++ -*-===//
//
// Private to the Clang front end. ClangFrontend.cpp finds the annotated
// functions, checks their signatures and resolves their specs; Lowering.cpp
// turns a body into IR. Both report through the same Reporter, so that every
// problem reaches the user as a Clang diagnostic at their own source line.
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_LIB_FRONTEND_LOWERING_H
#define GRADC_LIB_FRONTEND_LOWERING_H

#include "gradc/IR/Function.h"

#include "clang/AST/OperationKinds.h"
#include "clang/AST/Type.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/ArrayRef.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CXXMethodDecl;
class FunctionDecl;
class LambdaExpr;
class VarDecl;
class Expr;
class QualType;
class SourceManager;
} // namespace clang

namespace clang {
class EnumConstantDecl;
} // namespace clang

namespace gradc::frontend {

/// Reports gradc's own diagnostics through the compilation's
/// DiagnosticsEngine, so that they look like any other Clang diagnostic
/// (file:line:col, source line, caret) and honour -Werror, -ferror-limit and
/// the like. A silent reporter only records that something went wrong; it is
/// used to lower a body a second time without repeating its diagnostics.
class Reporter {
public:
  explicit Reporter(clang::DiagnosticsEngine &Diags);

  void error(clang::SourceLocation Loc, const std::string &Msg,
             clang::SourceRange Range = {});
  void warning(clang::SourceLocation Loc, const std::string &Msg,
               clang::SourceRange Range = {});

  /// Errors reported so far (a silent reporter reports none), each time
  /// one is: a template's instances each fail.
  unsigned numErrors() const { return NumErrors; }
  /// Errors said so far: each message at its place once.
  unsigned numSaid() const { return NumSaid; }
  void setSilent(bool On) { Silent = On; }

private:
  clang::DiagnosticsEngine &Diags;
  unsigned ErrorID;
  unsigned WarningID;
  unsigned NumErrors = 0;
  unsigned NumSaid = 0;
  bool Silent = false;
  /// What was said where: each instance of a template (`sumsq<2>`,
  /// `sumsq<3>`) would say it again.
  std::set<std::pair<unsigned, std::string>> Said;
  bool saidBefore(clang::SourceLocation Loc, const std::string &Msg) {
    return !Said.emplace(Loc.getRawEncoding(), Msg).second;
  }
};

/// The IR scalar type of a C++ type (canonical and unqualified: float,
/// double, long double, bool, the integer types up to 64 bits, and enums
/// through their underlying type). std::nullopt for anything else.
std::optional<ir::Scalar> scalarTypeOf(clang::QualType T,
                                       const clang::ASTContext &Ctx);
/// The same as an IR type, with the C++ name generated code must write
/// it under (`long`, `std::int64_t`, an enum's qualified name); void for
/// a type that is not a scalar.
ir::Type scalarIRType(clang::QualType T, const clang::ASTContext &Ctx);
/// How generated code names an enumerator (`geo::Kind::Box`), or "" when
/// it cannot (an unnamed enum's: its value is written).
std::string enumeratorName(const clang::EnumConstantDecl &ECD);
/// Why generated code cannot name T, an enum (declared in a function, or
/// private to a class); "" if it can, or T is no enum.
std::string enumProblem(clang::QualType T);
/// Whether T is a number or an enum (`enum class` too): an element of a
/// std::vector of numbers.
inline bool isNumberOrEnum(clang::QualType T) {
  return T->isArithmeticType() || T->isEnumeralType();
}
/// Whether T is an enum generated code cannot name (enumProblem says why).
inline bool isUnnameableEnum(clang::QualType T) {
  return !enumProblem(T).empty();
}
/// The IR op of a bitwise or shift operator (also of its compound
/// assignment, `&=`).
ir::OpCode bitwiseCode(clang::BinaryOperatorKind Op);
/// How generated code names an enum: in full (`geo::Shape::Kind`), or ""
/// for an unnamed one, which is its underlying type.
std::string enumName(const clang::EnumDecl &ED);

/// The dimensions of a row of an array of arrays (`double[3]` of `double
/// m[][3]`, `double[3][4]` of `double (*m)[3][4]`): their sizes, the
/// scalar type inside, and the declarator they make ("[3][4]").
struct RowShape {
  std::vector<std::int64_t> Dims;
  clang::QualType Elem;
  std::string Suffix;
};
/// Row's shape, or std::nullopt when a size is not constant.
std::optional<RowShape> rowShape(clang::QualType Row,
                                 const clang::ASTContext &Ctx);

/// The line and column a reader sees for Loc (its expansion location, as
/// #line directives present it).
ir::SourceLoc sourceLocOf(clang::SourceLocation Loc,
                          const clang::SourceManager &SM);

/// A variable a lambda captures, as the lambda's function receives it
/// (LoweringLambda.cpp): a value, a reference (the lambda writes it) or a
/// pointer (an array or a pointer).
struct ViewShape;

struct CaptureParam {
  const clang::VarDecl *Var = nullptr;
  /// What the lambda expression captures it from (read where the lambda
  /// is called, for a capture by reference).
  const clang::Expr *Init = nullptr;
  ir::Type Ty = ir::Type::f64();
  std::string Spelling;
  /// A struct or container, as ir::Param says.
  std::string Record;
  bool RecordPtr = false;
  bool Container = false;
  std::vector<ir::Scalar> Elements;
  std::vector<std::string> ElementNames;
  /// A parameter that is an array of arrays, as ir::Param says.
  std::string Suffix;
  std::vector<std::int64_t> RowDims;
  /// A struct holding vectors: its view shape, and the values of its
  /// members where it is captured (one parameter a member in the lambda).
  const ViewShape *View = nullptr;
  std::vector<ir::Value *> Members;
  bool VectorRows = false; ///< A std::vector of std::vector.
  /// The copy a `mutable` lambda changes: a variable of the lambda
  /// object's (where it is made), passed by reference, so that what one
  /// call leaves there the next call reads.
  bool Owned = false;
};

/// A lambda, as gradc calls it: its function's name and what it captures.
struct ClosureParam;

struct LambdaInfo {
  const clang::LambdaExpr *LE = nullptr;
  /// Names its function: `f_sq` for `auto sq = ...` in f.
  std::string Name;
  std::vector<CaptureParam> Captures;
  /// The lambdas it captures (`[&sq]`), whose captures its function takes
  /// after its own.
  std::vector<ClosureParam> Nested;
};

/// A lambda passed to parameter Index of a function template, or captured
/// by another lambda (Captured, its variable).
struct ClosureParam {
  unsigned Index = 0;
  LambdaInfo Info;
  const clang::VarDecl *Captured = nullptr;
};

/// Whether T is std::function (or a reference to one), which gradc refuses
/// with StdFunctionAdvice.
bool isStdFunction(clang::QualType T);
extern const char *const StdFunctionAdvice;

/// The functions of the user's that a body calls, lowered once each.
class CalleeSource {
public:
  virtual ~CalleeSource() = default;
  /// FD's definition lowered to IR, or nullptr after reporting why not
  /// (Loc is the call). Declared without a body: nullptr and nothing said.
  virtual const ir::Function *callee(const clang::FunctionDecl &FD,
                                     clang::SourceLocation Loc) = 0;
  /// Whether FD has a custom pullback of the user's: callee() then gives
  /// it even when FD's body is out of sight (a library function).
  virtual bool hasCustom(const clang::FunctionDecl &FD) const = 0;
  /// For FD, called without a pullback: what to write for one.
  virtual std::string pullbackAdvice(const clang::FunctionDecl &FD) const = 0;
  /// The body of a lambda (its call operator CallOp) as a function named
  /// Name whose parameters are CallOp's followed by the captures; nullptr
  /// after reporting why not (Loc is the call).
  virtual const ir::Function *lambda(const clang::CXXMethodDecl &CallOp,
                                     const LambdaInfo &Info,
                                     clang::SourceLocation Loc) = 0;
  /// FD, an instance of a template taking lambdas (Closures), as a
  /// function of its own whose parameters are FD's others followed by the
  /// lambdas' captures; nullptr after reporting why not.
  virtual const ir::Function *
  withClosures(const clang::FunctionDecl &FD,
               llvm::ArrayRef<ClosureParam> Closures,
               clang::SourceLocation Loc) = 0;
};

/// Lowers the body of FD into F, whose parameters have already been added.
/// ParamValues[I] is the value of FD's parameter I, or nullptr when the
/// parameter could not be lowered (its error has been reported; uses of it
/// are then silently skipped). Fills F.Body and F.Stmts. Returns false when
/// any error was reported. For a lambda's body, ParamValues go on with the
/// values of the variables in Captured; then, for each of Closures (whose
/// own places in ParamValues are null), the values of its captures.
bool lowerBody(const clang::FunctionDecl &FD, clang::ASTContext &Ctx,
               ir::Function &F, llvm::ArrayRef<ir::Value *> ParamValues,
               Reporter &R, CalleeSource *Callees = nullptr,
               llvm::ArrayRef<const clang::VarDecl *> Captured = {},
               llvm::ArrayRef<ClosureParam> Closures = {});

} // namespace gradc::frontend

#endif // GRADC_LIB_FRONTEND_LOWERING_H
