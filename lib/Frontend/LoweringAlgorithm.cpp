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
#include "IteratorParams.h"
#include "Sequencing.h"

namespace gradc::frontend {

using namespace clang;
using ir::CmpPred;
using ir::LoopKind;
using ir::Scalar;
using ir::Value;

namespace {

/// E without its copies and conversions; Reversed when one of them makes
/// a reverse iterator of an iterator (`std::reverse_iterator<It> r(it)`,
/// `std::make_reverse_iterator(it)`), which designates the element before.
const Expr *skipCopies(const Expr *E, bool &Reversed) {
  Reversed = false;
  while (true) {
    E = E->IgnoreImplicit()->IgnoreParens();
    const Expr *Inner = nullptr;
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E);
        CE && CE->getNumArgs() == 1)
      Inner = CE->getArg(0);
    else if (const auto *Call = dyn_cast<CallExpr>(E);
             Call && Call->getNumArgs() == 1 && Call->getDirectCallee() &&
             Call->getDirectCallee()->isInStdNamespace() &&
             Call->getDirectCallee()->getIdentifier() &&
             Call->getDirectCallee()->getName() == "make_reverse_iterator")
      Inner = Call->getArg(0);
    else if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
      Inner = MTE->getSubExpr();
    if (!Inner)
      return E;
    if (isReverseIterator(E->getType()) &&
        !isReverseIterator(Inner->getType())) {
      Reversed = true;
      return Inner;
    }
    E = Inner;
  }
}

/// A function of <numeric>, <algorithm> or <iterator> gradc follows: one
/// list for lowerAlgorithm, which lowers each, and lowerPosition, which
/// takes the position one returns.
struct StdAlgorithm {
  const char *Name;
  bool Loop;     ///< made a loop (which a loop's header cannot hold)
  bool Position; ///< its value is a position in a range
  bool Writes;   ///< it may write where its arguments point
};

constexpr StdAlgorithm Algorithms[] = {
    {"accumulate", true, false, false},
    {"inner_product", true, false, false},
    {"reduce", true, false, false},
    {"transform_reduce", true, false, false},
    {"partial_sum", true, true, true},
    {"adjacent_difference", true, true, true},
    {"fill", true, false, true},
    {"fill_n", true, true, true},
    {"copy", true, true, true},
    {"copy_n", true, true, true},
    {"iota", true, false, true},
    {"sort", true, false, true},
    {"stable_sort", true, false, true},
    {"partial_sort", true, false, true},
    {"nth_element", true, false, true},
    {"reverse", true, false, true},
    {"max_element", true, true, false},
    {"min_element", true, true, false},
    {"minmax_element", true, false, false},
    {"lower_bound", true, true, false},
    {"upper_bound", true, true, false},
    {"find_if", true, true, false},
    {"find_if_not", true, true, false},
    {"transform", true, true, true},
    {"for_each", true, false, true},
    {"for_each_n", true, true, true},
    {"count_if", true, false, false},
    {"all_of", true, false, false},
    {"any_of", true, false, false},
    {"none_of", true, false, false},
    {"next", false, true, false},
    {"prev", false, true, false},
    {"advance", false, false, true},
    {"distance", false, false, false},
};

/// Whether E is an execution policy (`std::execution::par`).
bool isPolicy(const Expr *E) {
  const auto *RD = E->getType().getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->getIdentifier() && RD->getName().ends_with("_policy");
}

const StdAlgorithm *findAlgorithm(StringRef Name) {
  for (const StdAlgorithm &A : Algorithms)
    if (Name == A.Name)
      return &A;
  return nullptr;
}

/// "accumulate, inner_product, ... and distance".
std::string algorithmNames() {
  std::string Names;
  for (const StdAlgorithm &A : Algorithms) {
    if (!Names.empty())
      Names += &A == std::end(Algorithms) - 1 ? " and " : ", ";
    Names += A.Name;
  }
  return Names;
}

} // namespace

StringRef stdName(const CallExpr *CE) {
  const FunctionDecl *Callee = CE->getDirectCallee();
  if (!Callee || !Callee->getIdentifier() ||
      !Callee->getDeclContext()->getRedeclContext()->isStdNamespace())
    return "";
  return Callee->getName();
}

