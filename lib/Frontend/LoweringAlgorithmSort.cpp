//===- LoweringAlgorithmSort.cpp - std::sort as an insertion sort ---------===//
//
// std::sort, std::stable_sort, std::partial_sort and std::nth_element of a
// range of numbers (a local copy, an in/out array) become the insertion
// sort a person writes:
//
//   for (int i = 1; i < n; ++i) {
//     double key = y[i];
//     int j = i;
//     while (j > 0 && key < y[j - 1]) { y[j] = y[j - 1]; --j; }
//     y[j] = key;
//   }
//
// Values only move, so the reverse mode's handling of stores is the
// derivative: each sorted element's gradient flows back to where it came
// from, through the moves undone in reverse. It is stable, which both
// sorts allow (equal elements are equal values, so std::sort's choice
// among them changes nothing), and O(n^2), for the short ranges one takes
// a median or a trimmed mean of.
//
// Over a range of structs (`std::sort(items.begin(), items.end(), byKey)`,
// or the struct's own `operator<`), the same sort moves whole structs,
// member by member, through a local `key` of the element's type. At ties
// it keeps the elements' order (the comparison says neither is before
// the other, so none moves past another), which std::sort may also do:
// each member's gradient then flows to the element that the stable order
// put there, the derivative of the order the primal took.
//
//===----------------------------------------------------------------------===//
#include "BodyLowering.h"
#include "IteratorParams.h"
#include "Records.h"

#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"

