//===- BodyLowering.h - The state of lowering one function body -*- C++ -*-===//
//
// Private to Lowering*.cpp. One class, implemented in files by
// responsibility: Lowering.cpp (statements, variables, values),
// LoweringExpr.cpp (expressions), LoweringControl.cpp (if, loops, break,
// continue), LoweringSwitch.cpp (switch), LoweringRange.cpp (range-based
// for), LoweringMemory.cpp (pointers, arrays, references, variables in
// memory), LoweringPointer.cpp (pointers that move),
// LoweringRecord.cpp, LoweringCall.cpp and LoweringStd.cpp (the standard
// library on numbers).
//
// Conventions (docs/design.md, "Lowering of memory and control flow"): a
// scalar local assigned only in the region that declares it is SSA; one
// assigned in a nested loop or branch lives in memory (a Local op, read with
// Load, written with Store); pointers are SSA values, except those that
// move (LoweringPointer.cpp: a base and an offset in memory).
//
//===----------------------------------------------------------------------===//
#ifndef GRADC_LIB_FRONTEND_BODYLOWERING_H
#define GRADC_LIB_FRONTEND_BODYLOWERING_H

#include "ComplexMath.h"
#include "Lowering.h"
#include "Records.h"
#include "TypeSpelling.h"

#include "gradc/IR/Builder.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <cstdint>
#include <optional>
#include <string>

namespace gradc::frontend {

/// What pointer variables are assigned (`p = RHS`), each RHS in order.
using PointerSources =
    llvm::DenseMap<const clang::VarDecl *,
                   llvm::SmallVector<const clang::Expr *, 2>>;
/// The variable whose memory pointer expression E points into, read from
/// its text (`s`, `&s[i]`, `s + k`, `v.data()`), or null.
const clang::VarDecl *pointeeVariable(const clang::Expr *E);

/// Pointers that only trade the arrays they hold (`std::swap(src, dst)` of
/// a time stepper, or `T *tmp = src; src = dst; dst = tmp;`).
struct TradingPointers {
  /// Each pointer, and the array or container it names throughout.
  llvm::DenseMap<const clang::VarDecl *, const clang::Expr *> Arrays;
  /// Of a trade through a temporary: its middle statement (`src = dst;`),
  /// which trades the two arrays, and the two pointers.
  llvm::DenseMap<const clang::Stmt *,
                 std::pair<const clang::VarDecl *, const clang::VarDecl *>>
      Trades;
  /// Its first and last statements, which do nothing then.
  llvm::DenseSet<const clang::Stmt *> Silent;
};
/// Adds Body's trading pointers to Out (TradingPointers.cpp).
void findTradingPointers(const clang::Stmt *Body, const clang::ASTContext &Ctx,
                         TradingPointers &Out);

/// The math function a call to Callee is, if gradc knows it.
std::optional<ir::MathFn> mathFunctionOf(const clang::FunctionDecl &Callee);
/// How a user names Callee in a message: `foo`, or `std::foo`.
std::string calleeName(const clang::FunctionDecl &Callee);
/// Why an expression of E's class cannot be lowered, in the user's words.
std::string unsupportedExprMessage(const clang::Expr *E,
                                   const clang::ASTContext &Ctx);
/// Why a statement of S's class cannot be lowered, in the user's words.
std::string unsupportedStmtMessage(const clang::Stmt *S);
/// Whether a reference initialized with Init binds a temporary
/// (`const double &a = x * 2;`) rather than naming a place.
bool bindsTemporary(const clang::Expr *Init);
/// E without parentheses and the casts that only add const.
const clang::Expr *ignoreParenNoopCasts(const clang::Expr *E);
/// E without the conversion of an integer index to `size_t` (`v[i]`).
const clang::Expr *withoutSizeConversion(const clang::Expr *E);
/// E without the casts, temporaries and `std::move` around the container
/// it names (LoweringVector.cpp).
const clang::Expr *containerOperand(const clang::Expr *E);
/// Whether A and B are the same count: the same value, or the same
/// integer arithmetic on the same values; `w.size()` of one vector (each
/// is an op of its own); one number in two types (LoweringVector.cpp).
bool sameCount(const ir::Value *A, const ir::Value *B);
/// Whether E names VD (LoweringStructGrowth.cpp).
bool mentions(const clang::Expr *E, const clang::ValueDecl *VD);
/// Why the vector Name, declared in a loop or branch, cannot be sized
/// there (hoistCount found no size of the top level), with a way out.
std::string unhoistedSizeMessage(const std::string &Name);
/// True for statements that do nothing: `;` and blocks of them.
bool isEmptyStmt(const clang::Stmt *S);
/// The number of scalars of T, an array of constant size of any rank (1
/// for a scalar), and its element type; nullopt for another array.
std::optional<std::pair<std::int64_t, clang::QualType>>
flatArrayShape(clang::QualType T, const clang::ASTContext &Ctx);
/// How many scalars apart the elements of list L are: 1, or a row's
/// count when L lists the rows of an array of arrays.
std::int64_t listStride(const clang::InitListExpr *L,
                        const clang::ASTContext &Ctx);
/// Whether control never runs past S: it returns, breaks or continues on
/// every path.
bool alwaysLeaves(const clang::Stmt *S);
/// Whether every path through S ends at a statement IsEnd accepts (a
/// return, a break), not at another jump before it.
bool everyPathEnds(const clang::Stmt *S,
                   llvm::function_ref<bool(const clang::Stmt *)> IsEnd);
/// The local variable or by-value parameter E, returned by reference,
/// names (itself, a member or an element of it), or null.
const clang::VarDecl *returnedLocal(const clang::Expr *E);
/// Why function Fn may not return a reference to VD, a returnedLocal.
std::string localReferenceMessage(const std::string &Fn,
                                  const clang::VarDecl *VD);
/// Whether the reference the helper Def returns may name a value rather
/// than memory the caller gave: a choice (`a > b ? a : b`) or a parameter
/// taken by value or `const &` (LoweringRefCall.cpp). Bound to a const
/// reference, its result is read as a value, as std::max's is.
bool returnsValue(const clang::FunctionDecl &Def);
/// Whether Def's body is one `return` naming memory the caller gave
/// (`return v[i];`): a read of its call reads that place, with no call.
bool readsInPlace(const clang::FunctionDecl &Def);
/// Whether S (not descending into lambdas) holds a return statement.
bool holdsReturn(const clang::Stmt *S);
/// How a helper changes the size of a std::vector it takes by non-const
/// reference: with its methods, or by passing it on to a helper that
/// does (LoweringGrowingHelper.cpp).
struct ParamGrowth {
  bool Grows = false;
  bool Shrinks = false; ///< It may end shorter than it was.
};
/// How Def changes its parameter I (nothing for one of another type).
ParamGrowth paramGrowth(const clang::FunctionDecl &Def, unsigned I,
                        unsigned Depth = 0);
/// The definition of the helper of the user's CE calls when it changes
/// the size of a std::vector it is given, or null.
const clang::FunctionDecl *growingHelper(const clang::CallExpr *CE);
/// How Def changes the size of its local vector Local.
ParamGrowth localGrowth(const clang::FunctionDecl &Def,
                        const clang::VarDecl *Local);
/// The helper of the user's that Init (a declaration's value) calls when
/// it returns a std::vector of structs it fills: it declares one local
/// vector empty (`std::vector<Item> r;`), only reads its arguments and
/// ends with `return r;`, with no other return. Returned is set to `r`.
/// Null if Init is no such call; Problem says why a helper returning a
/// vector of structs is not one.
const clang::CallExpr *buildingCall(const clang::Expr *Init,
                                    const clang::VarDecl *&Returned,
                                    std::string *Problem = nullptr);
/// Whether T (or what it references) is a lambda's closure type.
bool isLambdaType(clang::QualType T);
/// The lambda variable E names (through copies), or null (a lambda
/// expression).
const clang::VarDecl *closureVariable(const clang::Expr *E);
/// Whether the body of LE assigns VD, increments it, takes its address or
/// passes it by non-const reference.
bool lambdaWrites(const clang::LambdaExpr *LE, const clang::VarDecl *VD);

/// A Field op Offset scalars into the struct Rec points at. An element
/// `cams[i]` or a base class of `d` (a Field without a name) folds into
/// it, so that it is one op, printed as written (`cams[i].f`, `d.a`).
ir::Value *fieldOf(ir::Builder &B, ir::Value *Rec, ir::Type Ty,
                   std::int64_t Offset, const std::string &Name);
/// Member M of the struct Rec points at (a fieldOf).
ir::Value *memberOf(ir::Builder &B, ir::Value *Rec, const MemberShape &M);

class BodyLowering {
public:
  BodyLowering(const clang::FunctionDecl &FD, clang::ASTContext &Ctx,
               ir::Function &F, Reporter &R, CalleeSource *Callees)
      : FD(FD), Ctx(Ctx), SM(Ctx.getSourceManager()), LO(Ctx.getLangOpts()),
        F(F), B(F, F.Body, /*Fold=*/false), R(R), Callees(Callees) {}

  bool run(llvm::ArrayRef<ir::Value *> ParamValues,
           llvm::ArrayRef<const clang::VarDecl *> Captured = {},
           llvm::ArrayRef<ClosureParam> Closures = {});

private:
  using Value = ir::Value;
  using Scalar = ir::Scalar;

  /// View struct variables (LoweringView.cpp): the value of each member,
  /// fixed where the view is made (null: a pointer left unset).
  struct ViewVar {
    const ViewShape *Shape = nullptr;
    std::vector<Value *> Members;
  };

  /// Where an assignment writes: an SSA variable, or memory (Ptr, Index).
  struct Target {
    const clang::VarDecl *Var = nullptr;
    Value *Ptr = nullptr;
    Value *Index = nullptr;
    Scalar S = Scalar::Float64;
  };

