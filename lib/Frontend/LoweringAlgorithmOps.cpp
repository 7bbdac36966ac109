//===- LoweringAlgorithmOps.cpp - Algorithms applying an operation --------===//
//
// std::transform, std::for_each, std::for_each_n, std::count_if,
// std::all_of, std::any_of, std::none_of, std::find_if and
// std::find_if_not over a range of numbers become
// the counted loop each means, calling the operation on each element:
// `std::transform(x, x + n, y, sq)` is `for (int i = 0; i < n; ++i) y[i] =
// f_sq(x[i]);`. The operation is a lambda (its function, as when it is
// called: LoweringLambda.cpp), a function of the user's, a <cmath>
// function or an arithmetic functor of <functional> (`std::plus<>()`).
// An algorithm takes the operation by value: a `mutable` lambda variable
// passed to one changes a copy of its state, not its own.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSwitch.h"

namespace gradc::frontend {

using namespace clang;
using ir::CmpPred;
using ir::Scalar;
using ir::Value;

namespace {

/// Whether a parameter of type PT is the element itself (`double &a`),
/// which the operation may change.
bool takesPlace(QualType PT) {
  return PT->isLValueReferenceType() &&
         !PT->getPointeeType().isConstQualified();
}

/// The arithmetic or comparison functor of <functional> T is
/// (`std::plus<double>`, `std::multiplies<>`, `std::greater<>`): its
/// operator ('l' for <=, 'g' for >=), or 0.
char arithFunctor(QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->getIdentifier() ||
      !RD->getDeclContext()->getRedeclContext()->isStdNamespace())
    return 0;
  return llvm::StringSwitch<char>(RD->getName())
      .Case("plus", '+')
      .Case("minus", '-')
      .Case("multiplies", '*')
      .Case("divides", '/')
      .Case("negate", 'n')
      .Case("less", '<')
      .Case("greater", '>')
      .Case("less_equal", 'l')
      .Case("greater_equal", 'g')
      .Default(0);
}

} // namespace