namespace gradc::frontend {

using namespace clang;
using ir::CmpPred;
using ir::LoopKind;
using ir::Scalar;
using ir::Value;

std::optional<Value *> BodyLowering::lowerSort(const CallExpr *CE,
                                               StringRef Name) {
  // nth_element(first, nth, last) and partial_sort(first, middle, last)
  // sort the whole range, which meets what they promise: the elements
  // they leave in an order C++ does not say come out sorted.
  unsigned Last = Name == "nth_element" || Name == "partial_sort" ? 2 : 1;
  unsigned N = CE->getNumArgs();
  if (N != Last + 1 && N != Last + 2)
    return std::nullopt;
  std::optional<Span> S = lowerSpan(CE->getArg(0), CE->getArg(Last));
  if (!S || (Last == 2 && !lowerPosition(CE->getArg(1))))
    return nullptr;
  Scalar ET = S->Base->Ty.scalarKind();
  std::optional<Operation> Less;
  if (N == Last + 2 &&
      !(Less = lowerOperation(CE->getArg(Last + 1), {ET, ET}, CE)))
    return nullptr;
  if (Less && Less->Ty.kind() == ir::Type::Void)
    return refuseAlgorithm(CE, "its comparison must return a value");
  at(CE->getBeginLoc());
  auto Element = [&](Value *K) { return elementIndex(*S, K); };
  bool Ok = true;
  countedLoop(
      S->Count, "i",
      [&](Value *I) {
        Value *Key = B.load(S->Base, Element(I));
        Key->Name = "key";
        Value *J = B.local(Scalar::Int32, 0, "j");
        B.store(J, I);
        // while (j > 0 && key < y[j - 1]): the element before moves up. A
        // comparison of the user's is called in the body, `if
        // (!less(key, y[j - 1])) break;`, where it runs only when j > 0,
        // as C++ runs it (a loop's header calls everything it holds).
        Value *While = B.loop(LoopKind::While);
        ir::Block &Saved = B.block();
        ++RegionDepth;
        B.setBlock(While->Regions[ir::Cond]);
        Value *At = B.load(J);
        Value *Positive = B.cmp(CmpPred::GT, At, intConstant(0));
        bool Called = Less && !Less->Arith;
        if (Called) {
          B.yield(Positive);
          B.setBlock(While->Regions[ir::LoopBody]);
          At = B.load(J);
        }
        Value *Prev = B.load(S->Base, Element(B.sub(At, intConstant(1))));
        Value *Before = Less ? callOperation(*Less, {Key, Prev})
                             : B.cmp(CmpPred::LT, Key, Prev);
        if (!Before) {
          Ok = false;
        } else {
          Before = convert(Before, Scalar::Bool, /*Implicit=*/true);
          if (Called) { // the rest of the body in the if's else
            Value *If = B.ifOp(B.logicNot(Before));
            B.setBlock(If->Regions[ir::Then]);
            B.brk();
            B.setBlock(If->Regions[ir::Else]);
          } else {
            B.yield(B.logicAnd(Positive, Before));
            B.setBlock(While->Regions[ir::LoopBody]);
          }
          At = B.load(J);
          Value *Down = B.sub(At, intConstant(1));
          B.store(S->Base, B.load(S->Base, Element(Down)), Element(At));
          B.store(J, Down);
        }
        --RegionDepth;
        B.setBlock(Saved);
        B.store(S->Base, Key, Element(B.load(J)));
      },
      intConstant(1));
  if (!Ok)
    return nullptr;
  return makeConstant(Scalar::Int32, 0, 0, "0");
}

namespace {

/// The `operator<` of the user's own that compares two Elem (a member or
/// a function beside the struct), or null.
const FunctionDecl *lessOperator(QualType Elem, const ASTContext &Ctx) {
  const auto *RD = Elem->getAsCXXRecordDecl();
  if (!RD)
    return nullptr;
  auto Takes = [&](QualType PT) {
    return Ctx.hasSameUnqualifiedType(PT.getNonReferenceType(), Elem);
  };
  DeclarationName Less = Ctx.DeclarationNames.getCXXOperatorName(OO_Less);
  for (const NamedDecl *ND : RD->lookup(Less))
    if (const auto *MD = dyn_cast<CXXMethodDecl>(ND);
        MD && MD->getNumParams() == 1 && MD->isConst() &&
        Takes(MD->getParamDecl(0)->getType()))
      return MD;
  for (const NamedDecl *ND :
       RD->getDeclContext()->getRedeclContext()->lookup(Less))
    if (const auto *Fn = dyn_cast<FunctionDecl>(ND);
        Fn && Fn->getNumParams() == 2 &&
        Takes(Fn->getParamDecl(0)->getType()) &&
        Takes(Fn->getParamDecl(1)->getType()))
      return Fn;
  return nullptr;
}

} // namespace

Value *BodyLowering::lowerStructSort(const CallExpr *CE, StringRef Name) {
  unsigned Last = Name == "nth_element" || Name == "partial_sort" ? 2 : 1;
  unsigned N = CE->getNumArgs();
  QualType Elem = structPointee(CE->getArg(0)->getType());
  std::string Type = typeName(Elem.getUnqualifiedType());
  if (N != Last + 1 && N != Last + 2)
    return refuseAlgorithm(CE, "gradc follows it without an execution "
                               "policy: drop the policy");
  Value *First = lowerStructPosition(CE->getArg(0));
  Value *End = First ? lowerStructPosition(CE->getArg(Last)) : nullptr;
  if (!End || (Last == 2 && !lowerStructPosition(CE->getArg(1))))
    return nullptr;
  const RecordShape *Shape =
      shapeOf(Elem, CE->getExprLoc(), CE->getSourceRange());
  if (!Shape)
    return nullptr;
  std::optional<std::pair<Value *, Value *>> Offs =
      pointerOffsets(CE, CE->getArg(Last)->getExprLoc(), First, End);
  if (!Offs)
    return nullptr;
  std::optional<Operation> Less;
  if (N == Last + 2) {
    Less = lowerOperation(CE->getArg(Last + 1), {Shape->S, Shape->S}, CE, Elem);
    if (!Less)
      return nullptr;
    if (Less->Ty.kind() == ir::Type::Void)
      return refuseAlgorithm(CE, "its comparison must return a value");
  } else {
    // `a < b` of the struct: the user's operator, called as written.
    const FunctionDecl *Op = lessOperator(Elem, Ctx);
    const FunctionDecl *Def = Op ? Op->getDefinition() : nullptr;
    if (!Def || SM.isInSystemHeader(Def->getLocation()))
      return refuseAlgorithm(
          CE, "gradc sorts structs with a comparison ('[](const " + Type +
                  " &a, const " + Type +
                  " &b) { return a.key < b.key; }') or an 'operator<' of "
                  "your own that it can see: pass one");
    Less.emplace();
    Less->Fn = Def;
    Less->Ty = ir::Type::scalar(Scalar::Bool);
    Less->Spelled = "operator<";
    Less->G = Callees ? Callees->callee(*Def, CE->getExprLoc()) : nullptr;
    if (!Less->G) {
      Failed = true; // reported at the operator
      return nullptr;
    }
  }
  Value *Array = splitPointer(First).first;
  auto [From, To] = *Offs;
  at(CE->getBeginLoc());
  auto Element = [&](Value *I) {
    return structElement(Array, From->isConstValue(0) ? I : B.add(From, I),
                         *Shape);
  };
  Value *Count = From->isConstValue(0) ? To : B.sub(To, From);
  if (!declarable(Elem, CE->getBeginLoc(), "key"))
    return nullptr;
  bool Ok = true;
  countedLoop(
      Count, "i",
      [&](Value *I) {
        // Item key = v[i]; int j = i;
        Value *Key = B.local(Shape->S, Shape->Size, "key");
        Key->Text = Type;
        Key->Member = ir::MemberKind::Record;
        markDefaults(*Key, *Shape);
        copyRecord(Key, Element(I), *Shape);
        Value *J = B.local(Scalar::Int32, 0, "j");
        B.store(J, I);
        // while (j > 0) { if (!less(key, v[j - 1])) break; v[j] = v[j -
        // 1]; --j; }: the comparison runs only when j > 0, as in C++.
        Value *While = B.loop(LoopKind::While);
        ir::Block &Saved = B.block();
        ++RegionDepth;
        B.setBlock(While->Regions[ir::Cond]);
        B.yield(B.cmp(CmpPred::GT, B.load(J), intConstant(0)));
        B.setBlock(While->Regions[ir::LoopBody]);
        Value *Prev = Element(B.sub(B.load(J), intConstant(1)));
        Value *Before = callOperation(*Less, {Key, Prev});
        if (!Before) {
          Ok = false;
        } else {
          if (Before->Name.empty() && !Before->isConst())
            Before->Name = "before";
          Value *If = B.ifOp(
              B.logicNot(convert(Before, Scalar::Bool, /*Implicit=*/true)));
          B.setBlock(If->Regions[ir::Then]);
          B.brk();
          B.setBlock(If->Regions[ir::Else]);
          Value *At = B.load(J);
          Value *Down = B.sub(At, intConstant(1));
          copyRecord(Element(At), Element(Down), *Shape);
          B.store(J, Down);
        }
        --RegionDepth;
        B.setBlock(Saved);
        copyRecord(Element(B.load(J)), Key, *Shape);
      },
      intConstant(1));
  if (!Ok)
    return nullptr;
  return makeConstant(Scalar::Int32, 0, 0, "0");
}

} // namespace gradc::frontend
