//===- MemoryLocation.cpp - Where pointers point --------------------------===//
#include "gradc/IR/MemoryLocation.h"

#include "gradc/IR/LoopShape.h"
#include "gradc/IR/Uses.h"

#include <algorithm>
#include <functional>
#include <set>

namespace gradc::ir {

/// Whether two indices have the same value: one value, equal constants,
/// or the same integer arithmetic on such (`j + 1` computed twice) and on
/// backward loop counters (Stable), which a loop body does not change.
bool isIndexArithmetic(const Value &V) {
  if (isBitwise(V.Code))
    return V.Ty.isInteger();
  switch (V.Code) {
  case OpCode::Add:
  case OpCode::Sub:
  case OpCode::Mul:
  case OpCode::Div:
  case OpCode::Rem:
  case OpCode::Neg:
  case OpCode::Cast:
    return V.Ty.isInteger();
  default:
    return false;
  }
}

bool sameIndex(const Value *A, const Value *B,
               const std::set<const Value *> &Stable) {
  if (A == B)
    return true;
  // No index is index 0: `*a` and `a[0]`, `s` and `(&s)[0]`.
  if (!A || !B) {
    const Value *I = A ? A : B;
    return I->isConst() && I->constValue() == 0;
  }
  if (A->Code != B->Code || A->Ty != B->Ty ||
      A->Operands.size() != B->Operands.size())
    return false;
  switch (A->Code) {
  case OpCode::Const:
    return A->constValue() == B->constValue();
  case OpCode::Load:
    return A->Operands.size() == 1 && A->Operands[0] == B->Operands[0] &&
           Stable.count(A->Operands[0]);
  default:
    if (!isIndexArithmetic(*A))
      return false;
    for (size_t I = 0; I < A->Operands.size(); ++I)
      if (!sameIndex(A->Operands[I], B->Operands[I], Stable))
        return false;
    return true;
  }
}

/// Whether two pointers into adjoint memory are the same place: every
/// access builds its own Offset and Field ops (`dst.prod` twice).
bool samePlace(const Value *A, const Value *B,
               const std::set<const Value *> &Stable) {
  if (A == B)
    return true;
  if (A->Code != B->Code || A->Operands.size() != B->Operands.size() ||
      (A->Code != OpCode::Offset && A->Code != OpCode::Field) ||
      (A->Code == OpCode::Field &&
       (A->IVal != B->IVal || A->Stride != B->Stride)))
    return false;
  for (size_t I = 1; I < A->Operands.size(); ++I)
    if (!sameIndex(A->Operands[I], B->Operands[I], Stable))
      return false;
  return samePlace(A->Operands[0], B->Operands[0], Stable);
}

void loadedVariables(const Value *V, std::set<const Value *> &Slots) {
  if (V->Code == OpCode::Load && V->Operands.size() == 1 &&
      V->Operands[0]->Code == OpCode::Local)
    Slots.insert(V->Operands[0]);
  for (const Value *Op : V->Operands)
    if (Op->Code != OpCode::Local && Op->Code != OpCode::Param)
      loadedVariables(Op, Slots);
}

/// How far Ptr points into Base (or, with Base null, into the memory it
/// is built on), in scalars, when that is a constant: a chain of Offset
/// and Field ops with constant indices.
std::optional<double> constantOffset(const Value *Ptr, const Value *Base) {
  double At = 0;
  for (; Ptr != Base; Ptr = Ptr->Operands[0]) {
    bool Field = Ptr->Code == OpCode::Field;
    if (!Base && Ptr->Code != OpCode::Offset && !Field)
      break;
    const Value *I = Ptr->Code == OpCode::Offset ? Ptr->Operands[1]
                     : Field                     ? Ptr->index()
                                                 : nullptr;
    if ((Ptr->Code != OpCode::Offset && !Field) || (I && !I->isConst()))
      return std::nullopt;
    At += (I ? I->constValue() * (Field ? double(Ptr->Stride) : 1) : 0) +
          (Field ? double(Ptr->IVal) : 0);
  }
  return At;
}

/// Where element (D, I) is in its memory, when that is a constant.
std::optional<double> constantPlace(const Value *D, const Value *I) {
  std::optional<double> At = constantOffset(D, nullptr);
  if (!At || (I && !I->isConst()))
    return std::nullopt;
  return *At + (I ? I->constValue() : 0);
}

/// Whether index A is B plus a constant other than zero (`j + 1`, `j`).
bool offsetFrom(const Value *A, const Value *B,
                const std::set<const Value *> &Stable) {
  auto Shifted = [&](const Value *X, const Value *Y) {
    return X && Y && (X->Code == OpCode::Add || X->Code == OpCode::Sub) &&
           X->Operands[1]->isConst() && !X->Operands[1]->isConstValue(0) &&
           sameIndex(X->Operands[0], Y, Stable);
  };
  return Shifted(A, B) || Shifted(B, A);
}

bool mayReach(const Value *Arg, std::optional<std::int64_t> Extent,
              const Value *Ptr, const Value *Idx,
              const std::set<const Value *> &Stable) {
  std::optional<double> At = constantOffset(Arg, baseOf(Arg)),
                        Elem = constantPlace(Ptr, Idx);
  if (At && Elem)
    return *Elem >= *At && (!Extent || *Elem < *At + double(*Extent));
  // One element, `a[i]` beside `a[i + 1]`.
  if (Extent == 1 && Arg->Code == OpCode::Offset &&
      samePlace(Arg->Operands[0], Ptr, Stable) &&
      offsetFrom(Arg->Operands[1], Idx, Stable))
    return false;
  return true;
}

/// The value of an integer operand where F is called with the constant
/// arguments Known (by parameter).
static std::optional<std::int64_t> knownInt(const Value *V,
                                            const KnownInts &Known) {
  if (V->isConst())
    return std::int64_t(V->constValue());
  if (auto It = Known.find(V); It != Known.end())
    return It->second;
  return std::nullopt;
}

/// Whether B may return from inside its loop (then the loop's bound says
/// more than it reaches).
static bool returns(const Block &B) {
  bool Found = false;
  forEachOp(B, [&](Value &Op) { Found |= Op.Code == OpCode::Return; });
  return Found;
}

/// One past the largest value Idx takes in `for (int i = a; i < b; ++i)`,
/// i (plus a constant) a counter of one of Loops with constant a and b (or
/// b a parameter given a constant): `h[i]` in a loop to n reaches n.
static std::optional<std::int64_t>
counterEnd(const Value *Idx, const std::vector<const Value *> &Loops,
           const KnownInts &Known) {
  std::int64_t Plus = 0;
  if (Idx->Code == OpCode::Add && Idx->Operands[1]->isConst()) {
    Plus = std::int64_t(Idx->Operands[1]->constValue());
    Idx = Idx->Operands[0];
  }
  if (Idx->Code == OpCode::Cast && Idx->Ty.isInteger())
    Idx = Idx->Operands[0];
  if (Idx->Code != OpCode::Load || Idx->Operands.size() != 1 || Plus < 0)
    return std::nullopt;
  const Value *Counter = Idx->Operands[0];
  for (const Value *Lp : Loops) {
    const Block &Init = Lp->Regions[0];
    if (std::find(Init.Ops.begin(), Init.Ops.end(), Counter) == Init.Ops.end())
      continue;
    // Starts at a constant no less than 0, steps up by one to the bound,
    // and runs to it.
    std::optional<CountedLoop> C = matchCountedLoop(*Lp);
    if (!C || !C->Start->isConst() || C->Start->constValue() < 0 ||
        C->Step != 1 || C->Breaks || returns(Lp->Regions[LoopBody]) ||
        (C->Pred != CmpPred::LT && C->Pred != CmpPred::LE))
      return std::nullopt;
    std::optional<std::int64_t> Bound = knownInt(C->Bound, Known);
    if (!Bound)
      return std::nullopt;
    return std::max<std::int64_t>(
        *Bound + (C->Pred == CmpPred::LE ? 1 : 0) + Plus, 0);
  }
  return std::nullopt;
}

/// The largest constant index at which F reaches the memory of V, plus
/// one (0 when it does not reach it); none when it reaches it at an index
/// that is not constant, nor a counter of a loop between constants.
/// Known: F's integer parameters given constants where it is called. A
/// recursive call met again at the same place reaches nothing new; at
/// another, the memory further each time.
static std::optional<std::int64_t> extentOf(const Function &F, const Value *V,
                                            const KnownInts &Known) {
  static thread_local std::set<const Value *> Reaching;
  if (!Reaching.insert(V).second)
    return std::nullopt;
  struct Done {
    const Value *V;
    ~Done() { Reaching.erase(V); }
  } Leave{V};
  std::int64_t N = 0;
  bool Found = true;
  std::vector<const Value *> Loops; // around the op scanned
  std::function<void(const Block &)> Scan = [&](const Block &Blk) {
    for (const Value *Op : Blk.Ops) {
      if (Op->Code == OpCode::Loop)
        Loops.push_back(Op);
      for (const Block &R : Op->Regions)
        Scan(R);
      if (Op->Code == OpCode::Loop)
        Loops.pop_back();
      for (unsigned K = 0; K < Op->Operands.size() && Found; ++K) {
        const Value *Ptr = Op->Operands[K];
        if (!Ptr->Ty.isMemory() || baseOf(Ptr) != V ||
            Op->Code == OpCode::Offset || Op->Code == OpCode::Field)
          continue;
        std::optional<double> At = constantOffset(Ptr, V);
        const Value *Idx =
            (Op->Code == OpCode::Load || Op->Code == OpCode::Store ||
             Op->Code == OpCode::AddTo) &&
                    K == 0
                ? Op->index()
                : nullptr;
        std::optional<std::int64_t> IdxEnd =
            !Idx ? std::optional<std::int64_t>(1)
            : Idx->isConst()
                ? std::optional(std::int64_t(Idx->constValue()) + 1)
                : counterEnd(Idx, Loops, Known);
        if (!At || !IdxEnd || Ptr->Code == OpCode::Field) {
          Found = false;
          continue;
        }
        std::int64_t End = std::int64_t(*At) + *IdxEnd;
        if (Op->Code == OpCode::Invoke) {
          const Value *P = Op->Callee ? Op->Callee->Params[K].V : nullptr;
          if (P && Reaching.count(P) && *At == 0)
            continue;
          std::optional<std::int64_t> Inner =
              P ? extentOf(*Op->Callee, P, knownArguments(*Op, Known))
                : std::nullopt;
          if (!Inner) {
            Found = false;
            continue;
          }
          End = std::int64_t(*At) + *Inner;
        }
        N = std::max(N, End);
      }
    }
  };
  Scan(F.Body);
  if (!Found)
    return std::nullopt;
  return N;
}

KnownInts knownArguments(const Value &Call, const KnownInts &Known) {
  KnownInts Args;
  if (!Call.Callee)
    return Args;
  for (size_t I = 0; I < Call.Operands.size() && I < Call.Callee->Params.size();
       ++I) {
    const Value *P = Call.Callee->Params[I].V;
    if (P->Ty.isInteger())
      if (std::optional<std::int64_t> K = knownInt(Call.Operands[I], Known))
        Args[P] = *K;
  }
  return Args;
}

std::optional<std::int64_t> reachedExtent(const Function &F, const Value *V,
                                          const KnownInts &Known) {
  std::optional<std::int64_t> N = extentOf(F, V, Known);
  if (!N || *N == 0)
    return std::nullopt;
  return N;
}

} // namespace gradc::ir
