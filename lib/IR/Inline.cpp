//===- Inline.cpp - A copy of a function with some calls written inline ---===//
#include "gradc/IR/Inline.h"

#include "gradc/IR/Uses.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace gradc::ir {

void copyAttributes(const Value &V, Value &C) {
  C.Name = V.Name;
  C.FVal = V.FVal;
  C.IVal = V.IVal;
  C.Text = V.Text;
  C.Fn = V.Fn;
  C.Pred = V.Pred;
  C.ZeroInit = V.ZeroInit;
  C.MemberDefaults = V.MemberDefaults;
  C.NoDefault = V.NoDefault;
  C.Callee = V.Callee;
  C.TypedArgs = V.TypedArgs;
  C.Member = V.Member;
  C.Stride = V.Stride;
  C.Arrow = V.Arrow;
  C.ComplexPart = V.ComplexPart;
  C.StdArray = V.StdArray;
  C.RowDims = V.RowDims;
  C.Private = V.Private;
  C.ThrowArgs = V.ThrowArgs;
}

bool callsItself(const Function &F) {
  std::set<const Function *> Seen;
  std::vector<const Function *> Work{&F};
  while (!Work.empty()) {
    const Function *G = Work.back();
    Work.pop_back();
    bool Found = false;
    forEachOp(G->Body, [&](const Value &V) {
      if (V.Code != OpCode::Invoke || !V.Callee)
        return;
      Found |= V.Callee == &F;
      if (Seen.insert(V.Callee).second)
        Work.push_back(V.Callee);
    });
    if (Found)
      return true;
  }
  return false;
}

namespace {

/// Copies ops of one function (F, or a callee being inlined) into To.
class Copier {
public:
  /// Instead, when given and it returns true, copies an op itself (a call
  /// it writes inline).
  using Hook = std::function<bool(const Value &V, Block &Into)>;

  Copier(Function &To, std::map<const Value *, Value *> &Map, int StmtBase,
         std::map<std::string, std::string> Rename = {}, Hook Instead = {})
      : To(To), Map(Map), StmtBase(StmtBase), Rename(std::move(Rename)),
        Instead(std::move(Instead)) {}

  Value *copy(const Value &V) {
    Value *C = To.create(V.Code, V.Ty);
    for (const Value *Op : V.Operands)
      C->Operands.push_back(Map.at(Op));
    copyAttributes(V, *C);
    if (auto It = Rename.find(V.Name); It != Rename.end())
      C->Name = It->second;
    C->Kept = V.Kept;
    C->Loc = V.Loc;
    C->Stmt = V.Stmt < 0 ? -1 : V.Stmt + StmtBase;
    Map[&V] = C;
    C->Regions.resize(V.Regions.size());
    for (size_t I = 0; I < V.Regions.size(); ++I)
      copyBlock(V.Regions[I], C->Regions[I]);
    return C;
  }

  void copyBlock(const Block &From, Block &Into) {
    for (const Value *V : From.Ops)
      if (!Instead || !Instead(*V, Into))
        Into.Ops.push_back(copy(*V));
  }

private:
  Function &To;
  std::map<const Value *, Value *> &Map;
  int StmtBase;
  std::map<std::string, std::string> Rename;
  Hook Instead;
};

/// The names of F's variables.
void collectNames(const Function &F, std::set<std::string> &Names) {
  for (const Param &P : F.Params)
    Names.insert(P.V->Name);
  forEachOp(F.Body, [&](const Value &V) {
    if (!V.Name.empty())
      Names.insert(V.Name);
  });
}

/// New names for the callee's variables that F's (or an earlier inlined
/// callee's) already have: `c` becomes `c_2`, and its adjoint `dc_2`,
/// where the caller has a `c` of its own.
std::map<std::string, std::string> renaming(const Function &Callee,
                                            std::set<std::string> &Taken) {
  std::set<std::string> Own;
  collectNames(Callee, Own);
  for (const Param &P : Callee.Params)
    Own.erase(P.V->Name); // read as the call's arguments
  std::map<std::string, std::string> Rename;
  for (const std::string &Name : Own) {
    std::string New = Name;
    for (unsigned K = 2; Taken.count(New); ++K)
      New = Name + "_" + std::to_string(K);
    Taken.insert(New);
    if (New != Name)
      Rename[Name] = New;
  }
  return Rename;
}

/// Ops whose value depends on their operands alone, and that cannot trap:
/// a copy computes it anywhere the operands are.
bool pure(const Value &V) {
  if (V.Code == OpCode::Div || V.Code == OpCode::Rem) // by a constant
    return V.Operands[1]->isConst() && V.Operands[1]->constValue() != 0;
  if (V.Code == OpCode::Shl || V.Code == OpCode::Shr) // by a count in range
    return V.Operands[1]->isConst() && V.Operands[1]->IVal >= 0 &&
           V.Operands[1]->IVal < intBits(V.Ty.scalarKind());
  switch (V.Code) {
  case OpCode::Const:
  case OpCode::Cast:
  case OpCode::Copy:
  case OpCode::Neg:
  case OpCode::Add:
  case OpCode::Sub:
  case OpCode::Mul:
  case OpCode::BitAnd:
  case OpCode::BitOr:
  case OpCode::BitXor:
  case OpCode::BitNot:
  case OpCode::Cmp:
  case OpCode::Select:
  case OpCode::And:
  case OpCode::Or:
  case OpCode::Not:
    return true;
  case OpCode::Size: // of a parameter
    return V.Operands[0]->Code == OpCode::Param;
  default:
    return false;
  }
}

/// The reverse mode sizes a std::vector's adjoint and copies where the
/// function's top level can read its size. A callee's vector written
/// inline in a loop or branch is sized there: its size is computed again
/// at the top level, before the statement that holds the call (`4 * b`
/// of the caller's parameter b), when it can be.
class TopLevelSizes {
public:
  explicit TopLevelSizes(Block &Top) : Top(Top) {}

