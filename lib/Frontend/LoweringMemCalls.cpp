//===- LoweringMemCalls.cpp - memset and memcpy on arrays of numbers ------===//
//
// `memset(a, 0, sizeof a)` and `std::memcpy(b, a, n * sizeof(double))` are
// the fill and the copy they mean (`std::fill_n(a, 4, 0)`, `std::copy_n(a,
// n, b)`), with the byte count read back as a count of elements. Bytes other
// than 0, copies between different types and `memmove` are refused.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

#include "clang/Basic/SourceManager.h"

namespace gradc::frontend {

using namespace clang;
using ir::Value;

namespace {

/// E without the conversions to `void *` that a call of memset makes.
const Expr *withoutVoidCast(const Expr *E) {
  E = E->IgnoreParens();
  while (const auto *Cast = dyn_cast<CastExpr>(E)) {
    if (!Cast->getType()->isVoidPointerType() &&
        Cast->getCastKind() != CK_LValueToRValue &&
        Cast->getCastKind() != CK_ArrayToPointerDecay)
      break;
    if (Cast->getCastKind() == CK_ArrayToPointerDecay)
      return Cast->getSubExpr()->IgnoreParens();
    E = Cast->getSubExpr()->IgnoreParens();
  }
  return E;
}

/// The type of the elements E points to or holds; null if neither.
QualType elementType(const Expr *E) {
  QualType T = E->getType().getNonReferenceType();
  if (T->isPointerType())
    return T->getPointeeType();
  if (const auto *AT = T->getAsArrayTypeUnsafe())
    return AT->getElementType();
  return QualType();
}

} // namespace

Value *BodyLowering::elementCount(const Expr *Bytes, std::int64_t Size,
                                  StringRef Callee) {
  const Expr *E = Bytes->IgnoreParenImpCasts();
  auto Refuse = [&](const std::string &Why) {
    return fail(Bytes->getBeginLoc(),
                "gradc reads the byte count of '" + Callee.str() +
                    "' as a number of elements of " + std::to_string(Size) +
                    " bytes" + Why +
                    ": write it 'n * sizeof(double)' or 'sizeof a'",
                Bytes->getSourceRange());
  };
  Expr::EvalResult R;
  if (!E->isValueDependent() && E->EvaluateAsInt(R, Ctx)) {
    std::int64_t N = R.Val.getInt().getExtValue();
    if (N < 0 || N % Size != 0)
      return Refuse(", and " + std::to_string(N) + " is not a multiple");
    at(Bytes->getBeginLoc());
    return intConstant(N / Size);
  }
  // `n * sizeof(double)`, `sizeof a[0] * n`.
  if (const auto *BO = dyn_cast<BinaryOperator>(E);
      BO && BO->getOpcode() == BO_Mul) {
    for (int Side = 0; Side < 2; ++Side) {
      const Expr *Unit = Side == 0 ? BO->getRHS() : BO->getLHS();
      const Expr *Count = Side == 0 ? BO->getLHS() : BO->getRHS();
      Expr::EvalResult U;
      if (Unit->isValueDependent() || !Unit->EvaluateAsInt(U, Ctx) ||
          U.Val.getInt().getExtValue() != Size)
        continue;
      Count = Count->IgnoreParenImpCasts();
      Value *K = expectScalar(lowerExpr(Count), Count);
      if (!K)
        return nullptr;
      at(Bytes->getBeginLoc());
      return convert(K, ir::Scalar::Int32, /*Implicit=*/true);
    }
  }
  return Refuse("");
}

std::optional<Value *> BodyLowering::lowerMemCall(const CallExpr *CE,
                                                  const FunctionDecl &Callee) {
  const DeclContext *DC = Callee.getDeclContext()->getRedeclContext();
  if (!Callee.getIdentifier() ||
      (!DC->isTranslationUnit() && !DC->isStdNamespace()) ||
      !SM.isInSystemHeader(Callee.getLocation()))
    return std::nullopt;
  StringRef Name = Callee.getName();
  if (Name != "memset" && Name != "memcpy" && Name != "memmove")
    return std::nullopt;
  SourceLocation Loc = CE->getBeginLoc();
  SourceRange Range = CE->getSourceRange();
  if (Name == "memmove" || CE->getNumArgs() != 3)
    return fail(Loc,
                "'" + Name.str() +
                    "' is not supported: gradc copies arrays of numbers with "
                    "'std::memcpy' and 'std::copy_n' when they do not "
                    "overlap; where they do, write the loop that reads each "
                    "element before it is overwritten",
                Range);
  const Expr *Dst = withoutVoidCast(CE->getArg(0));
  QualType Elem = elementType(Dst);
  std::optional<ir::Scalar> S =
      Elem.isNull() ? std::nullopt : scalarTypeOf(Elem, Ctx);
  if (!S)
    return fail(Dst->getBeginLoc(),
                "'" + Name.str() +
                    "' is supported on arrays of numbers; this is " +
                    (Elem.isNull() ? "not an array"
                                   : "an array of '" + typeName(Elem) + "'") +
                    ": set or copy its members one by one",
                Range);
  std::int64_t Size = Ctx.getTypeSizeInChars(Elem).getQuantity();
  bool Set = Name == "memset";
  const Expr *Src = Set ? nullptr : withoutVoidCast(CE->getArg(1));
  if (Set) {
    Expr::EvalResult Byte;
    const Expr *V = CE->getArg(1);
    if (V->isValueDependent() || !V->EvaluateAsInt(Byte, Ctx) ||
        Byte.Val.getInt().getExtValue() != 0)
      return fail(V->getBeginLoc(),
                  "'memset' with a byte other than 0 is not supported: its "
                  "bytes make no number gradc could follow; set the "
                  "elements with 'std::fill_n(a, n, v)'",
                  V->getSourceRange());
  } else if (QualType From = elementType(Src);
             From.isNull() || !Ctx.hasSameUnqualifiedType(From, Elem)) {
    return fail(Src->getBeginLoc(),
                "'memcpy' between arrays of different types is not "
                "supported: it copies bytes, not numbers; convert with "
                "'std::copy_n(src, n, dst)'",
                Range);
  }
  Value *Count = elementCount(CE->getArg(2), Size, Name);
  if (!Count)
    return nullptr;
  Value *To = lowerPosition(Dst);
  if (!To)
    return nullptr;
  if (Set) {
    auto [Base, Off] = splitPointer(To);
    at(Loc);
    fillSpan(Span{Base, Off->isConstValue(0) ? nullptr : Off, Count},
             makeConstant(*S, 0, 0, "0"));
    return To;
  }
  Value *From = lowerPosition(Src);
  if (!From)
    return nullptr;
  auto [Base, Off] = splitPointer(From);
  at(Loc);
  copySpan(Span{Base, Off->isConstValue(0) ? nullptr : Off, Count}, To);
  return To;
}

} // namespace gradc::frontend