  // Statements (Lowering.cpp).
  /// Lowers statements in order. An `if` one of whose branches always
  /// leaves (return, break, continue) takes the statements after it into
  /// its other branch, when the list ends the function or the loop body:
  /// then every exit ends its region, which the reverse mode relies on.
  void lowerList(llvm::ArrayRef<const clang::Stmt *> Stmts);
  void lowerStmt(const clang::Stmt *S);
  /// The statement an `if constexpr` S stands for in this instance (its
  /// kept branch, or an empty statement), or null for any other S.
  const clang::Stmt *constexprBranch(const clang::Stmt *S);
  bool isAssertion(const clang::Stmt *S) const;
  /// `printf(...);`, `std::cout << x << '\n';`: left out of the generated
  /// functions, with a warning (LoweringPrint.cpp). True if S prints,
  /// after an error if a printed value changes a variable.
  bool isPrinting(const clang::Stmt *S);
  /// The throw of `throw E;` as a statement (LoweringThrow.cpp), or null.
  static const clang::CXXThrowExpr *throwOf(const clang::Stmt *S);
  /// A Throw op for TE, or an error when what it throws cannot be carried.
  void lowerThrow(const clang::CXXThrowExpr *TE);
  /// A Statement whose text is S's source on one line, with its ';'.
  int addStatement(const clang::Stmt *S);
  /// A Statement at S with the given text (the header of an if or a loop).
  int addStatementText(const clang::Stmt *S, std::string Text);
  void lowerDeclStmt(const clang::DeclStmt *DS);
  void lowerVarDecl(const clang::VarDecl *VD);

  // Returns (LoweringReturn.cpp).
  /// A return: the function's Return, or a store into `result`; where more
  /// code would follow, it also sets `returned` (and breaks out of its loop
  /// where that ends the body's path).
  void lowerReturn(const clang::ReturnStmt *RS);
  /// Refuses (true) E, returned by a function returning a reference, when
  /// it names the function's own local or by-value parameter.
  bool refuseLocalReference(const clang::Expr *E);
  /// Before the function's Return: a struct returned from branches is
  /// copied from the local `result` into `out`.
  void returnRecord();
  /// Declares `result` and `returned` when Body returns from inside a
  /// branch or loop.
  void startReturns(const clang::CompoundStmt *Body);
  /// Removes `returned` when no return set it.
  void finishReturns();
  /// Whether lowerList lowers IS with Rest, the statements after it, in
  /// the branch that does not always leave.
  bool takesRestIntoElse(const clang::IfStmt *IS,
                         llvm::ArrayRef<const clang::Stmt *> Rest) const;
  /// Whether reaching the end of the current list ends a loop iteration.
  bool endsIteration() const;
  /// After a statement out of which a return ran on with `returned` set:
  /// lowers Rest under `if (!returned)`, or, at the end of a loop body,
  /// `if (returned) break;` with Rest in its else.
  void skipAfterReturn(llvm::ArrayRef<const clang::Stmt *> Rest);
  void lowerExprStmt(const clang::Expr *E);
  // Each returns the value of the expression (`x = e`: x's new value; `i++`:
  // i's old one), or nullptr after an error.
  Value *lowerAssign(const clang::BinaryOperator *BO);
  Value *lowerCompoundAssign(const clang::CompoundAssignOperator *CAO);
  /// What `cur op= rhs` of CAO computes, converted to To; null after an
  /// error.
  Value *compoundResult(const clang::CompoundAssignOperator *CAO, Value *Cur,
                        Value *Rhs, Scalar To);
  /// `(c ? a : b) = v;`, `(c ? a[i] : b) += v;` as a statement: v, then an
  /// If assigning the place chosen (LoweringChosenTarget.cpp).
  void lowerChosenAssign(const clang::BinaryOperator *BO);
  Value *lowerIncDec(const clang::UnaryOperator *UO);
  /// Reports side effects of the full expression E that C++ leaves
  /// unordered (`i++ + i`); true if E may be lowered.
  bool checkOrder(const clang::Expr *E);
  /// Reports a side effect nested inside E (`k = j++`), where gradc
  /// prints E as one expression of a loop's header; true if there is none.
  bool refuseNestedEffects(const clang::Expr *E, const char *Where);

  // Control flow (LoweringControl.cpp).
  /// Rest: the statements after IS, moved into the branch that falls
  /// through when the other always leaves.
  void lowerIf(const clang::IfStmt *IS,
               llvm::ArrayRef<const clang::Stmt *> Rest = {});
  void lowerFor(const clang::ForStmt *FS);
  void lowerWhile(const clang::WhileStmt *WS);
  void lowerDo(const clang::DoStmt *DS);
  void lowerJump(const clang::Stmt *S);

  // switch (LoweringSwitch.cpp): an if / else if chain, one branch per
  // entry label, each running on to the end of its path (fallthrough
  // repeats the statements of the labels after it).
  void lowerSwitch(const clang::SwitchStmt *SS);
  // Range-based for over an array or a container (LoweringRange.cpp): a
  // counted loop over an index.
  void lowerRangeFor(const clang::CXXForRangeStmt *FRS);
  /// Lowers S, then Rest, into Region, a nested block of an If or a Loop;
  /// true if every path through it leaves (return, break, continue).
  bool lowerRegion(ir::Block &Region, const clang::Stmt *S,
                   llvm::ArrayRef<const clang::Stmt *> Rest = {});
  /// Lowers a loop's body; reaching its end ends an iteration.
  void lowerLoopBody(Value *Loop, const clang::Stmt *Body);
  /// Lowers a loop condition into the Cond region, ending with a yield.
  /// A condition with side effects (`while (n--)`) cannot be printed in the
  /// loop's header: the loop runs while `true`, and the body starts with
  /// `if (!cond) break;` (see lowerGuardedBody).
  void lowerLoopCond(Value *Loop, const clang::Expr *Cond);
  /// `if (!Guard) break;`, or null after an error.
  Value *lowerLoopTest(const clang::Expr *Guard);
  /// Whether every path through S breaks out of the loop being lowered
  /// (not out of a switch).
  bool alwaysBreaks(const clang::Stmt *S) const;
  /// The current loop's `bool stop = false;`, declared at the start of its
  /// body the first time a break needs it.
  Value *stopFlag();
  /// After a statement out of which a break ran on with `stop` set: at
  /// the end of the loop body, `if (stop) break;` with Rest in its else;
  /// elsewhere Rest under `if (!stop)`.
  void skipAfterBreak(llvm::ArrayRef<const clang::Stmt *> Rest);
  /// The test of the `do` loop being lowered, a statement at the end of
  /// its body's list (lowerStmt lowers it with lowerLoopTest), and the
  /// loop's header statement.
  const clang::Expr *DoTest = nullptr;
  int DoTestHeader = -1;
  /// Lowers Body into Loop's body; with Guard (a condition with side
  /// effects), first `if (!Guard) break;`; AtEnd: at the end of the body
  /// (a do loop's), else at its start.
  void lowerGuardedBody(Value *Loop, const clang::Stmt *Body,
                        const clang::Expr *Guard, bool AtEnd);
  Value *lowerCondition(const clang::Expr *E);
  /// Reports a condition variable (`while (double t = f())`); true if any.
  bool refuseConditionVar(const clang::VarDecl *VD);

  // View structs (LoweringView.cpp).
  /// The view shape of T, if T (or what it references) is a view struct.
  const ViewShape *viewShapeOf(clang::QualType T);
  /// Binds parameter PVD, a view, to the IR parameters of its members,
  /// the first of which is First.
  void bindViewParam(const clang::VarDecl *PVD, Value *First);
  /// The members of view Shape, parameters from First on.
  ViewVar viewParamMembers(const ViewShape *Shape, Value *First);
  void lowerViewDecl(const clang::VarDecl *VD, const ViewShape &Shape);
  /// Init calls a constructor of the user's own (no copy or move).
  static bool isOwnedViewConstruct(const clang::Expr *Init);
  /// `Matrix c(r, k);` of a class holding std::vector members, made by
  /// that constructor (LoweringViewLocal.cpp): a view whose members are
  /// locals.
  void lowerOwnedViewDecl(const clang::VarDecl *VD, const ViewShape &Shape);
  /// Whether V is such a local: its vectors are locals of this body, not
  /// a struct's members, so that it cannot be passed on whole.
  static bool isLocalView(const ViewVar &V);
  /// A call of Callee, a member function or operator of the local view V
  /// (Obj): its one `return e;` lowered here with V for `this`; refused
  /// for a member function doing more.
  Value *lowerLocalViewCall(const clang::CallExpr *CE,
                            const clang::FunctionDecl &Callee, const ViewVar &V,
                            const clang::Expr *Obj);
  /// Refuses (true) Arg, the local view V passed whole to Callee.
  bool refuseLocalViewWhole(const ViewVar &V, const clang::Expr *Arg,
                            const std::string &Callee);
  /// Rewrites Body so that each local struct holding vectors used only
  /// through its members is a local a member (`s.v` is `s_v`).
  void flattenLocalStructs(clang::CompoundStmt *Body);
  /// Whether ME names a number of a struct holding vectors taken by
  /// non-const reference (`L.scale` of `Layer &L`): a cell, read with a
  /// load and written with a store.
  bool heldInMemory(const clang::MemberExpr *ME);
  /// The members of the view E names or makes, or nullopt after an error.
  std::optional<ViewVar> lowerView(const clang::Expr *E);
  /// `L.W`, `L.in` of a view: the member's value; null after an error.
  Value *lowerViewMember(const clang::MemberExpr *ME);
  /// Element IdxE of BaseE, an array, pointer or container of structs
  /// (`cams[i]`, `pts[i]`); E is the whole access.
  Value *lowerStructElement(const clang::Expr *BaseE, const clang::Expr *IdxE,
                            const clang::Expr *E);
  /// `pts.size()` of a container of structs; other methods are refused.
  Value *lowerStructContainerCall(const clang::CXXMemberCallExpr *MCE);
  // Local arrays and containers of structs (LoweringStructArray.cpp).
  /// `Vec3 p[4];` (CArray), `std::array<Vec3, 4> p{};`,
  /// `std::vector<Vec3> v(n);`, `std::vector<Vec3> u = pts;`.
  void lowerStructArrayDecl(const clang::VarDecl *VD, const StructContainer &C,
                            bool CArray);
  /// Writes the structs ILE lists into Arr, a zeroed array of them.
  void lowerStructElements(const clang::InitListExpr *ILE, Value *Arr,
                           const RecordShape &Shape);
  /// Element Index of the array of structs Arr points at.
  Value *structElement(Value *Array, Value *Index, const RecordShape &Shape);
  /// How many structs the container Base holds (a vector).
  Value *structCount(Value *Base, const RecordShape &Shape);
  /// Whether ME is a member of a view.
  bool isViewMember(const clang::MemberExpr *ME);