Value *BodyLowering::bestOf(Value *Count, bool Max,
                            llvm::function_ref<Value *(Value *)> Element,
                            llvm::function_ref<Value *(Value *, Value *)> Less,
                            bool Last) {
  // The first largest (smallest) element, as C++ finds it: a later one
  // replaces it only when it compares greater (less); an empty range
  // gives its end. The last largest: a later one replaces it unless it
  // compares less.
  Value *Best = B.local(Scalar::Int32, 0, "best");
  B.store(Best, makeConstant(Scalar::Int32, 0, 0, "0"));
  bool Ok = true;
  countedLoop(Count, "i", [&](Value *I) {
    Value *Cur = Element(B.load(Best));
    Value *E = Element(I);
    if (!Max)
      std::swap(Cur, E);
    Value *Replaces = Last ? Less(E, Cur) : Less(Cur, E);
    if (!Replaces) {
      Ok = false;
      return;
    }
    if (Last)
      Replaces = B.logicNot(convert(Replaces, Scalar::Bool, /*Implicit=*/true));
    Value *If = B.ifOp(convert(Replaces, Scalar::Bool, /*Implicit=*/true));
    ir::Block &Saved = B.block();
    B.setBlock(If->Regions[ir::Then]);
    // (The counter read again here: `best = i;`, not a copy of it.)
    B.store(Best, B.load(I->Operands[0]));
    B.setBlock(Saved);
  });
  return Ok ? B.load(Best) : nullptr;
}

Value *BodyLowering::lowerExtreme(const CallExpr *CE, bool Max, bool Last) {
  unsigned N = CE->getNumArgs();
  std::optional<Span> S = lowerSpan(CE->getArg(0), CE->getArg(1));
  if (!S)
    return nullptr;
  Scalar ET = S->Base->Ty.scalarKind();
  std::optional<Operation> Less;
  if (N == 3 && !(Less = lowerOperation(CE->getArg(2), {ET, ET}, CE)))
    return nullptr;
  if (Less && Less->Ty.kind() == ir::Type::Void)
    return refuseAlgorithm(CE, "its comparison must return a value");
  at(CE->getBeginLoc());
  Value *Best = bestOf(
      S->Count, Max,
      [&](Value *I) { return B.load(S->Base, elementIndex(*S, I)); },
      [&](Value *Cur, Value *E) {
        return Less ? callOperation(*Less, {Cur, E})
                    : B.cmp(CmpPred::LT, Cur, E);
      },
      Last);
  return Best ? B.offset(S->Base, elementIndex(*S, Best)) : nullptr;
}

bool onlyReadsRanges(const FunctionDecl &Callee) {
  if (!Callee.getIdentifier() ||
      !Callee.getDeclContext()->getRedeclContext()->isStdNamespace())
    return false;
  const StdAlgorithm *A = findAlgorithm(Callee.getName());
  return A && !A->Writes;
}

