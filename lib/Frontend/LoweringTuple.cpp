//===- LoweringTuple.cpp - std::pair and std::tuple of numbers ------------===//
//
// A pair or tuple of numbers is a struct (StdTuples.cpp), so copies,
// parameters, calls returning one and members (`p.first`) are the
// struct's. What is its own: making one from its elements (`{x, y}`,
// `std::make_pair(x, y)`, `std::make_tuple(x, y, n)`), which writes each
// member, and `std::get<I>(t)`, which names member I.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"

#include "clang/AST/DeclTemplate.h"

namespace gradc::frontend {

using namespace clang;
using ir::Scalar;
using ir::Value;

bool BodyLowering::isTupleMaking(const Expr *E) const {
  if (const auto *CCE = dyn_cast<CXXConstructExpr>(E))
    return tupleKind(CCE->getType()) != TupleKind::None &&
           !(CCE->getConstructor()->isCopyOrMoveConstructor() &&
             CCE->getConstructor()->isTrivial());
  return makesTuple(dyn_cast<CallExpr>(E));
}

/// Whether E is `std::ignore`.
static bool isIgnore(const Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  return DRE && DRE->getDecl()->getIdentifier() &&
         DRE->getDecl()->getName() == "ignore" &&
         DRE->getDecl()->isInStdNamespace();
}

Value *BodyLowering::lowerTieAssign(const CXXOperatorCallExpr *OCE,
                                    const CallExpr *Tie) {
  // `std::tie(lo, hi) = minmax2(x, y);`: the value is made (or named)
  // first, then each variable is assigned its element, as C++ does.
  const Expr *RHS = OCE->getArg(1);
  QualType T = RHS->getType().getNonReferenceType();
  const RecordShape *Shape =
      tupleKind(T) == TupleKind::None
          ? nullptr
          : shapeOf(T, RHS->getExprLoc(), RHS->getSourceRange());
  if (!Shape) {
    if (!Failed)
      fail(OCE->getOperatorLoc(),
           "std::tie is assigned a '" + typeName(T) +
               "'; gradc supports assigning a std::pair or std::tuple of "
               "numbers to it",
           OCE->getSourceRange());
    return nullptr;
  }
  const Expr *Bare = RHS->IgnoreParenImpCasts();
  while (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(Bare))
    Bare = MTE->getSubExpr()->IgnoreParenImpCasts();
  Value *Src = isa<CallExpr, CXXConstructExpr>(Bare)
                   ? lowerRecordTemporary(Bare)
                   : lowerRecord(RHS);
  if (!Src)
    return nullptr;
  for (unsigned I = 0; I < Tie->getNumArgs() && I < Shape->Members.size();
       ++I) {
    const Expr *Arg = Tie->getArg(I);
    if (isIgnore(Arg))
      continue;
    std::optional<Target> To = assignTarget(Arg);
    if (!To)
      return nullptr;
    unsigned Mark = F.numValues();
    at(Arg->getBeginLoc());
    Value *V = B.load(memberOf(B, Src, Shape->Members[I]));
    writeTarget(*To, convert(V, To->S, /*Implicit=*/true), Mark,
                OCE->getBeginLoc());
  }
  return Src;
}

bool BodyLowering::lowerTupleInto(const Expr *E, Value *Dest,
                                  const RecordShape &Shape) {
  std::vector<const Expr *> Args;
  if (const auto *CCE = dyn_cast<CXXConstructExpr>(E))
    Args.assign(CCE->arg_begin(), CCE->arg_end());
  else
    Args.assign(cast<CallExpr>(E)->arg_begin(), cast<CallExpr>(E)->arg_end());
  at(E->getBeginLoc());
  if (Args.empty()) {
    zeroRecord(Dest, Shape);
    return true;
  }
  // From another pair or tuple (`std::pair<double, double> p = fp;` of a
  // pair of floats): member by member, converted.
  if (Args.size() == 1 && tupleKind(Args[0]->getType()) != TupleKind::None) {
    const RecordShape *From =
        shapeOf(Args[0]->getType().getNonReferenceType(), Args[0]->getExprLoc(),
                Args[0]->getSourceRange());
    Value *Src = From ? lowerRecord(Args[0]) : nullptr;
    if (!Src)
      return false;
    if (From->Members.size() != Shape.Members.size()) {
      fail(E->getBeginLoc(), "this pair or tuple is made from one of another "
                             "size; give its elements one by one");
      return false;
    }
    at(E->getBeginLoc());
    for (std::size_t I = 0; I < Shape.Members.size(); ++I)
      B.store(memberOf(B, Dest, Shape.Members[I]),
              convert(B.load(memberOf(B, Src, From->Members[I])),
                      Shape.Members[I].S, /*Implicit=*/true));
    return true;
  }
  if (Args.size() != Shape.Members.size()) {
    fail(E->getBeginLoc(),
         "this way of making a std::pair or std::tuple is not supported; "
         "give one number for each element ('std::make_pair(x, y)', '{x, "
         "y}')",
         E->getSourceRange());
    return false;
  }
  // The elements first, then the stores: an element may read Dest.
  std::vector<Value *> Values;
  for (const Expr *Arg : Args) {
    Value *V = expectScalar(lowerExpr(Arg), Arg);
    if (!V)
      return false;
    Values.push_back(V);
  }
  at(E->getBeginLoc());
  for (std::size_t I = 0; I < Values.size(); ++I) {
    const MemberShape &M = Shape.Members[I];
    B.store(memberOf(B, Dest, M), convert(Values[I], M.S, /*Implicit=*/true));
  }
  return true;
}

std::optional<BodyLowering::Target>
BodyLowering::lowerTupleGet(const CallExpr *CE) {
  const TemplateArgumentList *Args =
      CE->getDirectCallee()->getTemplateSpecializationArgs();
  if (!Args || Args->size() < 1 ||
      Args->get(0).getKind() != TemplateArgument::Integral) {
    fail(CE->getExprLoc(),
         "std::get by type is not supported; name the element by its index "
         "('std::get<0>(t)')",
         CE->getSourceRange());
    return std::nullopt;
  }
  auto Index =
      static_cast<std::size_t>(Args->get(0).getAsIntegral().getZExtValue());
  const Expr *Obj = CE->getArg(0);
  if (isPoisonedRef(Obj)) { // already reported
    Failed = true;
    return std::nullopt;
  }
  const RecordShape *Shape = shapeOf(Obj->getType().getNonReferenceType(),
                                     CE->getExprLoc(), CE->getSourceRange());
  if (!Shape)
    return std::nullopt;
  Value *Rec = lowerRecord(Obj);
  if (!Rec)
    return std::nullopt;
  at(CE->getBeginLoc());
  const MemberShape &M = Shape->Members[Index];
  Target T;
  T.Ptr = memberOf(B, Rec, M);
  T.S = M.S;
  return T;
}

} // namespace gradc::frontend