std::optional<BodyLowering::Operation>
BodyLowering::lowerOperation(const Expr *OpE, ArrayRef<Scalar> Elems,
                             const CallExpr *CE, QualType Whole) {
  std::string Name = CE->getDirectCallee()->getNameAsString();
  std::string Algo = "std::" + Name;
  // The algorithms whose operation is given the elements themselves.
  static constexpr llvm::StringLiteral PlacesGiven[] = {
      "transform", "for_each", "for_each_n", "count_if",   "all_of",
      "any_of",    "none_of",  "find_if",    "find_if_not"};
  SourceLocation Loc = OpE->getBeginLoc();
  auto Refuse = [&](const std::string &Msg) -> std::optional<Operation> {
    fail(Loc, Msg, OpE->getSourceRange());
    return std::nullopt;
  };
  Operation Op;
  // (An element used whole is given to its operation as to any function.)
  auto Takes = [&](QualType PT, unsigned K) {
    if (!Whole.isNull())
      return Ctx.hasSameUnqualifiedType(PT.getNonReferenceType(), Whole);
    return scalarTypeOf(PT.getNonReferenceType(), Ctx) == Elems[K];
  };
  if (char A = arithFunctor(OpE->getType()); A && Whole.isNull()) {
    if ((A == 'n') != (Elems.size() == 1))
      return Refuse("std::negate takes one element, the others two");
    Op.Arith = A;
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(
        OpE->getType().getNonReferenceType()->getAsCXXRecordDecl());
    std::optional<Scalar> S;
    if (Spec && Spec->getTemplateArgs().size() == 1 &&
        Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
        !Spec->getTemplateArgs()[0].getAsType()->isVoidType())
      S = scalarTypeOf(Spec->getTemplateArgs()[0].getAsType(), Ctx);
    else // `std::plus<>`: the type C++ computes in
      S = *std::max_element(Elems.begin(), Elems.end());
    if (!S)
      return Refuse("gradc follows " + Algo + " over numbers only");
    Op.Computes = std::max(*S, Scalar::Int32);
    Op.Ty = ir::Type::scalar(StringRef("<>lg").contains(A) ? Scalar::Bool
                                                           : Op.Computes);
    return Op;
  }
  const FunctionDecl *Fn = nullptr;
  if (isLambdaType(OpE->getType())) {
    std::optional<Closure> C = closureOf(OpE);
    if (!C)
      return std::nullopt;
    // The algorithm's own copy of a lambda variable.
    if (const VarDecl *VD = closureVariable(OpE))
      C = copyClosure(*C, VD->getNameAsString() + "_copy");
    const CXXMethodDecl *CallOp = C->LE->getCallOperator();
    if (C->LE->isGenericLambda()) {
      // The instance the algorithm calls: one taking the elements' types.
      CallOp = nullptr;
      for (FunctionDecl *Spec :
           C->LE->getDependentCallOperator()->specializations()) {
        bool Match = Spec->getNumParams() == Elems.size();
        for (unsigned K = 0; Match && K < Elems.size(); ++K)
          Match = Takes(Spec->getParamDecl(K)->getType(), K);
        if (Match) {
          CallOp = cast<CXXMethodDecl>(Spec);
          break;
        }
      }
      if (!CallOp)
        return Refuse("gradc finds no instance of this generic lambda for "
                      "the elements of this range; give its parameters "
                      "their type");
    }
    Fn = CallOp;
    Op.C = std::move(C);
  } else {
    const Expr *E = OpE->IgnoreParenCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(E);
        UO && UO->getOpcode() == UO_AddrOf)
      E = UO->getSubExpr()->IgnoreParenCasts();
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    Fn = DRE ? dyn_cast<FunctionDecl>(DRE->getDecl()) : nullptr;
    if (!Fn || isa<CXXMethodDecl>(Fn))
      return Refuse("gradc follows " + Algo +
                    " with a lambda, a function of your own or a <cmath> "
                    "function as its operation; pass a lambda that does "
                    "what this does");
    Op.Math = mathFunctionOf(*Fn);
    if (!Op.Math) {
      const FunctionDecl *Def = Fn->getDefinition();
      if (!Def || SM.isInSystemHeader(Def->getLocation()) || !Callees)
        return Refuse("gradc cannot see the body of '" + calleeName(*Fn) +
                      "'; pass a lambda, a function of your own or a "
                      "<cmath> function");
      if (llvm::any_of(Def->parameters(), [](const ParmVarDecl *P) {
            return isLambdaType(P->getType());
          }))
        return Refuse("a function taking a lambda is not supported as " + Algo +
                      "'s operation; pass a lambda that calls it");
      Fn = Def;
    }
    Op.Spelled = spellCallee(DRE, *Fn);
  }
  Op.Fn = Fn;
  if (Fn->getNumParams() != Elems.size())
    return Refuse("this operation takes " + std::to_string(Fn->getNumParams()) +
                  " arguments; " + Algo + " gives it " +
                  std::to_string(Elems.size()));
  for (unsigned K = 0; K < Elems.size(); ++K) {
    QualType PT = Fn->getParamDecl(K)->getType();
    if (!Whole.isNull()) {
      if (!Takes(PT, K))
        return Refuse(
            "gradc follows " + Algo +
            " over these elements with an operation taking one ('const " +
            typeName(Whole) + " &'); this one takes '" + typeName(PT) + "'");
      continue;
    }
    std::optional<Scalar> S = scalarTypeOf(PT.getNonReferenceType(), Ctx);
    if (!S || (takesPlace(PT) && *S != Elems[K]))
      return Refuse("gradc follows " + Algo +
                    " with an operation taking numbers (or references to "
                    "the elements); this one takes '" +
                    typeName(PT) + "'");
    // Folds and comparisons are given values (an accumulator, a sort's
    // key), and C++ forbids them to change the elements.
    if (takesPlace(PT) && !llvm::is_contained(PlacesGiven, Name))
      return Refuse("gradc follows " + Algo +
                    " with an operation taking its arguments by value or "
                    "const reference, as it may not change them; this one "
                    "takes '" +
                    typeName(PT) + "'");
  }
  QualType RT = Fn->getReturnType();
  if (!RT->isVoidType()) {
    std::optional<Scalar> S = scalarTypeOf(RT, Ctx);
    if (!S || RT->isReferenceType())
      return Refuse("gradc follows " + Algo +
                    " with an operation returning a number; this one "
                    "returns '" +
                    typeName(RT) + "'");
    Op.Ty = ir::Type::scalar(*S);
  }
  if (Op.Math)
    return Op;
  Op.G = Op.C ? Callees->lambda(*cast<CXXMethodDecl>(Fn), *Op.C, Loc)
              : Callees->callee(*Fn, Loc);
  if (!Op.G) {
    Failed = true; // reported at the operation
    return std::nullopt;
  }
  if (Op.C)
    Op.Spelled = Op.G->Name;
  return Op;
}

