//===- LoweringComplex.cpp - std::complex as two real numbers -------------===//
//
// A std::complex<T> variable is a struct of two numbers, its real and
// imaginary parts (Records.cpp), so that parameters, adjoints, locals in
// loops, helpers and `--at` are those of structs. A complex value is two
// IR values, and the operators and functions of <complex> are the real
// arithmetic they mean: `z * w` is `(a c - b d, a d + b c)`, `std::exp(z)`
// is `e^a (cos b, sin b)`. The transform and the emitters see only numbers
// and members; an imaginary part known to be zero (a real operand) is
// left out rather than multiplied by.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

namespace gradc::frontend {

using namespace clang;
using ir::MathFn;
using ir::Value;

namespace {

/// The function of std that CE calls (a method of std::complex, an
/// operator or a function of <complex>), or null.
const FunctionDecl *stdCallee(const CallExpr *CE) {
  const FunctionDecl *Callee = CE->getDirectCallee();
  if (!Callee)
    return nullptr;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Callee))
    return isComplexType(QualType(MD->getParent()->getTypeForDecl(), 0))
               ? Callee
               : nullptr;
  return Callee->isInStdNamespace() ? Callee : nullptr;
}

bool involvesComplex(const CallExpr *CE) {
  if (isComplexType(CE->getType()))
    return true;
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(CE);
      MCE && MCE->getImplicitObjectArgument() &&
      isComplexType(MCE->getImplicitObjectArgument()->getType()))
    return true;
  for (const Expr *A : CE->arguments())
    if (isComplexType(A->getType()))
      return true;
  return false;
}

const Expr *bare(const Expr *E) {
  while (true) {
    E = E->IgnoreParens();
    if (const auto *FE = dyn_cast<FullExpr>(E))
      E = FE->getSubExpr();
    else if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
      E = MTE->getSubExpr();
    else if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(E))
      E = BTE->getSubExpr();
    else if (const auto *CE = dyn_cast<CastExpr>(E);
             CE && (CE->getCastKind() == CK_NoOp ||
                    CE->getCastKind() == CK_ConstructorConversion ||
                    (CE->getCastKind() == CK_LValueToRValue &&
                     isComplexType(E->getType()))))
      E = CE->getSubExpr();
    else
      return E;
  }
}

} // namespace

const char *const ComplexFunctions =
    "'+ - * / == !=', 'real', 'imag', 'abs', 'norm', 'arg', 'conj', "
    "'proj', 'polar', 'exp', 'log', 'log10', 'sqrt', 'pow', 'sin', 'cos', "
    "'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', "
    "'acosh', 'atanh'";

Value *BodyLowering::complexZero(ir::Scalar S) {
  return makeConstant(S, 0, 0, "");
}

std::optional<BodyLowering::Complex>
BodyLowering::loadComplex(Value *P, const RecordShape &Shape) {
  if (!P)
    return std::nullopt;
  Value *Re = B.load(memberOf(B, P, Shape.Members[0]));
  Value *Im = B.load(memberOf(B, P, Shape.Members[1]));
  return Complex{Re, Im, Shape.S};
}

void BodyLowering::storeComplex(Value *Dest, const Complex &V,
                                const RecordShape &Shape) {
  auto Part = [&](Value *X) {
    return X ? convert(X, Shape.S, /*Implicit=*/true) : complexZero(Shape.S);
  };
  B.store(memberOf(B, Dest, Shape.Members[0]), Part(V.Re));
  B.store(memberOf(B, Dest, Shape.Members[1]), Part(V.Im));
}

std::optional<BodyLowering::Complex>
BodyLowering::lowerComplexOperand(const Expr *E, ir::Scalar S) {
  if (isComplexType(E->getType()))
    return lowerComplex(E);
  Value *V = expectScalar(lowerExpr(E), E);
  if (!V)
    return std::nullopt;
  return Complex{convert(V, S, /*Implicit=*/true), nullptr, S};
}

