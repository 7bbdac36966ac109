//===- LoweringAlgorithm.cpp - <numeric> and <algorithm> as loops ---------===//
//
// std::accumulate, std::inner_product, std::fill, std::fill_n, std::copy,
// std::max_element and std::min_element over a range of numbers (pointers,
// arrays, std::array and std::vector iterators) become the counted loop
// each means, so nothing downstream changes: `std::accumulate(x, x + n,
// 0.0)` is `double sum = 0.0; for (int i = 0; i < n; ++i) sum += x[i];`.
// A position in a range (`x + k`, `v.begin()`, `std::end(a)`, what
// max_element returns) is a pointer value: its array and an offset.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

namespace gradc::frontend {

using namespace clang;
using ir::CmpPred;
using ir::LoopKind;
using ir::Scalar;
using ir::Value;

namespace {

const Expr *skipCopies(const Expr *E) {
  while (true) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E);
        CE && CE->getNumArgs() == 1)
      E = CE->getArg(0);
    else if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
      E = MTE->getSubExpr();
    else
      return E;
  }
}

/// The name of the standard function CE calls, or "".
StringRef stdName(const CallExpr *CE) {
  const FunctionDecl *Callee = CE->getDirectCallee();
  if (!Callee || !Callee->getIdentifier() ||
      !Callee->getDeclContext()->getRedeclContext()->isStdNamespace())
    return "";
  return Callee->getName();
}

/// The type C++ computes a + b in, for the arithmetic types gradc has
/// (ordered by rank in Scalar).
Scalar common(Scalar A, Scalar B) { return std::max(A, B); }

} // namespace

Value *BodyLowering::countedLoop(Value *Count, llvm::StringRef Counter,
                                 llvm::function_ref<void(Value *)> Body) {
  Value *Loop = B.loop(LoopKind::For);
  ir::Block &Saved = B.block();
  ++RegionDepth;
  B.setBlock(Loop->Regions[ir::Init]);
  Value *I = B.local(Scalar::Int32, 0, Counter.str());
  B.store(I, makeConstant(Scalar::Int32, 0, 0, "0"));
  B.setBlock(Loop->Regions[ir::Cond]);
  B.yield(B.cmp(CmpPred::LT, B.load(I), Count));
  B.setBlock(Loop->Regions[ir::Step]);
  B.store(I, B.add(B.load(I), makeConstant(Scalar::Int32, 1, 1, "1")));
  B.setBlock(Loop->Regions[ir::LoopBody]);
  Body(B.load(I));
  B.setBlock(Saved);
  --RegionDepth;
  return Loop;
}