  /// Whether the callee's vectors' sizes can be computed at the top
  /// level, Args giving its parameters.
  bool possible(const Function &Callee,
                const std::map<const Value *, Value *> &Args) {
    for (const Value *Op : Callee.Body.Ops)
      if (Op->Code == OpCode::Local && Op->IVal < 0 &&
          (Op->Operands.size() != 1 || !calleeSize(*Op->Operands[0], Args)))
        return false;
    return true;
  }

  /// V, computed at the top level (before the statement being copied).
  Value *hoist(Function &N, Value *V) {
    if (V->Code == OpCode::Param || atTop(V))
      return V;
    if (auto It = Hoisted.find(V); It != Hoisted.end())
      return It->second;
    Value *C = N.create(V->Code, V->Ty);
    for (Value *Op : V->Operands)
      C->Operands.push_back(hoist(N, Op));
    copyAttributes(*V, *C);
    C->Loc = V->Loc;
    C->Stmt = V->Stmt;
    // Two vectors of one size (a helper called twice, or a vector of the
    // caller's as long) share it.
    for (Value *Made : Top.Ops)
      if (pure(*Made) && same(*Made, *C))
        return Hoisted[V] = Made;
    Top.Ops.push_back(C);
    Hoisted[V] = C;
    return C;
  }

private:
  static bool same(const Value &A, const Value &B) {
    if (&A == &B)
      return true;
    // A constant is also its spelling and its type's name: the enumerator
    // `ge::Mode::Hi` is not the 2 of `2 * m`.
    if (A.Code != B.Code || !(A.Ty == B.Ty) || A.Ty.name() != B.Ty.name() ||
        A.Text != B.Text || A.IVal != B.IVal || A.FVal != B.FVal ||
        A.Fn != B.Fn || A.Pred != B.Pred ||
        A.Operands.size() != B.Operands.size() || A.Code == OpCode::Param)
      return false;
    for (size_t I = 0; I < A.Operands.size(); ++I)
      if (!same(*A.Operands[I], *B.Operands[I]))
        return false;
    return true;
  }
  bool atTop(const Value *V) const {
    return std::find(Top.Ops.begin(), Top.Ops.end(), V) != Top.Ops.end();
  }
  bool callerSize(const Value &V) const {
    if (V.Code == OpCode::Param || atTop(&V))
      return true;
    return pure(V) &&
           std::all_of(V.Operands.begin(), V.Operands.end(),
                       [&](const Value *Op) { return callerSize(*Op); });
  }
  bool calleeSize(const Value &V,
                  const std::map<const Value *, Value *> &Args) const {
    if (V.Code == OpCode::Param)
      return callerSize(*Args.at(&V));
    return pure(V) &&
           std::all_of(V.Operands.begin(), V.Operands.end(),
                       [&](const Value *Op) { return calleeSize(*Op, Args); });
  }

  Block &Top;
  std::map<const Value *, Value *> Hoisted;
};

} // namespace