std::optional<BodyLowering::Complex> BodyLowering::lowerComplex(const Expr *E) {
  E = bare(E);
  std::optional<ir::Scalar> S = complexScalar(E->getType(), Ctx);
  if (!S && isPoisonedRef(E)) { // reported where it is declared
    Failed = true;
    return std::nullopt;
  }
  if (!S) {
    const RecordShape *Shape =
        shapeOf(E->getType(), E->getExprLoc(), E->getSourceRange());
    (void)Shape; // the message says which types are supported
    return std::nullopt;
  }
  // `std::complex<double>(x, y)`, `{x, y}`, `z(x)`, a conversion from
  // another complex type, a copy.
  if (const auto *CCE = dyn_cast<CXXConstructExpr>(E)) {
    Complex V{nullptr, nullptr, *S};
    for (unsigned I = 0; I < CCE->getNumArgs() && I < 2; ++I) {
      const Expr *A = CCE->getArg(I);
      if (isa<CXXDefaultArgExpr>(A))
        continue;
      if (isComplexType(A->getType())) {
        std::optional<Complex> C = lowerComplex(A);
        if (!C)
          return std::nullopt;
        at(E->getBeginLoc());
        V.Re = C->Re ? convert(C->Re, *S, true) : nullptr;
        V.Im = C->Im ? convert(C->Im, *S, true) : nullptr;
        continue;
      }
      Value *X = expectScalar(lowerExpr(A), A);
      if (!X)
        return std::nullopt;
      (I == 0 ? V.Re : V.Im) = convert(X, *S, /*Implicit=*/true);
    }
    if (!V.Re) {
      at(E->getBeginLoc());
      V.Re = complexZero(*S);
    }
    return V;
  }
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = stdCallee(CE);
    if (!Callee) {
      // A helper of the user's returning a complex: a struct it writes.
      const RecordShape *Shape =
          shapeOf(E->getType(), E->getExprLoc(), E->getSourceRange());
      return Shape ? loadComplex(lowerRecord(E), *Shape) : std::nullopt;
    }
    return lowerComplexFunction(CE, *Callee, *S);
  }
  // A variable, a member, an element: a struct in memory.
  const RecordShape *Shape =
      shapeOf(E->getType(), E->getExprLoc(), E->getSourceRange());
  if (!Shape)
    return std::nullopt;
  if (const auto *CO = dyn_cast<ConditionalOperator>(E))
    return lowerComplexConditional(CO, *Shape);
  Value *Ptr = lowerRecord(E);
  at(E->getBeginLoc());
  return loadComplex(Ptr, *Shape);
}

std::optional<BodyLowering::Complex>
BodyLowering::complexArithmetic(OverloadedOperatorKind Op, const Complex &X,
                                const Complex &Y) {
  ComplexMath M(B, X.S);
  switch (Op) {
  case OO_Plus:
  case OO_PlusEqual:
    return M.plus(X, Y);
  case OO_Minus:
  case OO_MinusEqual:
    return M.minus(X, Y);
  case OO_Star:
  case OO_StarEqual:
    return M.times(X, Y);
  case OO_Slash:
  case OO_SlashEqual:
    return M.over(X, Y);
  default:
    return std::nullopt;
  }
}

std::optional<BodyLowering::Complex>
BodyLowering::lowerComplexFunction(const CallExpr *CE,
                                   const FunctionDecl &Callee, ir::Scalar S) {
  // `2.0i` (std::complex_literals): an imaginary number.
  if (const auto *UDL = dyn_cast<UserDefinedLiteral>(CE);
      UDL && UDL->getCookedLiteral()) {
    const Expr *Lit = UDL->getCookedLiteral();
    Value *Im = expectScalar(lowerExpr(Lit), Lit);
    if (!Im)
      return std::nullopt;
    if (Im->isConst())
      Im->Text.clear(); // spelled `0.25i`: printed as its value
    return Complex{complexZero(S), convert(Im, S, /*Implicit=*/true), S};
  }
  ComplexMath M(B, S);
  std::string Name = Callee.getNameAsString();
  const auto *OCE = dyn_cast<CXXOperatorCallExpr>(CE);
  unsigned N = CE->getNumArgs();
  std::vector<Complex> Args;
  for (const Expr *A : CE->arguments()) {
    if (isa<CXXDefaultArgExpr>(A)) { // polar's angle: known to be zero
      Args.push_back(Complex{nullptr, nullptr, S});
      continue;
    }
    std::optional<Complex> C = lowerComplexOperand(A, S);
    if (!C)
      return std::nullopt;
    Args.push_back(*C);
  }
  at(CE->getBeginLoc());
  if (OCE) {
    OverloadedOperatorKind Op = OCE->getOperator();
    if (N == 1 && Op == OO_Minus)
      return Complex{M.neg(Args[0].Re), M.neg(Args[0].Im), S};
    if (N == 1 && Op == OO_Plus)
      return Args[0];
    if (N == 2)
      if (std::optional<Complex> V = complexArithmetic(Op, Args[0], Args[1]))
        return V;
  } else if (Name == "conj" && N == 1) {
    return Complex{Args[0].Re, M.neg(Args[0].Im), S};
  } else if (Name == "polar" && N >= 1 && N <= 2) {
    if (N == 1 || isa<CXXDefaultArgExpr>(CE->getArg(1)))
      return Complex{Args[0].Re, nullptr, S};
    return Complex{M.mul(Args[0].Re, M.fn(MathFn::Cos, Args[1].Re)),
                   M.mul(Args[0].Re, M.fn(MathFn::Sin, Args[1].Re)), S};
  } else if (Name == "exp" && N == 1) {
    return M.exp(Args[0]);
  } else if (Name == "log" && N == 1) {
    return M.log(Args[0]);
  } else if (Name == "sqrt" && N == 1) {
    // The principal root: sqrt(r) (cos t/2, sin t/2).
    return M.sqrt(Args[0]);
  } else if (Name == "pow" && N == 2) {
    const Expr *Y = CE->getArg(1);
    if (!isComplexType(Y->getType())) {
      // A small whole power is that many products, exact at zero too.
      Expr::EvalResult R;
      if (!Y->isValueDependent() && Y->EvaluateAsRValue(R, Ctx)) {
        double K = R.Val.isInt()     ? R.Val.getInt().getSExtValue()
                   : R.Val.isFloat() ? R.Val.getFloat().convertToDouble()
                                     : 0.5;
        if (K >= 1 && K <= 4 && K == static_cast<int>(K)) {
          Complex V = Args[0];
          for (int I = 1; I < static_cast<int>(K); ++I)
            V = M.times(V, Args[0]);
          return V;
        }
      }
      return M.powReal(Args[0], Args[1].Re);
    }
    return M.exp(M.times(Args[1], M.log(Args[0])));
  } else if (N == 1) {
    if (std::optional<Complex> V = M.elementary(Name, Args[0]))
      return V;
  }
  fail(CE->getExprLoc(),
       "'" +
           (OCE ? std::string("operator") +
                      getOperatorSpelling(OCE->getOperator())
                : "std::" + Name) +
           "' of std::complex is not supported; gradc supports " +
           ComplexFunctions + " (write others with these)",
       CE->getSourceRange());
  return std::nullopt;
}