Value *BodyLowering::countedLoop(Value *Count, llvm::StringRef Counter,
                                 llvm::function_ref<void(Value *)> Body,
                                 Value *Start) {
  Value *Loop = B.loop(LoopKind::For);
  ir::Block &Saved = B.block();
  ++RegionDepth;
  B.setBlock(Loop->Regions[ir::Init]);
  Value *I = B.local(Scalar::Int32, 0, Counter.str());
  B.store(I, Start ? Start : makeConstant(Scalar::Int32, 0, 0, "0"));
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
  if (isStructPosition(E))
    return lowerStructPosition(E);
  bool Reversed;
  E = skipCopies(E, Reversed);
  if (Reversed) {
    Value *P = lowerPosition(E);
    at(E->getBeginLoc());
    return P ? B.offset(P, intConstant(-1)) : nullptr;
  }
  // A position std::minmax_element found, bound by name.
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
    if (const auto *BD = dyn_cast<BindingDecl>(DRE->getDecl())) {
      if (PoisonedBindings.count(BD)) {
        Failed = true;
        return nullptr;
      }
      if (auto It = BindingValues.find(BD);
          It != BindingValues.end() && It->second->Ty.kind() == ir::Type::Ptr)
        return It->second;
    }
  if (const VarDecl *VD = movingPointerOf(E)) // an iterator variable
    return readMoving(VD, E->getBeginLoc());
  if (isPoisonedRef(E)) { // an iterator variable, already reported
    Failed = true;
    return nullptr;
  }
  bool Pointer = E->getType()->isPointerType() || E->getType()->isArrayType();
  // An iterator parameter that does not move: the pointer it wraps.
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    Pointer |= Pointers.count(dyn_cast<VarDecl>(DRE->getDecl())) != 0;
  auto Refuse = [&] {
    return fail(E->getExprLoc(),
                "this position in a range is not supported; gradc follows "
                "'x + k', 'a', 'v.begin() + k', 'v.end()', 'v.rbegin()', "
                "'std::begin(a)', 'std::next(it, k)' and what "
                "std::max_element and std::lower_bound return",
                E->getSourceRange());
  };
  // A step back (a reverse iterator's step forward) of K.
  auto Step = [&](Value *P, Value *K, bool Back, const Expr *It) {
    K = offsetOf(K);
    return B.offset(P, Back != isReverseIterator(It->getType()) ? B.neg(K) : K);
  };
  if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(E);
      OCE && OCE->getNumArgs() > 0 && isIterator(OCE->getArg(0)->getType())) {
    OverloadedOperatorKind Op = OCE->getOperator();
    // it++, it = ...: the moved iterator's value (`*out++ = *in++`).
    if (Op == OO_PlusPlus || Op == OO_MinusMinus || Op == OO_PlusEqual ||
        Op == OO_MinusEqual || Op == OO_Equal)
      return *lowerIteratorOp(OCE);
    // it + k, it - k
    if (OCE->getNumArgs() == 2 && (Op == OO_Plus || Op == OO_Minus)) {
      Value *P = lowerPosition(OCE->getArg(0));
      Value *K = expectScalar(lowerExpr(OCE->getArg(1)), OCE->getArg(1));
      if (!P || !K)
        return nullptr;
      at(OCE->getBeginLoc());
      return Step(P, K, Op == OO_Minus, OCE->getArg(0));
    }
  }
  // v.begin(), v.end(), v.rbegin(), v.rend(); std::begin(v), std::end(a).
  const Expr *Object = nullptr;
  StringRef Name;
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(E)) {
    Object = MCE->getImplicitObjectArgument();
    Name = MCE->getMethodDecl() && MCE->getMethodDecl()->getIdentifier()
               ? MCE->getMethodDecl()->getName()
               : "";
    // `r.base()`: the iterator a reverse iterator wraps, one past it.
    if (Name == "base" && isReverseIterator(Object->getType())) {
      Value *P = lowerPosition(Object);
      return P ? B.offset(P, intConstant(1)) : nullptr;
    }
  } else if (const auto *CE = dyn_cast<CallExpr>(E)) {
    Name = stdName(CE);
    // std::next(it, k), std::prev(it, k).
    if ((Name == "next" || Name == "prev") && CE->getNumArgs() >= 1) {
      Value *P = lowerPosition(CE->getArg(0));
      // (`std::next(it)` passes its default argument, 1.)
      const Expr *Count = CE->getNumArgs() == 2 ? CE->getArg(1) : nullptr;
      if (Count && isa<CXXDefaultArgExpr>(Count))
        Count = nullptr;
      Value *K = Count ? expectScalar(lowerExpr(Count), Count) : intConstant(1);
      if (!P || !K)
        return nullptr;
      at(CE->getBeginLoc());
      return Step(P, K, Name == "prev", CE->getArg(0));
    }
    // (What an algorithm returns is a position: `auto it =
    // std::transform(...)`.)
    if (const StdAlgorithm *A = findAlgorithm(Name); A && A->Position)
      return lowerExpr(E);
    if (CE->getNumArgs() == 1)
      Object = CE->getArg(0);
  }
  bool Begin = Name == "begin" || Name == "cbegin";
  bool End = Name == "end" || Name == "cend";
  bool RBegin = Name == "rbegin" || Name == "crbegin";
  bool REnd = Name == "rend" || Name == "crend";
  if (!Object || (!Begin && !End && !RBegin && !REnd))
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
  if (REnd) // one before the first element
    return B.offset(Base, intConstant(-1));
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
  // rbegin(): the last element.
  return B.offset(Base, RBegin ? B.sub(Count, intConstant(1)) : Count);
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