  // Memory (LoweringMemory.cpp).
  void findMemoryVariables(const clang::Stmt *Body);
  void lowerCellDecl(const clang::VarDecl *VD);
  void lowerArrayDecl(const clang::VarDecl *VD);
  void lowerArrayInit(const clang::VarDecl *VD, Value *Array, Scalar S);
  /// Stores the elements ILE gives (not the zeros) into Array, zeroed.
  void storeElements(const clang::InitListExpr *ILE, Value *Array, Scalar S,
                     std::int64_t First = 0);
  void lowerPointerDecl(const clang::VarDecl *VD);
  /// `double &slot = acc[k];`: VD names the place its initializer
  /// designates, evaluated once, here (an ElementRefs entry).
  void lowerReferenceDecl(const clang::VarDecl *VD);
  /// The memory an lvalue (w[i], *p) designates, or nullopt after an error.
  std::optional<Target> lowerPlace(const clang::Expr *E);
  Value *lowerPointer(const clang::Expr *E);
  Value *lowerLoad(const clang::Expr *E);
  Value *lowerAddressOf(const clang::UnaryOperator *UO);
  Value *lowerPointerArith(const clang::BinaryOperator *BO);
  Value *readTarget(const Target &T, clang::SourceLocation Loc);

  // Namespace-scope and static member variables (LoweringGlobal.cpp).
  /// Ref (`k`, `ns::c`, `C::k`, `m.k`) reads VD: a constant's value, or a
  /// constant array's copy; anything else is an error at Ref.
  Value *lowerGlobal(const clang::Expr *Ref, const clang::VarDecl *VD);
  /// Reports a write into a variable of namespace or class scope (`g = e`,
  /// `a[i] += e`, `s.m = e`), LHS; true if it is one.
  bool refuseGlobalWrite(const clang::Expr *LHS);
  /// The local copy of the constant array VD, made at the top of the
  /// function the first time it is read (a pointer to it).
  Value *lowerGlobalArray(const clang::Expr *Ref, const clang::VarDecl *VD);

  // Structured bindings (LoweringBinding.cpp).
  void lowerDecomposition(const clang::DecompositionDecl *DD);
  /// Binds the names of DD to the elements or members of Base, the
  /// struct, array, pair or tuple DD names (also a range-based for's
  /// element).
  void lowerBindings(const clang::DecompositionDecl *DD, Value *Base);
  /// Whether CE is `std::minmax(a, b)` of two numbers.
  bool isStdMinmax(const clang::CallExpr *CE) const;
  /// `auto [lo, hi] = std::minmax(x, y);`: each name the value of the
  /// argument it names (refused when an argument changes afterwards).
  void lowerMinmaxBindings(const clang::DecompositionDecl *DD,
                           const clang::CallExpr *CE);
  Value *lowerBindingRef(const clang::DeclRefExpr *DRE,
                         const clang::BindingDecl *BD);
  /// Where an assignment to BD writes (a binding by reference).
  std::optional<Target> bindingTarget(const clang::DeclRefExpr *DRE,
                                      const clang::BindingDecl *BD);

  // Arrays of arrays (LoweringMultiDim.cpp).
  /// Whether ASE subscripts an array of arrays (`a[i][j]`, `a[i]`).
  bool isMultiDimAccess(const clang::ArraySubscriptExpr *ASE) const;
  /// `a[i][j]`: the flat array and the element's index; for a row (`a[i]`)
  /// the index of its first element.
  std::optional<Target> lowerMultiDim(const clang::ArraySubscriptExpr *ASE);
  /// Flat * Size + Idx (Idx may be null), folded when all are constants.
  Value *addScaled(Value *Flat, std::int64_t Size, Value *Idx);
  /// `a[i]` as a pointer: `a + i * 4`.
  Value *lowerRow(const clang::ArraySubscriptExpr *ASE);
  // std::array of std::array, std::vector of std::vector
  // (LoweringArrayRows.cpp).
  /// A row of one (`m[i]`, or a variable bound to one): the flat matrix,
  /// the row's number, its length (a constant, or for a std::vector of
  /// std::vector the matrix's "cols" Size op) and its C++ type.
  struct RowRef {
    Value *Matrix = nullptr;
    Value *Row = nullptr;
    std::int64_t Cols = 0;
    std::string Type;
    Value *VectorCols = nullptr;
    /// Row is a load of a range-for's counter, which each access loads
    /// again (as `m[i][j]` in a loop would).
    bool Reload = false;
  };
  /// Whether E is such a row.
  bool isArrayRow(const clang::Expr *E) const;
  std::optional<RowRef> lowerArrayRow(const clang::Expr *E);
  /// `row[j]` of such a row: an element of the matrix.
  std::optional<Target> lowerRowElement(const clang::Expr *Row,
                                        const clang::Expr *IdxE);
  /// The flat index of column Col of row R.
  Value *rowIndex(const RowRef &R, Value *Col);
  /// R's number, loaded again where R says so.
  Value *rowNumber(const RowRef &R);
  /// A row used whole: a pointer to its first element.
  Value *lowerRowPointer(const clang::Expr *E);
  /// `const auto &row = m[i];` binds row to the row (true), or is no
  /// reference to a row (false).
  bool bindArrayRow(const clang::VarDecl *VD, const clang::Expr *Init);
  void lowerArrayRowsDecl(const clang::VarDecl *VD, const ArrayRows &A);
  /// `const auto &m = R;` of a container of rows binds m to R (true), or
  /// VD is no reference (false).
  bool aliasRows(const clang::VarDecl *VD);
  /// A local std::vector of std::array (LoweringVectorRows.cpp): rows of
  /// A.Cols numbers, as such a parameter is.
  void lowerVectorRowsDecl(const clang::VarDecl *VD, const ArrayRows &A);
  /// A local std::vector of std::vector of rows of one length, given
  /// where it is declared (`m(n, std::vector<double>(k))`; LoweringMatrix
  /// Local.cpp): one flat std::vector of n * k numbers, `m[i][j]` its
  /// element `i * k + j` (MatrixRows, VectorCols).
  void lowerVectorMatrixDecl(const clang::VarDecl *VD, const ArrayRows &A);
  /// A copy of row R of a std::vector of std::vector (`std::vector<double>
  /// r = m[i];`, or a row passed whole to a helper): a local vector of the
  /// row's length, named Name.
  Value *copyMatrixRow(const RowRef &R, const std::string &Name,
                       clang::SourceLocation Loc);
  /// push_back, emplace_back, pop_back and clear of one.
  Value *lowerVectorRowsGrowth(const clang::CXXMemberCallExpr *MCE,
                               const ArrayRows &A);
  /// E, if it gives a row of A whole: a list (`{x, y, z}`), a variable or
  /// a row of another container; null otherwise.
  const clang::Expr *rowSource(const clang::Expr *E, const ArrayRows &A);
  /// Stores the numbers of E (rowSource's; null: zeros) into row Row() of
  /// Dst, zeros only if Stale (Dst was not zero there).
  bool storeVectorRow(const clang::Expr *E, Value *Dst,
                      llvm::function_ref<Value *()> Row, const ArrayRows &A,
                      bool Stale);
  /// Stores the numbers of initializer E into Arr from element First.
  void storeNested(const clang::Expr *E, Value *Arr, std::int64_t First);
  /// Copies the rows of Src into Dst, A.Rows of them or Rows (a
  /// std::vector's count).
  void copyRows(Value *Dst, Value *Src, const ArrayRows &A,
                Value *Rows = nullptr);
  Value *lowerArrayRowsCall(const clang::CXXMemberCallExpr *MCE,
                            const ArrayRows &A);
  /// `X.size()`, `X.empty()` of a std::vector of std::vector; refuses the
  /// rest.
  Value *lowerVectorRowsCall(const clang::CXXMemberCallExpr *MCE);
  /// The length of a row of R, as the type of a `.size()` call.
  Value *rowLength(const RowRef &R, Scalar S);
  /// How many rows Matrix, a std::vector of rows (A), has: `X.size()`.
  Value *vectorRowCount(Value *Matrix, const ArrayRows &A);
  /// Makes the "cols" Size op of each std::vector of std::vector
  /// parameter, at the top of the body (VectorCols).
  void declareVectorCols(llvm::ArrayRef<const clang::VarDecl *> Decls);
  /// `M = R;` of such matrices, std::array or std::vector of std::array
  /// (refused if R is no variable).
  Value *lowerRowsAssign(const clang::CXXOperatorCallExpr *OCE);
  /// Fills P for a captured parameter or local of type T that is an array
  /// of arrays, passed on with its shape; false for any other type
  /// (LoweringLambda.cpp).
  bool captureRows(clang::QualType T, const clang::Expr *InitE,
                   CaptureParam &P);
  /// Refuses (true) Arg for a parameter of type PT of Callee that is an
  /// array of arrays, unless it is the caller's own such parameter or
  /// local array.
  bool refuseRowsArgument(const clang::Expr *Arg, clang::QualType PT,
                          const std::string &Callee);
  /// VD is a local array of arrays, declared with its shape, or one a
  /// lambda captured, a parameter of the lambda's function with its shape.
  bool isShapedLocal(const clang::ValueDecl *VD) const;