Value *BodyLowering::lowerPosition(const Expr *E) {
  E = skipCopies(E);
  if (const VarDecl *VD = movingPointerOf(E)) // an iterator variable
    return readMoving(VD, E->getBeginLoc());
  if (isPoisonedRef(E)) { // an iterator variable, already reported
    Failed = true;
    return nullptr;
  }
  bool Pointer = E->getType()->isPointerType() || E->getType()->isArrayType();
  auto Refuse = [&] {
    return fail(E->getExprLoc(),
                "this position in a range is not supported; gradc follows "
                "'x + k', 'a', 'v.begin() + k', 'v.end()', 'std::begin(a)' "
                "and what std::max_element returns",
                E->getSourceRange());
  };
  // it + k, it - k
  if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(E);
      OCE && OCE->getNumArgs() == 2 &&
      (OCE->getOperator() == OO_Plus || OCE->getOperator() == OO_Minus)) {
    Value *P = lowerPosition(OCE->getArg(0));
    Value *K = expectScalar(lowerExpr(OCE->getArg(1)), OCE->getArg(1));
    if (!P || !K)
      return nullptr;
    at(OCE->getBeginLoc());
    K = convert(K, Scalar::Int32, /*Implicit=*/true);
    return B.offset(P, OCE->getOperator() == OO_Plus ? K : B.neg(K));
  }
  // v.begin(), v.end(); std::begin(v), std::end(a).
  const Expr *Object = nullptr;
  StringRef Name;
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(E)) {
    Object = MCE->getImplicitObjectArgument();
    Name = MCE->getMethodDecl() && MCE->getMethodDecl()->getIdentifier()
               ? MCE->getMethodDecl()->getName()
               : "";
  } else if (const auto *CE = dyn_cast<CallExpr>(E)) {
    Name = stdName(CE);
    // (What these return is a position: `auto it = std::transform(...)`.)
    if (Name == "max_element" || Name == "min_element" || Name == "transform" ||
        Name == "copy" || Name == "fill_n" || Name == "for_each_n")
      return lowerExpr(E);
    if (CE->getNumArgs() == 1)
      Object = CE->getArg(0);
  }
  bool Begin = Name == "begin" || Name == "cbegin";
  bool End = Name == "end" || Name == "cend";
  if (!Object || (!Begin && !End))
    return Pointer ? lowerPointer(E) : Refuse();
  QualType OT = Object->getType().getNonReferenceType();
  std::optional<ContainerShape> C = containerShape(OT, Ctx);
  const auto *CAT = Ctx.getAsConstantArrayType(OT);
  if (!C && !CAT)
    return Refuse();
  Value *Base = lowerPointer(Object);
  if (!Base || Begin)
    return Base;
  at(E->getBeginLoc());
  Value *Count;
  if (CAT || !C->IsVector) {
    std::int64_t N = CAT ? CAT->getSize().getZExtValue() : C->Count;
    Count = makeConstant(Scalar::Int32, 0, N, std::to_string(N));
  } else if (Value *N = localVectorCount(Base)) {
    Count = convert(N, Scalar::Int32,
                    /*Implicit=*/N->Code != ir::OpCode::Load);
  } else {
    Count = convert(B.size(Base, Scalar::UInt64), Scalar::Int32,
                    /*Implicit=*/false);
  }
  return B.offset(Base, Count);
}

std::optional<BodyLowering::Span> BodyLowering::lowerSpan(const Expr *First,
                                                          const Expr *Last) {
  Value *P = lowerPosition(First);
  Value *Q = lowerPosition(Last);
  if (!P || !Q)
    return std::nullopt;
  auto [Base, Off] = splitPointer(P);
  auto [EndBase, EndOff] = splitPointer(Q);
  if (Base != EndBase) {
    fail(Last->getExprLoc(),
         "gradc follows a range whose end is written from its beginning "
         "('x, x + n', 'v.begin(), v.end()'); this one's is not",
         SourceRange(First->getBeginLoc(), Last->getEndLoc()));
    return std::nullopt;
  }
  Span S;
  S.Base = Base;
  S.First = Off->isConstValue(0) ? nullptr : Off;
  at(First->getBeginLoc());
  S.Count = S.First ? B.sub(EndOff, Off) : EndOff;
  if (S.First && Off->isConst() && EndOff->isConst()) // `a + 1, a + 4`: 3
    S.Count = intConstant(EndOff->IVal - Off->IVal);
  return S;
}

std::optional<BodyLowering::Span> BodyLowering::lowerSpanN(const Expr *First,
                                                           const Expr *Count) {
  Value *P = lowerPosition(First);
  Value *K = expectScalar(lowerExpr(Count), Count);
  if (!P || !K)
    return std::nullopt;
  auto [Base, Off] = splitPointer(P);
  at(First->getBeginLoc());
  return Span{Base, Off->isConstValue(0) ? nullptr : Off,
              convert(K, Scalar::Int32, /*Implicit=*/true)};
}

Value *BodyLowering::refuseAlgorithm(const CallExpr *CE,
                                     const std::string &Advice) {
  return fail(CE->getExprLoc(),
              "this call of 'std::" + stdName(CE).str() +
                  "' is not supported; " + Advice,
              CE->getSourceRange());
}

Value *BodyLowering::intConstant(std::int64_t K) {
  return makeConstant(Scalar::Int32, 0, K, std::to_string(K));
}

Value *BodyLowering::elementIndex(const Span &S, Value *I) {
  return S.First ? B.add(S.First, I) : I;
}