Value *
BodyLowering::applyOperation(const Operation &Op,
                             ArrayRef<std::pair<Value *, Value *>> Places) {
  std::vector<Value *> Args;
  // An element the operation changes (`double &a`) goes through a variable
  // of its own, written back after the call: what the backward sweep keeps
  // of it is then one number, not the array. A lambda that captures memory
  // by reference gets the element itself, which it may also read there.
  bool InPlace =
      Op.C && llvm::any_of(Op.C->Captures, [](const CaptureParam &P) {
        return P.Ty.kind() == ir::Type::Ptr;
      });
  std::vector<std::pair<Value *, unsigned>> WriteBack;
  for (unsigned K = 0; K < Places.size(); ++K) {
    auto [Base, Index] = Places[K];
    if (Op.Fn && takesPlace(Op.Fn->getParamDecl(K)->getType())) {
      if (InPlace) {
        Args.push_back(B.offset(Base, Index));
        continue;
      }
      Value *Cell = B.local(Base->Ty.scalarKind(), 0,
                            Op.Fn->getParamDecl(K)->getNameAsString());
      B.store(Cell, B.load(Base, Index));
      WriteBack.push_back({Cell, K});
      Args.push_back(Cell);
      continue;
    }
    Args.push_back(B.load(Base, Index));
  }
  Value *Call = callOperation(Op, std::move(Args));
  for (auto [Cell, K] : WriteBack)
    B.store(Places[K].first, B.load(Cell), Places[K].second);
  return Call;
}

Value *BodyLowering::callOperation(const Operation &Op,
                                   std::vector<Value *> Args) {
  // Numbers converted as C++ converts them to the parameters' types.
  for (unsigned K = 0; K < Args.size(); ++K) {
    if (Args[K]->Ty.kind() == ir::Type::Ptr)
      continue; // an element the operation changes, in place
    Scalar S =
        Op.Fn
            ? *scalarTypeOf(
                  Op.Fn->getParamDecl(K)->getType().getNonReferenceType(), Ctx)
            : Op.Computes;
    Args[K] = convert(Args[K], S, /*Implicit=*/true);
  }
  if (Op.Math)
    return B.call(*Op.Math, std::move(Args));
  switch (Op.Arith) {
  case '+':
    return B.add(Args[0], Args[1]);
  case '-':
    return B.sub(Args[0], Args[1]);
  case '*':
    return B.mul(Args[0], Args[1]);
  case '/':
    return B.div(Args[0], Args[1]);
  case 'n':
    return B.neg(Args[0]);
  case '<':
    return B.cmp(CmpPred::LT, Args[0], Args[1]);
  case '>':
    return B.cmp(CmpPred::GT, Args[0], Args[1]);
  case 'l':
    return B.cmp(CmpPred::LE, Args[0], Args[1]);
  case 'g':
    return B.cmp(CmpPred::GE, Args[0], Args[1]);
  default:
    break;
  }
  if (Op.C) {
    std::optional<std::vector<Value *>> Extra = captureArgs(*Op.C);
    if (!Extra)
      return nullptr;
    Args.insert(Args.end(), Extra->begin(), Extra->end());
  }
  return B.invoke(Op.G, Op.Spelled, Op.Ty, std::move(Args));
}