  // Pointer variables that move (LoweringPointer.cpp).
  /// P as its base and an Int32 offset (0 when P is the base itself).
  std::pair<Value *, Value *> splitPointer(Value *P);
  /// The moving pointer variable E names, or null.
  const clang::VarDecl *movingPointerOf(const clang::Expr *E) const;
  /// Makes VD, initialized to P, a moving pointer; false after an error.
  bool startMoving(const clang::VarDecl *VD, Value *P);
  Value *readMoving(const clang::VarDecl *VD, clang::SourceLocation Loc);
  /// When P, a moving pointer's value, is the op just made: removes it,
  /// makes P its base, and returns its offset, so that `*p` is printed
  /// base[p_off]; else null.
  Value *takeOffset(Value *&P);
  /// `p = RHS`, `p += RHS`, `++p` (E; RHS null): the pointer's value as
  /// the expression's (`p++`: the old one).
  Value *movePointer(const clang::VarDecl *VD, const clang::Expr *E,
                     const clang::Expr *RHS);
  /// K as an Int32 offset: an int that C++ widened to an iterator's
  /// difference type (`it[i]`, `it + i`) is the int itself.
  Value *offsetOf(Value *K);
  /// Moves VD by K elements (back: -K); its new value, or its old (Post).
  Value *stepPointer(const clang::VarDecl *VD, clang::SourceLocation Loc,
                     Value *K, bool Back, bool Post);
  /// `p = q` (E), q's value P: refused into another base.
  Value *setPointer(const clang::VarDecl *VD, const clang::Expr *E, Value *P);
  Value *refuseOtherBase(const clang::VarDecl *VD, const clang::Expr *E,
                         const std::string &Where);

  // Pointers into one of several arrays (LoweringPointerChoice.cpp).
  /// `p = c ? q : r` (E; RHS the conditional): each arm sets the pointer
  /// in a branch of its own, as C++ evaluates only one.
  Value *choosePointer(const clang::VarDecl *VD, const clang::Expr *E,
                       const clang::Expr *RHS);
  /// Records that VD may point into Base from here (E); false after an
  /// error (a new array once VD was read through).
  bool addBase(const clang::VarDecl *VD, Value *Base, const clang::Expr *E);
  /// The pointer into several arrays that E reads or writes through
  /// directly (`p[k]`, `*(p + k)`, `f(p)`, `p[k] = v`), outside an arm
  /// that fixes it; else null.
  const clang::VarDecl *choiceUse(const clang::Expr *E) const;
  /// E, lowered once for each array VD may point into, each in a branch
  /// taken when VD points there; its value in a local (none: Discard).
  Value *lowerChoiceUse(const clang::Expr *E, const clang::VarDecl *VD,
                        bool Discard);
  /// The offsets of two pointers into the same base, for a comparison or a
  /// difference (E, its operator at OpLoc); nullopt after an error.
  std::optional<std::pair<Value *, Value *>>
  pointerOffsets(const clang::Expr *E, clang::SourceLocation OpLoc, Value *L,
                 Value *R);

  // Iterators of a std::vector, as moving pointers (LoweringIterator.cpp).
  void lowerIteratorDecl(const clang::VarDecl *VD);
  /// `*it`, `it[k]`: the element.
  std::optional<Target>
  lowerIteratorPlace(const clang::CXXOperatorCallExpr *OCE);
  /// An operator on an iterator; nullopt if OCE is none.
  std::optional<Value *> lowerIteratorOp(const clang::CXXOperatorCallExpr *OCE);

  // Positions in ranges of structs (LoweringStructPosition.cpp).
  /// Whether E is an iterator or pointer into a range of structs.
  bool isStructPosition(const clang::Expr *E);
  /// E, a position in a range of structs, as its element; null after an
  /// error.
  Value *lowerStructPosition(const clang::Expr *E);
  /// `auto it = std::max_element(...)` over structs: another name for
  /// the element.
  void lowerStructIteratorDecl(const clang::VarDecl *VD);
  /// std::max_element (Max) or std::min_element over structs.
  Value *lowerStructExtreme(const clang::CallExpr *CE, bool Max);
  /// The index of the first largest (Max) or smallest of Count elements
  /// (`int best = 0; for (...) if (Less(e[best], e[i])) best = i;`), its
  /// elements made by Element; the last largest when Last (what
  /// std::minmax_element finds); null after an error (LoweringAlgorithm.cpp).
  Value *bestOf(Value *Count, bool Max,
                llvm::function_ref<Value *(Value *)> Element,
                llvm::function_ref<Value *(Value *, Value *)> Less,
                bool Last = false);
  /// The position std::max_element (Max) or std::min_element finds in a
  /// range of numbers (the last largest when Last); null after an error.
  Value *lowerExtreme(const clang::CallExpr *CE, bool Max, bool Last);
  /// `auto [lo, hi] = std::minmax_element(b, e);`: each name a position.
  void lowerMinmaxElementBindings(const clang::DecompositionDecl *DD,
                                  const clang::CallExpr *CE);
  void writeTarget(const Target &T, Value *V, unsigned Mark,
                   clang::SourceLocation Loc);

  // Structs (LoweringRecord.cpp).
  /// The shape of struct type T, or null after an error at Loc.
  const RecordShape *shapeOf(clang::QualType T, clang::SourceLocation Loc,
                             clang::SourceRange Range);
  /// A pointer to the struct E designates (a variable, `*this`, a member,
  /// `cams[i]`), or null after an error.
  Value *lowerRecord(const clang::Expr *E);
  /// A pointer to the member ME designates (a Field op).
  Value *lowerMember(const clang::MemberExpr *ME);
  /// ME as an operand: a number's value, or an array's or struct's
  /// pointer.
  Value *lowerMemberValue(const clang::MemberExpr *ME);
  void lowerRecordDecl(const clang::VarDecl *VD);
  // Base classes (LoweringBase.cpp).
  /// Where the base class CE converts to starts in the derived struct it
  /// converts from; nullopt after an error.
  std::optional<std::int64_t> baseCastOffset(const clang::CastExpr *CE);
  /// E without conversions to its base classes, adding their offsets to
  /// Offset; null after an error.
  const clang::Expr *withoutBaseCasts(const clang::Expr *E,
                                      std::int64_t &Offset);
  /// The base subobject Offset scalars into the struct Derived points at.
  Value *baseSubobject(Value *Derived, std::int64_t Offset);
  /// `d` converted to a reference or pointer to one of its base classes.
  Value *lowerBaseCast(const clang::CastExpr *CE);
  /// `static_cast<const Derived &>(*this)` in a method whose object is a
  /// Derived (SelfCast.h): the object itself.
  Value *lowerDownCast(const clang::CastExpr *CE);
  /// Writes E, the value of base class Base, into the struct Dest of
  /// Shape; Fresh as for lowerRecordInit. False after an error.
  bool lowerBaseInit(const clang::CXXRecordDecl *Base, const clang::Expr *E,
                     Value *Dest, const RecordShape &Shape, bool Fresh);
  /// The base classes of ILE's struct from its first elements; how many
  /// elements they took.
  unsigned lowerBaseInits(const clang::InitListExpr *ILE, Value *Rec,
                          const RecordShape &Shape, bool Fresh);
  /// Fresh: Rec is declared zeroed, and members given no value are left
  /// alone; otherwise they are stored zero.
  void lowerRecordInit(const clang::InitListExpr *ILE, Value *Rec,
                       const RecordShape &Shape, bool Fresh = true);
  void lowerMemberDefaults(Value *Rec, const RecordShape &Shape,
                           clang::SourceLocation Loc);
  // Structs as values (LoweringStructValue.cpp).
  /// Writes the struct value E into Dest, member by member (a copy), or
  /// as the result of a call (`add(a, b)`); false after an error.
  bool lowerRecordInto(const clang::Expr *E, Value *Dest,
                       const RecordShape &Shape);
  /// Copies the struct Src points at into Dest, member by member.
  void copyRecord(Value *Dest, Value *Src, const RecordShape &Shape);
  /// Stores zero into each scalar of Dest, or of its member M.
  void zeroRecord(Value *Dest, const RecordShape &Shape);
  void zeroMember(Value *Rec, const MemberShape &M);
  /// The constant index K.
  Value *constIndex(std::int64_t K);
  /// A struct value that is no variable (`add(a, b)` as an argument): a
  /// local it is written into, or null after an error.
  Value *lowerRecordTemporary(const clang::Expr *E);
  /// A local for a temporary struct of type T that E makes, named after
  /// its class; null after an error. Shape: T's.
  Value *recordLocal(clang::QualType T, const clang::Expr *E,
                     const RecordShape *&Shape);
  /// Whether a local Name of struct type T (InArray: an array or
  /// container of them) can be declared and its adjoint zeroed; false
  /// after an error at Loc.
  bool declarable(clang::QualType T, clang::SourceLocation Loc,
                  const std::string &Name, bool InArray = false);
  /// The constructor of the user's own that CCE calls, inlined: its
  /// member initializers and body write Dest.
  bool lowerConstruct(const clang::CXXConstructExpr *CCE, Value *Dest,
                      const RecordShape &Shape);
  /// The constructor Ctor of the user's own called with Args at Loc,
  /// inlined into Dest (also for `v.emplace_back(x, y)`).
  bool lowerConstructor(const clang::CXXConstructorDecl *Ctor,
                        llvm::ArrayRef<const clang::Expr *> Args,
                        clang::SourceLocation Loc, Value *Dest,
                        const RecordShape &Shape);
  /// `c = b;`, `c = add(a, b);` on structs.
  Value *lowerRecordAssign(const clang::CXXOperatorCallExpr *OCE);
  /// A local made for what a call of a function returning a struct
  /// returns, when no PendingResult was given.
  Value *resultOf(const clang::CallExpr *CE, const clang::FunctionDecl &Callee);
  // std::pair and std::tuple of numbers (LoweringTuple.cpp).
  /// E makes a pair or tuple from its elements (a constructor that is no
  /// copy, `std::make_pair`, `std::make_tuple`).
  bool isTupleMaking(const clang::Expr *E) const;
  /// Writes the elements E (isTupleMaking) gives into Dest; false after
  /// an error.
  bool lowerTupleInto(const clang::Expr *E, Value *Dest,
                      const RecordShape &Shape);
  /// `std::tie(a, b) = e` (OCE; Tie: the std::tie call): each variable is
  /// assigned its element of e, a pair or tuple.
  Value *lowerTieAssign(const clang::CXXOperatorCallExpr *OCE,
                        const clang::CallExpr *Tie);
  /// The member `std::get<I>(t)` (CE, an isTupleGet) names; nullopt
  /// after an error.
  std::optional<Target> lowerTupleGet(const clang::CallExpr *CE);
  // std::complex (LoweringComplex.cpp): a struct of its two parts in
  // memory, a pair of values as an expression.
  using Complex = ComplexParts;
  /// The value of E, a std::complex expression; nullopt after an error.
  std::optional<Complex> lowerComplex(const clang::Expr *E);
  /// E, complex or real (then converted to S, with no imaginary part).
  std::optional<Complex> lowerComplexOperand(const clang::Expr *E, Scalar S);
  /// An operator or function of <complex> returning a complex value.
  std::optional<Complex> lowerComplexFunction(const clang::CallExpr *CE,
                                              const clang::FunctionDecl &Callee,
                                              Scalar S);
  /// `c ? z : w`: an If writing a complex local `chosen`.
  std::optional<Complex>
  lowerComplexConditional(const clang::ConditionalOperator *CO,
                          const RecordShape &Shape);
  /// X op Y for + - * / (or their compound assignments); nullopt for
  /// another operator.
  std::optional<Complex> complexArithmetic(clang::OverloadedOperatorKind Op,
                                           const Complex &X, const Complex &Y);
  /// CE, if it is a call of std that involves std::complex: a number of
  /// a complex value (`z.real()`, `std::abs(z)`, `z == w`), an assignment
  /// (`z *= w`, `z.imag(y)`: the complex written), or a complex value
  /// where a struct is wanted (a temporary); nullopt if it is none.
  std::optional<Value *> lowerComplexCall(const clang::CallExpr *CE);
  /// Writes the complex value E into Dest; false after an error.
  bool lowerComplexInto(const clang::Expr *E, Value *Dest,
                        const RecordShape &Shape);
  /// A local `cz` holding the complex value E (an argument), or null:
  /// after an error, or when E is a call of the user's, which makes its own.
  Value *complexTemporary(const clang::Expr *E);
  std::optional<Complex> loadComplex(Value *P, const RecordShape &Shape);
  void storeComplex(Value *Dest, const Complex &V, const RecordShape &Shape);
  Value *complexZero(Scalar S);