std::optional<Value *> BodyLowering::lowerAlgorithm(const CallExpr *CE) {
  StringRef Name = stdName(CE);
  if (Name.empty())
    return std::nullopt;
  unsigned N = CE->getNumArgs();
  auto Arg = [&](unsigned K) { return CE->getArg(K); };
  auto Refuse = [&](const std::string &Advice) {
    return refuseAlgorithm(CE, Advice);
  };
  bool Known = Name == "accumulate" || Name == "inner_product" ||
               Name == "fill" || Name == "fill_n" || Name == "copy" ||
               Name == "max_element" || Name == "min_element" ||
               Name == "iota" || Name == "reverse" || Name == "transform" ||
               Name == "for_each" || Name == "for_each_n" ||
               Name == "count_if" || Name == "all_of" || Name == "any_of" ||
               Name == "none_of";
  if (Known && InLoopHeader)
    return Refuse("gradc makes it a loop, which a loop's header cannot hold: "
                  "compute it into a variable before the loop");
  if (Name == "for_each")
    if (std::optional<Value *> V = lowerForEachWhole(CE))
      return *V;
  if (std::optional<Value *> V = lowerAlgorithmOp(CE, Name))
    return *V;
  if ((Name == "max_element" || Name == "min_element") && N != 2)
    return Refuse("gradc follows it without a comparison of your own: "
                  "write the loop");
  if (Name == "accumulate" || Name == "inner_product") {
    bool Inner = Name == "inner_product";
    if (N != (Inner ? 4u : 3u))
      return Refuse("gradc follows it with an initial value and no "
                    "operation of your own: write the loop");
    std::optional<Scalar> T = scalarTypeOf(CE->getType(), Ctx);
    std::optional<Span> S = lowerSpan(Arg(0), Arg(1));
    Value *Other = Inner ? lowerPosition(Arg(2)) : nullptr;
    Value *Init = expectScalar(lowerExpr(Arg(N - 1)), Arg(N - 1));
    if (!T)
      return Refuse("its value must be a number");
    if (!S || !Init || (Inner && !Other))
      return nullptr;
    at(CE->getBeginLoc());
    Value *Acc = B.local(*T, 0, Inner ? "dot" : "sum");
    B.store(Acc, convert(Init, *T, /*Implicit=*/true));
    auto [OBase, OOff] =
        Other ? splitPointer(Other) : std::pair<Value *, Value *>();
    countedLoop(S->Count, "i", [&](Value *I) {
      Value *E = B.load(S->Base, elementIndex(*S, I));
      if (Inner) {
        Value *J = OOff->isConstValue(0) ? I : B.add(OOff, I);
        Value *F = B.load(OBase, J);
        Scalar P = common(E->Ty.scalarKind(), F->Ty.scalarKind());
        E = B.mul(convert(E, P, true), convert(F, P, true));
      }
      // acc = acc + e, in the type C++ adds them in, stored as T.
      Scalar Sum = common(*T, E->Ty.scalarKind());
      B.store(Acc, convert(B.add(convert(B.load(Acc), Sum, true),
                                 convert(E, Sum, true)),
                           *T, true));
    });
    return B.load(Acc);
  }
  if (Name == "fill" || Name == "fill_n") {
    if (N != 3)
      return std::nullopt;
    std::optional<Span> S =
        Name == "fill" ? lowerSpan(Arg(0), Arg(1)) : lowerSpanN(Arg(0), Arg(1));
    Value *V = expectScalar(lowerExpr(Arg(2)), Arg(2));
    if (!S || !V)
      return nullptr;
    at(CE->getBeginLoc());
    V = convert(V, S->Base->Ty.scalarKind(), /*Implicit=*/true);
    countedLoop(S->Count, "i",
                [&](Value *I) { B.store(S->Base, V, elementIndex(*S, I)); });
    return Name == "fill" ? V : B.offset(S->Base, elementIndex(*S, S->Count));
  }
  if (Name == "copy" && N == 3) {
    std::optional<Span> S = lowerSpan(Arg(0), Arg(1));
    Value *Dst = lowerPosition(Arg(2));
    if (!S || !Dst)
      return nullptr;
    auto [DBase, DOff] = splitPointer(Dst);
    at(CE->getBeginLoc());
    countedLoop(S->Count, "i", [&](Value *I) {
      Value *V = B.load(S->Base, elementIndex(*S, I));
      Value *J = DOff->isConstValue(0) ? I : B.add(DOff, I);
      B.store(DBase, convert(V, DBase->Ty.scalarKind(), true), J);
    });
    return B.offset(Dst, S->Count);
  }
  if (Name == "iota" && N == 3) {
    // `*first = value; ++value;` in the value's own type, as C++ counts.
    std::optional<Span> S = lowerSpan(Arg(0), Arg(1));
    Value *V = expectScalar(lowerExpr(Arg(2)), Arg(2));
    std::optional<Scalar> T = scalarTypeOf(Arg(2)->getType(), Ctx);
    if (!S || !V || !T)
      return nullptr;
    at(CE->getBeginLoc());
    Value *Cur = B.local(*T, 0, "value");
    B.store(Cur, convert(V, *T, /*Implicit=*/true));
    countedLoop(S->Count, "i", [&](Value *I) {
      B.store(S->Base,
              convert(B.load(Cur), S->Base->Ty.scalarKind(), /*Implicit=*/true),
              elementIndex(*S, I));
      B.store(Cur, B.add(B.load(Cur), makeConstant(*T, 1, 1, "1")));
    });
    return B.load(Cur);
  }
  if (Name == "reverse" && N == 2) {
    // The first half exchanged with the second, as C++ does.
    std::optional<Span> S = lowerSpan(Arg(0), Arg(1));
    if (!S)
      return nullptr;
    at(CE->getBeginLoc());
    bool Known = S->Count->isConst();
    Value *Last = Known ? intConstant(S->Count->IVal - 1)
                        : B.sub(S->Count, intConstant(1));
    Value *Half = Known ? intConstant(S->Count->IVal / 2)
                        : B.div(S->Count, intConstant(2));
    countedLoop(Half, "i", [&](Value *I) {
      Value *J = elementIndex(*S, I);
      Value *K = elementIndex(*S, B.sub(Last, I));
      Value *A = B.load(S->Base, J);
      Value *Z = B.load(S->Base, K);
      B.store(S->Base, Z, J);
      B.store(S->Base, A, K);
    });
    return makeConstant(Scalar::Int32, 0, 0, "0");
  }
  if ((Name == "max_element" || Name == "min_element") && N == 2) {
    std::optional<Span> S = lowerSpan(Arg(0), Arg(1));
    if (!S)
      return nullptr;
    // The first largest (smallest) element, as C++ finds it; an empty range
    // gives its end.
    at(CE->getBeginLoc());
    Value *Best = B.local(Scalar::Int32, 0, "best");
    B.store(Best, makeConstant(Scalar::Int32, 0, 0, "0"));
    bool Max = Name == "max_element";
    countedLoop(S->Count, "i", [&](Value *I) {
      Value *Cur = B.load(S->Base, elementIndex(*S, B.load(Best)));
      Value *E = B.load(S->Base, elementIndex(*S, I));
      Value *If =
          B.ifOp(Max ? B.cmp(CmpPred::LT, Cur, E) : B.cmp(CmpPred::LT, E, Cur));
      ir::Block &Saved = B.block();
      B.setBlock(If->Regions[ir::Then]);
      B.store(Best, I);
      B.setBlock(Saved);
    });
    // An empty range leaves best 0, its end.
    return B.offset(S->Base, elementIndex(*S, B.load(Best)));
  }
  // Another algorithm over iterators: said at the call, not at each
  // iterator it is given.
  if (llvm::any_of(CE->arguments(),
                   [](const Expr *A) { return isIterator(A->getType()); }))
    return Refuse(
        std::string("gradc follows accumulate, inner_product, fill, fill_n, "
                    "copy, iota, reverse, max_element, min_element, "
                    "transform, for_each, for_each_n, count_if, all_of, "
                    "any_of and none_of; write the loop") +
        (Name == "sort" || Name == "stable_sort"
             ? " (a sort's derivative sends each element's gradient back to "
               "where the element came from: sort an array of indices in a "
               "loop of your own and read the values through it)"
             : ""));
  return std::nullopt;
}

} // namespace gradc::frontend