std::optional<Value *> BodyLowering::lowerAlgorithmOp(const CallExpr *CE,
                                                      StringRef Name) {
  bool Transform = Name == "transform", ForEach = Name == "for_each",
       ForEachN = Name == "for_each_n", Count = Name == "count_if",
       All = Name == "all_of", Any = Name == "any_of", None = Name == "none_of",
       Find = Name == "find_if", FindNot = Name == "find_if_not";
  if (!Transform && !ForEach && !ForEachN && !Count && !All && !Any && !None &&
      !Find && !FindNot)
    return std::nullopt;
  unsigned N = CE->getNumArgs();
  auto Arg = [&](unsigned K) { return CE->getArg(K); };
  auto Refuse = [&](const std::string &Advice) {
    return refuseAlgorithm(CE, Advice);
  };
  if (N != 3 && !(Transform && (N == 4 || N == 5)))
    return Refuse("gradc follows it without an execution policy: write the "
                  "loop, or drop the policy");
  // The range read, and for a binary transform the second one.
  std::optional<Span> S =
      ForEachN ? lowerSpanN(Arg(0), Arg(1)) : lowerSpan(Arg(0), Arg(1));
  Value *Second = Transform && N == 5 ? lowerPosition(Arg(2)) : nullptr;
  Value *Dst = Transform ? lowerPosition(Arg(N - 2)) : nullptr;
  if (!S || (Transform && !Dst) || (N == 5 && !Second))
    return nullptr;
  std::vector<Scalar> Elems{S->Base->Ty.scalarKind()};
  auto [SBase, SOff] =
      Second ? splitPointer(Second) : std::pair<Value *, Value *>();
  if (Second)
    Elems.push_back(SBase->Ty.scalarKind());
  std::optional<Operation> Op = lowerOperation(Arg(N - 1), Elems, CE);
  if (!Op)
    return nullptr;
  if (!ForEach && !ForEachN && Op->Ty.kind() == ir::Type::Void)
    return Refuse("its operation must return a value");
  at(CE->getBeginLoc());
  // count_if counts into a `count`; all_of, any_of and none_of stop at
  // the first element that decides them, as C++ does, and find_if at the
  // first it finds: `pos`, the range's end (its count) if none.
  Value *Result = nullptr;
  if (Find || FindNot) {
    Result = B.local(Scalar::Int32, 0, "pos");
    B.store(Result, S->Count);
  } else if (Count || All || Any || None) {
    Scalar RS = Count ? scalarTypeOf(CE->getType(), Ctx).value_or(Scalar::Int64)
                      : Scalar::Bool;
    Result = B.local(RS, 0,
                     Count ? "count"
                     : All ? "all"
                     : Any ? "any"
                           : "none");
    B.store(Result, makeConstant(RS, 0,
                                 Any     ? 0
                                 : Count ? 0
                                         : 1,
                                 Count ? "0"
                                 : Any ? "false"
                                       : "true"));
  }
  bool Ok = true;
  auto [DBase, DOff] = Dst ? splitPointer(Dst) : std::pair<Value *, Value *>();
  countedLoop(S->Count, "i", [&](Value *I) {
    std::vector<std::pair<Value *, Value *>> Places{
        {S->Base, elementIndex(*S, I)}};
    if (Second)
      Places.push_back({SBase, SOff->isConstValue(0) ? I : B.add(SOff, I)});
    Value *V = applyOperation(*Op, Places);
    if (!V) {
      Ok = false;
      return;
    }
    if (Transform) {
      Value *J = DOff->isConstValue(0) ? I : B.add(DOff, I);
      B.store(DBase, convert(V, DBase->Ty.scalarKind(), true), J);
      return;
    }
    if (!Result)
      return;
    Value *Holds = convert(V, Scalar::Bool, /*Implicit=*/true);
    Value *If = B.ifOp(All || FindNot ? B.logicNot(Holds) : Holds);
    ir::Block &Saved = B.block();
    B.setBlock(If->Regions[ir::Then]);
    Scalar RS = Result->Ty.scalarKind();
    if (Find || FindNot) {
      B.store(Result, I);
      B.brk();
    } else if (Count) {
      B.store(Result, B.add(B.load(Result), makeConstant(RS, 1, 1, "1")));
    } else {
      B.store(Result, makeConstant(RS, 0, Any, Any ? "true" : "false"));
      B.brk();
    }
    B.setBlock(Saved);
  });
  if (!Ok)
    return nullptr;
  if (Find || FindNot)
    return B.offset(S->Base, elementIndex(*S, B.load(Result)));
  if (Result)
    return B.load(Result);
  if (Transform)
    return B.offset(Dst, S->Count);
  // for_each_n returns the end of what it visited; for_each the operation,
  // which gradc does not follow as a value.
  return ForEachN ? B.offset(S->Base, elementIndex(*S, S->Count))
                  : makeConstant(Scalar::Int32, 0, 0, "0");
}

} // namespace gradc::frontend