  // std::array returned by value (LoweringArrayValue.cpp).
  /// E is a call of a function returning a std::array or std::vector
  /// (not an element).
  bool isContainerCall(const clang::Expr *E) const;
  /// Writes the std::array value E (braces, a variable, a call) into
  /// Dest; false after an error.
  bool lowerArrayInto(const clang::Expr *E, Value *Dest,
                      const ContainerShape &C);
  /// A std::array local of type T named Name, declared at Loc.
  Value *arrayLocal(clang::QualType T, const ContainerShape &C,
                    const std::string &Name, clang::SourceLocation Loc);
  /// A local made for the std::array a call returns.
  Value *arrayResultOf(const clang::CallExpr *CE,
                       const clang::FunctionDecl &Callee);

  // std::vector returned by value (LoweringVectorReturn.cpp).
  /// `return p;` in a function returning a std::vector: a copy into
  /// `out`, whose size is then the function's ResultCount.
  bool lowerVectorReturn(const clang::Expr *E, const ContainerShape &C);
  /// The local a call of Callee (G) writes the std::vector it returns
  /// into, sized by G's ResultCount over the call's arguments; null after
  /// an error at the call.
  Value *vectorResultOf(const clang::CallExpr *CE,
                        const clang::FunctionDecl &Callee,
                        const ir::Function &G, llvm::ArrayRef<Value *> Args);
  /// The local a call writes a std::vector into whose size is known only
  /// once the call has run: a vector that changes size (of the top level,
  /// emptied here, in a loop or branch), named Name, of type Type; one
  /// that Shrinks later keeps the longest it has been.
  Value *grownResult(const std::string &Name, const std::string &Type,
                     clang::SourceLocation Loc, Scalar S, bool Shrinks = false);
  /// After the call that wrote Vec: its length, if grownResult made it.
  void growResult(Value *Vec);
  /// Count, an op of G, computed again over Args; null when it reads
  /// anything but parameters, members of const struct parameters and
  /// constants.
  Value *countOver(const Value *Count, const ir::Function &G,
                   llvm::ArrayRef<Value *> Args);
  /// The member Place (a Field of a const struct parameter of G) of the
  /// struct given for it in Args; null for any other place.
  Value *memberOver(const Value *Place, const ir::Function &G,
                    llvm::ArrayRef<Value *> Args);
  /// Moves the ops of the current block from From on, which compute
  /// Result, to the top level, before the statement being lowered; returns
  /// Result there, or null when they read a value computed in a loop or
  /// branch, or in that statement.
  Value *hoistOps(size_t From, Value *Result);
  /// `std::array<double, 3> a{}`, `std::vector<double> v(n)`: an array.
  void lowerContainerDecl(const clang::VarDecl *VD, const ContainerShape &C);
  /// An index: an integer (without the conversion to `size_t` Clang puts
  /// on a container's), or null after an error.
  Value *lowerIndex(const clang::Expr *IdxE);
  /// `v[i]` (or `v.at(i)`, `v.front()`, `v.back()`) on a std::array or
  /// std::vector.
  std::optional<Target> lowerElement(const clang::Expr *E);
  /// `v.data()`, `v.size()`.
  /// `v.size()`, `std::size(v)`: a local vector's count, a parameter's
  /// size, a std::array's length.
  Value *containerSize(const clang::Expr *Obj, const ContainerShape &C,
                       Scalar S);
  Value *lowerContainerCall(const clang::CXXMemberCallExpr *MCE,
                            const ContainerShape &C);
  /// E is `v[i]`, `v.at(i)`, `v.front()` or `v.back()` on a std::array or
  /// std::vector.
  bool isElementAccess(const clang::Expr *E) const;
  /// Whether E is `pts[i]` of a std::vector or std::array of structs.
  bool isStructElement(const clang::Expr *E) const;

  // Containers as wholes (LoweringVector.cpp).
  /// How many elements the container Base holds: N of a std::array, the
  /// size a vector local was given, `v.size()` of a parameter.
  Value *containerCount(Value *Base, const ContainerShape &C);
  /// Count, when the function's top level has it (a parameter, a
  /// constant, a value computed there; `w.size()` is moved there); null
  /// if it is computed in a loop or branch.
  Value *hoistCount(Value *Count);
  /// `for (int i = 0; i < Count; ++i) Dst[i] = Src[i];`
  void copyElements(Value *Dst, Value *Src, Value *Count);
  /// `for (int i = 0; i < Count; ++i) Dst[i] = V;`
  void fillElements(Value *Dst, Value *V, Value *Count);
  /// The container variable E names (through `std::move`), or null after
  /// an error.
  Value *lowerContainer(const clang::Expr *E);
  /// The container E names, which a statement writes (refused when it
  /// is a parameter passed by value), or null after an error.
  Value *lowerWrittenContainer(const clang::Expr *E);
  /// Whether CCE copies (or moves) a container.
  bool isContainerCopy(const clang::CXXConstructExpr *CCE) const;
  /// `u = v;` on containers: the elements copied.
  Value *lowerContainerAssign(const clang::CXXOperatorCallExpr *OCE);
  /// `const std::vector<double> &r = v;`: r is v.
  void lowerContainerRef(const clang::VarDecl *VD);
  /// Whether E is `v.at(i)`, `v.front()` or `v.back()`.
  bool isContainerEnd(const clang::Expr *E) const;
  std::optional<Target> lowerContainerEnd(const clang::CXXMemberCallExpr *MCE);
  /// `a.fill(x)`, `v.assign(n, x)`, `v.resize(n)`, `v.reserve(n)`.
  Value *lowerContainerChange(const clang::CXXMemberCallExpr *MCE,
                              const ContainerShape &C);

  // Vectors that change size (LoweringGrowth.cpp).
  /// Finds the local vectors that change size (before lowering).
  void findGrowingVectors(const clang::Stmt *Body);
  /// A std::vector parameter passed by value that changes size is the
  /// function's own: a local copy of it, under its name.
  void copyGrowingParams();
  /// A struct or container passed by value that Body writes is the
  /// function's own: a local copy of it, under its name
  /// (LoweringByValue.cpp).
  void copyWrittenParams(const clang::Stmt *Body);
  /// The local copy of PVD, a struct or container passed by value, made
  /// from Param; null if it is of another kind (or after an error).
  Value *copyParam(const clang::ParmVarDecl *PVD, Value *Param);
  /// How many elements the vector local Base holds here: the size it was
  /// given, or a load of its length; null if Base is not a vector local.
  Value *localVectorCount(Value *Base);
  /// The length Local of VD, a vector that changes size, set to Count,
  /// and if it may shrink, the Local of the longest it has been; into Out.
  void declareLength(const clang::VarDecl *VD, Value *Count,
                     std::vector<Value *> &Out);
  /// The same for a vector named Name that may shrink if Shrinks says so.
  void declareLength(const std::string &Name, bool Shrinks, Value *Count,
                     std::vector<Value *> &Out);
  /// A vector Local of the top level that changes size, of Count
  /// elements of S (Stride of them per element, 0: numbers), named Name,
  /// of type Type, after its length Locals (declareLength).
  Value *growingLocal(const std::string &Name, const std::string &Type,
                      Scalar S, Value *Count, bool Shrinks,
                      std::int64_t Stride = 0);
  /// Sets the length of the vector Vec to N, printed as Method says
  /// ("size": not at all).
  void setLength(Value *Vec, Value *N, const char *Method);
  /// push_back, emplace_back, insert, pop_back, clear, erase, and resize
  /// or assign to another size, on a vector.
  Value *lowerGrowth(const clang::CXXMemberCallExpr *MCE);
  /// erase, and insert elsewhere than at the end, on Vec, a local vector
  /// that changes size: the copies they mean (LoweringVectorShift.cpp).
  Value *lowerShift(const clang::CXXMemberCallExpr *MCE, Value *Vec);
  /// The index in Vec of the position Pos (`v.begin() + i`) that MCE
  /// passes; null after an error.
  Value *shiftIndex(const clang::Expr *Pos, Value *Vec,
                    const clang::CXXMemberCallExpr *MCE);
  /// VD, a vector that changes size declared in a loop or branch: a vector
  /// Local of the top level, declared before the statement that holds VD,
  /// emptied where VD is declared and given Count elements (CopyOf's, or
  /// Fill, or zeros) there (LoweringGrowthScoped.cpp).
  Value *restartGrowing(const clang::VarDecl *VD, const ContainerShape &C,
                        Value *Count, Value *CopyOf, Value *Fill);
  /// The same, emptied only: of scalars S, Stride of them per element
  /// (0: a vector of numbers).
  Value *restartGrowing(const clang::VarDecl *VD, Scalar S,
                        std::int64_t Stride);
  /// The same for a vector without a declaration of its own (what a call
  /// returns), named Name, of type Type, declared at Loc; Emptied is the
  /// method its emptying prints as ("size": not at all).
  Value *restartGrowing(const std::string &Name, const std::string &Type,
                        clang::SourceLocation Loc, Scalar S,
                        std::int64_t Stride, const char *Emptied = "clear");
  /// push_back, emplace_back, pop_back and clear of a local vector of
  /// structs (LoweringStructGrowth.cpp).
  Value *lowerStructGrowth(const clang::CXXMemberCallExpr *MCE,
                           const StructContainer &C);
  /// Refuses (true) passing V, a vector that changes size, to a parameter
  /// of type PT that may write it.
  bool refuseGrowingArgument(Value *V, const clang::Expr *Arg,
                             clang::QualType PT, const std::string &Callee);

