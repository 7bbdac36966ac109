//===- LoweringGlobal.cpp - Constants of namespace and class scope --------===//
//
// A function may read constants declared outside it: `constexpr double k`,
// `inline constexpr`, `static const double c[] = {...}`, `static
// constexpr` members (`C::k`, `obj.k`). They are what they are: data. A
// scalar is its value, a constant the IR knows. An array is copied into a
// local array of the same name at the top of the function, the first time
// it is read, so that it is memory as any other (indexed, passed to
// helpers, never differentiated). A global that is not constant is state
// the derivative cannot see: reading or writing it is refused.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

#include "clang/AST/APValue.h"

#include <cmath>

namespace gradc::frontend {

using namespace clang;
using ir::Scalar;
using ir::Value;

/// The value VD's definition gives it at compile time, or null.
static const APValue *constantValueOf(const VarDecl *VD) {
  const VarDecl *Def = nullptr;
  const Expr *Init = VD->getAnyInitializer(Def);
  if (!Init || !Def || Init->isValueDependent())
    return nullptr;
  return Def->evaluateValue();
}

/// A number of the APValue V as (FVal, IVal); false if it is none.
static bool numberOf(const APValue &V, double &FVal, std::int64_t &IVal) {
  if (V.isFloat()) {
    llvm::APFloat AF = V.getFloat();
    bool LosesInfo = false;
    AF.convert(llvm::APFloat::IEEEdouble(), llvm::APFloat::rmNearestTiesToEven,
               &LosesInfo);
    FVal = AF.convertToDouble();
    IVal = 0;
    return true;
  }
  if (V.isInt() && V.getInt().getBitWidth() <= 64) {
    IVal = V.getInt().getExtValue();
    FVal = static_cast<double>(IVal);
    return true;
  }
  return false;
}

Value *BodyLowering::lowerGlobal(const Expr *Ref, const VarDecl *VD) {
  std::string Name = VD->getNameAsString();
  QualType T = VD->getType();
  bool Constant = VD->isConstexpr() || T.isConstant(Ctx);
  if (!Constant || T.isVolatileQualified())
    return fail(Ref->getExprLoc(),
                std::string(VD->isStaticDataMember() ? "reading the static "
                                                       "data member '"
                            : VD->isStaticLocal()
                                ? "reading the static local variable '"
                                : "reading the global variable '") +
                    Name +
                    "' is not supported: it is not a constant, and gradc "
                    "cannot see how it changes; pass it as a parameter, or "
                    "declare it 'const' or 'constexpr' if it never changes",
                Ref->getSourceRange());
  if (T->isArrayType())
    return lowerGlobalArray(Ref, VD);
  std::optional<Scalar> S = scalarTypeOf(T, Ctx);
  const APValue *Val = S ? constantValueOf(VD) : nullptr;
  double FVal = 0;
  std::int64_t IVal = 0;
  if ((!Val || !numberOf(*Val, FVal, IVal)) && VD->isStaticLocal())
    return fail(Ref->getExprLoc(),
                "the static local variable '" + Name + "' (a '" +
                    typeName(T.getUnqualifiedType()) +
                    "') is not supported: gradc reads static locals that "
                    "are constant numbers, or arrays of numbers, with a "
                    "value known at compile time; keep a table in a "
                    "'static constexpr double " +
                    Name +
                    "[]' indexed by position, or build it before the call "
                    "and pass it as a parameter",
                Ref->getSourceRange());
  if (!Val || !numberOf(*Val, FVal, IVal))
    return fail(Ref->getExprLoc(),
                "global constant '" + Name +
                    "' is not supported: gradc reads constants that are "
                    "numbers, or arrays of numbers, with a value known at "
                    "compile time",
                Ref->getSourceRange());
  at(Ref->getBeginLoc());
  return makeConstant(*S, FVal, IVal, "");
}

bool BodyLowering::refuseGlobalWrite(const Expr *LHS) {
  const Expr *E = LHS->IgnoreParenImpCasts();
  while (true) {
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
      E = ASE->getBase()->IgnoreParenImpCasts();
    else if (const auto *ME = dyn_cast<MemberExpr>(E);
             ME && isa<FieldDecl>(ME->getMemberDecl()))
      E = ME->getBase()->IgnoreParenImpCasts();
    else
      break;
  }
  const VarDecl *VD = nullptr;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    VD = dyn_cast<VarDecl>(DRE->getDecl());
  else if (const auto *ME = dyn_cast<MemberExpr>(E))
    VD = dyn_cast<VarDecl>(ME->getMemberDecl());
  if (!VD || VD->hasLocalStorage() || VD->getType()->isReferenceType())
    return false;
  fail(LHS->getBeginLoc(),
       "writing the global variable '" + VD->getNameAsString() +
           "' is not supported: gradc differentiates what a function "
           "computes from its parameters; pass it as a 'double &' or "
           "'double *' parameter instead",
       LHS->getSourceRange());
  return true;
}

/// Appends the numbers of V, an array of any rank, in row-major order;
/// false if an element is not a number.
static bool flatten(const APValue &V,
                    std::vector<std::pair<double, std::int64_t>> &Out) {
  if (!V.isArray()) {
    double FVal = 0;
    std::int64_t IVal = 0;
    if (!numberOf(V, FVal, IVal))
      return false;
    Out.emplace_back(FVal, IVal);
    return true;
  }
  for (unsigned I = 0, N = V.getArraySize(); I < N; ++I)
    if (!flatten(I < V.getArrayInitializedElts() ? V.getArrayInitializedElt(I)
                                                 : V.getArrayFiller(),
                 Out))
      return false;
  return true;
}

Value *BodyLowering::lowerGlobalArray(const Expr *Ref, const VarDecl *VD) {
  if (auto It = Pointers.find(VD); It != Pointers.end())
    return It->second;
  std::string Name = VD->getNameAsString();
  std::optional<std::pair<std::int64_t, QualType>> Shape =
      flatArrayShape(VD->getType(), Ctx);
  std::optional<Scalar> S =
      Shape ? scalarTypeOf(Shape->second, Ctx) : std::nullopt;
  const APValue *Val = S ? constantValueOf(VD) : nullptr;
  std::vector<std::pair<double, std::int64_t>> Elements;
  if (!Val || !flatten(*Val, Elements) ||
      static_cast<std::int64_t>(Elements.size()) != Shape->first)
    return fail(Ref->getExprLoc(),
                "global constant '" + Name +
                    "' is not supported: gradc reads constant arrays of "
                    "numbers, with values known at compile time",
                Ref->getSourceRange());
  // At the top of the body, before anything that could read it.
  ir::Block &Here = B.block();
  ir::Block Copy;
  B.setBlock(Copy);
  B.setOrigin(-1, sourceLocOf(VD->getLocation(), SM));
  Value *Array = B.local(*S, Shape->first, Name, /*ZeroInit=*/true);
  for (size_t I = 0; I < Elements.size(); ++I) {
    auto [FVal, IVal] = Elements[I];
    if (FVal == 0 && IVal == 0 && !std::signbit(FVal))
      continue; // the zeroed array holds it
    B.store(Array, makeConstant(*S, FVal, IVal, ""),
            makeConstant(Scalar::Int32, 0, I, std::to_string(I)));
  }
  B.setBlock(Here);
  std::vector<Value *> &Ops = F.Body.Ops;
  Ops.insert(Ops.begin() + GlobalsAt, Copy.Ops.begin(), Copy.Ops.end());
  GlobalsAt += Copy.Ops.size();
  TopStmtAt += Copy.Ops.size();
  Pointers[VD] = Array;
  at(Ref->getBeginLoc());
  return Array;
}

} // namespace gradc::frontend