void BodyLowering::fillSpan(const Span &S, Value *V) {
  V = convert(V, S.Base->Ty.scalarKind(), /*Implicit=*/true);
  countedLoop(S.Count, "i",
              [&](Value *I) { B.store(S.Base, V, elementIndex(S, I)); });
}

Value *BodyLowering::copySpan(const Span &S, Value *Dst) {
  auto [DBase, DOff] = splitPointer(Dst);
  countedLoop(S.Count, "i", [&](Value *I) {
    Value *V = B.load(S.Base, elementIndex(S, I));
    Value *J = DOff->isConstValue(0) ? I : B.add(DOff, I);
    B.store(DBase, convert(V, DBase->Ty.scalarKind(), true), J);
  });
  return B.offset(Dst, S.Count);
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
  const StdAlgorithm *Known = findAlgorithm(Name);
  if (Known && N > 0 && isPolicy(Arg(0)))
    return Refuse("gradc follows it without an execution policy: drop the "
                  "policy");
  if (Known && Known->Loop && InLoopHeader)
    return Refuse("gradc makes it a loop, which a loop's header cannot hold: "
                  "compute it into a variable before the loop");
  if (Known && Known->Loop && llvm::any_of(CE->arguments(), [](const Expr *A) {
        return isReverseIterator(A->getType());
      }))
    return Refuse("gradc follows reverse iterators in loops of your own "
                  "('for (auto it = v.rbegin(); it != v.rend(); ++it)'), "
                  "not given to an algorithm: write the loop");
  // Positions: `std::next(p)`, `std::begin(a)` passed on or kept.
  if (Name == "next" || Name == "prev" || Name == "begin" || Name == "end" ||
      Name == "cbegin" || Name == "cend")
    return lowerPosition(CE);
  if ((Name == "size" || Name == "ssize") && N == 1) {
    std::optional<Scalar> T = scalarTypeOf(CE->getType(), Ctx);
    QualType Ty = Arg(0)->getType();
    if (!T)
      return nullptr;
    if (const auto *CAT = Ctx.getAsConstantArrayType(Ty))
      return makeConstant(*T, 0, CAT->getSize().getSExtValue(), "");
    if (std::optional<ContainerShape> C = containerShape(Ty, Ctx))
      return containerSize(Arg(0), *C, *T);
  }
  if (Name == "distance" && N == 2) {
    Value *P = lowerPosition(Arg(0)), *Q = lowerPosition(Arg(1));
    std::optional<Scalar> T = scalarTypeOf(CE->getType(), Ctx);
    if (!P || !Q || !T)
      return nullptr;
    std::optional<std::pair<Value *, Value *>> Offs =
        pointerOffsets(CE, Arg(1)->getExprLoc(), P, Q);
    if (!Offs)
      return nullptr;
    auto [First, Last] = *Offs;
    if (isReverseIterator(Arg(0)->getType())) // its offsets run back
      std::swap(First, Last);
    return convert(First->isConstValue(0) ? Last : B.sub(Last, First), *T,
                   /*Implicit=*/true);
  }
  if (Name == "advance" && N == 2) {
    if (isPoisonedRef(Arg(0))) { // reported where it is declared
      Failed = true;
      return nullptr;
    }
    const VarDecl *VD = movingPointerOf(Arg(0));
    if (!VD)
      return Refuse("gradc moves iterators and pointers held in variables "
                    "('auto it = v.begin(); std::advance(it, k);')");
    Value *K = expectScalar(lowerExpr(Arg(1)), Arg(1));
    if (!K)
      return nullptr;
    stepPointer(VD, CE->getBeginLoc(), K, isReverseIterator(Arg(0)->getType()),
                /*Post=*/false);
    return makeConstant(Scalar::Int32, 0, 0, "0");
  }
  if (Name == "for_each")
    if (std::optional<Value *> V = lowerForEachWhole(CE))
      return *V;
  if ((Name == "max_element" || Name == "min_element") && N > 0 &&
      isStructPosition(Arg(0)))
    return lowerStructExtreme(CE, Name == "max_element");
  if ((Name == "sort" || Name == "stable_sort" || Name == "partial_sort" ||
       Name == "nth_element") &&
      N > 0 && isStructPosition(Arg(0)))
    return lowerStructSort(CE, Name);
  // A range of structs (or rows): one error at the call, not one per
  // position it is given.
  if (Known && llvm::any_of(CE->arguments(), [](const Expr *A) {
        QualType T = A->getType().getNonReferenceType();
        if (isIterator(T))
          T = iteratorPointer(T);
        return !T.isNull() && T->isPointerType() &&
               T->getPointeeType()->isStructureOrClassType();
      }))
    return Refuse("gradc follows it over ranges of numbers (over "
                  "structs: std::max_element, std::min_element, "
                  "std::for_each and the sorts); over a container of "
                  "structs, write the loop ('for (auto &p : ps)')");
  if (std::optional<Value *> V = lowerAlgorithmOp(CE, Name))
    return *V;
  if (std::optional<Value *> V = lowerFold(CE, Name))
    return *V;
  if (Name == "fill" || Name == "fill_n") {
    if (N != 3)
      return std::nullopt;
    std::optional<Span> S =
        Name == "fill" ? lowerSpan(Arg(0), Arg(1)) : lowerSpanN(Arg(0), Arg(1));
    Value *V = expectScalar(lowerExpr(Arg(2)), Arg(2));
    if (!S || !V)
      return nullptr;
    at(CE->getBeginLoc());
    fillSpan(*S, V);
    return Name == "fill" ? V : B.offset(S->Base, elementIndex(*S, S->Count));
  }
  if ((Name == "copy" || Name == "copy_n") && N == 3) {
    std::optional<Span> S =
        Name == "copy" ? lowerSpan(Arg(0), Arg(1)) : lowerSpanN(Arg(0), Arg(1));
    Value *Dst = lowerPosition(Arg(2));
    if (!S || !Dst)
      return nullptr;
    at(CE->getBeginLoc());
    return copySpan(*S, Dst);
  }
  if (Name == "partial_sum" || Name == "adjacent_difference") {
    if (N != 3)
      return Refuse("gradc follows it without an operation of your own: "
                    "write the loop");
    // The running sum (the element before) is a variable of the elements'
    // type, as in C++, read before its element is written: the output may
    // be the input. Starting it at 0 makes the first output the first
    // element.
    bool Sum = Name == "partial_sum";
    std::optional<Span> S = lowerSpan(Arg(0), Arg(1));
    Value *Dst = lowerPosition(Arg(2));
    if (!S || !Dst)
      return nullptr;
    auto [DBase, DOff] = splitPointer(Dst);
    at(CE->getBeginLoc());
    Scalar T = S->Base->Ty.scalarKind();
    Value *Acc = B.local(T, 0, Sum ? "sum" : "prev");
    B.store(Acc, makeConstant(T, 0, 0, "0"));
    countedLoop(S->Count, "i", [&](Value *I) {
      Value *E = B.load(S->Base, elementIndex(*S, I));
      Value *V = Sum ? B.add(B.load(Acc), E) : B.sub(E, B.load(Acc));
      B.store(Acc, Sum ? V : E);
      if (Sum) // `sum += x[i]; c[i] = sum;`
        V = B.load(Acc);
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
  if ((Name == "max_element" || Name == "min_element") && (N == 2 || N == 3))
    return lowerExtreme(CE, Name == "max_element", /*Last=*/false);
  if (Name == "minmax_element")
    return Refuse("gradc follows it in structured bindings ('auto [lo, hi] "
                  "= std::minmax_element(b, e);'), or call std::min_element "
                  "and std::max_element");
  if (Name == "lower_bound" || Name == "upper_bound")
    if (std::optional<Value *> V = lowerBound(CE, Name))
      return *V;
  if (Name == "sort" || Name == "stable_sort" || Name == "partial_sort" ||
      Name == "nth_element")
    if (std::optional<Value *> V = lowerSort(CE, Name))
      return *V;
  // Another algorithm over iterators: said at the call, not at each
  // iterator it is given.
  if (llvm::any_of(CE->arguments(),
                   [](const Expr *A) { return isIterator(A->getType()); }))
    return Refuse("gradc follows " + algorithmNames() + "; write the loop" +
                  "");
  return std::nullopt;
}

} // namespace gradc::frontend