std::unique_ptr<Function>
inlineCalls(const Function &F,
            const std::function<bool(const Value &Call)> &Wanted,
            std::map<const Value *, const Value *> *Origin) {
  bool Any = false;
  forEachOp(F.Body, [&](const Value &V) {
    Any |= V.Code == OpCode::Invoke && Wanted(V);
  });
  if (!Any)
    return nullptr;

  auto N = std::make_unique<Function>();
  N->Name = F.Name;
  N->Namespaces = F.Namespaces;
  N->File = F.File;
  N->Loc = F.Loc;
  N->RetTy = F.RetTy;
  N->Stmts = F.Stmts;
  N->Doc = F.Doc;
  N->LocalTypes = F.LocalTypes;
  N->TemplateArgs = F.TemplateArgs;
  N->Method = F.Method;
  N->ReturnsRecord = F.ReturnsRecord;
  N->DropsResult = F.DropsResult;
  N->TakesResult = F.TakesResult;
  N->Opaque = F.Opaque;
  N->Synthesized = F.Synthesized;
  N->LocalClass = F.LocalClass;
  N->Header = F.Header;
  N->Custom = F.Custom;
  N->Incomplete = F.Incomplete;

  std::map<const Value *, Value *> Map;
  for (const Param &P : F.Params) {
    Param Copy = P;
    Copy.V = N->create(OpCode::Param, P.V->Ty);
    copyAttributes(*P.V, *Copy.V);
    Copy.V->Loc = P.V->Loc;
    Map[P.V] = Copy.V;
    N->Params.push_back(std::move(Copy));
  }

  std::set<std::string> Taken;
  collectNames(F, Taken);
  TopLevelSizes Sizes(N->Body);
  auto Inline = [&](const Value *V, Block &Into) {
    if (V->Code != OpCode::Invoke || !Wanted(*V))
      return false;
    const Function &Callee = *V->Callee;
    // The callee's values: its parameters are the call's arguments.
    std::map<const Value *, Value *> Inner;
    for (size_t I = 0; I < Callee.Params.size(); ++I)
      Inner[Callee.Params[I].V] = Map.at(V->Operands[I]);
    bool Nested = &Into != &N->Body;
    if (Nested && !Sizes.possible(Callee, Inner))
      return false;
    // The callee's own classes come along; one named as another class of
    // the function's would be defined twice in one body: the call stays.
    for (const LocalType &T : Callee.LocalTypes)
      for (const LocalType &Own : N->LocalTypes)
        if (Own.Name == T.Name && Own.Definition != T.Definition)
          return false;
    for (const LocalType &T : Callee.LocalTypes)
      if (std::none_of(
              N->LocalTypes.begin(), N->LocalTypes.end(),
              [&](const LocalType &Own) { return Own.Name == T.Name; }))
        N->LocalTypes.push_back(T);
    // A pointer computed for the call reads as the parameter it is:
    // `cams + 11 * obs[2 * i]` is the callee's `cam`.
    for (const Param &P : Callee.Params) {
      Value *Arg = Inner.at(P.V);
      if (Arg->Code == OpCode::Offset && Arg->Name.empty()) {
        std::string Name = P.V->Name;
        for (unsigned K = 2; Taken.count(Name); ++K)
          Name = P.V->Name + "_" + std::to_string(K);
        Taken.insert(Name);
        Arg->Name = Name;
      }
    }
    Copier Body(*N, Inner, static_cast<int>(N->Stmts.size()),
                renaming(Callee, Taken));
    for (Statement S : Callee.Stmts) {
      if (S.Inside.empty())
        S.Inside = Callee.Name;
      N->Stmts.push_back(std::move(S));
    }
    for (const Value *Op : Callee.Body.Ops) {
      if (Op->Code == OpCode::Return) {
        if (!Op->Operands.empty())
          Map[V] = Inner.at(Op->Operands[0]);
        break;
      }
      Value *C = Body.copy(*Op);
      if (Nested && C->Code == OpCode::Local && C->IVal < 0)
        C->Operands[0] = Sizes.hoist(*N, C->Operands[0]);
      Into.Ops.push_back(C);
    }
    for (const auto &[Inside, Advice] : Callee.CallAdvice)
      if (auto It = Inner.find(Inside); It != Inner.end())
        N->CallAdvice[It->second] = Advice;
    return true;
  };
  Copier Own(*N, Map, 0, {},
             [&](const Value &V, Block &Into) { return Inline(&V, Into); });
  Own.copyBlock(F.Body, N->Body);
  for (const auto &[Call, Advice] : F.CallAdvice)
    if (auto It = Map.find(Call); It != Map.end())
      N->CallAdvice[It->second] = Advice;
  if (auto It = Map.find(F.ResultCount); It != Map.end())
    N->ResultCount = It->second;
  if (Origin)
    for (const auto &[Own, Copy] : Map)
      (*Origin)[Copy] = Own;
  return N;
}

} // namespace gradc::ir