std::optional<BodyLowering::Complex>
BodyLowering::lowerComplexConditional(const ConditionalOperator *CO,
                                      const RecordShape &Shape) {
  // As for numbers (lowerConditional): each arm runs only when C++ runs
  // it, writing a complex local `chosen`.
  Value *C = lowerCondition(CO->getCond());
  if (!C)
    return std::nullopt;
  at(CO->getBeginLoc());
  Value *Cell = B.local(Shape.S, Shape.Size, "chosen");
  Cell->Text = typeName(CO->getType().getCanonicalType().getUnqualifiedType());
  Cell->Member = ir::MemberKind::Record;
  if (!lowerArms(CO, C, [&](const Expr *E) {
        return lowerComplexInto(E, Cell, Shape);
      }))
    return std::nullopt;
  at(CO->getBeginLoc());
  return loadComplex(Cell, Shape);
}

bool BodyLowering::lowerComplexInto(const Expr *E, Value *Dest,
                                    const RecordShape &Shape) {
  const Expr *V = bare(E);
  if (const auto *CE = dyn_cast<CallExpr>(V); CE && !stdCallee(CE)) {
    // A helper of the user's writes its result into Dest itself.
    Value *Saved = std::exchange(PendingResult, Dest);
    Value *R = lowerExpr(V);
    PendingResult = Saved;
    return R != nullptr;
  }
  std::optional<Complex> C = lowerComplex(E);
  if (!C)
    return false;
  at(E->getBeginLoc());
  storeComplex(Dest, *C, Shape);
  return true;
}

Value *BodyLowering::complexTemporary(const Expr *E) {
  const Expr *V = bare(E);
  if (const auto *CE = dyn_cast<CallExpr>(V); CE && !stdCallee(CE))
    return nullptr; // the call makes its own (resultOf)
  const RecordShape *Shape =
      shapeOf(E->getType(), E->getExprLoc(), E->getSourceRange());
  if (!Shape)
    return nullptr;
  std::optional<Complex> C = lowerComplex(E);
  if (!C)
    return nullptr;
  at(E->getBeginLoc());
  Value *Tmp = B.local(Shape->S, Shape->Size, "cz");
  Tmp->Text = typeName(E->getType()
                           .getNonReferenceType()
                           .getCanonicalType()
                           .getUnqualifiedType());
  Tmp->Member = ir::MemberKind::Record;
  storeComplex(Tmp, *C, *Shape);
  return Tmp;
}