  /// A lambda: what it is called with besides its arguments.
  struct Closure : LambdaInfo {
    /// Per capture, its value; null where it is read when the lambda is
    /// called (a capture by reference).
    std::vector<Value *> Values;
    /// Per lambda it captures (LambdaInfo::Nested), that closure.
    std::vector<Closure> Inner;
  };

  // Expressions (LoweringExpr.cpp). Each returns nullptr after reporting an
  // error (or silently, when it uses a variable whose own error has been
  // reported).
  Value *lowerExpr(const clang::Expr *E);
  Value *lowerImplicitCast(const clang::ImplicitCastExpr *ICE);
  Value *lowerExplicitCast(const clang::ExplicitCastExpr *ECE);
  Value *lowerConversion(const clang::CastExpr *CE, bool Implicit);
  Value *lowerDeclRef(const clang::DeclRefExpr *DRE);
  Value *lowerUnary(const clang::UnaryOperator *UO);
  Value *lowerBinary(const clang::BinaryOperator *BO);
  /// `a & b`, `a | b`, `a ^ b`, `a << k`, `a >> k` of integers.
  Value *lowerBitwise(const clang::BinaryOperator *BO);
  Value *lowerComparison(const clang::BinaryOperator *BO);
  Value *lowerLogical(const clang::BinaryOperator *BO);
  Value *lowerConditional(const clang::ConditionalOperator *CO);
  /// Lowers CO's two arms into the branches of one if on C (CO's lowered
  /// condition): Arm is called in the then block with the true expression,
  /// then in the else block with the false one (not after a failure when
  /// StopAtFailure: its state may be half made). Returns the if, or null
  /// if an arm failed.
  Value *lowerArms(const clang::ConditionalOperator *CO, Value *C,
                   llvm::function_ref<bool(const clang::Expr *)> Arm,
                   bool StopAtFailure = false);
  Value *lowerCall(const clang::CallExpr *CE);
  // Text (LoweringText.cpp): a std::string parameter is a passive value
  // that is only compared; its literals are constants spelled as written.
  /// `kind == "tanh"`, `a != b` of text: a comparison. Another call on
  /// text (`kind.size()`, `kind + "x"`): refused. std::nullopt when CE
  /// involves no text.
  std::optional<Value *> lowerTextCall(const clang::CallExpr *CE);
  /// A text parameter or a string literal, or nullptr after an error.
  Value *lowerText(const clang::Expr *E);
  /// A call of a function that is not one of the math functions: the
  /// user's own (lowered too, so that gradc can differentiate it) or one
  /// gradc cannot see into (made as is, refused later if it matters).
  /// For a lambda (Lambda: its function), CE's first argument is the
  /// closure, and its captures follow the arguments, read after them.
  Value *lowerInvoke(const clang::CallExpr *CE,
                     const clang::FunctionDecl &Callee, Value *Object = nullptr,
                     const ir::Function *Lambda = nullptr,
                     const Closure *Captures = nullptr);
  /// A call of Callee, a member function or operator of the struct
  /// holding vectors that Obj is, given the object's members.
  Value *lowerViewInvoke(const clang::CallExpr *CE,
                         const clang::FunctionDecl &Callee,
                         const clang::Expr *Obj);
  /// An argument read where a call is made although the callee names the
  /// memory it is in: a `const double &` parameter, or a capture by
  /// reference the lambda only reads (LoweringAliasedRead.cpp).
  struct NamedRead {
    unsigned Arg; ///< Its index among the call's arguments.
    /// The first value made for it: a load made before (`double a = s;`,
    /// `a` passed) read the memory then, into a variable of its own.
    unsigned Made;
    const clang::Expr *E;
    std::string Name; ///< Of the parameter or the capture.
    bool Capture;
  };
  /// Refuses (true) R when Call may write the memory R reads through
  /// another of its arguments: C++ would read there what the call writes.
  bool refuseAliasedRead(const clang::CallExpr *CE, const Value &Call,
                         const NamedRead &R, bool HasObject,
                         unsigned FirstCapture);
  /// Callee, a template instance taking lambdas (Passed: the closures CE
  /// passes, in order), as a function of its own; null after an error.
  const ir::Function *closureCallee(const clang::CallExpr *CE,
                                    const clang::FunctionDecl &Callee,
                                    std::vector<Closure> &Passed);
  /// The closure E designates (a lambda variable or expression), or
  /// nullopt after an error.
  std::optional<Closure> closureOf(const clang::Expr *E);
  /// `sq(x)`, `[&](double t) { ... }(x)`: an Invoke of the lambda's
  /// function with the captures after the arguments (LoweringLambda.cpp).
  Value *lowerLambdaCall(const clang::CXXOperatorCallExpr *OCE);
  /// `auto sq = [c](double t) { ... };`: a Closures entry.
  void lowerLambdaDecl(const clang::VarDecl *VD);
  /// The closure LE makes here (its captures by value are read now), or
  /// nullopt after an error. AtCall: LE is made where it is called (or
  /// passed), so a copy of an array or struct is the original.
  std::optional<Closure> makeClosure(const clang::LambdaExpr *LE,
                                     std::string Name, bool AtCall = false);
  /// The values a call passes for C's captures, or nullopt after an error.
  std::optional<std::vector<Value *>> captureArgs(const Closure &C);
  /// C's captures in the order its function takes them: its own, then
  /// those of the lambdas it captures; with each one's value.
  static void
  allCaptures(const Closure &C,
              std::vector<std::pair<const CaptureParam *, Value *>> &Out);
  /// A closure whose values are parameters from ParamValues[I] on (a
  /// lambda passed in, or captured), I moved past them; nullopt when one
  /// is missing (its error has been reported).
  std::optional<Closure> boundClosure(const LambdaInfo &Info,
                                      llvm::ArrayRef<Value *> ParamValues,
                                      unsigned &I);
  /// C copied into an object of its own (`auto h = g;`, a lambda passed by
  /// value): the copies a `mutable` lambda changes get cells of their own,
  /// named Prefix_capture.
  Closure copyClosure(const Closure &C, const std::string &Prefix);
  // Operators of the user's structs (LoweringOperator.cpp).
  /// `a + b`, `-a`, `a == b`, `v[i]` calling an operator of the user's own
  /// (an Invoke, or the place an accessor names, read); nullopt when OCE
  /// calls none (a lambda, an element of a container).
  std::optional<Value *>
  lowerUserOperator(const clang::CXXOperatorCallExpr *OCE);
  /// What the one `return` of the accessor OCE calls names, when it
  /// returns a reference to a number (`double &operator()(int i, int j)
  /// { return d[i * n + j]; }`); else null.
  const clang::Expr *accessedPlace(const clang::CXXOperatorCallExpr *OCE) const;
  /// The place such an accessor's call designates: its return inlined,
  /// on the call's object and arguments.
  std::optional<Target> lowerAccessor(const clang::CXXOperatorCallExpr *OCE);

  // Helpers returning a reference to a number (LoweringRefCall.cpp).
  /// The definition of the helper of the user's own E calls when it
  /// returns a reference to a number (not an operator), or null.
  const clang::FunctionDecl *refHelper(const clang::Expr *E) const;
  /// The place such a call E names: the helper's body lowered here, its
  /// parameters bound to the arguments; nullopt after an error.
  std::optional<Target> lowerRefCallPlace(const clang::Expr *E);
  /// Binds Def's parameters to CE's arguments as variables of this body
  /// are, for a helper lowered where it is called; false after Refuse (or
  /// an error in an argument).
  bool bindInlinedParams(const clang::CallExpr *CE,
                         const clang::FunctionDecl &Def,
                         llvm::function_ref<void(const std::string &)> Refuse);
  /// Lowers Stmts of the helper Def (Body: all of it) where it is called,
  /// as statements of this body with Object for `this`, then End, before
  /// the caller's state comes back; false when they failed.
  bool lowerInlinedBody(const clang::FunctionDecl &Def, const clang::Stmt *Body,
                        llvm::ArrayRef<const clang::Stmt *> Stmts,
                        Value *Object, llvm::function_ref<void()> End);
  /// A call of a growingHelper: its body lowered here, the vectors it
  /// grows the caller's local vectors that grow; null after an error.
  Value *lowerGrowingCall(const clang::CallExpr *CE,
                          const clang::FunctionDecl &Def);
  /// A buildingCall declaring Into, a local vector that grows: the
  /// helper's body lowered here with its vector `Returned` the caller's
  /// Into; false after an error.
  bool lowerBuildingCall(const clang::CallExpr *CE,
                         const clang::VarDecl *Returned, Value *Into);
  /// The place E, the return value of the helper Name being inlined at
  /// Call, names; a local of the helper or a choice between places is
  /// refused.
  std::optional<Target> returnedPlace(const clang::Expr *E,
                                      const std::string &Name,
                                      const clang::Expr *Call);
  // Structs chosen by a condition (LoweringStructChoice.cpp).
  /// Writes into Dest the struct `c ? a : b` chooses, in a branch for each.
  bool lowerRecordChoiceInto(const clang::ConditionalOperator *CO, Value *Dest,
                             const RecordShape &Shape);
  /// `const Vec3 &q = c ? a : b;`: a copy of the struct chosen, refused
  /// when either struct changes in the function.
  void lowerRecordChoiceRef(const clang::VarDecl *VD);
  /// Refuses (true) VD, a const reference to one of Args read as a value,
  /// when the function writes any of them; What names them in the message.
  bool refuseChangedArgument(const clang::VarDecl *VD,
                             llvm::ArrayRef<const clang::Expr *> Args,
                             const std::string &What);
  /// Whether E is `a += b` calling an operator of the user's own that
  /// returns `*this`.
  bool isSelfOperator(const clang::Expr *E) const;
  /// `a += b;` as a statement: a call of a method that changes `a`.
  void lowerSelfOperator(const clang::CXXOperatorCallExpr *OCE);
  /// `cam.project(x, out)`: an Invoke whose first argument is the object.
  Value *lowerMemberCall(const clang::CXXMemberCallExpr *MCE);
  /// How generated code names Callee: qualified, with template arguments.
  std::string spellCallee(const clang::CallExpr *CE,
                          const clang::FunctionDecl &Callee);
  /// The same, for Ref, an expression naming Callee (a call's callee, or a
  /// function passed to an algorithm).
  std::string spellCallee(const clang::Expr *Ref,
                          const clang::FunctionDecl &Callee);
  /// The operands of CE, each converted to S; nullopt after an error.
  std::optional<std::vector<Value *>> lowerOperands(const clang::CallExpr *CE,
                                                    Scalar S);

  // The standard library on numbers (LoweringStd.cpp).
  /// CE lowered, if it is a call that gradc lowers itself (std::swap,
  /// std::max of a list or of integers); nullopt if not.
  std::optional<Value *> lowerStdCall(const clang::CallExpr *CE,
                                      const clang::FunctionDecl &Callee);
  /// `std::numeric_limits<double>::max()`, `INFINITY`, `NAN`: a constant
  /// named as the user wrote it (LoweringLimits.cpp); nullopt if CE is not
  /// one.
  std::optional<Value *>
  lowerLibraryConstant(const clang::CallExpr *CE,
                       const clang::FunctionDecl &Callee);
  Value *lowerMinMaxList(const clang::CallExpr *CE, ir::MathFn Fn,
                         const clang::CXXStdInitializerListExpr *IL);
  Value *lowerSwap(const clang::CallExpr *CE);
  /// `std::exchange(a, b)` of numbers: a's value, after writing b into a.
  Value *lowerExchange(const clang::CallExpr *CE);
  /// `std::swap(a, b)` of arrays or containers of numbers, `a.swap(b)` of
  /// vectors, made at Call: a loop exchanging their elements
  /// (LoweringSwapWhole.cpp).
  Value *lowerSwapWhole(const clang::Expr *A, const clang::Expr *Other,
                        const clang::Expr *Call);
  /// Whether VD is a const reference to what std::max, std::min or
  /// std::clamp returns, read as a value (an error when an argument may
  /// change while VD names it).
  bool namesStdResult(const clang::VarDecl *VD);

  // <numeric> and <algorithm> over ranges, as loops (LoweringAlgorithm.cpp).
  /// Elements Base[First + i] for i < Count (First null: 0).
  struct Span {
    Value *Base = nullptr;
    Value *First = nullptr;
    Value *Count = nullptr;
  };
  /// `std::fill_n`'s loop: V stored into each element of S.
  void fillSpan(const Span &S, Value *V);
  /// `std::copy_n`'s loop: S copied to Dst; the end of what it wrote.
  Value *copySpan(const Span &S, Value *Dst);
  /// `memset(a, 0, sizeof a)`, `std::memcpy(b, a, n * sizeof(double))`:
  /// the fill or copy each means (LoweringMemCalls.cpp); nullopt if CE is
  /// not one of them.
  std::optional<Value *> lowerMemCall(const clang::CallExpr *CE,
                                      const clang::FunctionDecl &Callee);
  /// The element count that Bytes, a byte count of elements of Size bytes,
  /// means (`n * sizeof(double)`, `sizeof a`); null after an error.
  Value *elementCount(const clang::Expr *Bytes, std::int64_t Size,
                      llvm::StringRef Callee);
  /// CE lowered, if it is one of the algorithms; nullopt if not.
  std::optional<Value *> lowerAlgorithm(const clang::CallExpr *CE);
  /// A position in a range (`x + k`, `v.begin()`, `std::end(a)`) as a
  /// pointer; null after an error.
  Value *lowerPosition(const clang::Expr *E);
  std::optional<Span> lowerSpan(const clang::Expr *First,
                                const clang::Expr *Last);
  /// The range of Count elements from First (`fill_n`, `for_each_n`).
  std::optional<Span> lowerSpanN(const clang::Expr *First,
                                 const clang::Expr *Count);
  /// "this call of 'std::name' is not supported; " Advice, at CE.
  Value *refuseAlgorithm(const clang::CallExpr *CE, const std::string &Advice);
  Value *elementIndex(const Span &S, Value *I);
  /// The int constant K.
  Value *intConstant(std::int64_t K);
  /// The standard algorithms that apply an operation (a lambda, a
  /// function of the user's, a math function) to elements, as loops
  /// (LoweringAlgorithmOps.cpp): transform, for_each, for_each_n,
  /// count_if, all_of, any_of, none_of, find_if, find_if_not; nullopt for
  /// another algorithm.
  std::optional<Value *> lowerAlgorithmOp(const clang::CallExpr *CE,
                                          llvm::StringRef Name);
  /// std::accumulate, std::inner_product, std::reduce and
  /// std::transform_reduce as left folds (LoweringAlgorithmFold.cpp);
  /// nullopt for another algorithm or form.
  std::optional<Value *> lowerFold(const clang::CallExpr *CE,
                                   llvm::StringRef Name);
  /// An operation an algorithm applies, resolved before its loop.
  struct Operation {
    std::optional<Closure> C;                ///< a lambda's captures
    const clang::FunctionDecl *Fn = nullptr; ///< its call operator, or
                                             ///< the function
    const ir::Function *G = nullptr;         ///< null: a math function
    std::optional<ir::MathFn> Math;
    /// '+', '-', '*', '/', 'n': std::plus<>(), ...; '<', '>', 'l' (<=),
    /// 'g' (>=): std::less<>(), ...
    char Arith = 0;
    Scalar Computes = Scalar::Float64; ///< the type a functor computes in
    std::string Spelled;
    ir::Type Ty = ir::Type::voidTy();
  };
  /// Op (the argument of CE) as an operation on elements of types Elems,
  /// or if Whole is given on one element of that type (a row, a struct);
  /// nullopt after an error.
  std::optional<Operation> lowerOperation(const clang::Expr *Op,
                                          llvm::ArrayRef<Scalar> Elems,
                                          const clang::CallExpr *CE,
                                          clang::QualType Whole = {});
  /// `std::for_each(v.begin(), v.end(), f)` over the rows of a container
  /// of rows or over a container of structs: f called on each, given it
  /// whole; nullopt for another for_each (LoweringForEachWhole.cpp).
  std::optional<Value *> lowerForEachWhole(const clang::CallExpr *CE);
  /// Op applied to the elements Base[Index] of Places, in order.
  Value *applyOperation(const Operation &Op,
                        llvm::ArrayRef<std::pair<Value *, Value *>> Places);
  /// Op called on Args (numbers, or places it changes), each converted to
  /// its parameter's type; null after an error.
  Value *callOperation(const Operation &Op, std::vector<Value *> Args);
  /// `for (int Counter = 0; Counter < Count; ++Counter)` (from Start, if
  /// given), its body made by Body from the counter's value; returns the
  /// Loop, the builder after it.
  Value *countedLoop(Value *Count, llvm::StringRef Counter,
                     llvm::function_ref<void(Value *)> Body,
                     Value *Start = nullptr);
  /// std::sort, std::stable_sort, std::partial_sort and std::nth_element
  /// (Name) of a range of numbers, with or without a comparison: an
  /// insertion sort of the whole range (LoweringAlgorithmSort.cpp); nullopt
  /// for another form.
  std::optional<Value *> lowerSort(const clang::CallExpr *CE,
                                   llvm::StringRef Name);
  /// The same sorts (Name) of a range of structs, with a comparison or
  /// the struct's `operator<`: an insertion sort moving whole structs
  /// through a local `key`; null after an error.
  Value *lowerStructSort(const clang::CallExpr *CE, llvm::StringRef Name);
  /// std::lower_bound or std::upper_bound (Name) over a range of numbers,
  /// with or without a comparison: the library's binary search, its
  /// position a passive index (LoweringAlgorithmSearch.cpp); nullopt for
  /// another form.
  std::optional<Value *> lowerBound(const clang::CallExpr *CE,
                                    llvm::StringRef Name);

  Value *lowerConstantExpr(const clang::Expr *E);
  Value *lowerLiteral(const clang::Expr *E);

  // Variables.
  std::optional<Target> assignTarget(const clang::Expr *LHS);
  /// The place Arg, given to a `double &` parameter, names; a variable
  /// that is not in memory (a parameter passed by value) is refused.
  std::optional<Target> referenceArgument(const clang::Expr *Arg);
  /// T, unless it writes into a parameter passed by value (an error).
  std::optional<Target> refuseByValueWrite(std::optional<Target> T,
                                           const clang::Expr *LHS);
  Value *readVar(const clang::VarDecl *VD, clang::SourceLocation Loc);
  void bind(const clang::VarDecl *VD, Value *V, unsigned Mark,
            clang::SourceLocation Loc);
  void poison(const clang::VarDecl *VD) { Poisoned.insert(VD); }
  /// True when E names a variable whose error has been reported.
  bool isPoisonedRef(const clang::Expr *E) const;

  // Values.
  Value *convert(Value *V, Scalar To, bool Implicit);
  /// The same, to the C++ type To: a conversion that only changes the
  /// name (`long` to `std::int64_t`, an unscoped enum to `int`) is a copy
  /// when implicit and a cast when the user wrote it.
  Value *convert(Value *V, ir::Type To, bool Implicit);
  Value *foldConstant(Value *C, Scalar To);
  Value *makeConstant(Scalar S, double FVal, std::int64_t IVal,
                      std::string Text);
  std::optional<Scalar> typeOf(const clang::Expr *E);
  /// V if it is a scalar; otherwise an error at E and nullptr.
  Value *expectScalar(Value *V, const clang::Expr *E);