std::optional<Value *> BodyLowering::lowerComplexCall(const CallExpr *CE) {
  const FunctionDecl *Callee = stdCallee(CE);
  if (!Callee || !involvesComplex(CE))
    return std::nullopt;
  std::string Name = Callee->getNameAsString();
  const auto *MCE = dyn_cast<CXXMemberCallExpr>(CE);
  const auto *OCE = dyn_cast<CXXOperatorCallExpr>(CE);
  const Expr *Obj = MCE ? MCE->getImplicitObjectArgument()
                    : OCE && OCE->getNumArgs() > 0 ? OCE->getArg(0)
                                                   : nullptr;
  OverloadedOperatorKind Op = OCE ? OCE->getOperator() : OO_None;
  // `z = w`, `z += w`, `z.real(x)`: stores into z's parts.
  bool Assigns = Op == OO_Equal || Op == OO_PlusEqual || Op == OO_MinusEqual ||
                 Op == OO_StarEqual || Op == OO_SlashEqual;
  bool Sets =
      MCE && (Name == "real" || Name == "imag") && MCE->getNumArgs() == 1;
  if ((Assigns || Sets) && Obj && isComplexType(Obj->getType())) {
    const RecordShape *Shape =
        shapeOf(Obj->getType(), Obj->getExprLoc(), Obj->getSourceRange());
    Value *Dest = Shape ? lowerRecord(Obj) : nullptr;
    if (!Dest)
      return nullptr;
    Target T;
    T.Ptr = Dest;
    if (!refuseByValueWrite(T, Obj))
      return nullptr;
    if (Sets) {
      const Expr *A = CE->getArg(0);
      Value *X = expectScalar(lowerExpr(A), A);
      if (!X)
        return nullptr;
      at(CE->getBeginLoc());
      B.store(memberOf(B, Dest, Shape->Members[Name == "real" ? 0 : 1]),
              convert(X, Shape->S, /*Implicit=*/true));
      return Dest;
    }
    const Expr *RHS = OCE->getArg(1);
    std::optional<Complex> V;
    if (Op == OO_Equal) {
      V = lowerComplexOperand(RHS, Shape->S);
    } else {
      // `z op= w` is `z = z op w`, which the operator's rule computes.
      std::optional<Complex> Old = loadComplex(Dest, *Shape);
      std::optional<Complex> W = lowerComplexOperand(RHS, Shape->S);
      if (!Old || !W)
        return nullptr;
      at(CE->getBeginLoc());
      V = complexArithmetic(Op, *Old, *W);
    }
    if (!V)
      return nullptr;
    at(CE->getBeginLoc());
    storeComplex(Dest, *V, *Shape);
    return Dest;
  }
  if (isComplexType(CE->getType()))
    return complexTemporary(CE);
  // Numbers of complex values.
  std::optional<Complex> Z;
  if (MCE && (Name == "real" || Name == "imag") && MCE->getNumArgs() == 0)
    Z = lowerComplex(MCE->getImplicitObjectArgument());
  else if (!MCE && CE->getNumArgs() >= 1 &&
           isComplexType(CE->getArg(0)->getType()))
    Z = lowerComplex(CE->getArg(0));
  if (!Z && Failed)
    return nullptr;
  ComplexMath P(B, Z ? Z->S : ir::Scalar::Float64);
  at(CE->getBeginLoc());
  auto Zero = [&](Value *X) { return P.zero(X); };
  if (Z && !OCE && CE->getNumArgs() <= 1) {
    if (Name == "real")
      return Z->Re;
    if (Name == "imag")
      return Zero(Z->Im);
    if (Name == "abs")
      return Z->Im ? P.fn(MathFn::Hypot, Z->Re, Z->Im)
                   : P.fn(MathFn::Fabs, Z->Re);
    if (Name == "norm")
      return P.add(P.mul(Z->Re, Z->Re), P.mul(Z->Im, Z->Im));
    if (Name == "arg")
      return P.fn(MathFn::Atan2, Zero(Z->Im), Z->Re);
  }
  if (OCE && (Op == OO_EqualEqual || Op == OO_ExclaimEqual) &&
      CE->getNumArgs() == 2) {
    std::optional<ir::Scalar> S = complexScalar(CE->getArg(0)->getType(), Ctx);
    if (!S)
      S = complexScalar(CE->getArg(1)->getType(), Ctx);
    std::optional<Complex> X = lowerComplexOperand(CE->getArg(0), *S);
    std::optional<Complex> Y = lowerComplexOperand(CE->getArg(1), *S);
    if (!X || !Y)
      return nullptr;
    at(CE->getBeginLoc());
    ir::CmpPred Pred = Op == OO_EqualEqual ? ir::CmpPred::EQ : ir::CmpPred::NE;
    Value *Re = B.cmp(Pred, X->Re, Y->Re);
    ComplexMath M(B, *S); // the operands' type: Z may be a real
    Value *Im = B.cmp(Pred, M.zero(X->Im), M.zero(Y->Im));
    return Op == OO_EqualEqual ? B.logicAnd(Re, Im) : B.logicOr(Re, Im);
  }
  return fail(CE->getExprLoc(),
              "'" +
                  (OCE ? std::string("operator") + getOperatorSpelling(Op)
                       : (MCE ? "" : "std::") + Name) +
                  "' of std::complex is not supported; gradc supports " +
                  ComplexFunctions + " (write others with these)",
              CE->getSourceRange());
}

} // namespace gradc::frontend