  // Locations and text.
  void at(clang::SourceLocation Loc) {
    B.setOrigin(CurStmt,
                sourceLocOf(ForeignSite.isValid() ? ForeignSite : Loc, SM));
  }
  std::string spellingOf(clang::SourceLocation Loc);
  std::string sourceText(clang::SourceRange Range);
  /// "declare 'm' as a value ('double m = ...;')", for the reference VD.
  std::string valueAdvice(const clang::VarDecl *VD);
  /// Where E, a container gradc does not copy from, comes from, and what
  /// to write instead.
  std::string containerSourceAdvice(const clang::Expr *E);
  std::string typeName(clang::QualType T) {
    // A pair or tuple as the library spells it (what `std::make_pair`
    // returns is `pair<typename __decay_and_strip<...>::__type, ...>`).
    if (tupleKind(T) != TupleKind::None)
      T = T.getCanonicalType();
    return spelledType(T, Ctx);
  }
  std::string functionName() const { return FD.getNameAsString(); }

  Value *fail(clang::SourceLocation Loc, const std::string &Msg,
              clang::SourceRange Range = {}) {
    R.error(Loc, Msg, Range);
    Failed = true;
    return nullptr;
  }

  const clang::FunctionDecl &FD;
  clang::ASTContext &Ctx;
  const clang::SourceManager &SM;
  const clang::LangOptions &LO;
  ir::Function &F;
  ir::Builder B;
  Reporter &R;
  CalleeSource *Callees;

  /// The current value of each SSA parameter and local; nullptr while a
  /// local is declared but not yet assigned.
  llvm::DenseMap<const clang::VarDecl *, Value *> Vars;
  /// Scalars in memory (Local ops, non-const reference parameters).
  llvm::DenseMap<const clang::VarDecl *, Value *> Cells;
  /// Pointer, array and struct variables (and the copies of constant
  /// arrays of namespace scope): the pointer they hold (to the struct's
  /// scalars), never reassigned.
  llvm::DenseMap<const clang::VarDecl *, Value *> Pointers;
  /// Pointer variables that are reassigned or incremented: their base and
  /// the Int32 cell holding their offset.
  struct MovingPointer {
    Value *Base = nullptr;
    Value *Cell = nullptr;
    /// A pointer that may point into several arrays: each of them (Base
    /// first), and the Int32 cell holding which one it points into now.
    std::vector<Value *> Bases;
    Value *Which = nullptr;
    /// The offset's value, while it cannot change: of a pointer never
    /// assigned after its declaration, or in a use lowered once for each
    /// array. Null with no Cell: the offset is 0.
    Value *Off = nullptr;
    /// The block declaring Cell (Which is declared beside it).
    ir::Block *Home = nullptr;
    /// Read or written through already: no array may be added.
    bool Used = false;
    /// The stores of Cell that set it to a base (block, store, index into
    /// Bases) before Which was needed: each gets a store of Which then.
    std::vector<std::tuple<ir::Block *, Value *, unsigned>> Sets;
  };
  /// While lowering one branch of a use of such a pointer: the array
  /// (an index into Bases) it points into there.
  llvm::DenseMap<const clang::VarDecl *, unsigned> ChosenBase;
  llvm::DenseMap<const clang::VarDecl *, MovingPointer> Moving;
  /// Pointer variables assigned or incremented anywhere (found before
  /// lowering): they move.
  llvm::DenseSet<const clang::VarDecl *> Reassigned;
  llvm::DenseMap<const clang::VarDecl *, ViewVar> Views;
  /// In a member function: the object it is called on.
  Value *This = nullptr;
  /// The object of a member function of a struct holding vectors: its
  /// members (`self.W`, ...), read through `this`.
  std::optional<ViewVar> ThisView;
  /// The members of the object of the member call being lowered, when it
  /// is a struct holding vectors.
  std::vector<Value *> ObjectMembers;
  RecordShapes Shapes{Ctx};
  /// Variables assigned in a loop or branch nested deeper than their
  /// declaration (found before lowering): they live in memory.
  llvm::DenseSet<const clang::VarDecl *> AssignedDeeper;
  /// What each pointer variable is assigned anywhere (`p = RHS`, found
  /// before lowering): the arrays a moving pointer may point into are
  /// known before its first use.
  PointerSources PointerAssigned;
  /// Pointers that only trade two arrays (found before lowering): each
  /// names its array, and trading them trades the arrays.
  TradingPointers Trading;
  /// Structured bindings assigned anywhere (found before lowering): those
  /// of a copy (`auto [x, y] = p; x += 1;`) live in memory of their own.
  llvm::DenseSet<const clang::BindingDecl *> WrittenBindings;
  /// Local vectors that change size (found before lowering).
  llvm::DenseSet<const clang::VarDecl *> Growing;
  /// Of those, the ones that may shrink (pop_back, clear, resize, ...).
  llvm::DenseSet<const clang::VarDecl *> Shrinking;
  /// Variables whose declaration or last assignment failed to lower: their
  /// uses are skipped silently rather than reported again.
  llvm::DenseSet<const clang::VarDecl *> Poisoned;
  int CurStmt = -1;
  /// How many If or Loop regions enclose the statement being lowered.
  unsigned RegionDepth = 0;
  /// Nonzero while lowering a loop's init, condition or step.
  unsigned InLoopHeader = 0;
  /// How many loop bodies enclose it (break and continue need one).
  unsigned LoopDepth = 0;
  /// While lowering the operand of an explicit cast: where the cast is.
  clang::SourceLocation ExplicitCastLoc;
  bool Failed = false;
  /// The helpers returning a reference whose bodies are being lowered at
  /// their call (lowerRefCallPlace), innermost last.
  std::vector<const clang::FunctionDecl *> InlinedRefs;
  /// The helper whose body is being lowered at its call
  /// (lowerGrowingCall), which its statements say they are in.
  std::string InlinedHelper;
  /// Where a helper of another file written inline is called: its ops'
  /// place, since their lines would be read as this file's.
  clang::SourceLocation ForeignSite;

  /// What reaching the end of the statement list being lowered means.
  enum class Tail { None, Function, Iteration, Switch };
  Tail AtTail = Tail::Function;
  /// Set after a return, break or continue (or an if whose branches all
  /// leave): what follows in the same list is never run.
  const char *ExitedBy = nullptr;
  bool ReportedDeadCode = false;
  /// The function's top-level list ended with a return.
  bool ReturnEmitted = false;
  /// Where a return inside a branch leaves its value ("result"); of a
  /// struct, the `out` parameter that `result` is copied into.
  Value *ResultCell = nullptr;
  /// In a function returning a struct: where a return writes it, its
  /// `out` parameter or, with returns in branches, the local `result`.
  Value *ResultSlot = nullptr;
  /// The call whose std::vector a declaration is (`auto h = f(x);`), and
  /// the variable declared, whose name its local takes (vectorResultOf).
  const clang::Expr *NamedCall = nullptr;
  const clang::VarDecl *NamedVar = nullptr;
  /// The struct the next call returning one writes (lowerRecordInto).
  Value *PendingResult = nullptr;
  /// `bool returned`, set by a return that more code would follow, and
  /// how many ops declare it (from the Local on).
  Value *ReturnedFlag = nullptr;
  size_t FlagOps = 0;
  /// Where the next copy of a constant array goes in the body's ops.
  size_t GlobalsAt = 0;
  /// Where the ops of the top-level statement being lowered begin in the
  /// body's ops (a vector declared inside it is declared there).
  size_t TopStmtAt = 0;
  bool FlagUsed = false;
  /// A return set `returned` and the path runs on to the end of the
  /// statement being lowered (which must skip what follows).
  bool Returning = false;
  /// A return set `returned` and broke out of the loop being lowered.
  bool LoopReturned = false;
  /// The loop whose body is being lowered, and its `bool stop`, which a
  /// break that more of the body follows sets (null until one does).
  Value *CurLoop = nullptr;
  Value *StopFlag = nullptr;
  /// Such a break set `stop` and the path runs on to the end of the
  /// statement being lowered (which must skip what follows).
  bool Breaking = false;
  /// The last such break, to which the ops skipping code are attributed.
  clang::SourceLocation StopLoc;
  int StopStmt = -1;
  /// The last such return, to which the ops skipping code are attributed.
  clang::SourceLocation EscapeLoc;
  int EscapeStmt = -1;
  /// Bumped by every bind(): a statement that binds keeps its ops.
  unsigned Binds = 0;

  /// Inside a switch's case: LoopDepth at the switch (a break there leaves
  /// the switch), and what the end of the switch meant outside it.
  bool InSwitch = false;
  unsigned SwitchLoopDepth = 0;
  Tail SwitchOuterTail = Tail::None;
  /// Breaks of the switch being lowered (a switch all of whose paths
  /// return or continue leaves too).
  unsigned SwitchBreaks = 0;
  /// `for (double &v : a)` and `double &v = a[i];`: v names a[i], read and
  /// written there.
  llvm::DenseMap<const clang::VarDecl *, Target> ElementRefs;
  /// `const auto &row = m[i];`, `for (auto &row : m)`: row is m's row.
  llvm::DenseMap<const clang::VarDecl *, RowRef> RowRefs;
  /// The length of the rows of each std::vector of std::vector parameter
  /// or local.
  llvm::DenseMap<const Value *, Value *> VectorCols;
  /// The number of rows of each local std::vector of std::vector (a flat
  /// std::vector whose count is rows * cols).
  llvm::DenseMap<const Value *, Value *> MatrixRows;
  /// Structured bindings: by reference, the place each names; of a copy,
  /// the value (or, for an array member, its pointer).
  llvm::DenseMap<const clang::BindingDecl *, Target> BindingPlaces;
  llvm::DenseMap<const clang::BindingDecl *, Value *> BindingValues;
  llvm::DenseSet<const clang::BindingDecl *> PoisonedBindings;
  /// Lambda variables (`auto sq = [...](...) {...};`).
  llvm::DenseMap<const clang::VarDecl *, Closure> Closures;
};

} // namespace gradc::frontend

#endif // GRADC_LIB_FRONTEND_BODYLOWERING_H
